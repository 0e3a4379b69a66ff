package idioms

import (
	"crypto/tls"

	"github.com/redis/go-redis/v9"
)

// Class 10: TLS set after construction through a client kept in a
// struct field: p.client.Options().TLSConfig = cfg.

// Cache keeps its client in a field.
type Cache struct {
	client *redis.Client
}

// NewCache sets TLS on the client it keeps, after building it.
func NewCache(addr string, cfg *tls.Config) *Cache { // want NewCache:`clients\(.*addrs=\[0\] config\(1\)`
	c := &Cache{}
	c.client = redis.NewClient(&redis.Options{Addr: addr})
	c.client.Options().TLSConfig = cfg
	return c
}

// Store keeps its client in a field and turns TLS on in a method.
type Store struct {
	rdb *redis.Client
}

func (s *Store) secure() {
	s.rdb.Options().TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12}
}

// Plain keeps a client in a field and never sets TLS on it.
type Plain struct {
	rdb *redis.Client
}

func useClientField() {
	c := &Cache{}
	c.client = redis.NewClient(&redis.Options{Addr: "cache.prod:6379"})
	c.client.Options().TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12}

	s := &Store{rdb: redis.NewClient(&redis.Options{Addr: "cache.prod:6379"})}
	s.secure()
	s2 := &Store{}
	s2.rdb = redis.NewClient(&redis.Options{Addr: "cache.prod:6379"})

	p := &Plain{}
	p.rdb = redis.NewClient(&redis.Options{Addr: "cache.prod:6379"}) // want `has no TLSConfig`

	NewCache("cache.prod:6379", nil) // want `without TLS`
	NewCache("cache.prod:6379", &tls.Config{MinVersion: tls.VersionTLS12})
	NewCache("localhost:6379", nil)
	NewCache("cache.prod:6379", &tls.Config{InsecureSkipVerify: true}) // want `InsecureSkipVerify`
}
