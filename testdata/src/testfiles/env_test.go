package testfiles

import (
	"cmp"
	"os"
	"testing"

	"github.com/redis/go-redis/v9"
)

// In tests, an address from the environment with a local fallback is the
// test's own Redis (a developer's, or a CI service container).

func TestEnvFallback(t *testing.T) {
	addr := os.Getenv("REDIS_ADDR")
	if addr == "" {
		addr = "localhost:6379"
	}
	redis.NewClient(&redis.Options{Addr: addr})
}

func testRedisAddr() string {
	if a, ok := os.LookupEnv("REDIS_ADDR"); ok {
		return a
	}
	return "127.0.0.1:6379"
}

func TestEnvHelper(t *testing.T) {
	redis.NewClient(&redis.Options{Addr: testRedisAddr()})
	redis.NewClient(&redis.Options{Addr: cmp.Or(os.Getenv("REDIS_ADDR"), "localhost:6379")})
}

func TestEnvWithoutFallback(t *testing.T) {
	redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")}) // want `plaintext`
	addr := os.Getenv("REDIS_ADDR")
	redis.NewClient(&redis.Options{Addr: addr}) // want `plaintext`
}

func TestEnvRemoteFallback(t *testing.T) {
	redis.NewClient(&redis.Options{Addr: cmp.Or(os.Getenv("REDIS_ADDR"), "staging.example.com:6379")}) // want `has no TLSConfig`
}
