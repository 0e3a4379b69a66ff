package testfiles

import (
	"testing"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"
)

func TestMiniredis(t *testing.T) {
	s := miniredis.RunT(t)
	redis.NewClient(&redis.Options{Addr: s.Addr()})
	addr := s.Addr()
	redis.NewClient(&redis.Options{Addr: addr})
}

func TestRemote(t *testing.T) {
	redis.NewClient(&redis.Options{Addr: "staging.example.com:6379"}) // want `without TLS`
}
