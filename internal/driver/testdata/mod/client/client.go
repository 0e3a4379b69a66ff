// Package client stands for a Redis client library.
package client

import "crypto/tls"

type Options struct {
	Addr string
	TLS  *tls.Config
}

type Client struct{ opts *Options }

func New(opts *Options) *Client { return &Client{opts} }
