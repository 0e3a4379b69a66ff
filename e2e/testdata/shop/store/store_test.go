package store

import (
	"os"
	"testing"

	"github.com/redis/go-redis/v9"
)

// A test's client without TLS: missing-tls, silent with -skip-tests.
func TestPing(t *testing.T) {
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("TEST_REDIS_ADDR")})
	defer rdb.Close()
}
