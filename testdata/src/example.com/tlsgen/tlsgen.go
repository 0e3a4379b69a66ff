// Package tlsgen holds generic helpers and package-level configs that other
// packages use for Redis.
package tlsgen

import "crypto/tls"

// Must returns v, or panics: generic, it can only return what it is given.
func Must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// FirstNonNil returns the first non-nil value.
func FirstNonNil[T any](vals ...*T) *T {
	for _, v := range vals {
		if v != nil {
			return v
		}
	}
	return nil
}

// Insecure turns verification off.
func Insecure() (*tls.Config, error) { // want Insecure:`insecureTLS`
	return &tls.Config{InsecureSkipVerify: true}, nil
}

// Default is set up in init.
var Default = &tls.Config{MinVersion: tls.VersionTLS12} // want Default:`insecureTLS`

func init() {
	Default.InsecureSkipVerify = true
}

// Regions maps a region to its config; one entry skips verification.
var Regions = map[string]*tls.Config{ // want Regions:`insecureTLS`
	"us": {MinVersion: tls.VersionTLS12},
	"eu": {InsecureSkipVerify: true},
}

// Verified is fine.
var Verified = &tls.Config{MinVersion: tls.VersionTLS12}
