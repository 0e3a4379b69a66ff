package libapp

import (
	"crypto/tls"

	"github.com/hibiken/asynq"
	"github.com/hibiken/asynqmon"
)

func monitors() {
	asynqmon.New(asynqmon.Options{RedisConnOpt: asynq.RedisClientOpt{Addr: "cache.example.com:6379"}})                                                   // want `RedisClientOpt for "cache.example.com:6379" has no TLSConfig \(asynqmon.New dials it at handler.go:63\)`
	asynqmon.New(asynqmon.Options{RedisConnOpt: asynq.RedisClientOpt{Addr: "cache.example.com:6379", TLSConfig: &tls.Config{InsecureSkipVerify: true}}}) // want `InsecureSkipVerify: true turns off`
	asynqmon.New(asynqmon.Options{RedisConnOpt: asynq.RedisClientOpt{Addr: "cache.example.com:6379", TLSConfig: &tls.Config{}}})
}
