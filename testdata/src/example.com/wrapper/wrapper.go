package wrapper // want package:"clientSummaries"

import (
	"crypto/tls"

	redigo "github.com/gomodule/redigo/redis"
	"github.com/redis/go-redis/v9"
)

// NewWithTLS passes a *tls.Config parameter through (config input).
func NewWithTLS(addr string, t *tls.Config) *redis.Client { // want NewWithTLS:`clients\(.*config\(1\)`
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: t})
}

// Config is a wrapper's configuration: a bool that guards TLS, and a
// config field.
type Config struct {
	Addr string
	TLS  bool
	CA   *tls.Config
}

// NewFromConfig sets TLS when cfg.TLS is true (guard input).
func NewFromConfig(cfg Config) *redis.Client { // want NewFromConfig:`clients\(.*guard\(0\.TLS\)`
	opts := &redis.Options{Addr: cfg.Addr}
	if cfg.TLS {
		opts.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	}
	return redis.NewClient(opts)
}

// NewWithCA takes the TLS config from a field (config input in a struct).
func NewWithCA(cfg *Config) *redis.Client { // want NewWithCA:`clients\(.*config\(0\.CA\)`
	return redis.NewClient(&redis.Options{Addr: cfg.Addr, TLSConfig: cfg.CA})
}

// NewGuarded builds its config in a local that only a bool parameter
// turns on.
func NewGuarded(addr string, useTLS bool) *redis.Client { // want NewGuarded:`clients\(.*guard\(1\)`
	var tlsConfig *tls.Config
	if useTLS {
		tlsConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	}
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: tlsConfig})
}

type options struct {
	tls *tls.Config
	db  int
}

// Option configures NewStore (functional options).
type Option func(*options)

// WithTLS turns TLS on with c.
func WithTLS(c *tls.Config) Option { return func(o *options) { o.tls = c } }

// WithDB selects a database.
func WithDB(db int) Option { return func(o *options) { o.db = db } }

// NewStore takes functional options (option input).
func NewStore(addr string, opts ...Option) *redis.Client { // want NewStore:`clients\(.*option\(1 example\.com/wrapper\.WithTLS`
	o := &options{}
	for _, opt := range opts {
		opt(o)
	}
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: o.tls, DB: o.db})
}

// NewSecureStore always turns TLS on: nothing for the caller to decide.
func NewSecureStore(addr string) *redis.Client {
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}})
}

func dial(network, address, password string) (redigo.Conn, error) {
	return redigo.Dial(network, address, redigo.DialPassword(password))
}

// NewPoolStore dials for its caller and has no way to turn TLS on, like
// a session store (no TLS input).
func NewPoolStore(size int, network, address string) *redigo.Pool { // want NewPoolStore:`clients\(.*noTLS`
	return &redigo.Pool{MaxIdle: size, Dial: func() (redigo.Conn, error) { return dial(network, address, "") }}
}

// NewPoolStoreWithPool takes a pool the caller dials: the way out.
func NewPoolStoreWithPool(p *redigo.Pool) *redigo.Pool { return p }

// DialTLS turns TLS on with a bool parameter (guard input, redigo).
func DialTLS(addr string, useTLS bool) (redigo.Conn, error) { // want DialTLS:`clients\(.*guard\(1\)`
	return redigo.Dial("tcp", addr, redigo.DialUseTLS(useTLS))
}

// NewDefault wraps NewFromConfig without TLS: a wrapper of a wrapper
// that can never turn TLS on.
func NewDefault(addr string) *redis.Client { // want NewDefault:`clients\(.*noTLS`
	return NewFromConfig(Config{Addr: addr})
}

// NewConfigured wraps NewFromConfig and passes its own switch on.
func NewConfigured(addr string, secure bool) *redis.Client { // want NewConfigured:`clients\(.*guard\(1\)`
	return NewFromConfig(Config{Addr: addr, TLS: secure})
}

// NewStoreConf adds WithTLS when its configuration asks for it, like
// go-zero's NewRedis.
func NewStoreConf(cfg Config, opts ...Option) *redis.Client { // want NewStoreConf:`clients\(.*config\(0\.CA\).*option\(1 example\.com/wrapper\.WithTLS`
	if cfg.TLS {
		opts = append([]Option{WithTLS(cfg.CA)}, opts...)
	}
	return NewStore(cfg.Addr, opts...)
}

// NewPlain never turns TLS on and is reported here already; a caller in
// the same module is not reported again, one in another module is.
func NewPlain(addr string) *redis.Client { // want NewPlain:`clients\(.*noTLS`
	return redis.NewClient(&redis.Options{Addr: addr}) // want `redis.Options for addr has no TLSConfig`
}

// Lazy dials on first use from its fields, like go-zero's redis.Redis:
// its constructor is judged (TLS by functional option or guard field).
type Lazy struct {
	Addr string
	tls  bool
}

// LazyOption customizes a Lazy.
type LazyOption func(*Lazy)

// WithLazyTLS turns TLS on.
func WithLazyTLS() LazyOption { return func(l *Lazy) { l.tls = true } }

// NewLazy stores addr and applies the options.
func NewLazy(addr string, opts ...LazyOption) *Lazy { // want NewLazy:`clients\(.*addrs=\[0\] option\(1 .*WithLazyTLS arg=-1\)`
	l := &Lazy{Addr: addr}
	for _, opt := range opts {
		opt(l)
	}
	return l
}

func (l *Lazy) client() *redis.Client {
	var cfg *tls.Config
	if l.tls {
		cfg = &tls.Config{MinVersion: tls.VersionTLS12}
	}
	return redis.NewClient(&redis.Options{Addr: l.Addr, TLSConfig: cfg})
}

// Ping uses the client.
func (l *Lazy) Ping() error { return l.client().Ping(nil) }

// NewURLStore dials a URL given by its caller: the scheme decides TLS
// (URL input).
func NewURLStore(url string) *redigo.Pool { // want NewURLStore:`clients\(redigo\.DialURL at .* url=0\)`
	return &redigo.Pool{Dial: func() (redigo.Conn, error) { return redigo.DialURL(url) }}
}

// NewEither builds one of two clients by a bool parameter: the plaintext
// one only when useTLS is false.
func NewEither(addr string, useTLS bool) *redis.Client { // want NewEither:`clients\(.*guard\(1\) needs\(1=true\); .* guard\(1\) needs\(1=false\)`
	if useTLS {
		return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}})
	}
	return redis.NewClient(&redis.Options{Addr: addr}) // want `redis.Options for addr has no TLSConfig`
}

// Switched is a configuration with a switch for the whole client.
type Switched struct {
	Enabled bool
	Addr    string
}

// NewIfEnabled builds a client only when its configuration enables one
// (an early return).
func NewIfEnabled(cfg Switched) *redis.Client { // want NewIfEnabled:`clients\(.*noTLS needs\(0\.Enabled=true\)`
	if !cfg.Enabled {
		return nil
	}
	return redis.NewClient(&redis.Options{Addr: cfg.Addr}) // want `redis.Options for cfg.Addr has no TLSConfig`
}

// NewWhenEnabled builds a client inside "if cfg.Enabled".
func NewWhenEnabled(cfg Switched) *redis.Client { // want NewWhenEnabled:`clients\(.*noTLS needs\(0\.Enabled=true\)`
	var rdb *redis.Client
	if cfg.Enabled {
		rdb = redis.NewClient(&redis.Options{Addr: cfg.Addr}) // want `redis.Options for cfg.Addr has no TLSConfig`
	}
	return rdb
}

// DBOptions returns options for a caller to spread: another package's
// slice, which the caller's analysis does not see into.
func DBOptions() []Option { return []Option{WithDB(1)} }
