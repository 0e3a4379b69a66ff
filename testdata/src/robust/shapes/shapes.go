// Package shapes holds code shapes that stress the analyzer's data flow:
// recursion, cycles, aliases, shadowing, method values, closures and
// deep nesting. The test checks there is no crash or hang, and the
// findings below.
package shapes

import (
	"crypto/tls"
	"os"

	. "github.com/redis/go-redis/v9"
	goredis "github.com/redis/go-redis/v9"
)

// Mutually recursive helpers passing the options pointer around.
func ping(o *goredis.Options, n int) *goredis.Client {
	if n == 0 {
		return goredis.NewClient(o)
	}
	return pong(o, n-1)
}

func pong(o *goredis.Options, n int) *goredis.Client { return ping(o, n) }

func Recursive() *goredis.Client {
	return ping(&goredis.Options{Addr: os.Getenv("REDIS_ADDR")}, 3) // want `plaintext`
}

// A cycle through variables.
func Cycle() *goredis.Client {
	a := &goredis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}}
	b := a
	for i := 0; i < 3; i++ {
		a, b = b, a
	}
	return goredis.NewClient(b)
}

// A TLS config that refers to itself through a cycle of variables.
func TLSCycle() *goredis.Client {
	var x, y *tls.Config
	x = &tls.Config{MinVersion: tls.VersionTLS12}
	y = x
	x = y
	return goredis.NewClient(&goredis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: x})
}

// Dot import.
func Dotted() *Client {
	return NewClient(&Options{Addr: os.Getenv("REDIS_ADDR")}) // want `plaintext`
}

// A local type and a variable shadowing the package name.
func Shadowed() int {
	type Options struct{ Addr string }
	goredis := Options{Addr: "cache.example.com:6379"}
	return len(goredis.Addr)
}

// A constructor as a function value: not followed (a known false
// negative; rare in real code).
func MethodValue() *goredis.Client {
	newClient := goredis.NewClient
	return newClient(&goredis.Options{Addr: os.Getenv("REDIS_ADDR")})
}

// Deeply nested closures.
func Nested() func() func() func() *goredis.Client {
	return func() func() func() *goredis.Client {
		return func() func() *goredis.Client {
			return func() *goredis.Client {
				return goredis.NewClient(&goredis.Options{Addr: os.Getenv("REDIS_ADDR")}) // want `plaintext`
			}
		}
	}
}

// A self-referential struct holding options.
type node struct {
	next *node
	opt  *goredis.Options
}

func Linked() *goredis.Client {
	n := &node{opt: &goredis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}}}
	n.next = n
	return goredis.NewClient(n.next.next.next.opt)
}

// Options in a slice, a map and an array, built in a loop.
func Collections(addrs []string) []*goredis.Client {
	var out []*goredis.Client
	m := map[string]*goredis.Options{}
	var arr [2]goredis.Options
	for i, a := range addrs {
		m[a] = &goredis.Options{Addr: a, TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}}
		arr[i%2] = *m[a]
		out = append(out, goredis.NewClient(m[a]), goredis.NewClient(&arr[i%2]))
	}
	return out
}

// goto, labels and a switch with fallthrough.
func Jumps(k int) *goredis.Client {
	opt := &goredis.Options{Addr: os.Getenv("REDIS_ADDR")}
again:
	switch k {
	case 0:
		opt.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12}
		fallthrough
	case 1:
		k++
		goto again
	}
	return goredis.NewClient(opt)
}

// An untyped nil and a conversion in the TLS field.
func Conversions() *goredis.Client {
	type cfg = tls.Config
	return goredis.NewClient(&goredis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: (*cfg)(&tls.Config{MinVersion: tls.VersionTLS12})})
}

// Recursive function returning a TLS config.
func tlsDepth(n int) *tls.Config {
	if n == 0 {
		return &tls.Config{MinVersion: tls.VersionTLS12}
	}
	return tlsDepth(n - 1)
}

func DeepTLS() *goredis.Client {
	return goredis.NewClient(&goredis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: tlsDepth(100)})
}
