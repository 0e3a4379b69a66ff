// Package rueidisapp uses the real rueidis and valkey-go modules.
package rueidisapp

import (
	"crypto/tls"
	"os"

	"github.com/redis/rueidis"
	"github.com/valkey-io/valkey-go"
)

func plain() (rueidis.Client, error) {
	return rueidis.NewClient(rueidis.ClientOption{InitAddress: []string{os.Getenv("REDIS_ADDR")}}) // want `rueidis.ClientOption`
}

func skip() (valkey.Client, error) {
	return valkey.NewClient(valkey.ClientOption{
		InitAddress: []string{os.Getenv("VALKEY_ADDR")},
		TLSConfig:   &tls.Config{InsecureSkipVerify: true}, // want `InsecureSkipVerify`
	})
}

func url() rueidis.ClientOption {
	return rueidis.MustParseURL("rediss://cache.example.com:6380?skip_verify") // want `skip_verify`
}
