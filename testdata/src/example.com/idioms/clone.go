package idioms

import (
	"crypto/tls"

	"github.com/redis/go-redis/v9"
)

// Clone-and-modify helpers in the package that builds the client: the
// base given is judged with what the helper changes.

func withoutVerify(c *tls.Config) *tls.Config {
	c = c.Clone()
	c.InsecureSkipVerify = true // want `InsecureSkipVerify: true turns off`
	return c
}

func withServerName(c *tls.Config, name string) *tls.Config {
	c = c.Clone()
	c.ServerName = name
	return c
}

func verifyFrom(base *tls.Config, skip bool) *tls.Config {
	c := base.Clone()
	c.InsecureSkipVerify = skip
	return c
}

func cloneHelpers(base *tls.Config) {
	strict := &tls.Config{MinVersion: tls.VersionTLS12}
	legacy := &tls.Config{MinVersion: tls.VersionTLS10} // want `below 1.2`
	_ = redis.NewClient(&redis.Options{Addr: "cache.prod:6379", TLSConfig: withoutVerify(strict)})
	_ = redis.NewClient(&redis.Options{Addr: "cache.prod:6379", TLSConfig: withServerName(strict, "cache.prod")})
	_ = redis.NewClient(&redis.Options{Addr: "cache.prod:6379", TLSConfig: withServerName(legacy, "cache.prod")})
	_ = redis.NewClient(&redis.Options{Addr: "cache.prod:6379", TLSConfig: verifyFrom(strict, false)})
	_ = redis.NewClient(&redis.Options{Addr: "cache.prod:6379", TLSConfig: verifyFrom(base, true)}) // want `TLS config from verifyFrom \(.*clone.go:26\) skips verification`
}
