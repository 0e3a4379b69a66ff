// Package pkgvar assigns to another package's variable (a selector whose
// root is a package name, not a value) next to a Redis client.
package pkgvar

import (
	"net/http"
	"os"

	"github.com/redis/go-redis/v9"
)

func Client() *redis.Client {
	os.Args = nil
	http.DefaultClient.Timeout = 0
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")}) // want `plaintext`
}
