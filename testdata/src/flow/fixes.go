package flow

import (
	"crypto/tls"

	"github.com/redis/go-redis/v9"
)

// A variable that is always nil, and its only use: the fix initialises
// the variable (replacing the use would leave it declared and not used).
func nilVar() *redis.Client {
	var tlsConf *tls.Config
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: tlsConf}) // want `plaintext`
}

// Used twice: the fix replaces this use.
func nilVarTwice() (*redis.Client, *tls.Config) {
	var tlsConf *tls.Config
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: tlsConf}), tlsConf // want `plaintext`
}

// Commented-out code next to a skip-verify is not a reason.
func commentedOut() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: &tls.Config{
		// InsecureSkipVerify: false,
		InsecureSkipVerify: true, // want `InsecureSkipVerify: true`
	}})
}

func commentedOutAssign() *redis.Client {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	// cfg.InsecureSkipVerify = false
	cfg.InsecureSkipVerify = true // want `InsecureSkipVerify: true`
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: cfg})
}

func reasonGiven() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: &tls.Config{
		// Heroku: self-signed certificate, no CA published.
		InsecureSkipVerify: true,
	}})
}
