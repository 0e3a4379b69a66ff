// Package helpers builds TLS configurations.
package helpers

import "crypto/tls"

// Insecure turns verification off.
func Insecure() *tls.Config {
	return &tls.Config{InsecureSkipVerify: true}
}

// Safe verifies.
func Safe() *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS12}
}
