// Command callers is the corpus's own caller of libraries that build Redis
// clients for their users: the session stores redistore and
// gin-contrib/sessions (which cannot turn TLS on) and go-zero's Redis
// store (TLS by option or configuration). It is judged through the
// libraries' function summaries; the libraries themselves are in the
// corpus too.
package main

import (
	"context"
	"os"

	"github.com/boj/redistore"
	"github.com/gin-contrib/sessions"
	ginredis "github.com/gin-contrib/sessions/redis"
	"github.com/gin-gonic/gin"
	zredis "github.com/zeromicro/go-zero/core/stores/redis"
)

func main() {
	r := gin.Default()

	// Sessions in the managed Redis named by the environment: plaintext,
	// and the store has no way to ask for TLS.
	store, err := ginredis.NewStore(10, "tcp", os.Getenv("REDIS_ADDR"), "", os.Getenv("REDIS_PASSWORD"), []byte(os.Getenv("SESSION_KEY")))
	if err != nil {
		panic(err)
	}
	r.Use(sessions.Sessions("session", store))

	// A local development store: fine.
	if _, err := ginredis.NewStore(10, "tcp", "localhost:6379", "", "", []byte("dev")); err != nil {
		panic(err)
	}

	// gorilla sessions through redistore, to a managed host.
	rs, err := redistore.NewRediStore(10, "tcp", "sessions.cache.example.com:6379", "", os.Getenv("REDIS_PASSWORD"), []byte(os.Getenv("SESSION_KEY")))
	if err != nil {
		panic(err)
	}
	defer rs.Close()

	// The network read at run time: not judged.
	if _, err := redistore.NewRediStore(10, os.Getenv("REDIS_NETWORK"), os.Getenv("REDIS_ADDR"), "", "", []byte("k")); err != nil {
		panic(err)
	}

	// go-zero: without TLS, then with TLS by option and by configuration.
	cache := zredis.MustNewRedis(zredis.RedisConf{Host: os.Getenv("CACHE_HOST"), Type: zredis.NodeType, Pass: os.Getenv("CACHE_PASSWORD")})
	secure := zredis.MustNewRedis(zredis.RedisConf{Host: os.Getenv("CACHE_HOST"), Type: zredis.NodeType, Tls: true})
	queue := zredis.New(os.Getenv("QUEUE_HOST"), zredis.WithTLS())
	local := zredis.New("127.0.0.1:6379")
	// A switch from the environment decides: not judged.
	switched := zredis.MustNewRedis(zredis.RedisConf{Host: os.Getenv("CACHE_HOST"), Type: zredis.NodeType, Tls: os.Getenv("CACHE_TLS") == "1"})
	_, _, _, _, _ = cache, secure, queue, local, switched

	libraries(context.Background(), nil)
	_ = r.Run()
}
