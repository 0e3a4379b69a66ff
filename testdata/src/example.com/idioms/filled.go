package idioms

import (
	"crypto/tls"

	"github.com/redis/go-redis/v9"
)

// Class 4: a configuration built empty at the caller, then filled field
// by field, is judged like the literal form.

// PoolConfig is a wrapper's configuration with a TLS switch.
type PoolConfig struct {
	Host   string
	UseTLS bool
	TLS    *tls.Config
}

// NewPool builds a client, with TLS when UseTLS is set.
func NewPool(c *PoolConfig) *redis.Client { // want NewPool:`clients\(.*addrs=\[0\.Host\] guard\(0\.UseTLS\)`
	opts := &redis.Options{Addr: c.Host}
	if c.UseTLS {
		opts.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	}
	return redis.NewClient(opts)
}

// NewPoolValue takes the configuration by value, with a config field.
func NewPoolValue(c PoolConfig) *redis.Client { // want NewPoolValue:`clients\(.*addrs=\[0\.Host\] config\(0\.TLS\)`
	return redis.NewClient(&redis.Options{Addr: c.Host, TLSConfig: c.TLS})
}

func useFilled(secure bool) {
	c1 := new(PoolConfig)
	c1.Host = "cache.prod:6379"
	NewPool(c1) // want `without TLS`

	c2 := &PoolConfig{}
	c2.Host = "cache.prod:6379"
	c2.UseTLS = true
	NewPool(c2)

	var c3 PoolConfig
	c3.Host = "cache.prod:6379"
	NewPool(&c3) // want `without TLS`

	var c4 PoolConfig
	c4.Host = "localhost:6379"
	NewPool(&c4)

	c5 := &PoolConfig{}
	c5.Host = "cache.prod:6379"
	c5.UseTLS = secure
	NewPool(c5)

	var c6 PoolConfig
	c6.Host = "cache.prod:6379"
	c6.TLS = &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify`
	NewPoolValue(c6)

	var c7 PoolConfig
	c7.Host = "cache.prod:6379"
	NewPoolValue(c7) // want `without TLS`

	var c9 PoolConfig
	c9.Host = "cache.prod:6379"
	c9.TLS = &tls.Config{MinVersion: tls.VersionTLS11} // want `below 1.2`
	NewPoolValue(c9)

	c8 := new(PoolConfig)
	c8.Host = "cache.prod:6379"
	fill(c8)
	NewPool(c8)
}

func fill(c *PoolConfig) { c.UseTLS = true }

// Load fills the configuration from somewhere.
func (c *PoolConfig) Load() { c.UseTLS = true }
