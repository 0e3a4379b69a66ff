package fiximports

import (
	"os"

	"github.com/redis/go-redis/v9"
)

type settings struct{ Addr string }

func d(tls settings) *redis.Client {
	// A parameter named tls: the fix must not capture it.
	return redis.NewClient(&redis.Options{Addr: tls.Addr}) // want `plaintext`
}

func e() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("X")}) // want `plaintext`
}
