// Package queue enqueues background jobs with asynq.
package queue

import (
	"os"

	"github.com/hibiken/asynq"
)

// NewClient connects asynq without TLS: missing-tls.
func NewClient() *asynq.Client {
	return asynq.NewClient(asynq.RedisClientOpt{Addr: os.Getenv("REDIS_ADDR")})
}
