package fiximports2

import "github.com/redis/go-redis/v9"

func f(addr string) *redis.Client {
	return redis.NewClient(&redis.Options{Addr: addr}) // want `plaintext`
}
