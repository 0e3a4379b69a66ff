// Package summaries calls libraries that build Redis clients for their
// callers (session stores, go-zero), judged through their summaries.
package summaries

import (
	"crypto/tls"
	"os"

	"github.com/boj/redistore"
	ginredis "github.com/gin-contrib/sessions/redis"
	zredis "github.com/zeromicro/go-zero/core/stores/redis"
)

var key = []byte("secret")

// redistore dials with redigo and has no way to turn TLS on.
func sessionStores() {
	redistore.NewRediStore(10, "tcp", "cache.example.com:6379", "", "pw", key)                            // want `redistore\.NewRediStore builds a Redis client \(redis\.Dial( at .*redistore\.go:\d+)?\).*that can never use TLS.*redistore\.NewRediStoreWithPool`
	redistore.NewRediStoreWithDB(10, "tcp", os.Getenv("REDIS_ADDR"), "", "pw", "1", key)                  // want `redistore\.NewRediStoreWithDB builds a Redis client .*that can never use TLS`
	redistore.NewRediStore(10, "tcp", "localhost:6379", "", "pw", key)                                    // local
	redistore.NewRediStore(10, "unix", "/var/run/redis.sock", "", "pw", key)                              // a socket
	ginredis.NewStore(10, "tcp", "cache.example.com:6379", "", "pw", key)                                 // want `ginredis\.NewStore builds a Redis client \(redis\.Dial.*that can never use TLS.*redis\.NewStoreWithPool`
	ginredis.NewStore(10, "tcp", "127.0.0.1:6379", "", "pw", key)                                         // local
	ginredis.NewStoreWithDB(10, os.Getenv("REDIS_NETWORK"), "cache.example.com:6379", "", "pw", "0", key) // the network is read at run time
}

// redistore's URL constructor: the scheme decides.
func sessionStoreURLs() {
	redistore.NewRediStoreWithURL(10, "redis://cache.example.com:6379/0", key) // want `redistore\.NewRediStoreWithURL builds a Redis client \(redis\.DialURL( at [^)]*)?\) .*without TLS here.*use a rediss:// or valkeys:// URL`
	redistore.NewRediStoreWithURL(10, "rediss://cache.example.com:6379/0", key)
	redistore.NewRediStoreWithURL(10, os.Getenv("REDIS_URL"), key)
}

// go-zero: TLS by the WithTLS option or RedisConf.Tls.
func goZero() {
	zredis.New("cache.example.com:6379")                                                         // want `zredis\.New builds a Redis client .*without TLS here.*add the option zredis\.WithTLS`
	zredis.New("cache.example.com:6379", zredis.WithTLS())                                       // TLS on
	zredis.New("localhost:6379")                                                                 // local
	zredis.MustNewRedis(zredis.RedisConf{Host: "cache.example.com:6379", Type: zredis.NodeType}) // want `zredis\.MustNewRedis builds a Redis client .*without TLS here.*set conf\.Tls to true`
	zredis.MustNewRedis(zredis.RedisConf{Host: "cache.example.com:6379", Type: zredis.NodeType, Tls: true})
	zredis.MustNewRedis(zredis.RedisConf{Host: os.Getenv("REDIS_HOST"), Type: zredis.NodeType, Tls: os.Getenv("REDIS_TLS") == "1"}) // read at run time
	_ = tls.VersionTLS12
}
