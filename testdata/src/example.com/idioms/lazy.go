package idioms

import (
	"context"
	"crypto/tls"

	"github.com/redis/go-redis/v9"
)

// Class 6: types whose methods connect on first use from their own
// fields, built by a struct literal at the caller.

// Lazy connects on first use, with TLS when TLS is set.
type Lazy struct { // want Lazy:`clients\(.*addrs=\[-2\.Addr\] config\(-2\.TLS\)`
	Addr   string
	TLS    *tls.Config
	client *redis.Client
}

func (l *Lazy) conn() *redis.Client {
	if l.client == nil {
		l.client = redis.NewClient(&redis.Options{Addr: l.Addr, TLSConfig: l.TLS})
	}
	return l.client
}

// Ping connects.
func (l *Lazy) Ping(ctx context.Context) error { return l.conn().Ping(ctx) }

// LazySwitch connects on first use, with TLS when UseTLS is set.
type LazySwitch struct { // want LazySwitch:`clients\(.*addrs=\[-2\.Host\] guard\(-2\.UseTLS\)`
	Host   string
	UseTLS bool
	client *redis.Client
}

// Client connects.
func (l *LazySwitch) Client() *redis.Client {
	if l.client == nil {
		opts := &redis.Options{Addr: l.Host}
		if l.UseTLS {
			opts.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12}
		}
		l.client = redis.NewClient(opts)
	}
	return l.client
}

// LazyConfigured has a method that sets its TLS config: a literal does not
// tell what it connects with.
type LazyConfigured struct {
	Addr   string
	TLS    *tls.Config
	client *redis.Client
}

// Secure turns TLS on.
func (l *LazyConfigured) Secure() { l.TLS = &tls.Config{MinVersion: tls.VersionTLS12} }

// Client connects.
func (l *LazyConfigured) Client() *redis.Client {
	if l.client == nil {
		l.client = redis.NewClient(&redis.Options{Addr: l.Addr, TLSConfig: l.TLS})
	}
	return l.client
}

// LazyClient takes a client that is already built, or connects itself.
type LazyClient struct { // want LazyClient:`clients\(`
	Addr   string
	Client *redis.Client
}

// Get connects when no client was given.
func (l *LazyClient) Get() *redis.Client {
	if l.Client == nil {
		l.Client = redis.NewClient(&redis.Options{Addr: l.Addr}) // want `has no TLSConfig`
	}
	return l.Client
}

func useLazy(ctx context.Context, c *tls.Config) {
	l1 := &Lazy{Addr: "cache.prod:6379"} // want `Lazy connects on first use .* to "cache.prod:6379" without TLS`
	l1.Ping(ctx)
	_ = &Lazy{Addr: "localhost:6379"}
	_ = &Lazy{}
	(&Lazy{Addr: "cache.prod:6379", TLS: c}).Ping(ctx)
	_ = &Lazy{Addr: "cache.prod:6379", TLS: &tls.Config{InsecureSkipVerify: true}}   // want `InsecureSkipVerify`
	_ = Lazy{Addr: "localhost:6379", TLS: &tls.Config{MinVersion: tls.VersionTLS10}} // want `below 1.2`
	l2 := &Lazy{Addr: "cache.prod:6379"}
	l2.TLS = c
	l2.Ping(ctx)
	_ = &LazySwitch{Host: "cache.prod:6379"} // want `LazySwitch connects on first use .*; set UseTLS to true`
	_ = &LazySwitch{Host: "cache.prod:6379", UseTLS: true}
	_ = &LazyConfigured{Addr: "cache.prod:6379"}
	_ = &LazyClient{Client: redis.NewClient(&redis.Options{Addr: "localhost:6379"}), Addr: "cache.prod:6379"}
}
