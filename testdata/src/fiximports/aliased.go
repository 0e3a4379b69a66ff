package fiximports

import (
	stdtls "crypto/tls"
	"os"

	"github.com/redis/go-redis/v9"
)

var _ = stdtls.VersionTLS12

func c() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")}) // want `plaintext`
}
