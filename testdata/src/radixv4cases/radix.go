package radixv4cases

import (
	"context"
	"crypto/tls"
	"net"
	"os"
	"time"

	"github.com/mediocregopher/radix/v4"
)

func dial(ctx context.Context) (radix.Conn, error) {
	return radix.Dial(ctx, "tcp", os.Getenv("REDIS_ADDR")) // want `radix.Dial to os.Getenv\("REDIS_ADDR"\) without a Dialer with NetDialer: &tls.Dialer\{Config: &tls.Config\{MinVersion: tls.VersionTLS12\}\}`
}

func dialer(ctx context.Context) (radix.Conn, error) {
	return radix.Dialer{AuthPass: os.Getenv("REDIS_PASSWORD")}.Dial(ctx, "tcp", "cache.example.com:6379") // want `radix.Dialer.Dial to "cache.example.com:6379" without NetDialer: &tls.Dialer`
}

func netDialer(ctx context.Context, addr string) (radix.Conn, error) {
	d := radix.Dialer{
		NetDialer: &net.Dialer{Timeout: time.Second},
	}
	return d.Dial(ctx, "tcp", addr) // want `radix.Dialer.Dial to addr`
}

func pool(ctx context.Context, addr string) (radix.Client, error) {
	return radix.PoolConfig{Size: 10}.New(ctx, "tcp", addr) // want `radix.PoolConfig.New to addr without a Dialer with NetDialer`
}

func poolWithDialer(ctx context.Context, addr string) (radix.Client, error) {
	cfg := radix.PoolConfig{
		Dialer: radix.Dialer{AuthUser: "app"},
	}
	return cfg.New(ctx, "tcp", addr) // want `radix.PoolConfig.New to addr`
}

func cluster(ctx context.Context) (*radix.Cluster, error) {
	return (radix.ClusterConfig{}).New(ctx, []string{"node1.example.com:6379"}) // want `radix.ClusterConfig.New to "node1.example.com:6379" without a PoolConfig.Dialer with NetDialer`
}

func urlAddr(ctx context.Context) (radix.Conn, error) {
	return radix.Dial(ctx, "tcp", "redis://default:secret@cache.example.com:6379/0") // want `radix.Dial to "redis://default:secret@cache.example.com`
}

// The tls.Dialer's config is judged.

func skipVerify(ctx context.Context, addr string) (radix.Conn, error) {
	d := radix.Dialer{NetDialer: &tls.Dialer{Config: &tls.Config{InsecureSkipVerify: true}}} // want `InsecureSkipVerify: true`
	return d.Dial(ctx, "tcp", addr)
}

func weakPool(ctx context.Context, addr string) (radix.Client, error) {
	cfg := &tls.Config{MinVersion: tls.VersionTLS11} // want `below 1.2`
	return radix.PoolConfig{Dialer: radix.Dialer{NetDialer: &tls.Dialer{Config: cfg}}}.New(ctx, "tcp", addr)
}

// Not reported.

func secure(ctx context.Context, addr string) (radix.Conn, error) {
	return radix.Dialer{NetDialer: &tls.Dialer{Config: &tls.Config{MinVersion: tls.VersionTLS12}}}.Dial(ctx, "tcp", addr)
}

func secureCluster(ctx context.Context, addrs []string) (*radix.Cluster, error) {
	return radix.ClusterConfig{PoolConfig: radix.PoolConfig{Dialer: radix.Dialer{NetDialer: &tls.Dialer{}}}}.New(ctx, addrs)
}

func customConn(ctx context.Context, addr string) (radix.Conn, error) {
	d := radix.Dialer{CustomConn: func(ctx context.Context, network, addr string) (radix.Conn, error) { return nil, nil }}
	return d.Dial(ctx, "tcp", addr)
}

type myDialer struct{}

func (myDialer) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	return tls.Dial(network, addr, nil)
}

func ownNetDialer(ctx context.Context, addr string) (radix.Conn, error) {
	return radix.Dialer{NetDialer: myDialer{}}.Dial(ctx, "tcp", addr)
}

func changed(ctx context.Context, addr string, nd *tls.Dialer) (radix.Conn, error) {
	d := radix.Dialer{}
	d.NetDialer = nd
	return d.Dial(ctx, "tcp", addr)
}

func fromElsewhere(ctx context.Context, addr string, cfg radix.PoolConfig) (radix.Client, error) {
	return cfg.New(ctx, "tcp", addr)
}

func local(ctx context.Context) (radix.Conn, error) { return radix.Dial(ctx, "tcp", "localhost:6379") }

func socket(ctx context.Context) (radix.Client, error) {
	return radix.PoolConfig{}.New(ctx, "unix", "/run/redis.sock")
}
