// Package valkey is a stub for tests.
package valkey

import (
	"context"
	"crypto/tls"
	"net"
)

type SentinelOption struct {
	TLSConfig *tls.Config
	MasterSet string
	Password  string
}

type ClientOption struct {
	TLSConfig   *tls.Config
	DialFn      func(string, *net.Dialer, *tls.Config) (net.Conn, error)
	DialCtxFn   func(context.Context, string, *net.Dialer, *tls.Config) (net.Conn, error)
	Sentinel    SentinelOption
	Dialer      net.Dialer
	Username    string
	Password    string
	InitAddress []string
	SelectDB    int
}

type Client interface{ Close() }

func NewClient(option ClientOption) (Client, error) { return nil, nil }
func ParseURL(str string) (ClientOption, error)     { return ClientOption{}, nil }
func MustParseURL(str string) ClientOption          { return ClientOption{} }
