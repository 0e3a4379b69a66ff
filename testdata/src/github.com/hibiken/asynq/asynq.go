// Package asynq is a stub of asynq for tests.
package asynq

import (
	"crypto/tls"
	"time"
)

type RedisConnOpt interface{ MakeRedisClient() interface{} }

type RedisClientOpt struct {
	Network     string
	Addr        string
	Username    string
	Password    string
	DB          int
	DialTimeout time.Duration
	TLSConfig   *tls.Config
}

func (opt RedisClientOpt) MakeRedisClient() interface{} { return nil }

type RedisFailoverClientOpt struct {
	MasterName    string
	SentinelAddrs []string
	Password      string
	TLSConfig     *tls.Config
}

func (opt RedisFailoverClientOpt) MakeRedisClient() interface{} { return nil }

type RedisClusterClientOpt struct {
	Addrs     []string
	Password  string
	TLSConfig *tls.Config
}

func (opt RedisClusterClientOpt) MakeRedisClient() interface{} { return nil }

type Client struct{}
type Server struct{}
type Scheduler struct{}
type Inspector struct{}
type Config struct{ Concurrency int }
type SchedulerOpts struct{}
type PeriodicTaskManagerOpts struct{ RedisConnOpt RedisConnOpt }

func NewClient(r RedisConnOpt) *Client                            { return nil }
func NewServer(r RedisConnOpt, cfg Config) *Server                { return nil }
func NewScheduler(r RedisConnOpt, opts *SchedulerOpts) *Scheduler { return nil }
func NewInspector(r RedisConnOpt) *Inspector                      { return nil }
func ParseRedisURI(uri string) (RedisConnOpt, error)              { return nil, nil }

type PeriodicTaskManager struct{}

func NewPeriodicTaskManager(opts PeriodicTaskManagerOpts) (*PeriodicTaskManager, error) {
	return nil, nil
}
