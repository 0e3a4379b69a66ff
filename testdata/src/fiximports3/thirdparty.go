package fiximports3

import (
	"github.com/redis/go-redis/v9"
)

var tls = "a package-level name tls"

func g(addr string) *redis.Client {
	return redis.NewClient(&redis.Options{Addr: addr}) // want `plaintext`
}
