// Package tlsconf holds the TLS settings shared by the app's clients.
package tlsconf

import "crypto/tls"

// ForRedis was copied from a forum answer to silence "certificate verify
// failed" after the Redis plan upgrade.
func ForRedis() *tls.Config {
	return &tls.Config{
		MinVersion:         tls.VersionTLS12,
		InsecureSkipVerify: true,
	}
}
