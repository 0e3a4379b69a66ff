package idioms

import (
	"crypto/tls"
	"strings"

	"github.com/hibiken/asynq"
	"github.com/redis/go-redis/v9"
)

// Class 5: options handed over whole, as the client library's interface,
// inside a field of the library's configuration, or as a parameter: the
// caller's options literal is judged as if given to the client library.

// MonitorOptions holds the connection as asynq's interface.
type MonitorOptions struct {
	RootPath string
	Conn     asynq.RedisConnOpt
}

// NewMonitor hands the connection to asynq as it is (asynqmon.New).
func NewMonitor(opts MonitorOptions) *asynq.Inspector { // want NewMonitor:`whole=0\.Conn\)`
	if opts.Conn == nil {
		panic("idioms.NewMonitor: Conn is required")
	}
	_ = opts.Conn.MakeRedisClient()
	opts.RootPath = strings.TrimSuffix(opts.RootPath, "/")
	return asynq.NewInspector(opts.Conn)
}

// QueueConfig holds go-redis options in a field.
type QueueConfig struct {
	Name  string
	Redis *redis.Options
}

// NewQueue builds a client from the options as they are, with a default
// when none are given.
func NewQueue(cfg QueueConfig) *redis.Client { // want NewQueue:`whole=0\.Redis\)`
	if cfg.Redis == nil {
		cfg.Redis = &redis.Options{Addr: "localhost:6379"}
	}
	return redis.NewClient(cfg.Redis)
}

// SecureQueueConfig holds go-redis options that NewSecureQueue changes.
type SecureQueueConfig struct {
	Redis *redis.Options
}

// NewSecureQueue turns TLS on itself: the caller's options are not what
// connects.
func NewSecureQueue(cfg SecureQueueConfig) *redis.Client {
	cfg.Redis.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	return redis.NewClient(cfg.Redis)
}

// NewWorker takes the connection as an interface parameter.
func NewWorker(conn asynq.RedisConnOpt) *asynq.Client { // want NewWorker:`whole=0\)`
	return asynq.NewClient(conn)
}

// NewAsserted changes the options behind the interface: not followed.
func NewAsserted(conn asynq.RedisConnOpt) *asynq.Client {
	if o, ok := conn.(asynq.RedisClientOpt); ok {
		o.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12}
		return asynq.NewClient(o)
	}
	return nil
}

// NewDashboard passes its parameter on to NewMonitor.
func NewDashboard(conn asynq.RedisConnOpt) *asynq.Inspector { // want NewDashboard:`whole=0\)`
	return NewMonitor(MonitorOptions{RootPath: "/", Conn: conn})
}

func useWhole(c *tls.Config) {
	NewMonitor(MonitorOptions{Conn: asynq.RedisClientOpt{Addr: "cache.prod:6379"}}) // want `RedisClientOpt for "cache.prod:6379" has no TLSConfig`
	NewMonitor(MonitorOptions{Conn: asynq.RedisClientOpt{Addr: "localhost:6379"}})
	NewMonitor(MonitorOptions{Conn: asynq.RedisClientOpt{Addr: "cache.prod:6379", TLSConfig: c}})
	NewMonitor(MonitorOptions{Conn: asynq.RedisClientOpt{Addr: "cache.prod:6379", TLSConfig: &tls.Config{InsecureSkipVerify: true}}})     // want `InsecureSkipVerify`
	NewMonitor(MonitorOptions{Conn: asynq.RedisClientOpt{Addr: "cache.prod:6379", TLSConfig: &tls.Config{MinVersion: tls.VersionTLS10}}}) // want `below 1.2`
	opt := asynq.RedisClientOpt{Addr: "cache.prod:6379"}                                                                                  // want `RedisClientOpt for "cache.prod:6379" has no TLSConfig`
	NewWorker(opt)
	NewQueue(QueueConfig{Redis: &redis.Options{Addr: "cache.prod:6379"}}) // want `Options for "cache.prod:6379" has no TLSConfig`
	NewQueue(QueueConfig{Redis: &redis.Options{Addr: "127.0.0.1:6379"}})
	NewQueue(QueueConfig{})
	NewSecureQueue(SecureQueueConfig{Redis: &redis.Options{Addr: "cache.prod:6379"}})
	NewAsserted(asynq.RedisClientOpt{Addr: "cache.prod:6379"})
	NewDashboard(asynq.RedisClientOpt{Addr: "cache.prod:6379"}) // want `RedisClientOpt for "cache.prod:6379" has no TLSConfig`
}
