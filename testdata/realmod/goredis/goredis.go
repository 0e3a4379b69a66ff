// Package goredis uses the real go-redis v9 module.
package goredis

import (
	"crypto/tls"
	"os"

	"github.com/redis/go-redis/v9"
)

func plain() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")}) // want `redis.Options for .* has no TLSConfig`
}

func skip() *redis.ClusterClient {
	return redis.NewClusterClient(&redis.ClusterOptions{
		Addrs:     []string{os.Getenv("REDIS_ADDR")},
		TLSConfig: &tls.Config{InsecureSkipVerify: true}, // want `turns off Redis certificate checks`
	})
}

func ring() *redis.Ring {
	return redis.NewRing(&redis.RingOptions{Addrs: map[string]string{"a": "a.example.com:6379"}}) // want `redis.RingOptions`
}

func url() (*redis.Options, error) {
	return redis.ParseURL("rediss://cache.example.com:6380?skip_verify=true") // want `skip_verify`
}

func secure() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}})
}

func local() *redis.Client { return redis.NewClient(&redis.Options{Addr: "localhost:6379"}) }
