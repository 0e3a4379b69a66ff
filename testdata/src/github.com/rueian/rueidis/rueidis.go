// Package rueidis is a stub of github.com/rueian/rueidis (v0.0.100) for tests.
package rueidis

import (
	"crypto/tls"
	"net"
)

type ClientOption struct {
	Dialer      net.Dialer
	TLSConfig   *tls.Config
	Sentinel    SentinelOption
	Username    string
	Password    string
	InitAddress []string
	SelectDB    int
}

type SentinelOption struct {
	Dialer    net.Dialer
	TLSConfig *tls.Config
	MasterSet string
}

type Client interface{ Close() }

func NewClient(option ClientOption) (client Client, err error) { return nil, nil }
