package idioms

import (
	"crypto/tls"

	"github.com/redis/go-redis/v9"
)

// Verification switched off by the caller's input: a bool parameter or a
// field of the configuration given to InsecureSkipVerify.

type SkipConfig struct {
	Addr       string
	TLS        bool
	SkipVerify bool
}

func NewSkippable(cfg SkipConfig) *redis.Client { // want NewSkippable:`clients\(.*guard\(0\.TLS\) skipVerify\(0\.SkipVerify\)`
	o := &redis.Options{Addr: cfg.Addr}
	if cfg.TLS {
		o.TLSConfig = &tls.Config{InsecureSkipVerify: cfg.SkipVerify}
	}
	return redis.NewClient(o)
}

func NewSkippableArgs(addr string, insecure bool) *redis.Client { // want NewSkippableArgs:`clients\(.*skipVerify\(1\) tlsAlways`
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: &tls.Config{InsecureSkipVerify: insecure}})
}

func skipHere() {
	NewSkippable(SkipConfig{Addr: "cache.prod:6379", TLS: true, SkipVerify: true}) // want `skips verification`
	NewSkippable(SkipConfig{Addr: "cache.prod:6379", SkipVerify: true})            // want `without TLS`
	NewSkippableArgs("localhost:6379", true)                                       // want `skips verification`
}
