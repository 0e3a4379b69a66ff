package localaddrs_test

import (
	"testing"

	"github.com/redis/go-redis/v9"

	"localaddrs"
)

func TestExported(t *testing.T) {
	addr, err := localaddrs.ServerAddr()
	if err != nil {
		t.Fatal(err)
	}
	redis.NewClient(&redis.Options{Addr: addr})
	redis.NewClient(&redis.Options{Addr: localaddrs.LocalAddr()})
	redis.NewClient(&redis.Options{Addr: localaddrs.SharedAddr()}) // want `plaintext`
	redis.NewClient(&redis.Options{Addr: localaddrs.RemoteAddr()}) // want `plaintext`
}
