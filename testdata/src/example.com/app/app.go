package app

import (
	"os"

	"example.com/tlsutil"
	"github.com/redis/go-redis/v9"
)

func insecure() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: tlsutil.Insecure()}) // want `this Redis client's TLS config comes from tlsutil.Insecure \(example.com/tlsutil/tlsutil.go:9\), which sets InsecureSkipVerify`
}

func legacy() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: tlsutil.Legacy()}) // want `Redis TLS allows versions below 1.2: this Redis client's TLS config comes from tlsutil.Legacy`
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
