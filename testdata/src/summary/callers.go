package summary // want package:"clientSummaries"

import (
	"crypto/tls"
	"os"

	"github.com/redis/go-redis/v9"
)

func useConfigParam() {
	NewWithTLS("cache.example.com:6379", nil) // want `summary\.NewWithTLS builds a Redis client .*without TLS here`
	NewWithTLS("cache.example.com:6379", &tls.Config{MinVersion: tls.VersionTLS12})
	NewWithTLS("localhost:6379", nil)
	NewWithTLS("cache.example.com:6379", &tls.Config{InsecureSkipVerify: true}) // want `InsecureSkipVerify: true`
	NewWithTLS(os.Getenv("REDIS_ADDR"), loadTLS())
}

func loadTLS() *tls.Config { return nil }

func useGuard() {
	NewFromConfig(Config{Addr: "cache.example.com:6379"}) // want `summary\.NewFromConfig builds a Redis client .*without TLS here`
	NewFromConfig(Config{Addr: "cache.example.com:6379", TLS: true})
	NewFromConfig(Config{Addr: "127.0.0.1:6379"})
	NewFromConfig(Config{Addr: "cache.example.com:6379", TLS: os.Getenv("REDIS_TLS") != ""})
	cfg := Config{Addr: os.Getenv("REDIS_ADDR")}
	NewFromConfig(cfg)                          // want `summary\.NewFromConfig builds a Redis client .*without TLS here`
	NewGuarded("cache.example.com:6379", false) // want `summary\.NewGuarded builds a Redis client .*without TLS here`
	NewGuarded("cache.example.com:6379", true)
	DialTLS("cache.example.com:6379", false) // want `summary\.DialTLS builds a Redis client .*without TLS here`
	DialTLS("cache.example.com:6379", true)
}

func useConfigField() {
	NewWithCA(&Config{Addr: "cache.example.com:6379"})                                                // want `summary\.NewWithCA builds a Redis client .*without TLS here`
	NewWithCA(&Config{Addr: "cache.example.com:6379", CA: &tls.Config{MinVersion: tls.VersionTLS10}}) // want `MinVersion tls.VersionTLS10`
	NewWithCA(&Config{Addr: "cache.example.com:6379", CA: loadTLS()})
}

func useOptions() {
	NewStore("cache.example.com:6379")            // want `summary\.NewStore builds a Redis client .*without TLS here`
	NewStore("cache.example.com:6379", WithDB(1)) // want `summary\.NewStore builds a Redis client .*without TLS here`
	NewStore("cache.example.com:6379", WithTLS(&tls.Config{MinVersion: tls.VersionTLS12}))
	NewStore("cache.example.com:6379", WithTLS(&tls.Config{InsecureSkipVerify: true})) // want `InsecureSkipVerify: true`
	NewStore("localhost:6379", WithDB(2))
	opts := []Option{WithDB(3)}
	NewStore("cache.example.com:6379", opts...) // want `summary\.NewStore builds a Redis client .*without TLS here`
	NewStore("cache.example.com:6379", optionsFromFlags()...)
	NewStoreConf(Config{Addr: "cache.example.com:6379"}) // want `summary\.NewStoreConf builds a Redis client .*without TLS here`
	NewStoreConf(Config{Addr: "cache.example.com:6379", TLS: true, CA: &tls.Config{}})
	NewStoreConf(Config{Addr: "cache.example.com:6379"}, WithTLS(&tls.Config{}))
	NewSecureStore("cache.example.com:6379")
}

func optionsFromFlags() []Option { return nil }

func useNoTLS() {
	NewPoolStore(10, "tcp", "cache.example.com:6379") // want `summary\.NewPoolStore builds a Redis client .*that can never use TLS`
	NewPoolStore(10, "tcp", "localhost:6379")
	NewPoolStore(10, "unix", "/var/run/redis.sock")
	NewPoolStore(10, os.Getenv("REDIS_NETWORK"), "cache.example.com:6379")
	NewPoolStore(10, "tcp", os.Getenv("REDIS_ADDR")) // want `summary\.NewPoolStore builds a Redis client .*that can never use TLS`
	NewDefault("cache.example.com:6379")             // want `summary\.NewDefault builds a Redis client .*that can never use TLS`
	NewDefault("localhost:6379")
	NewConfigured("cache.example.com:6379", false) // want `summary\.NewConfigured builds a Redis client .*without TLS here`
	NewConfigured("cache.example.com:6379", true)
}

// Transitive: this package's own wrapper passes its parameters on; the
// call of ownWrapper is judged.
func ownWrapper(addr string, secure bool) {
	NewGuarded(addr, secure)
}

func useOwnWrapper() {
	ownWrapper("cache.example.com:6379", false) // want `summary\.ownWrapper builds a Redis client .*without TLS here`
	ownWrapper("cache.example.com:6379", true)
}

func usePlain() {
	NewPlain("cache.example.com:6379")
}

func useLazy() {
	NewLazy("cache.example.com:6379") // want `summary\.NewLazy builds a Redis client .*without TLS here`
	NewLazy("cache.example.com:6379", WithLazyTLS())
	NewLazy("localhost:6379")
	l := &Lazy{Addr: "cache.example.com:6379"}
	l.Ping() // not judged at method calls: at the construction only
}

func serverAddr() string { return os.Getenv("X") + ":6379" }

// An address that is neither a constant nor read from the environment
// (a test server's handle, a function's result) leaves the call unjudged.
func useUndecidedAddr(srv struct{ Addr string }) {
	NewPoolStore(10, "tcp", serverAddr())
	NewPoolStore(10, "tcp", srv.Addr)
	NewFromConfig(Config{Addr: srv.Addr})
}

func useURL() {
	NewURLStore("redis://:pw@cache.example.com:6379/0") // want `summary\.NewURLStore builds a Redis client .*"redis://:xxxxx@cache.example.com:6379/0" without TLS here.*use a rediss:// or valkeys:// URL`
	NewURLStore("rediss://cache.example.com:6379/0")
	NewURLStore("redis://localhost:6379/0")
	NewURLStore(os.Getenv("REDIS_URL"))
}

func useOpts() {
	o := Opts("cache.example.com:6379")
	o.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	redis.NewClient(o)
}

func useNested() {
	NewNested(Nested{Redis: Config{Addr: "cache.example.com:6379"}})            // want `summary\.NewNested builds a Redis client .*without TLS here`
	NewNested(Nested{Redis: Config{Addr: "cache.example.com:6379", TLS: true}}) // TLS on
	NewNested(Nested{Redis: Config{Addr: "localhost:6379"}})                    // local
}

func tlsOptions() []Option {
	return []Option{WithTLS(&tls.Config{MinVersion: tls.VersionTLS12})}
}

func dbOptions() []Option {
	return []Option{WithDB(2)}
}

func useOptionsFromHelpers() {
	NewStore("cache.example.com:6379", tlsOptions()...) // TLS on, made in the helper
	NewStore("cache.example.com:6379", dbOptions()...)  // want `summary\.NewStore builds a Redis client .*without TLS here`
	opts := append(dbOptions(), WithDB(3))
	NewStore("cache.example.com:6379", opts...) // want `summary\.NewStore builds a Redis client .*without TLS here`
}

// Configurations filled in place before the call: not judged.
func useFilledConfigs() {
	var byFunc Config
	LoadDefaults(&byFunc)
	NewFromConfig(byFunc)

	var byMethod Config
	byMethod.SetDefaults()
	NewFromConfig(byMethod)

	var nested Nested
	LoadDefaults(&nested.Redis)
	NewNested(nested)

	var zero Config     // never filled: no address is go-redis's localhost default
	NewFromConfig(zero) // local
}

func useDerived() {
	NewDerived(&Config{}) // no address: no client
	NewDerived(&Config{Addr: "cache.example.com:6379", TLS: true})
}
