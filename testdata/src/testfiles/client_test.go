package testfiles

import (
	"context"
	"crypto/tls"
	"flag"
	"reflect"
	"strings"
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
	redis.NewClient(&redis.Options{Addr: "staging.example.com:6379"}) // want `plaintext`
}

func TestContainer(t *testing.T) {
	c := testcontainers.Start()
	endpoint, err := c.Endpoint(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	redis.NewClient(&redis.Options{Addr: endpoint})
}

var (
	redisAddr         string
	redisClusterAddrs string
	remoteAddr        = flag.String("remote_addr", "staging.example.com:6379", "a shared staging Redis")
)

func init() {
	flag.StringVar(&redisAddr, "redis_addr", "localhost:6379", "redis address to use in testing")
	flag.StringVar(&redisClusterAddrs, "redis_cluster_addrs", "localhost:7000,localhost:7001", "comma-separated")
}

// Test flags whose default is a local server name the test's own Redis.
func TestFlagDefaults(t *testing.T) {
	redis.NewClient(&redis.Options{Addr: redisAddr})
	redis.NewClusterClient(&redis.ClusterOptions{Addrs: strings.Split(redisClusterAddrs, ",")})
	redis.NewClient(&redis.Options{Addr: *remoteAddr}) // want `plaintext`
}

// A test table's expected options are compared, not used to connect.
func TestOptionsTable(t *testing.T) {
	tests := []struct {
		url  string
		want redis.Options
	}{
		{url: "rediss://h:6380?skip_verify=true", want: redis.Options{Addr: "h:6380", TLSConfig: &tls.Config{InsecureSkipVerify: true}}},
	}
	for _, tt := range tests {
		got, _ := redis.ParseURL(tt.url)
		if !reflect.DeepEqual(*got, tt.want) {
			t.Errorf("got %v", got)
		}
	}
}

func TestConnectsInsecurely(t *testing.T) {
	redis.NewClient(&redis.Options{Addr: "localhost:6380", TLSConfig: &tls.Config{InsecureSkipVerify: true}}) // want `InsecureSkipVerify`
}

func TestOptions(t *testing.T) {
	if got := Options(); !reflect.DeepEqual(got, &redis.Options{Addr: "cache.example.com:6379"}) {
		t.Errorf("got %v", got)
	}
	compare(Options())
}

var compare = func(*redis.Options) {}
