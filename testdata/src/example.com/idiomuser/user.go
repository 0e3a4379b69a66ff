package idiomuser

import (
	"crypto/tls"

	"example.com/idioms"
	"github.com/redis/go-redis/v9"
)

func useVariadic(x string) {
	idioms.New(idioms.Config{Addr: "cache.prod:6379"}) // want `without TLS`
	idioms.New(idioms.Config{Addr: "localhost:6379"})
	idioms.New(idioms.Config{Addr: x, TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}})
	idioms.New(idioms.Config{Addr: "cache.prod:6379", TLSConfig: &tls.Config{InsecureSkipVerify: true}}) // want `InsecureSkipVerify`
	idioms.New()
	idioms.New(idioms.Config{TLSConfig: &tls.Config{InsecureSkipVerify: true}}) // want `InsecureSkipVerify`
	idioms.NewCopied(idioms.Config{Addr: "cache.prod:6379"})                    // want `without TLS`
	idioms.NewCopied(idioms.Config{Addr: "127.0.0.1:6379"})
}

func useShard() {
	idioms.NewShard(idioms.ShardConfig{Host: "cache.prod", Port: 6379}) // want `without TLS`
	idioms.NewShard(idioms.ShardConfig{Host: "localhost"})
	idioms.NewShard(idioms.ShardConfig{})
	idioms.NewShard(idioms.ShardConfig{Host: "cache.prod", TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}})
	idioms.NewShard(idioms.ShardConfig{Host: "cache.prod", TLSConfig: &tls.Config{InsecureSkipVerify: true}}) // want `InsecureSkipVerify`
	idioms.NewLocalShard(idioms.ShardConfig{Host: "cache.prod:6379"})
}

func useURL() {
	idioms.NewFromURL(idioms.URLConfig{Addr: "cache.prod:6379"})          // want `without TLS`
	idioms.NewFromURL(idioms.URLConfig{URL: "redis://cache.prod:6379/0"}) // want `without TLS`
	idioms.NewFromURL(idioms.URLConfig{URL: "rediss://cache.prod:6379/0"})
	idioms.NewFromURL(idioms.URLConfig{Addr: "cache.prod:6379", TLSConfig: &tls.Config{InsecureSkipVerify: true}}) // want `InsecureSkipVerify`
	idioms.NewFromURLHelper(idioms.URLConfig{URL: "redis://cache.prod:6379/0"})                                    // want `without TLS`
	idioms.NewFromURLHelper(idioms.URLConfig{URL: "rediss://cache.prod:6379/0"})
	idioms.NewFromURLHelper(idioms.URLConfig{Addr: "cache.prod:6379"}) // want `without TLS`
}

func useOpts(c *tls.Config) {
	idioms.NewOpts(idioms.WithAddr("cache.prod:6379")) // want `without TLS`
	idioms.NewOpts(idioms.WithAddr("localhost:6379"))
	idioms.NewOpts()
	idioms.NewOpts(idioms.WithAddr("cache.prod:6379"), idioms.WithTLSConfig(c))
	idioms.NewOpts(idioms.WithAddr("cache.prod:6379"), idioms.WithTLSConfig(&tls.Config{InsecureSkipVerify: true})) // want `InsecureSkipVerify`
	idioms.NewOpts(idioms.WithAddr("cache.prod:6379"), func(o *idioms.ClientOptions) { o.TLS = c })
	idioms.NewOpts(func(o *idioms.ClientOptions) { o.Addr = "cache.prod:6379" }) // want `without TLS`
	idioms.NewOpts(func(o *idioms.ClientOptions) { o.Addr = "localhost:6379" })
	idioms.NewOpts(idioms.WithAddr("cache.prod:6379"), func(o *idioms.ClientOptions) { o.TLS = &tls.Config{MinVersion: tls.VersionTLS10} }) // want `below 1.2`
	withTLS := func(o *idioms.ClientOptions) { o.UseTLS = true }
	idioms.NewOptsSwitch("cache.prod:6379", withTLS)
	idioms.NewOptsSwitch("cache.prod:6379", idioms.WithTLSSwitch())
	idioms.NewOptsSwitch("cache.prod:6379") // want `without TLS`
}

func useFilled() {
	c1 := new(idioms.PoolConfig)
	c1.Host = "cache.prod:6379"
	idioms.NewPool(c1) // want `without TLS`

	c2 := &idioms.PoolConfig{}
	c2.Host = "cache.prod:6379"
	c2.UseTLS = true
	idioms.NewPool(c2)

	var c3 idioms.PoolConfig
	c3.Host = "cache.prod:6379"
	idioms.NewPool(&c3) // want `without TLS`

	var c4 idioms.PoolConfig
	c4.Host = "127.0.0.1:6379"
	c4.TLS = &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify`
	idioms.NewPoolValue(c4)

	c5 := new(idioms.PoolConfig)
	c5.Host = "cache.prod:6379"
	c5.Load()
	idioms.NewPool(c5)
}

func useOldAPI() {
	idioms.DialOld("cache.prod:6379") // want `idioms\.DialOld .*TLS`
	idioms.DialOld("127.0.0.1:6379")
}

func useClientField() {
	idioms.NewCache("cache.prod:6379", nil) // want `without TLS`
	idioms.NewCache("cache.prod:6379", &tls.Config{MinVersion: tls.VersionTLS12})
	idioms.NewCache("cache.prod:6379", &tls.Config{InsecureSkipVerify: true}) // want `InsecureSkipVerify`
}

func useDefaultParam() {
	idioms.NewWithDefault("cache.prod:6379", nil) // want `without TLS`
	idioms.NewWithDefault("localhost:6379", nil)
	idioms.NewForcedLocal("cache.prod:6379")
}

func useStorage() {
	idioms.NewStorage(idioms.StorageConfig{Host: "cache.prod", Port: 6379})     // want `without TLS`
	idioms.NewStorage(idioms.StorageConfig{Addrs: []string{"cache.prod:6379"}}) // want `without TLS`
	idioms.NewStorage(idioms.StorageConfig{URL: "redis://cache.prod:6379"})     // want `without TLS`
	idioms.NewStorage(idioms.StorageConfig{URL: "rediss://cache.prod:6379"})
	idioms.NewStorage(idioms.StorageConfig{Host: "127.0.0.1"})
	idioms.NewStorage()
	idioms.NewStorage(idioms.StorageConfig{URL: "redis://cache.prod:6379", TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}})
	idioms.NewStorage(idioms.StorageConfig{Host: "cache.prod", TLSConfig: &tls.Config{InsecureSkipVerify: true}}) // want `InsecureSkipVerify`
}

// A wrapper of the library in this package: its callers decide.
func myStorage(host string) redis.UniversalClient {
	return idioms.NewStorage(idioms.StorageConfig{Host: host, Port: 6379})
}

func myCache(addr string, c *tls.Config) *idioms.Storage {
	return idioms.New(idioms.Config{Addr: addr, TLSConfig: c})
}

func useWrappers(c *tls.Config) {
	myStorage("cache.prod") // want `idiomuser\.myStorage .*TLS`
	myStorage("localhost")
	myCache("cache.prod:6379", nil) // want `idiomuser\.myCache .*TLS`
	myCache("cache.prod:6379", c)
	myCache("cache.prod:6379", &tls.Config{InsecureSkipVerify: true}) // want `InsecureSkipVerify`
}

// An option made by the caller's own helper: what it sets is not known.
func prodOption() idioms.ClientOption {
	return idioms.WithTLSConfig(&tls.Config{MinVersion: tls.VersionTLS12})
}

func useOwnOptions() {
	idioms.NewOpts(idioms.WithAddr("cache.prod:6379"), prodOption())
	idioms.NewOpts(idioms.WithAddr("cache.prod:6379"), idioms.WithDefaultTLS())
}
