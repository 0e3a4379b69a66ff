package testfiles

import (
	"flag"

	"github.com/redis/go-redis/v9"
)

func New(addr string) *redis.Client { return redis.NewClient(&redis.Options{Addr: addr}) } // want `without TLS`

var prodAddr = flag.String("redis_addr", "localhost:6379", "overridden in production")

// Outside tests a flag's local default proves nothing.
func FromFlag() *redis.Client { return redis.NewClient(&redis.Options{Addr: *prodAddr}) } // want `without TLS`

// Options returns the production options; a test compares them.
func Options() *redis.Options { return &redis.Options{Addr: "cache.example.com:6379"} } // want `without TLS`
