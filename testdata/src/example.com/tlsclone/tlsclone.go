// Package tlsclone holds clone-and-modify helpers: each takes a base
// config and returns a changed copy (issue 21, class 9). It uses no
// Redis client; its facts say what each helper does to the base.
package tlsclone

import "crypto/tls"

// WithoutVerify turns verification off on a copy of the base.
func WithoutVerify(c *tls.Config) *tls.Config {
	c = c.Clone()
	c.InsecureSkipVerify = true
	return c
}

// Unverified is the same through a second variable.
func Unverified(base *tls.Config) *tls.Config {
	c := base.Clone()
	c.InsecureSkipVerify = true
	return c
}

// WithServerName keeps the base's verification.
func WithServerName(c *tls.Config, name string) *tls.Config {
	c = c.Clone()
	c.ServerName = name
	return c
}

// Modern raises the floor on a copy of the base.
func Modern(base *tls.Config) *tls.Config {
	c := base.Clone()
	c.MinVersion = tls.VersionTLS12
	return c
}

// Legacy lowers it.
func Legacy(base *tls.Config) *tls.Config {
	c := base.Clone()
	c.MinVersion = tls.VersionTLS10
	return c
}

// Verify sets verification from the caller's switch.
func Verify(base *tls.Config, skip bool) *tls.Config {
	c := base.Clone()
	c.InsecureSkipVerify = skip
	return c
}

// OrDefault returns the base, or a verified default when there is none.
func OrDefault(base *tls.Config) *tls.Config {
	if base == nil {
		return &tls.Config{MinVersion: tls.VersionTLS12}
	}
	return base.Clone()
}
