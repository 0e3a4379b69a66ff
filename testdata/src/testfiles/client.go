package testfiles // want package:"clientSummaries"

import (
	"cmp"
	"flag"
	"os"

	"github.com/redis/go-redis/v9"
)

func New(addr string) *redis.Client { return redis.NewClient(&redis.Options{Addr: addr}) } // want `plaintext` New:`clients\(.*noTLS`

var prodAddr = flag.String("redis_addr", "localhost:6379", "overridden in production")

// Outside tests a flag's local default proves nothing.
func FromFlag() *redis.Client { return redis.NewClient(&redis.Options{Addr: *prodAddr}) } // want `plaintext`

// Options returns the production options; a test compares them.
func Options() *redis.Options { return &redis.Options{Addr: "cache.example.com:6379"} } // want `plaintext`

// Outside tests the environment decides where the program connects, even
// with a local fallback.
func FromEnv() *redis.Client {
	addr := os.Getenv("REDIS_ADDR")
	if addr == "" {
		addr = "localhost:6379"
	}
	return redis.NewClient(&redis.Options{Addr: addr}) // want `plaintext`
}

func FromEnvOr() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: cmp.Or(os.Getenv("REDIS_ADDR"), "localhost:6379")}) // want `has no TLSConfig`
}
