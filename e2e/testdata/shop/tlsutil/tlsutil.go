// Package tlsutil builds TLS configurations. It uses no Redis client, so
// nothing here is reported; the Redis client that uses Insecure is.
package tlsutil

import "crypto/tls"

// Insecure returns a config that accepts any certificate.
func Insecure() *tls.Config {
	return &tls.Config{InsecureSkipVerify: true}
}
