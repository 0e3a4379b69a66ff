package goredis

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"os"

	"github.com/redis/go-redis/v9"
)

// Not reported: TLS set, possibly set, or decided elsewhere.

func withTLS() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}})
}

func tlsFromParam(cfg *tls.Config) *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: cfg})
}

func tlsConditional(useTLS bool) *redis.Client {
	opt := &redis.Options{Addr: os.Getenv("REDIS_ADDR")}
	if useTLS {
		opt.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	}
	return redis.NewClient(opt)
}

func tlsThroughAlias() *redis.Client {
	opt := redis.Options{Addr: os.Getenv("REDIS_ADDR")}
	p := &opt
	p.TLSConfig = &tls.Config{}
	return redis.NewClient(p)
}

func tlsInClosure() *redis.Client {
	opt := &redis.Options{Addr: os.Getenv("REDIS_ADDR")}
	configure := func() { opt.TLSConfig = &tls.Config{} }
	configure()
	return redis.NewClient(opt)
}

func tlsVariableMaybeNil(enabled bool) *redis.Client {
	var t *tls.Config
	if enabled {
		t = &tls.Config{}
	}
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: t})
}

func customDialer() *redis.Client {
	return redis.NewClient(&redis.Options{
		Addr: os.Getenv("REDIS_ADDR"),
		Dialer: func(ctx context.Context, network, addr string) (net.Conn, error) {
			return tls.Dial(network, addr, &tls.Config{})
		},
	})
}

func clusterHook() *redis.ClusterClient {
	return redis.NewClusterClient(&redis.ClusterOptions{
		Addrs:     []string{"a.example.com:6379"},
		NewClient: func(o *redis.Options) *redis.Client { o.TLSConfig = &tls.Config{}; return redis.NewClient(o) },
	})
}

// configureTLS is a helper that receives the options pointer.
func configureTLS(o *redis.Options) { o.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12} }

func helperSetsTLS() *redis.Client {
	opt := &redis.Options{Addr: os.Getenv("REDIS_ADDR")}
	configureTLS(opt)
	return redis.NewClient(opt)
}

// Passed to another package's code: it may set TLS.
func passedAway(register func(*redis.Options)) {
	register(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
}

// Returned, and the caller sets TLS.
func baseOptions() *redis.Options { return &redis.Options{Addr: os.Getenv("REDIS_ADDR")} }

func callerSetsTLS() *redis.Client {
	o := baseOptions()
	o.TLSConfig = &tls.Config{}
	return redis.NewClient(o)
}

// Stored in a field that gets TLS elsewhere in the package.
type app struct{ opts *redis.Options }

func newApp() *app { return &app{opts: &redis.Options{Addr: os.Getenv("REDIS_ADDR")}} }

func (a *app) enableTLS() { a.opts.TLSConfig = &tls.Config{} }

// Local addresses need no TLS.
func local() {
	redis.NewClient(&redis.Options{})
	redis.NewClient(&redis.Options{Addr: "localhost:6379"})
	redis.NewClient(&redis.Options{Addr: "127.0.0.1:6379"})
	redis.NewClient(&redis.Options{Addr: "127.0.1.1:6380"})
	redis.NewClient(&redis.Options{Addr: "[::1]:6379"})
	redis.NewClient(&redis.Options{Addr: ":6379"})
	redis.NewClient(&redis.Options{Addr: "/var/run/redis.sock"})
	redis.NewClient(&redis.Options{Network: "unix", Addr: os.Getenv("REDIS_SOCKET")})
	redis.NewClusterClient(&redis.ClusterOptions{Addrs: []string{"127.0.0.1:7000", "127.0.0.1:7001"}})
	const addr = "localhost:6380"
	redis.NewClient(&redis.Options{Addr: addr})
	a := net.JoinHostPort("localhost", os.Getenv("PORT"))
	redis.NewClient(&redis.Options{Addr: a})
	redis.NewClient(&redis.Options{Addr: "localhost:" + os.Getenv("REDIS_PORT")})
	redis.NewClient(&redis.Options{Addr: fmt.Sprintf("127.0.0.1:%d", 6379)})
}

// Options kept in a slice: followed no further.
func shards() []*redis.Options {
	return []*redis.Options{{Addr: "a.example.com:6379"}, {Addr: "b.example.com:6379"}}
}

// A URL read at run time cannot be judged.
func urlFromEnv() (*redis.Client, error) {
	opt, err := redis.ParseURL(os.Getenv("REDIS_URL"))
	if err != nil {
		return nil, err
	}
	return redis.NewClient(opt), nil
}
