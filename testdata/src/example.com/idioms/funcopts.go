package idioms

import (
	"crypto/tls"

	"github.com/redis/go-redis/v9"
)

// Class 3: functional options applied by the library's own loop, which
// set the address, the *tls.Config or a TLS switch: the library's own
// option constructors and closures written at the caller.

// ClientOptions are what the options set.
type ClientOptions struct {
	Addr   string
	TLS    *tls.Config
	UseTLS bool
	DB     int
}

// ClientOption sets ClientOptions.
type ClientOption func(*ClientOptions)

// WithAddr sets the address.
func WithAddr(addr string) ClientOption { return func(o *ClientOptions) { o.Addr = addr } }

// WithTLSConfig sets the TLS config.
func WithTLSConfig(c *tls.Config) ClientOption { return func(o *ClientOptions) { o.TLS = c } }

// WithDatabase selects a database.
func WithDatabase(db int) ClientOption { return func(o *ClientOptions) { o.DB = db } }

// NewOpts applies its options in its own loop.
func NewOpts(opts ...ClientOption) *redis.Client { // want NewOpts:`clients\(.*addrs=\[0 WithAddr 0 func\.Addr\] option\(0 .*WithTLSConfig arg=0\) option\(0 func\.TLS\)`
	o := &ClientOptions{}
	for _, opt := range opts {
		opt(o)
	}
	return redis.NewClient(&redis.Options{Addr: o.Addr, TLSConfig: o.TLS, DB: o.DB})
}

// NewOptsSwitch turns TLS on by a switch an option sets.
func NewOptsSwitch(addr string, opts ...ClientOption) *redis.Client { // want NewOptsSwitch:`clients\(.*addrs=\[0\] option\(1 .*WithTLSSwitch arg=-1\)`
	o := &ClientOptions{}
	for _, opt := range opts {
		opt(o)
	}
	var c *tls.Config
	if o.UseTLS {
		c = &tls.Config{MinVersion: tls.VersionTLS12}
	}
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: c})
}

// WithTLSSwitch turns TLS on.
func WithTLSSwitch() ClientOption { return func(o *ClientOptions) { o.UseTLS = true } }

// NewOptsWrapper passes its own options on: its callers decide.
func NewOptsWrapper(addr string, opts ...ClientOption) *redis.Client { // want NewOptsWrapper:`clients\(.*addrs=\[0 1 func\.Addr\] .*option\(1 example\.com/idioms\.WithTLSConfig arg=0\)`
	return NewOpts(append([]ClientOption{WithAddr(addr)}, opts...)...)
}

func useOpts(c *tls.Config) {
	NewOpts(WithAddr("cache.prod:6379"))                  // want `without TLS`
	NewOpts(WithAddr("cache.prod:6379"), WithDatabase(2)) // want `without TLS`
	NewOpts(WithAddr("localhost:6379"))
	NewOpts()
	NewOpts(WithAddr("cache.prod:6379"), WithTLSConfig(c))
	NewOpts(WithAddr("cache.prod:6379"), WithTLSConfig(&tls.Config{InsecureSkipVerify: true})) // want `InsecureSkipVerify`
	NewOpts(WithAddr("cache.prod:6379"), func(o *ClientOptions) { o.TLS = c })
	NewOpts(WithAddr("cache.prod:6379"), func(o *ClientOptions) { o.DB = 3 })                                     // want `without TLS`
	NewOpts(func(o *ClientOptions) { o.Addr = "cache.prod:6379" })                                                // want `without TLS`
	NewOpts(func(o *ClientOptions) { o.Addr = "cache.prod:6379"; o.TLS = &tls.Config{InsecureSkipVerify: true} }) // want `InsecureSkipVerify`
	NewOptsSwitch("cache.prod:6379")                                                                              // want `without TLS`
	NewOptsSwitch("cache.prod:6379", WithTLSSwitch())
	NewOptsSwitch("cache.prod:6379", func(o *ClientOptions) { o.UseTLS = true })
	NewOptsSwitch("cache.prod:6379", func(o *ClientOptions) { o.DB = 1 }) // want `without TLS`
	NewOptsWrapper("cache.prod:6379")                                     // want `without TLS`
	NewOptsWrapper("cache.prod:6379", WithTLSConfig(c))
	NewOptsWrapper("localhost:6379")
}

// WithDefaultTLS delegates to WithTLSConfig: it sets the TLS config too.
func WithDefaultTLS() ClientOption {
	return WithTLSConfig(&tls.Config{MinVersion: tls.VersionTLS12})
}

func useDelegated() {
	NewOpts(WithAddr("cache.prod:6379"), WithDefaultTLS())
}
