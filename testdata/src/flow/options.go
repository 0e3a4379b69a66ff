package flow

import (
	"crypto/tls"
	"os"

	"example.com/cachecfg"
	"example.com/tlsgen"
	"github.com/redis/go-redis/v9"
)

// Options handed to another package's function: judged by its fact.

func applyDefaults() *redis.Client {
	opts := redis.Options{Addr: os.Getenv("REDIS_ADDR")} // want `redis.Options for os.Getenv\("REDIS_ADDR"\) has no TLSConfig`
	cachecfg.ApplyDefaults(&opts)
	return redis.NewClient(&opts)
}

func connectElsewhere() *redis.Client {
	return cachecfg.Connect(&redis.Options{Addr: os.Getenv("REDIS_ADDR")}) // want `plaintext`
}

func securedElsewhere() *redis.Client {
	opts := &redis.Options{Addr: os.Getenv("REDIS_ADDR")}
	cachecfg.Secure(opts)
	return redis.NewClient(opts)
}

func maybeElsewhere(on bool) *redis.Client {
	opts := &redis.Options{Addr: os.Getenv("REDIS_ADDR")}
	cachecfg.Maybe(opts, on)
	return redis.NewClient(opts)
}

// Options made in closures.

func closureOptions() *redis.Client {
	mk := func() *redis.Options {
		return &redis.Options{Addr: os.Getenv("REDIS_ADDR")} // want `plaintext`
	}
	return redis.NewClient(mk())
}

func closureOptionsTLSLater(cfg *tls.Config) *redis.Client {
	mk := func() *redis.Options {
		return &redis.Options{Addr: os.Getenv("REDIS_ADDR")}
	}
	o := mk()
	o.TLSConfig = cfg
	return redis.NewClient(o)
}

func immediateOptions() *redis.Client {
	return redis.NewClient(func() *redis.Options {
		return &redis.Options{Addr: os.Getenv("REDIS_ADDR")} // want `plaintext`
	}())
}

// Options in maps and slices.

var shards = map[string]*redis.Options{
	"a": {Addr: "cache-a.example.com:6379"}, // want `plaintext`
	"b": {Addr: "cache-b.example.com:6380", TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}},
}

func shard(name string) *redis.Client {
	return redis.NewClient(shards[name])
}

func shardsRanged() {
	for _, o := range []*redis.Options{{Addr: os.Getenv("REDIS_ADDR")}} { // want `plaintext`
		_ = redis.NewClient(o)
	}
}

func shardsTLSLater(cfg *tls.Config) {
	for _, o := range []*redis.Options{{Addr: os.Getenv("REDIS_ADDR")}} {
		o.TLSConfig = cfg
		_ = redis.NewClient(o)
	}
}

// Generic helpers around the options.

func genericOptions() *redis.Client {
	return redis.NewClient(tlsgen.Must(redis.ParseURL("redis://cache.example.com:6379"))) // want `uses redis://`
}

func genericOptionsTLSLater(cfg *tls.Config) *redis.Client {
	o := tlsgen.Must(redis.ParseURL("redis://cache.example.com:6379"))
	o.TLSConfig = cfg
	return redis.NewClient(o)
}
