// Package redis is a stub of redigo for tests.
package redis

import (
	"context"
	"crypto/tls"
	"net"
	"time"
)

type Conn interface{ Close() error }

type DialOption struct{ f func() }

func Dial(network, address string, options ...DialOption) (Conn, error) { return nil, nil }
func DialContext(ctx context.Context, network, address string, options ...DialOption) (Conn, error) {
	return nil, nil
}
func DialTimeout(network, address string, connectTimeout, readTimeout, writeTimeout time.Duration) (Conn, error) {
	return nil, nil
}
func DialURL(rawurl string, options ...DialOption) (Conn, error) { return nil, nil }
func DialURLContext(ctx context.Context, rawurl string, options ...DialOption) (Conn, error) {
	return nil, nil
}
func DialUseTLS(useTLS bool) DialOption                                        { return DialOption{} }
func DialTLSSkipVerify(skip bool) DialOption                                   { return DialOption{} }
func DialTLSConfig(c *tls.Config) DialOption                                   { return DialOption{} }
func DialPassword(password string) DialOption                                  { return DialOption{} }
func DialDatabase(db int) DialOption                                           { return DialOption{} }
func DialNetDial(dial func(network, addr string) (net.Conn, error)) DialOption { return DialOption{} }
func DialContextFunc(f func(ctx context.Context, network, addr string) (net.Conn, error)) DialOption {
	return DialOption{}
}

type Pool struct {
	Dial        func() (Conn, error)
	DialContext func(ctx context.Context) (Conn, error)
	MaxIdle     int
}

func NewPool(newFn func() (Conn, error), maxIdle int) *Pool {
	return &Pool{Dial: newFn, MaxIdle: maxIdle}
}
