package goredis

import (
	"crypto/tls"
	"os"

	"github.com/redis/go-redis/v9"
)

// Reported: built without TLS for an address that is not local.

func fromEnv() *redis.Client {
	return redis.NewClient(&redis.Options{ // want `redis.Options for os.Getenv\("REDIS_ADDR"\) has no TLSConfig`
		Addr:     os.Getenv("REDIS_ADDR"),
		Password: os.Getenv("REDIS_PASSWORD"),
	})
}

func constantRemote() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: "cache.example.com:6379"}) // want `redis.Options for "cache.example.com:6379" has no TLSConfig`
}

func valueLiteral(addr string) *redis.Client {
	opt := redis.Options{Addr: addr} // want `missing|plaintext`
	return redis.NewClient(&opt)
}

func cluster() *redis.ClusterClient {
	return redis.NewClusterClient(&redis.ClusterOptions{ // want `redis.ClusterOptions for "a.example.com:6379", "b.example.com:6379" has`
		Addrs: []string{"a.example.com:6379", "b.example.com:6379"},
	})
}

func failover(addrs []string) *redis.Client {
	return redis.NewFailoverClient(&redis.FailoverOptions{MasterName: "mymaster", SentinelAddrs: addrs}) // want `redis.FailoverOptions for addrs`
}

func universal(addrs []string) redis.UniversalClient {
	return redis.NewUniversalClient(&redis.UniversalOptions{Addrs: addrs}) // want `redis.UniversalOptions`
}

func ring() *redis.Ring {
	return redis.NewRing(&redis.RingOptions{Addrs: map[string]string{"s1": "shard1.example.com:6379"}}) // want `redis.RingOptions`
}

// Fields assigned after var or new.
func varThenFields() *redis.Client {
	var opt redis.Options // want `redis.Options for os.Getenv\("REDIS_ADDR"\)`
	opt.Addr = os.Getenv("REDIS_ADDR")
	opt.DB = 1
	return redis.NewClient(&opt)
}

func newThenFields() *redis.Client {
	opt := new(redis.Options) // want `redis.Options for "10.0.0.12:6379"`
	opt.Addr = "10.0.0.12:6379"
	return redis.NewClient(opt)
}

// Returned from a function: the literal is where TLS is missing.
func redisOptions() *redis.Options {
	return &redis.Options{Addr: os.Getenv("REDIS_ADDR")} // want `plaintext`
}

func useRedisOptions() *redis.Client { return redis.NewClient(redisOptions()) }

// A TLSConfig provably nil is no TLS.
func explicitNil() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: nil}) // want `plaintext`
}

// Passed to a same-package helper that does not set TLS.
func newClient(o *redis.Options) *redis.Client { return redis.NewClient(o) }

func viaWrapper() *redis.Client {
	return newClient(&redis.Options{Addr: "db.internal.example:6379"}) // want `plaintext`
}

// Stored in a struct field nobody gives TLS.
type settings struct{ Redis *redis.Options }

func inStruct() *redis.Client {
	s := settings{Redis: &redis.Options{Addr: os.Getenv("REDIS_ADDR")}} // want `plaintext`
	return redis.NewClient(s.Redis)
}

var _ = tls.VersionTLS12

func hostFromConfig(host, port string) *redis.Client {
	return redis.NewClient(&redis.Options{Addr: host + ":" + port}) // want `redis.Options for host \+ ":" \+ port`
}
