package wrapuser

import (
	"crypto/tls"
	"os"

	"example.com/wrapper"
)

func useConfigParam() {
	wrapper.NewWithTLS("cache.example.com:6379", nil) // want `wrapper\.NewWithTLS builds a Redis client .*without TLS here`
	wrapper.NewWithTLS("cache.example.com:6379", &tls.Config{MinVersion: tls.VersionTLS12})
	wrapper.NewWithTLS("localhost:6379", nil)
	wrapper.NewWithTLS("cache.example.com:6379", &tls.Config{InsecureSkipVerify: true}) // want `InsecureSkipVerify: true`
	wrapper.NewWithTLS(os.Getenv("REDIS_ADDR"), loadTLS())
}

func loadTLS() *tls.Config { return nil }

func useGuard() {
	wrapper.NewFromConfig(wrapper.Config{Addr: "cache.example.com:6379"}) // want `wrapper\.NewFromConfig builds a Redis client .*without TLS here`
	wrapper.NewFromConfig(wrapper.Config{Addr: "cache.example.com:6379", TLS: true})
	wrapper.NewFromConfig(wrapper.Config{Addr: "127.0.0.1:6379"})
	wrapper.NewFromConfig(wrapper.Config{Addr: "cache.example.com:6379", TLS: os.Getenv("REDIS_TLS") != ""})
	cfg := wrapper.Config{Addr: os.Getenv("REDIS_ADDR")}
	wrapper.NewFromConfig(cfg)                          // want `wrapper\.NewFromConfig builds a Redis client .*without TLS here`
	wrapper.NewGuarded("cache.example.com:6379", false) // want `wrapper\.NewGuarded builds a Redis client .*without TLS here`
	wrapper.NewGuarded("cache.example.com:6379", true)
	wrapper.DialTLS("cache.example.com:6379", false) // want `wrapper\.DialTLS builds a Redis client .*without TLS here`
	wrapper.DialTLS("cache.example.com:6379", true)
}

func useConfigField() {
	wrapper.NewWithCA(&wrapper.Config{Addr: "cache.example.com:6379"})                                                // want `wrapper\.NewWithCA builds a Redis client .*without TLS here`
	wrapper.NewWithCA(&wrapper.Config{Addr: "cache.example.com:6379", CA: &tls.Config{MinVersion: tls.VersionTLS10}}) // want `MinVersion tls.VersionTLS10`
	wrapper.NewWithCA(&wrapper.Config{Addr: "cache.example.com:6379", CA: loadTLS()})
}

func useOptions() {
	wrapper.NewStore("cache.example.com:6379")                    // want `wrapper\.NewStore builds a Redis client .*without TLS here`
	wrapper.NewStore("cache.example.com:6379", wrapper.WithDB(1)) // want `wrapper\.NewStore builds a Redis client .*without TLS here`
	wrapper.NewStore("cache.example.com:6379", wrapper.WithTLS(&tls.Config{MinVersion: tls.VersionTLS12}))
	wrapper.NewStore("cache.example.com:6379", wrapper.WithTLS(&tls.Config{InsecureSkipVerify: true})) // want `InsecureSkipVerify: true`
	wrapper.NewStore("localhost:6379", wrapper.WithDB(2))
	opts := []wrapper.Option{wrapper.WithDB(3)}
	wrapper.NewStore("cache.example.com:6379", opts...) // want `wrapper\.NewStore builds a Redis client .*without TLS here`
	wrapper.NewStore("cache.example.com:6379", optionsFromFlags()...)
	wrapper.NewStoreConf(wrapper.Config{Addr: "cache.example.com:6379"}) // want `wrapper\.NewStoreConf builds a Redis client .*without TLS here`
	wrapper.NewStoreConf(wrapper.Config{Addr: "cache.example.com:6379", TLS: true, CA: &tls.Config{}})
	wrapper.NewStoreConf(wrapper.Config{Addr: "cache.example.com:6379"}, wrapper.WithTLS(&tls.Config{}))
	wrapper.NewSecureStore("cache.example.com:6379")
}

func optionsFromFlags() []wrapper.Option { return nil }

func useNoTLS() {
	wrapper.NewPoolStore(10, "tcp", "cache.example.com:6379") // want `wrapper\.NewPoolStore builds a Redis client .*that can never use TLS`
	wrapper.NewPoolStore(10, "tcp", "localhost:6379")
	wrapper.NewPoolStore(10, "unix", "/var/run/redis.sock")
	wrapper.NewPoolStore(10, os.Getenv("REDIS_NETWORK"), "cache.example.com:6379")
	wrapper.NewPoolStore(10, "tcp", os.Getenv("REDIS_ADDR")) // want `wrapper\.NewPoolStore builds a Redis client .*that can never use TLS`
	wrapper.NewDefault("cache.example.com:6379")             // want `wrapper\.NewDefault builds a Redis client .*that can never use TLS`
	wrapper.NewDefault("localhost:6379")
	wrapper.NewConfigured("cache.example.com:6379", false) // want `wrapper\.NewConfigured builds a Redis client .*without TLS here`
	wrapper.NewConfigured("cache.example.com:6379", true)
}

// Transitive: this package's own wrapper passes its parameters on; the
// call of ownWrapper is judged.
func ownWrapper(addr string, secure bool) {
	wrapper.NewGuarded(addr, secure)
}

func useOwnWrapper() {
	ownWrapper("cache.example.com:6379", false) // want `wrapuser\.ownWrapper builds a Redis client .*without TLS here`
	ownWrapper("cache.example.com:6379", true)
}

func usePlain() {
	wrapper.NewPlain("cache.example.com:6379") // want `wrapper\.NewPlain builds a Redis client .*that can never use TLS`
}

func useLazy() {
	wrapper.NewLazy("cache.example.com:6379") // want `wrapper\.NewLazy builds a Redis client .*without TLS here`
	wrapper.NewLazy("cache.example.com:6379", wrapper.WithLazyTLS())
	wrapper.NewLazy("localhost:6379")
}

func useUndecidedAddr(srv struct{ Addr string }) {
	wrapper.NewPoolStore(10, "tcp", srv.Addr)
	wrapper.NewFromConfig(wrapper.Config{Addr: srv.Addr})
}

func useURL() {
	wrapper.NewURLStore("redis://cache.example.com:6379/0") // want `wrapper\.NewURLStore builds a Redis client .*without TLS here`
	wrapper.NewURLStore("rediss://cache.example.com:6379/0")
	wrapper.NewURLStore(os.Getenv("REDIS_URL"))
}

// Clients built only under a condition: a call that rules the condition
// out builds none.
func useConditional(on bool) {
	wrapper.NewEither("cache.example.com:6379", true)
	wrapper.NewEither("cache.example.com:6379", false) // want `wrapper\.NewEither builds a Redis client .*without TLS here`
	wrapper.NewIfEnabled(wrapper.Switched{Addr: "cache.example.com:6379"})
	wrapper.NewIfEnabled(wrapper.Switched{Enabled: true, Addr: "cache.example.com:6379"}) // want `wrapper\.NewIfEnabled builds a Redis client .*that can never use TLS`
	wrapper.NewWhenEnabled(wrapper.Switched{Enabled: false, Addr: "cache.example.com:6379"})
	wrapper.NewWhenEnabled(wrapper.Switched{Enabled: on, Addr: "cache.example.com:6379"})                       // useConditional's callers decide
	wrapper.NewWhenEnabled(wrapper.Switched{Enabled: os.Getenv("CACHE") != "", Addr: "cache.example.com:6379"}) // want `wrapper\.NewWhenEnabled builds a Redis client .*that can never use TLS`
	enabledWrapper("cache.example.com:6379", false)
	enabledWrapper("cache.example.com:6379", true) // want `wrapuser\.enabledWrapper builds a Redis client .*that can never use TLS`
}

// enabledWrapper passes its own switch on: its callers decide.
func enabledWrapper(addr string, on bool) {
	wrapper.NewIfEnabled(wrapper.Switched{Enabled: on, Addr: addr})
}

// Options from slices the analysis cannot see into: not judged.
func useOpaqueOptions() {
	wrapper.NewStore("cache.example.com:6379", wrapper.DBOptions()...)
	opts, err := loadOptions()
	if err != nil {
		return
	}
	wrapper.NewStore("cache.example.com:6379", opts...)
}

func loadOptions() ([]wrapper.Option, error) { return optionsFromConfig(), nil }

func optionsFromConfig() []wrapper.Option
