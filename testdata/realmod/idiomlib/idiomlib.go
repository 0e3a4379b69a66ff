// Package idiomlib is a library in a module of its own (replaced by a
// directory in example.com/realmod): order within a function (issue 21,
// class 8) and clone-and-modify helpers (class 9) across modules.
package idiomlib

import (
	"crypto/tls"
	"net/http"

	"github.com/redis/go-redis/v9"
)

// NewProbed probes an HTTP endpoint with a throwaway config, then builds
// the client with the caller's.
func NewProbed(addr string, secure *tls.Config) *redis.Client {
	cfg := &tls.Config{InsecureSkipVerify: true}
	_ = &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
	cfg = secure
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: cfg})
}

// WithoutVerify turns verification off on a copy of the base.
func WithoutVerify(c *tls.Config) *tls.Config {
	c = c.Clone()
	c.InsecureSkipVerify = true
	return c
}

// WithServerName keeps the base's verification.
func WithServerName(c *tls.Config, name string) *tls.Config {
	c = c.Clone()
	c.ServerName = name
	return c
}

// Verify sets verification from the caller's switch.
func Verify(base *tls.Config, skip bool) *tls.Config {
	c := base.Clone()
	c.InsecureSkipVerify = skip
	return c
}
