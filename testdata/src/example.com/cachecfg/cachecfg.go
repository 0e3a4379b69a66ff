package cachecfg // want package:`clientSummaries\(Connect methods=\)`

// cachecfg fills in go-redis options for other packages.

import (
	"crypto/tls"
	"time"

	"github.com/redis/go-redis/v9"
)

// ApplyDefaults never touches TLS.
func ApplyDefaults(o *redis.Options) { // want ApplyDefaults:`paramTLS\(leaves=\[0\] consumes=\[\]\)`
	o.DB = 1
	if o.Password == "" {
		o.Password = "secret"
	}
	_ = time.Second
}

// Secure turns TLS on.
func Secure(o *redis.Options) {
	o.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12}
}

// Connect builds the client from the options, without TLS of its own.
func Connect(o *redis.Options) *redis.Client { // want Connect:`paramTLS\(leaves=\[0\] consumes=\[0\]\)` Connect:`clients\(.*whole=0\)`
	return redis.NewClient(o)
}

// Maybe turns TLS on when asked.
func Maybe(o *redis.Options, on bool) {
	if on {
		o.TLSConfig = &tls.Config{}
	}
}
