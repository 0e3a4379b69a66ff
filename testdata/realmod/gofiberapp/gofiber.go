// Package gofiberapp calls gofiber/storage's Redis storage (a library
// that builds the client for its caller: a variadic configuration
// normalised by its defaults helper, a URL parsed on one branch, host and
// port on the other), judged through its summary (issue 21).
package gofiberapp

import (
	"crypto/tls"

	"github.com/gofiber/storage/redis/v3"
)

func storages() {
	redis.New(redis.Config{Host: "cache.example.com", Port: 6379})     // want `redis\.New builds a Redis client \(redis\.UniversalOptions`
	redis.New(redis.Config{URL: "redis://cache.example.com:6379/0"})   // want `without TLS`
	redis.New(redis.Config{Addrs: []string{"cache.example.com:6379"}}) // want `without TLS`
	redis.New(redis.Config{URL: "rediss://cache.example.com:6379/0"})
	redis.New(redis.Config{Host: "localhost", Port: 6379})
	redis.New(redis.Config{Host: "cache.example.com", TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}})
	redis.New(redis.Config{Host: "cache.example.com", TLSConfig: &tls.Config{InsecureSkipVerify: true}}) // want `InsecureSkipVerify`
	redis.New()
}
