package idioms

import (
	"crypto/tls"
	"fmt"

	"github.com/redis/go-redis/v9"
)

// The shape of gofiber/storage's redis.New: a variadic configuration
// normalised by a defaults helper, a URL parsed on one branch whose
// address and TLS config are copied field by field (the caller's TLS
// config wins), and a host and port composed into the address on the
// other.

// StorageConfig is the storage's configuration.
type StorageConfig struct {
	Host      string
	Port      int
	URL       string
	Addrs     []string
	Username  string
	TLSConfig *tls.Config
}

// StorageDefault is the default configuration.
var StorageDefault = StorageConfig{Host: "127.0.0.1", Port: 6379, Addrs: []string{}}

func storageDefault(config ...StorageConfig) StorageConfig {
	if len(config) < 1 {
		return StorageDefault
	}
	cfg := config[0]
	if cfg.Host == "" {
		cfg.Host = StorageDefault.Host
	}
	if cfg.Port <= 0 {
		cfg.Port = StorageDefault.Port
	}
	return cfg
}

// NewStorage builds the storage's client.
func NewStorage(config ...StorageConfig) redis.UniversalClient { // want NewStorage:`clients\(redis\.UniversalOptions at .* addrs=\[0\.\[0\]\.Host 0\.\[0\]\.Addrs\] url=0\.\[0\]\.URL config\(0\.\[0\]\.TLSConfig\)`
	cfg := storageDefault(config...)
	if cfg.URL != "" {
		options, err := redis.ParseURL(cfg.URL)
		if err != nil {
			panic(err)
		}
		cfg.Username = options.Username
		cfg.Addrs = []string{options.Addr}
		if cfg.TLSConfig == nil && options.TLSConfig != nil {
			cfg.TLSConfig = options.TLSConfig
		}
	} else if len(cfg.Addrs) == 0 {
		cfg.Addrs = []string{fmt.Sprintf("%s:%d", cfg.Host, cfg.Port)}
	}
	return redis.NewUniversalClient(&redis.UniversalOptions{
		Addrs:     cfg.Addrs,
		TLSConfig: cfg.TLSConfig,
	})
}

func useStorage() {
	NewStorage(StorageConfig{Host: "cache.prod", Port: 6379})     // want `without TLS`
	NewStorage(StorageConfig{Addrs: []string{"cache.prod:6379"}}) // want `without TLS`
	NewStorage(StorageConfig{URL: "redis://cache.prod:6379"})     // want `without TLS`
	NewStorage(StorageConfig{URL: "rediss://cache.prod:6379"})
	NewStorage(StorageConfig{URL: "redis://localhost:6379"})
	NewStorage(StorageConfig{Host: "localhost"})
	NewStorage()
	NewStorage(StorageConfig{Host: "cache.prod", TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}})
	NewStorage(StorageConfig{URL: "redis://cache.prod:6379", TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}})
	NewStorage(StorageConfig{Host: "cache.prod", TLSConfig: &tls.Config{InsecureSkipVerify: true}}) // want `InsecureSkipVerify`
}
