package idioms

import (
	"crypto/tls"

	"github.com/redis/go-redis/v9"
)

// Class 2: options reassigned on one branch from a parser's or an
// internal helper's result. Every branch is judged: the literal with the
// caller's address and config, the parsed URL by its scheme.

// URLConfig takes an address or a URL.
type URLConfig struct {
	Addr      string
	URL       string
	TLSConfig *tls.Config
}

// NewFromURL parses the URL when one is given.
func NewFromURL(cfg URLConfig) *redis.Client { // want NewFromURL:`clients\(redis\.Options at .* addrs=\[0\.Addr\] config\(0\.TLSConfig\); redis\.ParseURL at .* url=0\.URL\)`
	opts := &redis.Options{Addr: cfg.Addr, TLSConfig: cfg.TLSConfig}
	if cfg.URL != "" {
		opts, _ = redis.ParseURL(cfg.URL)
	}
	return redis.NewClient(opts)
}

// parseOptions is the library's own helper around the parser.
func parseOptions(u string) (*redis.Options, error) {
	return redis.ParseURL(u)
}

// NewFromURLHelper parses the URL through its helper.
func NewFromURLHelper(cfg URLConfig) *redis.Client { // want NewFromURLHelper:`clients\(redis\.Options at .* addrs=\[0\.Addr\] config\(0\.TLSConfig\); .*url=0\.URL\)`
	opts := &redis.Options{Addr: cfg.Addr, TLSConfig: cfg.TLSConfig}
	if cfg.URL != "" {
		var err error
		if opts, err = parseOptions(cfg.URL); err != nil {
			return nil
		}
	}
	return redis.NewClient(opts)
}

func useURL(u string) {
	NewFromURL(URLConfig{Addr: "cache.prod:6379"})          // want `without TLS`
	NewFromURL(URLConfig{URL: "redis://cache.prod:6379/0"}) // want `without TLS`
	NewFromURL(URLConfig{URL: "rediss://cache.prod:6379/0"})
	NewFromURL(URLConfig{URL: "redis://localhost:6379/0"})
	NewFromURL(URLConfig{Addr: "cache.prod:6379", TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}})
	NewFromURL(URLConfig{Addr: "cache.prod:6379", TLSConfig: &tls.Config{InsecureSkipVerify: true}}) // want `InsecureSkipVerify`
	NewFromURL(URLConfig{URL: u})
	NewFromURLHelper(URLConfig{Addr: "cache.prod:6379"})          // want `without TLS`
	NewFromURLHelper(URLConfig{URL: "redis://cache.prod:6379/0"}) // want `without TLS`
	NewFromURLHelper(URLConfig{URL: "rediss://cache.prod:6379/0"})
	NewFromURLHelper(URLConfig{Addr: "localhost:6379"})
}
