// Package generics builds Redis options in generic helpers.
package generics

import (
	"crypto/tls"
	"os"

	"github.com/redis/go-redis/v9"
)

// A generic constructor: the literal lacks TLS whatever T is.
func Options[T ~string](addr T) *redis.Options {
	return &redis.Options{Addr: string(addr)} // want `plaintext`
}

type Addr string

func FromGeneric() *redis.Client { return redis.NewClient(Options(Addr(os.Getenv("REDIS_ADDR")))) }

// A generic helper that sets TLS on the options it receives.
func WithTLS[T any](o *redis.Options, cfg *tls.Config, _ T) *redis.Options {
	o.TLSConfig = cfg
	return o
}

func Secured() *redis.Client {
	return redis.NewClient(WithTLS(&redis.Options{Addr: os.Getenv("REDIS_ADDR")}, &tls.Config{MinVersion: tls.VersionTLS12}, 0))
}

// A generic holder of options.
type Pool[K comparable] struct {
	opts    map[K]*redis.Options
	clients map[K]*redis.Client
}

func NewPool[K comparable]() *Pool[K] {
	return &Pool[K]{opts: map[K]*redis.Options{}, clients: map[K]*redis.Client{}}
}

func (p *Pool[K]) Add(k K, addr string) {
	p.opts[k] = &redis.Options{Addr: addr, TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}}
	p.clients[k] = redis.NewClient(p.opts[k])
}

// A generic function returning an insecure TLS config used by a client.
func Insecure[T any](_ T) *tls.Config { // want Insecure:"insecureTLS"
	return &tls.Config{InsecureSkipVerify: true} // want `certificate check`
}

func UsesInsecure() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: Insecure(0)})
}

// Generic type aliases and instantiated types in options.
type Opt[T any] = redis.Options

func Aliased() *redis.Client {
	return redis.NewClient(&Opt[int]{Addr: os.Getenv("REDIS_ADDR")}) // want `plaintext`
}

// Options built by a generic function value.
func Apply[T any](f func(T) *redis.Options, v T) *redis.Client { return redis.NewClient(f(v)) }

func ViaFuncValue() *redis.Client {
	return Apply(func(a string) *redis.Options {
		return &redis.Options{Addr: a, TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}}
	}, os.Getenv("REDIS_ADDR"))
}

// Methods of generic types (issue 20): the callee is the generic origin,
// so a method returning an insecure config is followed as its
// non-generic twin is.
type Configs[T any] struct{ name T }

func (c *Configs[T]) Insecure() *tls.Config { // want Insecure:"insecureTLS"
	return &tls.Config{InsecureSkipVerify: true} // want `certificate check`
}

func (c Configs[T]) Weak() *tls.Config { // want Weak:"insecureTLS"
	return &tls.Config{MinVersion: tls.VersionTLS10} // want `below 1.2`
}

func (c *Configs[T]) Verified() *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS12}
}

func (c *Configs[T]) Options(addr string) *redis.Options {
	return &redis.Options{Addr: addr} // want `plaintext`
}

func UsesGenericMethod() *redis.Client {
	c := &Configs[string]{}
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: c.Insecure()})
}

func UsesGenericValueMethod() *redis.Client {
	var c Configs[int]
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: c.Weak()})
}

func UsesVerifiedGenericMethod() *redis.Client {
	c := &Configs[string]{}
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: c.Verified()})
}

func UsesGenericOptions() *redis.Client {
	c := &Configs[bool]{}
	return redis.NewClient(c.Options(os.Getenv("REDIS_ADDR")))
}

// Its non-generic twin, reported the same way.
type PlainConfigs struct{}

func (PlainConfigs) Insecure() *tls.Config { // want Insecure:"insecureTLS"
	return &tls.Config{InsecureSkipVerify: true} // want `certificate check`
}

func UsesPlainMethod() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: PlainConfigs{}.Insecure()})
}
