package oldclients

import (
	"crypto/tls"
	"net"
	"os"

	"github.com/rueian/rueidis"
	redisv3 "gopkg.in/redis.v3"
	redisv4 "gopkg.in/redis.v4"
	"gopkg.in/redis.v5"
)

// gopkg.in/redis.v5: Options has TLSConfig, the other types have none.

func v5Client() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")}) // want `redis.Options for os.Getenv\("REDIS_ADDR"\) has no TLSConfig`
}

func v5Secure() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: &tls.Config{}})
}

func v5Skip() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: &tls.Config{InsecureSkipVerify: true}}) // want `InsecureSkipVerify: true`
}

func v5Cluster() *redis.ClusterClient {
	return redis.NewClusterClient(&redis.ClusterOptions{Addrs: []string{"a.example.com:6379"}}) // want `redis.ClusterOptions for "a.example.com:6379" cannot use TLS in this library version.*upgrade to github.com/redis/go-redis/v9`
}

func v5Ring() *redis.Ring {
	return redis.NewRing(&redis.RingOptions{Addrs: map[string]string{"a": os.Getenv("A")}}) // want `redis.RingOptions .* cannot use TLS`
}

func v5Failover(addrs []string) *redis.Client {
	return redis.NewFailoverClient(&redis.FailoverOptions{MasterName: "m", SentinelAddrs: addrs}) // want `redis.FailoverOptions for addrs cannot use TLS`
}

func v5URL() (*redis.Options, error) {
	return redis.ParseURL("redis://cache.example.com:6379") // want `uses redis://`
}

func v5SecureURL() (*redis.Options, error) { return redis.ParseURL("rediss://cache.example.com:6379") }

func v5Local() *redis.Client { return redis.NewClient(&redis.Options{Addr: "localhost:6379"}) }

func v5Socket() *redis.Client {
	return redis.NewClient(&redis.Options{Network: "unix", Addr: "/tmp/redis.sock"})
}

// gopkg.in/redis.v4 and v3: no TLS at all.

func v4Client() *redisv4.Client {
	return redisv4.NewClient(&redisv4.Options{Addr: "cache.example.com:6379"}) // want `redisv4.Options for "cache.example.com:6379" cannot use TLS .*upgrade to github.com/redis/go-redis/v9`
}

func v3Cluster(addrs []string) *redisv3.ClusterClient {
	return redisv3.NewClusterClient(&redisv3.ClusterOptions{Addrs: addrs}) // want `redisv3.ClusterOptions for addrs cannot use TLS`
}

func v4OwnDialer() *redisv4.Client {
	// The dialer decides.
	return redisv4.NewClient(&redisv4.Options{Addr: "cache.example.com:6379", Dialer: func() (net.Conn, error) {
		return tls.Dial("tcp", "cache.example.com:6379", &tls.Config{})
	}})
}

func v3Local() *redisv3.Client { return redisv3.NewClient(&redisv3.Options{Addr: "127.0.0.1:6379"}) }

// github.com/rueian/rueidis, the old path of rueidis.

func rueian() (rueidis.Client, error) {
	return rueidis.NewClient(rueidis.ClientOption{InitAddress: []string{os.Getenv("REDIS_ADDR")}}) // want `rueidis.ClientOption for os.Getenv\("REDIS_ADDR"\) has no TLSConfig`
}

func rueianSentinelSkip(addrs []string) (rueidis.Client, error) {
	return rueidis.NewClient(rueidis.ClientOption{
		InitAddress: addrs,
		TLSConfig:   &tls.Config{},
		Sentinel:    rueidis.SentinelOption{TLSConfig: &tls.Config{InsecureSkipVerify: true}}, // want `InsecureSkipVerify: true`
	})
}

func rueianSecure(addrs []string) (rueidis.Client, error) {
	return rueidis.NewClient(rueidis.ClientOption{InitAddress: addrs, TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}})
}
