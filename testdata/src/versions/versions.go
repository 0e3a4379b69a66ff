package versions

import (
	"os"

	redisv6 "github.com/go-redis/redis"
	redisv7 "github.com/go-redis/redis/v7"
	redisv8 "github.com/go-redis/redis/v8"
)

func v8() *redisv8.Client {
	return redisv8.NewClient(&redisv8.Options{Addr: os.Getenv("REDIS_ADDR")}) // want `redisv8.Options`
}

func v8Ring() *redisv8.Ring {
	return redisv8.NewRing(&redisv8.RingOptions{Addrs: map[string]string{"a": "a.example.com:6379"}}) // want `redisv8.RingOptions`
}

func v7() *redisv7.Client {
	return redisv7.NewClient(&redisv7.Options{Addr: "cache.example.com:6379"}) // want `redisv7.Options`
}

// v7's RingOptions has no TLSConfig: the finding says to upgrade, no fix.
func v7Ring() *redisv7.Ring {
	return redisv7.NewRing(&redisv7.RingOptions{Addrs: map[string]string{"a": "a.example.com:6379"}}) // want `redisv7.RingOptions for "a.example.com:6379" cannot use TLS .*upgrade to github.com/redis/go-redis/v9`
}

func v7Socket() *redisv7.Client { return redisv7.NewClient(&redisv7.Options{Addr: "/tmp/redis.sock"}) }

// v6 does not treat an Addr starting with "/" as a unix socket.
func v6Socket() *redisv6.Client {
	return redisv6.NewClient(&redisv6.Options{Addr: "/tmp/redis.sock"}) // want `redisv6.Options for "/tmp/redis.sock"`
}

func v6Unix() *redisv6.Client {
	return redisv6.NewClient(&redisv6.Options{Network: "unix", Addr: "/tmp/redis.sock"})
}
