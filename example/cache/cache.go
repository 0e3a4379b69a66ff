// Package cache connects to the Redis add-on used as a cache.
package cache

import (
	"crypto/tls"
	"os"

	"github.com/redis/go-redis/v9"
)

// New connects to REDIS_ADDR. The production plan only accepts TLS, and
// this client has none: redistlslint reports missing-tls.
func New() *redis.Client {
	if os.Getenv("APP_ENV") == "development" {
		// Local Redis: plaintext is fine.
		return redis.NewClient(&redis.Options{Addr: "localhost:6379"})
	}
	return redis.NewClient(&redis.Options{
		Addr:     os.Getenv("REDIS_ADDR"),
		Password: os.Getenv("REDIS_PASSWORD"),
		DB:       0,
	})
}

// NewReplica reads from a replica with an old TLS floor: weak-tls.
func NewReplica() *redis.Client {
	return redis.NewClient(&redis.Options{
		Addr:      os.Getenv("REDIS_REPLICA_ADDR"),
		TLSConfig: &tls.Config{MinVersion: tls.VersionTLS10},
	})
}

// FromURL connects to CACHE_URL, whose scheme decides TLS (rediss:// for
// TLS). The code is fine; the values are in deploy/ and compose.yaml,
// where redistlslint judges them.
func FromURL() (*redis.Client, error) {
	opts, err := redis.ParseURL(os.Getenv("CACHE_URL"))
	if err != nil {
		return nil, err
	}
	return redis.NewClient(opts), nil
}
