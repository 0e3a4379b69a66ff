package libapp

import (
	"context"

	"github.com/silenceper/wechat/v2/cache"
)

func caches(ctx context.Context) {
	cache.NewRedis(ctx, &cache.RedisOpts{Host: "cache.example.com:6379"}) // want `cache\.NewRedis builds a Redis client .* without TLS here; set opts\.UseTLS to true`
	cache.NewRedis(ctx, &cache.RedisOpts{Host: "cache.example.com:6379", UseTLS: true})
	cache.NewRedis(ctx, &cache.RedisOpts{Host: "127.0.0.1:6379"})
}
