// Package redis is a stub of go-redis for tests: only what the analyzer reads.
package redis

import (
	"context"
	"crypto/tls"
	"net"
)

type Options struct {
	Network   string
	Addr      string
	Dialer    func(ctx context.Context, network, addr string) (net.Conn, error)
	Username  string
	Password  string
	DB        int
	TLSConfig *tls.Config
}

type ClusterOptions struct {
	Addrs     []string
	NewClient func(opt *Options) *Client
	Dialer    func(ctx context.Context, network, addr string) (net.Conn, error)
	Password  string
	TLSConfig *tls.Config
}

type FailoverOptions struct {
	MasterName    string
	SentinelAddrs []string
	Dialer        func(ctx context.Context, network, addr string) (net.Conn, error)
	Password      string
	TLSConfig     *tls.Config
}

type UniversalOptions struct {
	Addrs      []string
	MasterName string
	Dialer     func(ctx context.Context, network, addr string) (net.Conn, error)
	Password   string
	TLSConfig  *tls.Config
}

type RingOptions struct {
	Addrs     map[string]string
	NewClient func(opt *Options) *Client
	Dialer    func(ctx context.Context, network, addr string) (net.Conn, error)
	TLSConfig *tls.Config
}

type Client struct{}

func (c *Client) Ping(ctx context.Context) error { return nil }
func (c *Client) Close() error                   { return nil }

type ClusterClient struct{}
type Ring struct{}
type SentinelClient struct{}
type UniversalClient interface{ Close() error }

func NewClient(opt *Options) *Client                               { return &Client{} }
func NewSentinelClient(opt *Options) *SentinelClient               { return nil }
func NewClusterClient(opt *ClusterOptions) *ClusterClient          { return nil }
func NewFailoverClient(opt *FailoverOptions) *Client               { return nil }
func NewFailoverClusterClient(opt *FailoverOptions) *ClusterClient { return nil }
func NewUniversalClient(opt *UniversalOptions) UniversalClient     { return nil }
func NewRing(opt *RingOptions) *Ring                               { return nil }
func ParseURL(url string) (*Options, error)                        { return nil, nil }
func ParseFailoverURL(url string) (*FailoverOptions, error)        { return nil, nil }
