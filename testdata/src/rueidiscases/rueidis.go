package rueidiscases

import (
	"context"
	"crypto/tls"
	"net"
	"os"

	"github.com/redis/rueidis"
	"github.com/valkey-io/valkey-go"
)

func plain() (rueidis.Client, error) {
	return rueidis.NewClient(rueidis.ClientOption{InitAddress: []string{os.Getenv("REDIS_ADDR")}}) // want `rueidis.ClientOption for os.Getenv\("REDIS_ADDR"\)`
}

func valkeyPlain() (valkey.Client, error) {
	return valkey.NewClient(valkey.ClientOption{InitAddress: []string{"cache.example.com:6379"}}) // want `valkey.ClientOption for "cache.example.com:6379"`
}

func skip() (rueidis.Client, error) {
	return rueidis.NewClient(rueidis.ClientOption{
		InitAddress: []string{os.Getenv("REDIS_ADDR")},
		TLSConfig:   &tls.Config{InsecureSkipVerify: true}, // want `certificate check`
	})
}

func sentinelSkip() (rueidis.Client, error) {
	return rueidis.NewClient(rueidis.ClientOption{
		InitAddress: []string{os.Getenv("SENTINEL_ADDR")},
		TLSConfig:   &tls.Config{MinVersion: tls.VersionTLS12},
		Sentinel: rueidis.SentinelOption{
			MasterSet: "mymaster",
			TLSConfig: &tls.Config{InsecureSkipVerify: true}, // want `InsecureSkipVerify: true`
		},
	})
}

func urlPlain() (rueidis.Client, error) {
	return rueidis.NewClient(rueidis.MustParseURL("redis://cache.example.com:6379")) // want `uses redis://`
}

func urlSkip() (valkey.ClientOption, error) {
	return valkey.ParseURL("valkeys://cache.example.com:6380?skip_verify") // want `skip_verify in the URL`
}

// Not reported.

func secure() (rueidis.Client, error) {
	return rueidis.NewClient(rueidis.ClientOption{InitAddress: []string{os.Getenv("REDIS_ADDR")}, TLSConfig: &tls.Config{}})
}

func local() (rueidis.Client, error) {
	return rueidis.NewClient(rueidis.ClientOption{InitAddress: []string{"127.0.0.1:6379"}})
}

func urlSecure() rueidis.ClientOption { return rueidis.MustParseURL("rediss://cache.example.com:6380") }

func urlVerifyOn() (rueidis.ClientOption, error) {
	return rueidis.ParseURL("rediss://cache.example.com:6380?skip_verify=false")
}

func urlPlainThenTLS() (rueidis.Client, error) {
	opt := rueidis.MustParseURL("redis://cache.example.com:6379")
	opt.TLSConfig = &tls.Config{ServerName: "cache.example.com"}
	return rueidis.NewClient(opt)
}

func customDial() (rueidis.Client, error) {
	return rueidis.NewClient(rueidis.ClientOption{
		InitAddress: []string{os.Getenv("REDIS_ADDR")},
		DialCtxFn:   dialThroughProxy, // decides TLS itself
	})
}

var dialThroughProxy func(context.Context, string, *net.Dialer, *tls.Config) (net.Conn, error)
