// Package radixv4app uses the real radix v4 module.
package radixv4app

import (
	"context"
	"crypto/tls"
	"net"
	"os"
	"time"

	"github.com/mediocregopher/radix/v4"
)

func dial(ctx context.Context) (radix.Conn, error) {
	return radix.Dial(ctx, "tcp", os.Getenv("REDIS_ADDR")) // want `radix.Dial to os.Getenv\("REDIS_ADDR"\) without a Dialer with NetDialer`
}

func pool(ctx context.Context) (radix.Client, error) {
	cfg := radix.PoolConfig{Size: 4, Dialer: radix.Dialer{NetDialer: &net.Dialer{Timeout: time.Second}}}
	return cfg.New(ctx, "tcp", os.Getenv("REDIS_ADDR")) // want `radix.PoolConfig.New to os.Getenv\("REDIS_ADDR"\)`
}

func cluster(ctx context.Context, addrs []string) (*radix.Cluster, error) {
	return radix.ClusterConfig{}.New(ctx, addrs) // want `radix.ClusterConfig.New to addrs`
}

func skipVerify(ctx context.Context) (radix.Conn, error) {
	d := radix.Dialer{NetDialer: &tls.Dialer{Config: &tls.Config{InsecureSkipVerify: true}}} // want `InsecureSkipVerify: true`
	return d.Dial(ctx, "tcp", os.Getenv("REDIS_ADDR"))
}

func secure(ctx context.Context) (radix.Client, error) {
	return radix.PoolConfig{Dialer: radix.Dialer{NetDialer: &tls.Dialer{Config: &tls.Config{MinVersion: tls.VersionTLS12}}}}.New(ctx, "tcp", os.Getenv("REDIS_ADDR"))
}
