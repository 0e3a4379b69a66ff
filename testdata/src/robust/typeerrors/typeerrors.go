// Package typeerrors does not type-check. Drivers skip it (go vet, the
// standalone checker); the robustness test also forces the analyzer to run
// on it, as gopls would for an analyzer that asks to, and checks it does not
// crash on missing or invalid types.
package typeerrors

import (
	"crypto/tls"
	"os"

	"github.com/redis/go-redis/v9"
)

func wrongFieldTypes() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: 42, TLSConfig: "tls"})
}

func undefinedThings() *redis.Client {
	opt := &redis.Options{Addr: undefinedAddr, TLSConfig: undefinedTLS()}
	opt.Nope = true
	return redis.NewClient(opt, extra)
}

func missingArgs() *redis.Client {
	return redis.NewClient()
}

func unknownField() *redis.Client {
	return redis.NewClient(&redis.Options{Adress: os.Getenv("REDIS_ADDR")})
}

func badTLS() *redis.Client {
	cfg := &tls.Config{InsecureSkipVerify: "yes", MinVersion: tls.VersionTLS99}
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: cfg})
}

func notAPackage() {
	var r redis
	r.NewClient(&r.Options{})
	missing.NewClient(&missing.Options{Addr: "x:1"})
}

func wrongReturn() *redis.Options {
	return &redis.ClusterOptions{Addrs: []string{"a:1"}}
}

func recursiveType() {
	type T struct{ T }
	var t T
	_ = redis.NewClient(&redis.Options{Addr: t})
}
