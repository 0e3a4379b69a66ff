package redigocases

import (
	"context"
	"crypto/tls"
	"net"
	"os"
	"time"

	"github.com/gomodule/redigo/redis"
)

func dial() (redis.Conn, error) {
	return redis.Dial("tcp", os.Getenv("REDIS_ADDR"), redis.DialPassword(os.Getenv("REDIS_PASSWORD"))) // want `redis.Dial to os.Getenv\("REDIS_ADDR"\) without redis.DialUseTLS\(true\)`
}

func dialContext(ctx context.Context) (redis.Conn, error) {
	return redis.DialContext(ctx, "tcp", "cache.example.com:6379") // want `redis.DialContext to "cache.example.com:6379"`
}

func pool(addr string) *redis.Pool {
	return &redis.Pool{
		MaxIdle: 3,
		Dial: func() (redis.Conn, error) {
			return redis.Dial("tcp", addr) // want `without redis.DialUseTLS`
		},
	}
}

func newPool(addr string) *redis.Pool {
	return redis.NewPool(func() (redis.Conn, error) { return redis.Dial("tcp", addr) }, 10) // want `without redis.DialUseTLS`
}

func optionSlice(addr string) (redis.Conn, error) {
	opts := []redis.DialOption{redis.DialDatabase(1)}
	opts = append(opts, redis.DialPassword("x"))
	return redis.Dial("tcp", addr, opts...) // want `without redis.DialUseTLS`
}

func plainURL() (redis.Conn, error) {
	return redis.DialURL("redis://cache.example.com:6379/0") // want `the URL "redis://cache.example.com:6379/0" uses redis://`
}

func plainValkeyURL() (redis.Conn, error) {
	return redis.DialURL("valkey://cache.example.com:6379", redis.DialUseTLS(true)) // want `uses valkey://.*use valkeys://`
}

// DialTLSSkipVerify where it takes effect.

func heroku() (redis.Conn, error) {
	return redis.DialURL(os.Getenv("REDIS_URL"), redis.DialTLSSkipVerify(true)) // want `redis.DialTLSSkipVerify\(true\)`
}

func skipWithTLS(addr string) (redis.Conn, error) {
	return redis.Dial("tcp", addr,
		redis.DialUseTLS(true),
		redis.DialTLSSkipVerify(true), // want `DialTLSSkipVerify`
	)
}

func skipInSlice(addr string) (redis.Conn, error) {
	opts := []redis.DialOption{redis.DialUseTLS(true), redis.DialTLSSkipVerify(true)} // want `DialTLSSkipVerify`
	return redis.Dial("tcp", addr, opts...)
}

func tlsConfigJudged(addr string) (redis.Conn, error) {
	return redis.Dial("tcp", addr, redis.DialUseTLS(true), redis.DialTLSConfig(&tls.Config{InsecureSkipVerify: true})) // want `InsecureSkipVerify: true`
}

// Not reported.

func secure(addr string) (redis.Conn, error) {
	return redis.Dial("tcp", addr, redis.DialUseTLS(true))
}

func secureURL() (redis.Conn, error) { return redis.DialURL("rediss://cache.example.com:6380") }

func runtimeURL() (redis.Conn, error) { return redis.DialURL(os.Getenv("REDIS_URL")) }

func herokuJustified() (redis.Conn, error) {
	// Heroku Redis uses self-signed certificates; see
	// https://devcenter.heroku.com/articles/connecting-heroku-redis
	return redis.DialURL(os.Getenv("REDIS_URL"), redis.DialTLSSkipVerify(true))
}

func skipIgnoredWithConfig(addr string) (redis.Conn, error) {
	// DialTLSConfig wins: DialTLSSkipVerify has no effect.
	return redis.Dial("tcp", addr, redis.DialUseTLS(true), redis.DialTLSSkipVerify(true), redis.DialTLSConfig(&tls.Config{}))
}

func skipWithoutTLS() (redis.Conn, error) {
	// No TLS at all: DialTLSSkipVerify has no effect (missing-tls applies).
	return redis.Dial("tcp", "127.0.0.1:6379", redis.DialTLSSkipVerify(true))
}

func socket() (redis.Conn, error) { return redis.Dial("unix", "/tmp/redis.sock") }

func local() (redis.Conn, error) { return redis.Dial("tcp", ":6379") }

func customDialer(addr string) (redis.Conn, error) {
	return redis.Dial("tcp", addr, redis.DialNetDial(func(network, addr string) (net.Conn, error) {
		return tls.DialWithDialer(&net.Dialer{Timeout: time.Second}, network, addr, nil)
	}))
}

func switched(addr string, useTLS bool) (redis.Conn, error) {
	return redis.Dial("tcp", addr, redis.DialUseTLS(useTLS))
}

func optionsFromElsewhere(addr string, opts []redis.DialOption) (redis.Conn, error) {
	return redis.Dial("tcp", addr, opts...)
}

// The missing-tls fix yields verified TLS: an unjustified
// DialTLSSkipVerify(true) that TLS would honour goes with it.
func plainWithSkip() (redis.Conn, error) {
	return redis.Dial("tcp", "cache.example.com:6379", redis.DialTLSSkipVerify(true)) // want `without redis.DialUseTLS\(true\)`
}

func plainURLWithSkip() (redis.Conn, error) {
	return redis.DialURL("redis://cache.example.com:6379", redis.DialTLSSkipVerify(true), redis.DialDatabase(1)) // want `uses redis://`
}
