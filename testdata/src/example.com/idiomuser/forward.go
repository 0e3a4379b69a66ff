package idiomuser

import (
	"crypto/tls"

	"example.com/idioms"
	"github.com/redis/go-redis/v9"
)

// A wrapper that passes its own options on with one of its own in front
// (issue 21): its callers' options decide TLS, its parameter the address.
func newQueue(addr string, opts ...idioms.ClientOption) *redis.Client {
	return idioms.NewOpts(append([]idioms.ClientOption{idioms.WithAddr(addr)}, opts...)...)
}

func useForwarded(c *tls.Config) {
	newQueue("cache.prod:6379") // want `without TLS`
	newQueue("cache.prod:6379", idioms.WithTLSConfig(c))
	newQueue("cache.prod:6379", idioms.WithTLSConfig(&tls.Config{InsecureSkipVerify: true})) // want `InsecureSkipVerify`
	newQueue("localhost:6379")
	idioms.NewOptsWrapper("cache.prod:6379") // want `without TLS`
	idioms.NewOptsWrapper("cache.prod:6379", idioms.WithTLSConfig(c))
}
