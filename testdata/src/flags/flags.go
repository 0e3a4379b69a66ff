package flags

import (
	"crypto/tls"
	"os"

	"github.com/redis/go-redis/v9"
)

func internalService() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: "redis.internal:6379"})
}

func clusterLocal() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: "redis-master.cache.svc.cluster.local:6379"})
}

func privateNet() *redis.Client { return redis.NewClient(&redis.Options{Addr: "10.1.2.3:6379"}) }

func notAllowed() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: "redis.example.com:6379"}) // want `plaintext`
}

type Config struct{ Insecure bool }

func operatorSwitch(cfg Config) *redis.Client {
	return redis.NewClient(&redis.Options{
		Addr:      os.Getenv("REDIS_ADDR"),
		TLSConfig: &tls.Config{InsecureSkipVerify: cfg.Insecure}, // want `InsecureSkipVerify set from cfg.Insecure \(an operator's switch\)`
	})
}
