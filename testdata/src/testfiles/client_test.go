package testfiles

import (
	"context"
	"testing"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"
	"github.com/testcontainers/testcontainers-go"
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

func TestContainer(t *testing.T) {
	c := testcontainers.Start()
	endpoint, err := c.Endpoint(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	redis.NewClient(&redis.Options{Addr: endpoint})
}
