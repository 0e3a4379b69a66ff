package redigocases

import (
	"crypto/tls"
	"os"

	"github.com/gomodule/redigo/redis"
)

// DialUseTLS(false): the fix flips it.
func useTLSFalse() (redis.Conn, error) {
	return redis.Dial("tcp", os.Getenv("REDIS_ADDR"), redis.DialUseTLS(false)) // want `plaintext`
}

// A DialTLSConfig without DialUseTLS(true) never takes effect: the
// connection is plaintext, and that is the finding, not the config's
// versions.
func configWithoutTLS() (redis.Conn, error) {
	return redis.Dial("tcp", os.Getenv("REDIS_ADDR"), redis.DialTLSConfig(&tls.Config{MinVersion: tls.VersionTLS10})) // want `plaintext`
}

// With TLS on, the config's weak version is reported.
func configWithTLS() (redis.Conn, error) {
	return redis.Dial("tcp", os.Getenv("REDIS_ADDR"), redis.DialUseTLS(true), redis.DialTLSConfig(&tls.Config{MinVersion: tls.VersionTLS10})) // want `below 1.2`
}

// Options made by a helper.
func helperOptions() []redis.DialOption {
	return []redis.DialOption{redis.DialPassword("pw")}
}

func optionsFromHelper() (redis.Conn, error) {
	return redis.Dial("tcp", os.Getenv("REDIS_ADDR"), helperOptions()...) // want `plaintext`
}
