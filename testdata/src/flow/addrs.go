package flow

import (
	"crypto/tls"
	"os"

	"github.com/redis/go-redis/v9"
)

// Addresses through closures, generics and containers.

func localFromClosure() *redis.Client {
	addr := func() string { return "localhost:6379" }
	return redis.NewClient(&redis.Options{Addr: addr()})
}

func localThroughGeneric() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: must(localAddr())})
}

func localAddr() (string, error) { return "127.0.0.1:6379", nil }

func remoteThroughGeneric() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: must(remoteAddr())}) // want `plaintext`
}

func remoteAddr() (string, error) { return os.Getenv("REDIS_ADDR"), nil }

var localAddrs = map[string]string{"a": "localhost:6379", "b": "[::1]:6380"}

func localFromMap(k string) *redis.Client {
	return redis.NewClient(&redis.Options{Addr: localAddrs[k]})
}

var mixedAddrs = []string{"localhost:6379", "cache.example.com:6379"}

func mixedFromSlice(i int) *redis.Client {
	return redis.NewClient(&redis.Options{Addr: mixedAddrs[i]}) // want `plaintext`
}

func addrParam(addr string) *redis.Options {
	return &redis.Options{Addr: addr} // want `plaintext`
}

// Conditional overrides do not restore verification; safe map entries are
// no finding.

func conditionalOverride(strict bool) *redis.Client {
	c := insecureBase.Clone()
	if strict {
		c.InsecureSkipVerify = false
	}
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: c})
}

var safeRegions = map[string]*tls.Config{
	"us": {MinVersion: tls.VersionTLS12},
	"eu": {MinVersion: tls.VersionTLS13},
}

func fromSafeMap(region string) *redis.Client {
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: safeRegions[region]})
}
