package libapp

import (
	"crypto/tls"

	"github.com/centrifugal/centrifuge"
)

func shards(n *centrifuge.Node) {
	centrifuge.NewRedisShard(n, centrifuge.RedisShardConfig{Address: "redis://cache.example.com:6379"}) // want `NewRedisShard builds a Redis client .* without TLS here; use a rediss://`
	centrifuge.NewRedisShard(n, centrifuge.RedisShardConfig{Address: "cache.example.com:6379"})         // want `NewRedisShard builds a Redis client .* without TLS here; pass a \*tls.Config as conf.TLSConfig, or use a rediss:// URL`
	centrifuge.NewRedisShard(n, centrifuge.RedisShardConfig{Address: "rediss://cache.example.com:6379"})
	centrifuge.NewRedisShard(n, centrifuge.RedisShardConfig{Address: "cache.example.com:6379", TLSConfig: &tls.Config{InsecureSkipVerify: true}}) // want `InsecureSkipVerify: true turns off Redis certificate checks`
	centrifuge.NewRedisShard(n, centrifuge.RedisShardConfig{Address: "cache.example.com:6379", TLSConfig: &tls.Config{}})
	centrifuge.NewRedisShard(n, centrifuge.RedisShardConfig{ClusterAddresses: []string{"cache.example.com:6379"}}) // want `NewRedisShard builds a Redis client .* without TLS here; pass a \*tls.Config`
	centrifuge.NewRedisShard(n, centrifuge.RedisShardConfig{Address: "localhost:6379"})
}
