package store

import (
	"crypto/tls"

	"github.com/redis/go-redis/v9"
)

// NewSessions turns verification off without saying why:
// insecure-skip-verify, with a fix that removes it.
func NewSessions(addr string) *redis.Client {
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: &tls.Config{
		InsecureSkipVerify: true,
	}})
}

// NewHeroku turns verification off with a reason: no finding.
func NewHeroku(addr string) *redis.Client {
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: &tls.Config{
		// Heroku Redis presents a self-signed certificate
		InsecureSkipVerify: true,
	}})
}

// NewInternal connects to an internal host without TLS: missing-tls, silent
// with -plaintext-hosts=redis.internal.
func NewInternal() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: "redis.internal:6379"})
}
