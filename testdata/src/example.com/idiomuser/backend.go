package idiomuser

import (
	"context"
	"crypto/tls"
	"os"

	"example.com/idioms"
	"example.com/idioms/queuecfg"
)

// neoq's shape from another package: the address an option gives decides.

func useBackend(ctx context.Context) {
	idioms.Backend(ctx, idioms.WithQueueAddr("cache.prod:6379"))                       // want `idioms.Backend builds a Redis client .* that can never use TLS`
	idioms.Backend(ctx, func(c *queuecfg.Config) { c.Addr = os.Getenv("REDIS_ADDR") }) // want `idioms.Backend builds a Redis client .* that can never use TLS`
	idioms.Backend(ctx, idioms.WithQueueAddr("localhost:6379"))
	idioms.Backend(ctx)
	idioms.Backend(ctx, idioms.WithQueueAddr("cache.prod:6379"), idioms.WithQueueTLS(nil)) // want `that can never use TLS`
	idioms.BackendTLS(ctx, idioms.WithQueueAddr("cache.prod:6379"))
	idioms.BackendTLS(ctx, idioms.WithQueueAddr("cache.prod:6379"), idioms.WithQueueTLS(&tls.Config{MinVersion: tls.VersionTLS12}))
}
