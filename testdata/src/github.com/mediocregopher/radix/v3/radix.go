// Package radix is a stub of github.com/mediocregopher/radix/v3 for tests
// (signatures as in v3.8.1).
package radix

import (
	"crypto/tls"
	"time"
)

type Conn interface{ Close() error }

type Client interface{ Close() error }

type ConnFunc func(network, addr string) (Conn, error)

type ClientFunc func(network, addr string) (Client, error)

var DefaultConnFunc = func(network, addr string) (Conn, error) { return Dial(network, addr) }

var DefaultClientFunc = func(network, addr string) (Client, error) { return NewPool(network, addr, 4) }

type dialOpts struct{}

type DialOpt func(*dialOpts)

func DialConnectTimeout(d time.Duration) DialOpt { return nil }
func DialTimeout(d time.Duration) DialOpt        { return nil }
func DialAuthPass(pass string) DialOpt           { return nil }
func DialAuthUser(user, pass string) DialOpt     { return nil }
func DialSelectDB(db int) DialOpt                { return nil }
func DialUseTLS(config *tls.Config) DialOpt      { return nil }

func Dial(network, addr string, opts ...DialOpt) (Conn, error) { return nil, nil }

type Pool struct{}

func (p *Pool) Close() error { return nil }

type poolOpts struct{}

type PoolOpt func(*poolOpts)

func PoolConnFunc(cf ConnFunc) PoolOpt                           { return nil }
func PoolPingInterval(d time.Duration) PoolOpt                   { return nil }
func PoolPipelineWindow(window time.Duration, limit int) PoolOpt { return nil }

func NewPool(network, addr string, size int, opts ...PoolOpt) (*Pool, error) { return nil, nil }

type Cluster struct{}

func (c *Cluster) Close() error { return nil }

type clusterOpts struct{}

type ClusterOpt func(*clusterOpts)

func ClusterPoolFunc(pf ClientFunc) ClusterOpt    { return nil }
func ClusterSyncEvery(d time.Duration) ClusterOpt { return nil }

func NewCluster(clusterAddrs []string, opts ...ClusterOpt) (*Cluster, error) { return nil, nil }

type Sentinel struct{}

type sentinelOpts struct{}

type SentinelOpt func(*sentinelOpts)

func SentinelConnFunc(cf ConnFunc) SentinelOpt   { return nil }
func SentinelPoolFunc(pf ClientFunc) SentinelOpt { return nil }

func NewSentinel(primaryName string, sentinelAddrs []string, opts ...SentinelOpt) (*Sentinel, error) {
	return nil, nil
}
