package idiomuser

import (
	"crypto/tls"

	"example.com/idioms"
	"github.com/hibiken/asynq"
	"github.com/redis/go-redis/v9"
)

// Class 5 from another package: the options literal handed over whole is
// judged where it is written, naming the library that builds the client.

func useWhole(c *tls.Config) {
	idioms.NewMonitor(idioms.MonitorOptions{Conn: asynq.RedisClientOpt{Addr: "cache.prod:6379"}}) // want `RedisClientOpt for "cache.prod:6379" has no TLSConfig \(idioms.NewMonitor dials it at whole.go:26\)`
	idioms.NewMonitor(idioms.MonitorOptions{Conn: asynq.RedisClientOpt{Addr: "localhost:6379"}})
	idioms.NewMonitor(idioms.MonitorOptions{Conn: asynq.RedisClientOpt{Addr: "cache.prod:6379", TLSConfig: c}})
	idioms.NewMonitor(idioms.MonitorOptions{Conn: asynq.RedisClientOpt{Addr: "cache.prod:6379", TLSConfig: &tls.Config{InsecureSkipVerify: true}}})     // want `InsecureSkipVerify`
	idioms.NewMonitor(idioms.MonitorOptions{Conn: asynq.RedisClientOpt{Addr: "cache.prod:6379", TLSConfig: &tls.Config{MinVersion: tls.VersionTLS10}}}) // want `below 1.2`
	opt := asynq.RedisClientOpt{Addr: "cache.prod:6379"}                                                                                                // want `has no TLSConfig \(idioms.NewWorker dials it`
	idioms.NewWorker(opt)
	secured := asynq.RedisClientOpt{Addr: "cache.prod:6379"}
	secured.TLSConfig = c
	idioms.NewWorker(secured)
	idioms.NewQueue(idioms.QueueConfig{Redis: &redis.Options{Addr: "cache.prod:6379"}}) // want `Options for "cache.prod:6379" has no TLSConfig \(idioms.NewQueue dials it`
	idioms.NewQueue(idioms.QueueConfig{Redis: &redis.Options{Addr: "127.0.0.1:6379"}})
	idioms.NewQueue(idioms.QueueConfig{})
	idioms.NewSecureQueue(idioms.SecureQueueConfig{Redis: &redis.Options{Addr: "cache.prod:6379"}})
	idioms.NewAsserted(asynq.RedisClientOpt{Addr: "cache.prod:6379"})
	idioms.NewDashboard(asynq.RedisClientOpt{Addr: "cache.prod:6379"}) // want `has no TLSConfig \(idioms.NewDashboard dials it`
	monitor(asynq.RedisClientOpt{Addr: "cache.prod:6379"})             // want `has no TLSConfig \(idiomuser.monitor dials it`
	monitor(asynq.RedisClientOpt{Addr: "cache.prod:6379", TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}})
}

// monitor passes its own connection on: its callers decide.
func monitor(conn asynq.RedisConnOpt) {
	idioms.NewMonitor(idioms.MonitorOptions{Conn: conn})
}
