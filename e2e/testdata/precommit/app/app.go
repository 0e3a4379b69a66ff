// Package app connects to the application's Redis.
package app

import (
	"crypto/tls"
	"os"

	"github.com/redis/go-redis/v9"
)

// NewClient connects with verified TLS.
func NewClient() *redis.Client {
	return redis.NewClient(&redis.Options{
		Addr:      os.Getenv("REDIS_ADDR"),
		TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12},
	})
}
