// Package envcfg reads settings from the environment for other packages;
// it imports no Redis client. Its helpers carry facts naming the variable
// each returns, so that the package that gives the value to a client
// records the read.
package envcfg

import (
	"cmp"
	"os"
)

// RedisURL is the URL of the cache.
func RedisURL() string { // want RedisURL:`envGetter\(PKG_REDIS_URL\)`
	return os.Getenv("PKG_REDIS_URL")
}

// Get returns the variable key, or def when it is unset.
func Get(key, def string) string { // want Get:`envGetter\(param 0\)`
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}

// Or is Get with cmp.Or.
func Or(key, def string) string { // want Or:`envGetter\(param 0\)`
	return cmp.Or(os.Getenv(key), def)
}

// Addr is read once.
var Addr = os.Getenv("PKG_REDIS_ADDR") // want Addr:`envGetter\(PKG_REDIS_ADDR\)`

// Port is not a Redis setting anyone uses here, and not a string helper.
func Port() int { return len(os.Getenv("PORT")) }

// Home computes a value from the environment: not a read of one variable.
func Home() string { return os.Getenv("HOME") + "/.cache" }
