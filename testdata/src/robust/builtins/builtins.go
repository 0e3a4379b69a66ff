// Package builtins declares functions named like the predeclared ones
// (a real radix v4 database plugin declares its own new()): they are the
// package's functions, not the builtins, and must be analysed as such.
package builtins

import (
	"crypto/tls"
	"crypto/x509"
	"os"

	"github.com/redis/go-redis/v9"
)

func new() *redis.Options { return &redis.Options{Addr: os.Getenv("REDIS_ADDR")} } // want `plaintext`

func len(o *redis.Options) int { return 0 }

func cap(o *redis.Options) int { return 1 }

func panic(err error) {}

func append(o *redis.Options, cfg *tls.Config) *redis.Options {
	o.TLSConfig = cfg
	return o
}

func make() *tls.Config { return &tls.Config{InsecureSkipVerify: true} } // want `certificate check`

func Client() *redis.Client {
	o := new()
	if len(o) > cap(o) {
		panic(nil)
	}
	return redis.NewClient(o)
}

func Secured() *redis.Client {
	return redis.NewClient(append(&redis.Options{Addr: os.Getenv("REDIS_ADDR")}, &tls.Config{MinVersion: tls.VersionTLS12}))
}

func Insecure() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: make()})
}

// A verification hook that calls the package's own panic(), which
// returns: the hook never rejects, so verification stays off.
func Hooked() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: &tls.Config{
		InsecureSkipVerify: true, // want `certificate check`
		VerifyPeerCertificate: func([][]byte, [][]*x509.Certificate) error {
			panic(nil)
			return nil
		},
	}})
}
