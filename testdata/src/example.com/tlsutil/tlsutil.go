// Package tlsutil builds TLS configs; it uses no Redis client, so nothing
// here is reported (a tls.Config no Redis client uses is gosec's business).
package tlsutil

import "crypto/tls"

// Insecure turns verification off.
func Insecure() *tls.Config { // want Insecure:`insecureTLS\(skip=.*example.com/tlsutil/tlsutil.go:9 weak=\)`
	return &tls.Config{InsecureSkipVerify: true}
}

func Legacy() *tls.Config { // want Legacy:`insecureTLS\(skip= weak=.*example.com/tlsutil/tlsutil.go:13\)`
	return &tls.Config{MinVersion: tls.VersionTLS10}
}

// SelfSigned is for the provider's self-signed certificate.
func SelfSigned() *tls.Config {
	return &tls.Config{
		InsecureSkipVerify: true, // Heroku Redis: self-signed, no CA published
	}
}

// Verified is fine.
func Verified() *tls.Config { return &tls.Config{MinVersion: tls.VersionTLS12} }

// Wrapped calls another helper.
func Wrapped() (*tls.Config, error) { // want Wrapped:`insecureTLS\(skip=.*example.com/tlsutil/tlsutil.go:9`
	return Insecure(), nil
}

var Shared = &tls.Config{InsecureSkipVerify: true} // want Shared:`insecureTLS`

func HTTPOnly() {
	_ = &tls.Config{InsecureSkipVerify: true}
}
