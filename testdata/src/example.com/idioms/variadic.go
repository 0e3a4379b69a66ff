package idioms

import (
	"crypto/tls"

	"github.com/redis/go-redis/v9"
)

// Class 1: a configuration handed over variadically and normalised by a
// defaults helper (gofiber/storage's redis.New).

// Config is the storage's configuration.
type Config struct {
	Addr      string
	Host      string
	Port      int
	Username  string
	Password  string
	TLSConfig *tls.Config
}

// ConfigDefault is the package-level default configuration.
var ConfigDefault = Config{
	Addr: "127.0.0.1:6379",
}

// configDefault fills in what the caller left out.
func configDefault(config ...Config) Config {
	if len(config) < 1 {
		return ConfigDefault
	}
	cfg := config[0]
	if cfg.Addr == "" {
		cfg.Addr = ConfigDefault.Addr
	}
	if cfg.Username == "" {
		cfg.Username = ConfigDefault.Username
	}
	return cfg
}

// Storage holds the client.
type Storage struct {
	db *redis.Client
}

// New builds the storage's client from the normalised configuration.
func New(config ...Config) *Storage { // want New:`clients\(.*addrs=\[0\.\[0\]\.Addr\] config\(0\.\[0\]\.TLSConfig\)`
	cfg := configDefault(config...)
	db := redis.NewClient(&redis.Options{
		Addr:      cfg.Addr,
		Username:  cfg.Username,
		Password:  cfg.Password,
		TLSConfig: cfg.TLSConfig,
	})
	return &Storage{db: db}
}

// NewCopied starts from the default and copies the caller's fields one
// by one.
func NewCopied(config ...Config) *redis.Client { // want NewCopied:`clients\(.*addrs=\[0\.\[0\]\.Addr\] config\(0\.\[0\]\.TLSConfig\)`
	cfg := ConfigDefault
	if len(config) > 0 {
		if config[0].Addr != "" {
			cfg.Addr = config[0].Addr
		}
		cfg.TLSConfig = config[0].TLSConfig
	}
	return redis.NewClient(&redis.Options{Addr: cfg.Addr, TLSConfig: cfg.TLSConfig})
}

func useNew(x string) {
	New(Config{Addr: "cache.prod:6379"}) // want `without TLS`
	New(Config{Addr: "localhost:6379"})
	New(Config{Addr: x, TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}})
	New(Config{Addr: "cache.prod:6379", TLSConfig: &tls.Config{InsecureSkipVerify: true}}) // want `InsecureSkipVerify`
	New()
	New(Config{TLSConfig: &tls.Config{InsecureSkipVerify: true}})                              // want `InsecureSkipVerify`
	New(Config{Addr: "cache.prod:6379", TLSConfig: &tls.Config{MinVersion: tls.VersionTLS10}}) // want `below 1.2`
	NewCopied(Config{Addr: "cache.prod:6379"})                                                 // want `without TLS`
	NewCopied(Config{Addr: "localhost:6379"})
	NewCopied(Config{Addr: "cache.prod:6379", TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}})
	NewCopied()
}
