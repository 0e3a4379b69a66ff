package fiximports

import (
	"os"

	"github.com/redis/go-redis/v9"
)

func a() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")}) // want `plaintext`
}

func b() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR2")}) // want `plaintext`
}
