//go:build linux

package buildtags

import (
	"os"

	"github.com/redis/go-redis/v9"
)

func Client() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")}) // want `plaintext`
}
