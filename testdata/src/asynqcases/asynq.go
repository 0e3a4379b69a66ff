package asynqcases

import (
	"crypto/tls"
	"os"

	"github.com/hibiken/asynq"
)

func client() *asynq.Client {
	return asynq.NewClient(asynq.RedisClientOpt{Addr: os.Getenv("REDIS_ADDR")}) // want `asynq.RedisClientOpt for os.Getenv\("REDIS_ADDR"\)`
}

func server() *asynq.Server {
	redisOpt := asynq.RedisClientOpt{ // want `asynq.RedisClientOpt`
		Addr:     "redis.prod.example.com:6379",
		Password: os.Getenv("REDIS_PASSWORD"),
	}
	return asynq.NewServer(redisOpt, asynq.Config{Concurrency: 10})
}

func pointer() *asynq.Inspector {
	return asynq.NewInspector(&asynq.RedisClientOpt{Addr: os.Getenv("REDIS_ADDR")}) // want `asynq.RedisClientOpt`
}

func failover() *asynq.Client {
	return asynq.NewClient(asynq.RedisFailoverClientOpt{MasterName: "m", SentinelAddrs: []string{"sentinel.example.com:26379"}}) // want `asynq.RedisFailoverClientOpt`
}

func cluster(addrs []string) *asynq.Client {
	return asynq.NewClient(asynq.RedisClusterClientOpt{Addrs: addrs}) // want `asynq.RedisClusterClientOpt`
}

func insecure() *asynq.Client {
	return asynq.NewClient(asynq.RedisClientOpt{
		Addr:      os.Getenv("REDIS_ADDR"),
		TLSConfig: &tls.Config{InsecureSkipVerify: true}, // want `certificate check`
	})
}

var schedulerOpt = asynq.RedisClientOpt{Addr: os.Getenv("REDIS_ADDR")} // want `asynq.RedisClientOpt`

func scheduler() *asynq.Scheduler { return asynq.NewScheduler(schedulerOpt, nil) }

func uri() (asynq.RedisConnOpt, error) {
	return asynq.ParseRedisURI("redis://:secret@jobs.example.com:6379/0") // want `the URL "redis://:xxxxx@jobs.example.com:6379/0" uses redis://`
}

func sentinelURI() (asynq.RedisConnOpt, error) {
	return asynq.ParseRedisURI("redis-sentinel://s1.example.com:26379,s2.example.com:26379?master=m") // want `never uses TLS`
}

// Not reported.

func withTLS() *asynq.Client {
	return asynq.NewClient(asynq.RedisClientOpt{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}})
}

func localDev() *asynq.Client {
	return asynq.NewClient(asynq.RedisClientOpt{Addr: "localhost:6379"})
}

func tlsWhenConfigured() *asynq.Server {
	opt := asynq.RedisClientOpt{Addr: os.Getenv("REDIS_ADDR")}
	if os.Getenv("REDIS_TLS") == "true" {
		opt.TLSConfig = &tls.Config{ServerName: os.Getenv("REDIS_HOST")}
	}
	return asynq.NewServer(opt, asynq.Config{})
}

func secureURI() (asynq.RedisConnOpt, error) {
	return asynq.ParseRedisURI("rediss://jobs.example.com:6380")
}

func socketURI() (asynq.RedisConnOpt, error) {
	return asynq.ParseRedisURI("redis-socket:///var/run/redis.sock")
}

func runtimeURI() (asynq.RedisConnOpt, error) { return asynq.ParseRedisURI(os.Getenv("REDIS_URL")) }

func periodic() (*asynq.PeriodicTaskManager, error) {
	return asynq.NewPeriodicTaskManager(asynq.PeriodicTaskManagerOpts{
		RedisConnOpt: asynq.RedisClientOpt{Addr: os.Getenv("REDIS_ADDR")}, // want `asynq.RedisClientOpt`
	})
}

func unixSocket() *asynq.Client {
	return asynq.NewClient(asynq.RedisClientOpt{Network: "unix", Addr: os.Getenv("REDIS_SOCKET")})
}
