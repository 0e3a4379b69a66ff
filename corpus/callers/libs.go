package main

// Callers of libraries that build the client themselves from their own
// configuration (issue 21): gofiber's storage, centrifuge's Redis shard,
// neoq's Redis backend, wechat's cache and asynqmon. Each is judged
// through the library's function summary, at the call.

import (
	"context"
	"crypto/tls"
	"os"

	neoqredis "github.com/acaloiaro/neoq/backends/redis"
	"github.com/centrifugal/centrifuge"
	fiberredis "github.com/gofiber/storage/redis/v3"
	"github.com/hibiken/asynq"
	"github.com/hibiken/asynqmon"
	"github.com/silenceper/wechat/v2/cache"
)

func libraries(ctx context.Context, node *centrifuge.Node) {
	// gofiber storage: a managed host without TLS; then with TLS, and a
	// rediss:// URL.
	fiberredis.New(fiberredis.Config{Host: "sessions.cache.example.com", Port: 6379, Password: os.Getenv("REDIS_PASSWORD")})
	fiberredis.New(fiberredis.Config{Host: "sessions.cache.example.com", Port: 6379, TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}})
	fiberredis.New(fiberredis.Config{URL: "rediss://sessions.cache.example.com:6379/0"})

	// centrifuge: the broker's shard by a redis:// URL, then by rediss://.
	if _, err := centrifuge.NewRedisShard(node, centrifuge.RedisShardConfig{Address: "redis://broker.cache.example.com:6379"}); err != nil {
		panic(err)
	}
	if _, err := centrifuge.NewRedisShard(node, centrifuge.RedisShardConfig{Address: "rediss://broker.cache.example.com:6379"}); err != nil {
		panic(err)
	}

	// neoq: asynq options without TLS, to a managed host; and locally.
	if _, err := neoqredis.Backend(ctx, neoqredis.WithAddr("jobs.cache.example.com:6379")); err != nil {
		panic(err)
	}
	if _, err := neoqredis.Backend(ctx, neoqredis.WithAddr("localhost:6379")); err != nil {
		panic(err)
	}

	// wechat's token cache: TLS off unless UseTLS.
	cache.NewRedis(ctx, &cache.RedisOpts{Host: "tokens.cache.example.com:6379"})
	cache.NewRedis(ctx, &cache.RedisOpts{Host: "tokens.cache.example.com:6379", UseTLS: true})

	// asynqmon: the monitor's connection options handed over whole.
	asynqmon.New(asynqmon.Options{RedisConnOpt: asynq.RedisClientOpt{Addr: "jobs.cache.example.com:6379"}})
	asynqmon.New(asynqmon.Options{RedisConnOpt: asynq.RedisClientOpt{Addr: "jobs.cache.example.com:6379", TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}}})
}
