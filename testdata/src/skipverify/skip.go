package skipverify

import (
	"crypto/tls"
	"net/http"
	"os"

	"github.com/redis/go-redis/v9"
)

func literal() *redis.Client {
	return redis.NewClient(&redis.Options{
		Addr:      os.Getenv("REDIS_ADDR"),
		TLSConfig: &tls.Config{InsecureSkipVerify: true}, // want `InsecureSkipVerify: true turns off Redis certificate checks`
	})
}

func multiLine() *redis.Client {
	return redis.NewClient(&redis.Options{
		Addr: os.Getenv("REDIS_ADDR"),
		TLSConfig: &tls.Config{
			MinVersion:         tls.VersionTLS12,
			InsecureSkipVerify: true, // want `InsecureSkipVerify: true`
		},
	})
}

func throughVariable() *redis.Client {
	tlsCfg := &tls.Config{
		InsecureSkipVerify: true, // want `InsecureSkipVerify: true`
	}
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: tlsCfg})
}

func byAssignment() *redis.Client {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	cfg.InsecureSkipVerify = true // want `certificate check`
	opt := &redis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: cfg}
	return redis.NewClient(opt)
}

func throughOptions() *redis.Client {
	opt, _ := redis.ParseURL(os.Getenv("REDIS_URL"))
	opt.TLSConfig.InsecureSkipVerify = true // want `certificate check`
	return redis.NewClient(opt)
}

func assignedField() *redis.Client {
	opt := &redis.Options{Addr: os.Getenv("REDIS_ADDR")}
	opt.TLSConfig = &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify: true`
	return redis.NewClient(opt)
}

// Same-package helper: reported in the helper, where the fix goes.
func insecureTLS() *tls.Config {
	return &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify: true`
}

func viaHelper() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: insecureTLS()})
}

// Package variable (a comment directly above would justify it).

var sharedTLS = &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify: true`

func viaPackageVar() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: sharedTLS})
}

// Cloned config keeps the setting.
var base = &tls.Config{MinVersion: tls.VersionTLS12}

func cloned() *redis.Client {
	c := base.Clone()
	c.InsecureSkipVerify = true // want `InsecureSkipVerify`
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: c})
}

// Enabling TLS but not verification (the ElastiCache pattern) is still reported.
func whenTLSEnabled(useTLS bool) *redis.Client {
	opt := &redis.Options{Addr: os.Getenv("REDIS_ADDR")}
	if useTLS {
		opt.TLSConfig = &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify: true`
	}
	return redis.NewClient(opt)
}

// All option types carry the rule.
func cluster() *redis.ClusterClient {
	return redis.NewClusterClient(&redis.ClusterOptions{
		Addrs:     []string{os.Getenv("REDIS_ADDR")},
		TLSConfig: &tls.Config{InsecureSkipVerify: true}, // want `InsecureSkipVerify: true`
	})
}

// weak-tls
func weak() *redis.Client {
	return redis.NewClient(&redis.Options{
		Addr:      os.Getenv("REDIS_ADDR"),
		TLSConfig: &tls.Config{MinVersion: tls.VersionTLS10}, // want `MinVersion tls.VersionTLS10`
	})
}

func weakAssigned() *redis.Client {
	cfg := &tls.Config{}
	cfg.MinVersion = tls.VersionTLS11 // want `below 1.2`
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: cfg})
}

// Not reported.

func notRedis() *http.Client {
	// gosec's business, not ours: no Redis client uses this config.
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
}

type Config struct{ Insecure bool }

func operatorSwitch(cfg Config) *redis.Client {
	return redis.NewClient(&redis.Options{
		Addr:      os.Getenv("REDIS_ADDR"),
		TLSConfig: &tls.Config{InsecureSkipVerify: cfg.Insecure},
	})
}

func switchedByCondition() *redis.Client {
	t := &tls.Config{MinVersion: tls.VersionTLS12}
	if os.Getenv("REDIS_INSECURE_SKIP_VERIFY") == "true" {
		t.InsecureSkipVerify = true
	}
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: t})
}

func verificationOn() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: &tls.Config{InsecureSkipVerify: false}})
}

func strongEnough() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: &tls.Config{MinVersion: tls.VersionTLS13}})
}

// A config kept in a struct field.
type redisSettings struct {
	Addr string
	TLS  *tls.Config
}

func fromField() *redis.Client {
	s := redisSettings{
		Addr: os.Getenv("REDIS_ADDR"),
		TLS:  &tls.Config{InsecureSkipVerify: true}, // want `InsecureSkipVerify: true`
	}
	return redis.NewClient(&redis.Options{Addr: s.Addr, TLSConfig: s.TLS})
}
