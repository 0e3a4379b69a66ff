// Package redis is a stub of gopkg.in/redis.v5 for tests.
package redis

import (
	"crypto/tls"
	"net"
)

type Options struct {
	Network   string
	Addr      string
	Dialer    func() (net.Conn, error)
	Password  string
	DB        int
	TLSConfig *tls.Config
}

type ClusterOptions struct {
	Addrs    []string
	Password string
}

type FailoverOptions struct {
	MasterName    string
	SentinelAddrs []string
	Password      string
}

type RingOptions struct {
	Addrs    map[string]string
	Password string
}

type Client struct{}
type ClusterClient struct{}
type Ring struct{}

func NewClient(opt *Options) *Client                         { return nil }
func NewClusterClient(opt *ClusterOptions) *ClusterClient    { return nil }
func NewFailoverClient(failoverOpt *FailoverOptions) *Client { return nil }
func NewRing(opt *RingOptions) *Ring                         { return nil }

func ParseURL(redisURL string) (*Options, error) { return nil, nil }
