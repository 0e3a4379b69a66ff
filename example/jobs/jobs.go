// Package jobs enqueues background work with asynq.
package jobs

import (
	"os"

	"github.com/hibiken/asynq"

	"github.com/redistlslint/redistlslint/example/tlsconf"
)

// NewClient uses the shared TLS helper, which turns verification off in
// another package: redistlslint reports it here, naming the helper.
func NewClient() *asynq.Client {
	return asynq.NewClient(asynq.RedisClientOpt{
		Addr:      os.Getenv("REDIS_ADDR"),
		Password:  os.Getenv("REDIS_PASSWORD"),
		TLSConfig: tlsconf.ForRedis(),
	})
}
