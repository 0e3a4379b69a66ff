package idioms

import (
	"crypto/tls"
	"net/url"
	"strings"

	"github.com/redis/go-redis/v9"
)

// Class 7: TLS decided inside the library by the URL it is given: its
// scheme, a query parameter, or a parser's TLS config kept only when the
// caller gives none. The caller is judged by the URL it passes.

// SchemeConfig takes a URL and, optionally, a TLS config.
type SchemeConfig struct {
	URL       string
	TLSConfig *tls.Config
}

// NewSchemeEq turns TLS on for rediss://, keeping the caller's config.
func NewSchemeEq(cfg SchemeConfig) *redis.Client { // want NewSchemeEq:`clients\(redis\.Options at .* addrs=\[\] url=0\.URL config\(0\.TLSConfig\)\)`
	u, err := url.Parse(cfg.URL)
	if err != nil {
		return nil
	}
	opts := &redis.Options{Addr: u.Host, TLSConfig: cfg.TLSConfig}
	if u.Scheme == "rediss" && opts.TLSConfig == nil {
		opts.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	}
	return redis.NewClient(opts)
}

// NewSchemeSwitch picks TLS by a switch on the scheme.
func NewSchemeSwitch(addr string) *redis.Client { // want NewSchemeSwitch:`clients\(redis\.Options at .* url=0`
	u, err := url.Parse(addr)
	if err != nil {
		return nil
	}
	opts := &redis.Options{Addr: u.Host}
	switch u.Scheme {
	case "redis", "tcp":
	case "rediss":
		opts.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	default:
		return nil
	}
	return redis.NewClient(opts)
}

// NewSchemePrefix turns TLS on for any scheme starting with rediss.
func NewSchemePrefix(addr string, c *tls.Config) *redis.Client { // want NewSchemePrefix:`clients\(redis\.Options at .* url=0 config\(1\)\)`
	u, _ := url.Parse(addr)
	opts := &redis.Options{Addr: u.Host, TLSConfig: c}
	if strings.HasPrefix(u.Scheme, "rediss") {
		if opts.TLSConfig == nil {
			opts.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12}
		}
	}
	return redis.NewClient(opts)
}

// NewRawPrefix takes host:port or a URL, told apart by its prefix.
func NewRawPrefix(addr string) *redis.Client { // want NewRawPrefix:`clients\(redis\.Options at .* url=0 bare\)`
	opts := &redis.Options{}
	if strings.HasPrefix(addr, "rediss://") {
		opts.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12}
		addr = strings.TrimPrefix(addr, "rediss://")
	} else if strings.HasPrefix(addr, "redis://") {
		addr = strings.TrimPrefix(addr, "redis://")
	}
	opts.Addr = addr
	return redis.NewClient(opts)
}

// NewQuery reads TLS and verification from the URL's query.
func NewQuery(rawURL string) *redis.Client { // want NewQuery:`clients\(redis\.Options at .* url=0 query\(tls=\[tls_enabled\] skip=\[skip_verify\]\)\)`
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil
	}
	q := u.Query()
	tlsCfg := &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: q.Get("skip_verify") == "true"}
	opts := &redis.Options{Addr: u.Host}
	if u.Scheme == "rediss" || q.Get("tls_enabled") == "true" {
		opts.TLSConfig = tlsCfg
	}
	return redis.NewClient(opts)
}

// ParsedConfig takes a URL parsed by the client library.
type ParsedConfig struct {
	URL       string
	TLSConfig *tls.Config
}

// NewParsedKeep keeps the parser's TLS config only when the caller gives
// none.
func NewParsedKeep(cfg ParsedConfig) *redis.Client { // want NewParsedKeep:`clients\(redis\.Options at .* url=0\.URL config\(0\.TLSConfig\)\)`
	parsed, err := redis.ParseURL(cfg.URL)
	if err != nil {
		return nil
	}
	opts := &redis.Options{Addr: parsed.Addr, TLSConfig: cfg.TLSConfig}
	if opts.TLSConfig == nil {
		opts.TLSConfig = parsed.TLSConfig
	}
	return redis.NewClient(opts)
}

// NewSchemeRuntime tests a scheme it is not given: not judged.
func NewSchemeRuntime(host string, secure bool) *redis.Client {
	scheme := "redis"
	if secure {
		scheme = "rediss"
	}
	opts := &redis.Options{Addr: host}
	if scheme == "rediss" {
		opts.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	}
	return redis.NewClient(opts)
}

func useScheme(u string) {
	NewSchemeEq(SchemeConfig{URL: "redis://cache.prod:6379/0"}) // want `NewSchemeEq builds a Redis client .* without TLS here; use a rediss:// URL`
	NewSchemeEq(SchemeConfig{URL: "rediss://cache.prod:6379/0"})
	NewSchemeEq(SchemeConfig{URL: "redis://localhost:6379/0"})
	NewSchemeEq(SchemeConfig{URL: u})
	NewSchemeEq(SchemeConfig{URL: "rediss://cache.prod:6379/0", TLSConfig: &tls.Config{InsecureSkipVerify: true}})     // want `InsecureSkipVerify`
	NewSchemeEq(SchemeConfig{URL: "rediss://cache.prod:6379/0", TLSConfig: &tls.Config{MinVersion: tls.VersionTLS10}}) // want `below 1.2`
	NewSchemeEq(SchemeConfig{URL: "redis://cache.prod:6379/0", TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}})
	NewSchemeSwitch("redis://cache.prod:6379") // want `NewSchemeSwitch builds a Redis client .* without TLS here; use a rediss:// URL`
	NewSchemeSwitch("tcp://cache.prod:6379")   // want `without TLS here`
	NewSchemeSwitch("rediss://cache.prod:6379")
	NewSchemeSwitch("unix:///tmp/redis.sock")
	NewSchemeSwitch("cache.prod:6379")
	NewSchemePrefix("redis://cache.prod:6379", nil) // want `NewSchemePrefix builds a Redis client .* without TLS here`
	NewSchemePrefix("rediss://cache.prod:6379", nil)
	NewSchemePrefix("rediss+sentinel://cache.prod:26379", nil)
	NewSchemePrefix("rediss://cache.prod:6379", &tls.Config{InsecureSkipVerify: true}) // want `InsecureSkipVerify`
	NewSchemePrefix(u, nil)
	NewRawPrefix("cache.prod:6379")         // want `NewRawPrefix builds a Redis client .*"cache.prod:6379" without TLS here`
	NewRawPrefix("redis://cache.prod:6379") // want `NewRawPrefix builds a Redis client .* without TLS here; use a rediss:// URL`
	NewRawPrefix("rediss://cache.prod:6379")
	NewRawPrefix("localhost:6379")
	NewQuery("redis://cache.prod:6379") // want `NewQuery builds a Redis client .* without TLS here`
	NewQuery("redis://cache.prod:6379?tls_enabled=true")
	NewQuery("rediss://cache.prod:6379")
	NewQuery("rediss://cache.prod:6379?skip_verify=true")                 // want `skip_verify=true in the URL turns off Redis certificate checks in idioms.NewQuery`
	NewQuery("redis://cache.prod:6379?tls_enabled=true&skip_verify=true") // want `skip_verify=true in the URL`
	NewQuery("rediss://cache.prod:6379?skip_verify=false")
	NewParsedKeep(ParsedConfig{URL: "redis://cache.prod:6379"}) // want `NewParsedKeep builds a Redis client .* without TLS here; use a rediss:// URL`
	NewParsedKeep(ParsedConfig{URL: "rediss://cache.prod:6379"})
	NewParsedKeep(ParsedConfig{URL: "rediss://cache.prod:6379", TLSConfig: &tls.Config{InsecureSkipVerify: true}}) // want `InsecureSkipVerify`
	NewParsedKeep(ParsedConfig{URL: "redis://cache.prod:6379", TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}})
	NewParsedKeep(ParsedConfig{URL: "redis://127.0.0.1:6379"})
	NewSchemeRuntime("cache.prod:6379", true)
}
