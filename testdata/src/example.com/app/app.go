package app

import (
	"os"

	"example.com/tlsutil"
	"github.com/redis/go-redis/v9"
)

func insecure() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: tlsutil.Insecure()}) // want `TLS config from tlsutil.Insecure \(.*tlsutil.go:9\) skips verification`
}

func legacy() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: tlsutil.Legacy()}) // want `TLS config from tlsutil.Legacy`
}

func throughLocal() *redis.Client {
	cfg, err := tlsutil.Wrapped() // want `tlsutil.Wrapped`
	if err != nil {
		panic(err)
	}
	opt := &redis.Options{Addr: os.Getenv("REDIS_ADDR")}
	opt.TLSConfig = cfg
	return redis.NewClient(opt)
}

func shared() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: tlsutil.Shared}) // want `tlsutil.Shared`
}

// Not reported.

func justifiedInHelper() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: tlsutil.SelfSigned()})
}

func verified() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: tlsutil.Verified()})
}
