// Package justify: what counts as a reason for turning verification off.
package justify

import (
	"crypto/tls"
	"os"

	"github.com/redis/go-redis/v9"
)

// Redis returns the TLS config for Redis.
func Redis() *tls.Config { return &tls.Config{InsecureSkipVerify: true} } // want Redis:"insecureTLS" `InsecureSkipVerify: true`

// Shared is the shared TLS config.
var Shared = &tls.Config{InsecureSkipVerify: true} // want Shared:"insecureTLS" `InsecureSkipVerify: true`

var (
	// Grouped is a TLS config in a group.
	Grouped = &tls.Config{InsecureSkipVerify: true} // want Grouped:"insecureTLS" `InsecureSkipVerify: true`
)

func use() {
	redis.NewClient(&redis.Options{Addr: os.Getenv("A"), TLSConfig: Redis()})
	redis.NewClient(&redis.Options{Addr: os.Getenv("A"), TLSConfig: Shared})
	redis.NewClient(&redis.Options{Addr: os.Getenv("A"), TLSConfig: Grouped})
}

func todo() *redis.Client {
	return redis.NewClient(&redis.Options{
		Addr: os.Getenv("REDIS_ADDR"),
		// TODO
		TLSConfig: &tls.Config{InsecureSkipVerify: true}, // want `InsecureSkipVerify: true`
	})
}

func fixme() *redis.Client {
	return redis.NewClient(&redis.Options{
		Addr:      os.Getenv("REDIS_ADDR"),
		TLSConfig: &tls.Config{InsecureSkipVerify: true}, // FIXME this is insecure, remove before launch // want `InsecureSkipVerify: true`
	})
}

func markers() {
	redis.NewClient(&redis.Options{Addr: os.Getenv("A"), TLSConfig: &tls.Config{InsecureSkipVerify: true}}) // todo: verify against the provider CA // want `InsecureSkipVerify`
	redis.NewClient(&redis.Options{Addr: os.Getenv("A"), TLSConfig: &tls.Config{InsecureSkipVerify: true}}) // XXX skip for now // want `InsecureSkipVerify`
	redis.NewClient(&redis.Options{Addr: os.Getenv("A"), TLSConfig: &tls.Config{InsecureSkipVerify: true}}) // HACK(bob): staging only // want `InsecureSkipVerify`
	redis.NewClient(&redis.Options{Addr: os.Getenv("A"), TLSConfig: &tls.Config{InsecureSkipVerify: true}}) // BUG: the CA is not loaded // want `InsecureSkipVerify`
}

// A task marker's continuation lines are part of the TODO.
func todoGroup() *redis.Client {
	return redis.NewClient(&redis.Options{
		Addr: os.Getenv("REDIS_ADDR"),
		// TODO: load the CA bundle
		// from the provider's console
		TLSConfig: &tls.Config{InsecureSkipVerify: true}, // want `InsecureSkipVerify: true`
	})
}

func tooShort() {
	// .
	redis.NewClient(&redis.Options{Addr: os.Getenv("A"), TLSConfig: &tls.Config{InsecureSkipVerify: true}}) // want `InsecureSkipVerify`
	redis.NewClient(&redis.Options{Addr: os.Getenv("A"), TLSConfig: &tls.Config{
		// TLS
		InsecureSkipVerify: true, // want `InsecureSkipVerify`
	}})
}

// Reasons still justify, wherever they stand.

func reason() *redis.Client {
	return redis.NewClient(&redis.Options{
		Addr: os.Getenv("REDIS_ADDR"),
		// Heroku Redis presents a self-signed certificate; see ADR-12
		TLSConfig: &tls.Config{InsecureSkipVerify: true},
	})
}

func reasonSameLine() *redis.Client {
	return redis.NewClient(&redis.Options{
		Addr:      os.Getenv("REDIS_ADDR"),
		TLSConfig: &tls.Config{InsecureSkipVerify: true}, // self-signed on Heroku
	})
}

// A doc comment that is not the line above does not matter either way.
func inBody() *tls.Config {
	// The sidecar terminates TLS and presents its own certificate.
	return &tls.Config{InsecureSkipVerify: true}
}

func useInBody() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("A"), TLSConfig: inBody()})
}
