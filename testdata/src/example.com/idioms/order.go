package idioms

import (
	"crypto/tls"
	"net/http"

	"github.com/redis/go-redis/v9"
)

// Order within a function (issue 21, class 8): a throwaway config for an
// HTTP probe, then the caller's for Redis. Only the caller's reaches the
// client; the probe's skip-verify is not a Redis finding.
func NewProbed(addr string, secure *tls.Config) *redis.Client { // want NewProbed:`clients\(.*addrs=\[0\] config\(1\)\)`
	cfg := &tls.Config{InsecureSkipVerify: true, MinVersion: tls.VersionTLS10}
	_ = &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
	cfg = secure
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: cfg})
}

// NewProbedAfter uses the probe's config for Redis, then replaces it.
func NewProbedAfter(addr string, secure *tls.Config) *redis.Client {
	cfg := &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify: true turns off`
	c := redis.NewClient(&redis.Options{Addr: addr, TLSConfig: cfg})
	cfg = secure
	_ = &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
	return c
}

func probedHere() {
	NewProbed("cache.prod:6379", nil) // want `without TLS`
	NewProbed("cache.prod:6379", &tls.Config{MinVersion: tls.VersionTLS12})
	NewProbed("cache.prod:6379", &tls.Config{MinVersion: tls.VersionTLS10}) // want `below 1.2`
}
