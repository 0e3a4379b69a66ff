// Package oldclientsapp uses the real gopkg.in/redis.v5, .v4, .v3 and
// github.com/rueian/rueidis modules.
package oldclientsapp

import (
	"crypto/tls"
	"os"

	"github.com/rueian/rueidis"
	redisv3 "gopkg.in/redis.v3"
	redisv4 "gopkg.in/redis.v4"
	"gopkg.in/redis.v5"
)

func v5() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")}) // want `redis.Options for os.Getenv\("REDIS_ADDR"\) has no TLSConfig`
}

func v5Secure() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}})
}

func v5Cluster() *redis.ClusterClient {
	return redis.NewClusterClient(&redis.ClusterOptions{Addrs: []string{os.Getenv("REDIS_ADDR")}}) // want `redis.ClusterOptions for os.Getenv\("REDIS_ADDR"\) cannot use TLS`
}

func v4() *redisv4.Client {
	return redisv4.NewClient(&redisv4.Options{Addr: os.Getenv("REDIS_ADDR")}) // want `redisv4.Options for os.Getenv\("REDIS_ADDR"\) cannot use TLS`
}

func v3() *redisv3.Client {
	return redisv3.NewClient(&redisv3.Options{Addr: os.Getenv("REDIS_ADDR")}) // want `redisv3.Options for os.Getenv\("REDIS_ADDR"\) cannot use TLS`
}

func rueian() (rueidis.Client, error) {
	return rueidis.NewClient(rueidis.ClientOption{InitAddress: []string{os.Getenv("REDIS_ADDR")}, TLSConfig: &tls.Config{InsecureSkipVerify: true}}) // want `InsecureSkipVerify: true`
}
