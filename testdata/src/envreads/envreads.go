// Package envreads reads Redis settings from the environment: the
// analyzer records which variables feed a client (EnvReads), for the
// driver to judge the values deployment config gives them.
package envreads

import (
	"cmp"
	"crypto/tls"
	"crypto/x509"
	"net/http"
	"os"
	"strconv"

	"envcfg"
	redigo "github.com/gomodule/redigo/redis"
	"github.com/kelseyhightower/envconfig"
	"github.com/redis/go-redis/v9"
)

// An address with no TLS: the Go finding, and the variable's values are judged.
func Plain() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")}) // want `has no TLSConfig`
}

// A default in code beside the variable.
func WithDefault() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: cmp.Or(os.Getenv("CACHE_ADDR"), "localhost:6379"), TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}})
}

// A URL: its scheme decides TLS.
func FromURL() (*redis.Client, error) {
	opts, err := redis.ParseURL(os.Getenv("REDIS_URL"))
	if err != nil {
		return nil, err
	}
	return redis.NewClient(opts), nil
}

// A URL whose options always get TLS: a redis:// value stays encrypted.
func ForcedTLS() (*redis.Client, error) {
	opts, err := redis.ParseURL(os.Getenv("FORCED_URL"))
	if err != nil {
		return nil, err
	}
	opts.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	return redis.NewClient(opts), nil
}

// A TLS switch read from the environment.
func Switched() *redis.Client {
	opts := &redis.Options{Addr: os.Getenv("SWITCHED_ADDR")}
	if on, _ := strconv.ParseBool(os.Getenv("SWITCHED_TLS")); on {
		opts.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	}
	return redis.NewClient(opts)
}

// A skip-verify switch.
func SkipSwitch() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("SKIP_ADDR"), TLSConfig: &tls.Config{
		InsecureSkipVerify: os.Getenv("REDIS_INSECURE") == "true",
	}})
}

// Struct tags of caarlos0/env, with a prefix on the nested struct.
type Config struct {
	Cache RedisConfig `envPrefix:"CACHE_"`
}

type RedisConfig struct {
	Addr string `env:"REDIS_ADDR" envDefault:"localhost:6379"`
	TLS  bool   `env:"REDIS_TLS" envDefault:"false"`
}

func tagged(cfg Config) *redis.Client {
	opts := &redis.Options{Addr: cfg.Cache.Addr}
	if cfg.Cache.TLS {
		opts.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	}
	return redis.NewClient(opts)
}

func Tagged() *redis.Client { return tagged(Config{}) }

// kelseyhightower/envconfig with the prefix Process gives.
type Spec struct {
	URL string `envconfig:"REDIS_URL"`
}

func Processed() (*redis.Client, error) {
	var s Spec
	envconfig.MustProcess("app", &s)
	opts, err := redis.ParseURL(s.URL)
	if err != nil {
		return nil, err
	}
	return redis.NewClient(opts), nil
}

// Not Redis: an HTTP client's address is no Redis read.
func NotRedis() (*http.Response, error) {
	return http.Get(os.Getenv("API_URL"))
}

// Defaults written in code are judged as code.
type URLConfig struct {
	CacheURL string `env:"DEFAULTED_URL" envDefault:"redis://cache.prod.example.net:6379/0"` // want `default of DEFAULTED_URL "redis://cache.prod.example.net:6379/0" uses redis://`
	LocalURL string `env:"LOCAL_URL" envDefault:"redis://localhost:6379/0"`
}

func defaulted(cfg URLConfig) {
	a, _ := redis.ParseURL(cfg.CacheURL)
	b, _ := redis.ParseURL(cfg.LocalURL)
	c, _ := redis.ParseURL(cmp.Or(os.Getenv("OR_URL"), "redis://queue.prod.example.net:6379")) // want `default URL "redis://queue.prod.example.net:6379" uses redis://`
	redis.NewClient(a)
	redis.NewClient(b)
	redis.NewClient(c)
}

var _ = defaulted

// A helper of this package that reads the variable its caller names.
func getenv(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}

func helperRead() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: getenv("HELPER_ADDR", "localhost:6379"), TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}})
}

var _ = helperRead

// Helpers of another package that imports no client.
func otherPackage() {
	a, _ := redis.ParseURL(envcfg.RedisURL())
	redis.NewClient(a)
	b, _ := redis.ParseURL(envcfg.Get("PKG_GET_URL", "redis://localhost:6379"))
	redis.NewClient(b)
	redis.NewClient(&redis.Options{Addr: envcfg.Or("PKG_OR_ADDR", "localhost:6379"), TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}})
	redis.NewClient(&redis.Options{Addr: envcfg.Addr}) // want `has no TLSConfig`
	redis.NewClient(&redis.Options{Addr: envcfg.Home(), TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}})
}

var _ = otherPackage

// A wrapper of this package given the variable's value: judged through
// its summary, and the read recorded with what the call gives for TLS.
func newCache(addr string, tlsc *tls.Config) *redis.Client {
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: tlsc})
}

func newGuarded(addr string, useTLS bool) *redis.Client {
	o := &redis.Options{Addr: addr}
	if useTLS {
		o.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	}
	return redis.NewClient(o)
}

func wrapped() {
	newCache(os.Getenv("WRAPPED_ADDR"), nil) // want `without TLS`
	newCache(os.Getenv("WRAPPED_TLS_ADDR"), &tls.Config{MinVersion: tls.VersionTLS12})
	newGuarded(os.Getenv("GUARDED_ADDR"), os.Getenv("GUARDED_TLS") == "true")
}

var _ = wrapped

// redigo: an address, a TLS switch and a skip-verify switch given to
// the dial options.
func dialed() {
	redigo.Dial("tcp", os.Getenv("DIAL_ADDR")) // want `without redigo.DialUseTLS\(true\)`
	redigo.Dial("tcp", os.Getenv("DIAL_SWITCHED_ADDR"), redigo.DialUseTLS(os.Getenv("DIAL_TLS") == "true"))
	redigo.Dial("tcp", os.Getenv("DIAL_TLS_ADDR"), redigo.DialUseTLS(true), redigo.DialTLSSkipVerify(os.Getenv("DIAL_SKIP") == "true"))
	redigo.DialURL(os.Getenv("DIAL_URL"))
}

var _ = dialed

// A CA pool and a client certificate read from files the environment names.
func withCA() *redis.Client {
	pem, _ := os.ReadFile(os.Getenv("REDIS_CA_FILE"))
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(pem)
	cert, _ := tls.LoadX509KeyPair(os.Getenv("REDIS_CERT"), os.Getenv("REDIS_KEY"))
	return redis.NewClient(&redis.Options{Addr: os.Getenv("CA_ADDR"), TLSConfig: &tls.Config{
		RootCAs:      pool,
		Certificates: []tls.Certificate{cert},
		MinVersion:   tls.VersionTLS12,
	}})
}

var _ = withCA

// A wrapper whose TLS config takes InsecureSkipVerify from its caller.
func newVerified(addr string, insecure bool) *redis.Client {
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: &tls.Config{InsecureSkipVerify: insecure}})
}

func wrappedSkip() {
	newVerified(os.Getenv("WRAP_SKIP_ADDR"), os.Getenv("WRAP_INSECURE") == "true")
}

var _ = wrappedSkip

// kelseyhightower/envconfig reads untagged fields by name: APP_CACHEADDR,
// and with split_words APP_CACHE_URL.
type Untagged struct {
	CacheAddr string
	CacheURL  string `split_words:"true"`
}

func untagged() {
	var u Untagged
	envconfig.MustProcess("app", &u)
	redis.NewClient(&redis.Options{Addr: u.CacheAddr}) // want `has no TLSConfig`
	o, _ := redis.ParseURL(u.CacheURL)
	redis.NewClient(o)
}

var _ = untagged
