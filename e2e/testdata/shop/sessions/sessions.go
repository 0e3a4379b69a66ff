// Package sessions stores sessions in Redis with a TLS config from another
// package: the finding is here, naming tlsutil.Insecure.
package sessions

import (
	"github.com/redis/go-redis/v9"

	"example.com/shop/tlsutil"
)

// New connects with verification off, through the helper.
func New(addr string) *redis.Client {
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: tlsutil.Insecure()})
}
