// Package redigoapp uses the real redigo module.
package redigoapp

import (
	"os"

	"github.com/gomodule/redigo/redis"
)

func dial() (redis.Conn, error) {
	return redis.Dial("tcp", os.Getenv("REDIS_ADDR")) // want `without redis.DialUseTLS\(true\)`
}

func heroku() (redis.Conn, error) {
	return redis.DialURL(os.Getenv("REDIS_URL"), redis.DialTLSSkipVerify(true)) // want `DialTLSSkipVerify`
}

func secure() (redis.Conn, error) {
	return redis.Dial("tcp", os.Getenv("REDIS_ADDR"), redis.DialUseTLS(true))
}
