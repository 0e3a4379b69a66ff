package idioms

import (
	"crypto/tls"
	"fmt"

	"github.com/redis/go-redis/v9"
)

// Class 11: a local default given only when the input is empty does
// not make the address local.

// ShardConfig is a shard's configuration.
type ShardConfig struct {
	Host      string
	Port      int
	TLSConfig *tls.Config
}

// NewShard defaults the host, then builds the client.
func NewShard(cfg ShardConfig) *redis.Client { // want NewShard:`clients\(.*addrs=\[0\.Host\] config\(0\.TLSConfig\)`
	if cfg.Host == "" {
		cfg.Host = "127.0.0.1"
	}
	if cfg.Port == 0 {
		cfg.Port = 6379
	}
	return redis.NewClient(&redis.Options{Addr: fmt.Sprintf("%s:%d", cfg.Host, cfg.Port), TLSConfig: cfg.TLSConfig})
}

// NewShardAddr defaults a whole address.
func NewShardAddr(cfg ShardConfig) *redis.Client { // want NewShardAddr:`clients\(.*addrs=\[0\.Host\] config\(0\.TLSConfig\)`
	if cfg.Host == "" {
		cfg.Host = "127.0.0.1:6379"
	}
	return redis.NewClient(&redis.Options{Addr: cfg.Host, TLSConfig: cfg.TLSConfig})
}

// NewLocalShard always overrides the host: its clients are local.
func NewLocalShard(cfg ShardConfig) *redis.Client {
	cfg.Host = "127.0.0.1:6379"
	return redis.NewClient(&redis.Options{Addr: cfg.Host})
}

func useShard(x string) {
	NewShard(ShardConfig{Host: "cache.prod", Port: 6379}) // want `without TLS`
	NewShard(ShardConfig{Host: "localhost"})
	NewShard(ShardConfig{})
	NewShard(ShardConfig{Host: "cache.prod", TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}})
	NewShardAddr(ShardConfig{Host: "cache.prod:6379"}) // want `without TLS`
	NewShardAddr(ShardConfig{Host: "127.0.0.1:6379"})
	NewShardAddr(ShardConfig{Host: "cache.prod:6379", TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}})
	NewLocalShard(ShardConfig{Host: "cache.prod:6379"})
	NewShard(ShardConfig{Host: "localhost", TLSConfig: &tls.Config{InsecureSkipVerify: true}}) // want `InsecureSkipVerify`
}

// NewWithDefault defaults its address parameter when it is empty.
func NewWithDefault(addr string, c *tls.Config) *redis.Client { // want NewWithDefault:`clients\(.*addrs=\[0\] config\(1\)`
	if addr == "" {
		addr = "127.0.0.1:6379"
	}
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: c})
}

// NewForcedLocal always replaces its address parameter.
func NewForcedLocal(addr string) *redis.Client {
	addr = "127.0.0.1:6379"
	return redis.NewClient(&redis.Options{Addr: addr})
}

func useDefaultParam() {
	NewWithDefault("cache.prod:6379", nil) // want `without TLS`
	NewWithDefault("", nil)
	NewWithDefault("cache.prod:6379", &tls.Config{MinVersion: tls.VersionTLS12})
	NewForcedLocal("cache.prod:6379")
}
