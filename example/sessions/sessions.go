// Package sessions stores web sessions through a redigo pool.
package sessions

import (
	"os"

	"github.com/gomodule/redigo/redis"
)

// NewStore dials REDIS_URL the way Heroku documents for Go: TLS on, and
// verification off because Heroku Redis presents a self-signed
// certificate. The comment next to the option records that decision, so
// redistlslint accepts it.
func NewStore() *redis.Pool {
	return &redis.Pool{
		MaxIdle: 3,
		Dial: func() (redis.Conn, error) {
			return redis.DialURL(os.Getenv("REDIS_URL"),
				// Heroku Redis uses self-signed certificates:
				// https://devcenter.heroku.com/articles/connecting-heroku-redis#connecting-in-go
				redis.DialTLSSkipVerify(true),
			)
		},
	}
}

// NewRateLimiter dials the rate-limit Redis without TLS: missing-tls.
func NewRateLimiter() (redis.Conn, error) {
	return redis.Dial("tcp", os.Getenv("RATELIMIT_REDIS_ADDR"), redis.DialPassword(os.Getenv("RATELIMIT_REDIS_PASSWORD")))
}
