// Package rediscache is the shop's own wrapper: it turns TLS on when its
// configuration says so. Its callers are judged through its summary.
package rediscache

import (
	"crypto/tls"

	"github.com/redis/go-redis/v9"
)

// Config configures the cache.
type Config struct {
	Addr string
	TLS  bool
}

// New connects to cfg.Addr, with TLS when cfg.TLS is set.
func New(cfg Config) *redis.Client {
	opts := &redis.Options{Addr: cfg.Addr}
	if cfg.TLS {
		opts.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	}
	return redis.NewClient(opts)
}
