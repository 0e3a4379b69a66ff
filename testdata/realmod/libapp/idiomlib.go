package libapp

import (
	"crypto/tls"

	"example.com/idiomlib"
	"github.com/redis/go-redis/v9"
)

// A library of another module: order within its function, and its
// clone-and-modify helpers (issue 21, classes 8 and 9).
func idiomLibrary(skip bool) {
	idiomlib.NewProbed("cache.example.com:6379", nil) // want `without TLS`
	idiomlib.NewProbed("cache.example.com:6379", &tls.Config{MinVersion: tls.VersionTLS12})
	idiomlib.NewProbed("cache.example.com:6379", &tls.Config{MinVersion: tls.VersionTLS10}) // want `below 1.2`

	base := &tls.Config{MinVersion: tls.VersionTLS12}
	insecure := &tls.Config{InsecureSkipVerify: true}                                                            // want `InsecureSkipVerify: true turns off`
	_ = redis.NewClient(&redis.Options{Addr: "cache.example.com:6379", TLSConfig: idiomlib.WithoutVerify(base)}) // want `skips verification`
	_ = redis.NewClient(&redis.Options{Addr: "cache.example.com:6379", TLSConfig: idiomlib.WithServerName(base, "cache")})
	_ = redis.NewClient(&redis.Options{Addr: "cache.example.com:6379", TLSConfig: idiomlib.WithServerName(insecure, "cache")})
	_ = redis.NewClient(&redis.Options{Addr: "cache.example.com:6379", TLSConfig: idiomlib.Verify(base, true)}) // want `skips verification`
	_ = redis.NewClient(&redis.Options{Addr: "cache.example.com:6379", TLSConfig: idiomlib.Verify(base, false)})
	_ = redis.NewClient(&redis.Options{Addr: "cache.example.com:6379", TLSConfig: idiomlib.Verify(base, skip)})
}
