// Package localaddrs: addresses returned by functions, judged through
// their returns (same package) or a LocalAddr (other packages).
package localaddrs

import (
	"os"

	"github.com/redis/go-redis/v9"
)

// LocalAddr is a local address whatever the caller: no finding where it is used.
func LocalAddr() string { return "localhost:6379" } // want LocalAddr:"localAddr"

func defaultAddr() (string, error) {
	addr := LocalAddr()
	return addr, nil
}

func RemoteAddr() string { // want RemoteAddr:`envGetter\(REDIS_ADDR\)`
	if a := os.Getenv("REDIS_ADDR"); a != "" {
		return a
	}
	return "localhost:6379"
}

// Recursive: judged false while it is being judged, so never local.
func retry(n int) string {
	if n > 0 {
		return retry(n - 1)
	}
	return "localhost:6379"
}

func Local() *redis.Client {
	addr, _ := defaultAddr()
	return redis.NewClient(&redis.Options{Addr: addr})
}

func Remote() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: RemoteAddr()}) // want `plaintext`
}

func Recursive() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: retry(3)}) // want `plaintext`
}
