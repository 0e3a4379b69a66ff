// Package store opens the shop's Redis clients. Each function is one case
// of the end-to-end tests in ../../e2e.
package store

import (
	"os"

	"github.com/redis/go-redis/v9"
)

// NewCache connects without TLS: missing-tls, with a fix that adds a
// TLSConfig and the crypto/tls import.
func NewCache() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
}
