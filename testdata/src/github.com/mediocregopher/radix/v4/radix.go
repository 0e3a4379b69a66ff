// Package radix is a stub of github.com/mediocregopher/radix/v4 for tests
// (signatures as in v4.1.4).
package radix

import (
	"context"
	"net"
	"time"
)

type Conn interface{ Close() error }

type Client interface{ Close() error }

type Dialer struct {
	CustomConn         func(ctx context.Context, network, addr string) (Conn, error)
	AuthUser, AuthPass string
	SelectDB           string
	Protocol           string
	NetDialer          interface {
		DialContext(context.Context, string, string) (net.Conn, error)
	}
	WriteFlushInterval time.Duration
}

func (d Dialer) Dial(ctx context.Context, network, addr string) (Conn, error) { return nil, nil }

func Dial(ctx context.Context, network, addr string) (Conn, error) { return nil, nil }

type PoolConfig struct {
	CustomPool   func(ctx context.Context, network, addr string) (Client, error)
	Dialer       Dialer
	Size         int
	PingInterval time.Duration
}

func (cfg PoolConfig) New(ctx context.Context, network, addr string) (Client, error) {
	return nil, nil
}

type Cluster struct{}

type ClusterConfig struct {
	PoolConfig PoolConfig
	SyncEvery  time.Duration
}

func (cfg ClusterConfig) New(ctx context.Context, clusterAddrs []string) (*Cluster, error) {
	return nil, nil
}
