// Package skipfixflag: with -fix-skip-verify the removal of a skip-verify
// is offered whatever the target.
package skipfixflag

import (
	"crypto/tls"
	"os"

	redigo "github.com/gomodule/redigo/redis"
	"github.com/redis/go-redis/v9"
)

func fromEnv() *redis.Client {
	return redis.NewClient(&redis.Options{
		Addr:      os.Getenv("REDIS_ADDR"),
		TLSConfig: &tls.Config{InsecureSkipVerify: true}, // want `InsecureSkipVerify: true`
	})
}

func heroku() *redis.Client {
	return redis.NewClient(&redis.Options{
		Addr:      "ec2-3-1-2-3.compute-1.amazonaws.com:12345",
		TLSConfig: &tls.Config{InsecureSkipVerify: true}, // want `Heroku Redis has a self-signed certificate`
	})
}

func constURL() (*redis.Options, error) {
	return redis.ParseURL("rediss://cache.example.com:6380?skip_verify=true") // want `skip_verify in the URL`
}

func redigoDial() (redigo.Conn, error) {
	return redigo.Dial("tcp", os.Getenv("REDIS_ADDR"),
		redigo.DialUseTLS(true),
		redigo.DialTLSSkipVerify(true), // want `DialTLSSkipVerify`
	)
}

// Turning TLS on also drops the skip_verify it would honour.
func plainWithSkipVerify() (*redis.Options, error) {
	return redis.ParseURL("redis://cache.example.com:6379?skip_verify=true&db=1") // want `uses redis://`
}
