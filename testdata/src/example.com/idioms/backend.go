package idioms

import (
	"context"
	"crypto/tls"
	"errors"

	"example.com/idioms/queuecfg"
	"github.com/hibiken/asynq"
)

// neoq's shape: the configuration and its option type live in another
// package, the configuration comes from its constructor and is held in a
// field, and the backend applies the options to that field.

// QueueBackend connects a queue.
type QueueBackend struct {
	config *queuecfg.Config
	client *asynq.Client
}

// Backend connects without TLS to the address an option gives.
func Backend(_ context.Context, opts ...queuecfg.Option) (*QueueBackend, error) { // want Backend:`clients\(.*addrs=\[1 WithQueueAddr 1 func\.Addr\] noTLS`
	b := &QueueBackend{config: queuecfg.New()}
	for _, opt := range opts {
		opt(b.config)
	}
	if b.config.Addr == "" {
		return nil, errors.New("idioms.Backend: no address")
	}
	if b.config.Workers <= 0 {
		b.config.Workers = 1
	}
	clientOpt := asynq.RedisClientOpt{Addr: b.config.Addr} // want `has no TLSConfig`
	b.client = asynq.NewClient(clientOpt)
	return b, nil
}

// BackendTLS takes its TLS config from the configuration, whose initial
// value is not seen here: not judged.
func BackendTLS(_ context.Context, opts ...queuecfg.Option) *asynq.Client {
	b := &QueueBackend{config: queuecfg.New()}
	for _, opt := range opts {
		opt(b.config)
	}
	return asynq.NewClient(asynq.RedisClientOpt{Addr: b.config.Addr, TLSConfig: b.config.TLS})
}

// WithQueueAddr sets the address.
func WithQueueAddr(addr string) queuecfg.Option { return func(c *queuecfg.Config) { c.Addr = addr } }

// WithQueueTLS sets the TLS config.
func WithQueueTLS(c *tls.Config) queuecfg.Option { return func(cfg *queuecfg.Config) { cfg.TLS = c } }

func useBackend(ctx context.Context) {
	// Reported in Backend itself: its callers in this module are not.
	Backend(ctx, WithQueueAddr("cache.prod:6379"))
	Backend(ctx, WithQueueAddr("localhost:6379"))
	BackendTLS(ctx, WithQueueAddr("cache.prod:6379"))
}
