// Package asynqapp uses the real asynq module.
package asynqapp

import (
	"crypto/tls"
	"os"

	"github.com/hibiken/asynq"
)

func server() *asynq.Server {
	return asynq.NewServer(asynq.RedisClientOpt{Addr: os.Getenv("REDIS_ADDR")}, asynq.Config{}) // want `asynq.RedisClientOpt`
}

func client() *asynq.Client {
	return asynq.NewClient(asynq.RedisClientOpt{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: &tls.Config{MinVersion: tls.VersionTLS10}}) // want `below 1\.2`
}

func uri() (asynq.RedisConnOpt, error) {
	return asynq.ParseRedisURI("redis://jobs.example.com:6379") // want `uses redis://`
}

func secure() *asynq.Client {
	return asynq.NewClient(asynq.RedisClientOpt{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: &tls.Config{}})
}
