package libapp

import (
	"context"

	"github.com/acaloiaro/neoq"
	neoqredis "github.com/acaloiaro/neoq/backends/redis"
)

func queues(ctx context.Context) {
	neoqredis.Backend(ctx, neoqredis.WithAddr("cache.example.com:6379")) // want `neoqredis.Backend builds a Redis client .* that can never use TLS`
	neoq.New(ctx, neoq.WithBackend(neoqredis.Backend), neoqredis.WithAddr("cache.example.com:6379"))
	neoqredis.Backend(ctx, neoqredis.WithAddr("localhost:6379"))
}
