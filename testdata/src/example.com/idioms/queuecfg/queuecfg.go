// Package queuecfg holds a queue library's configuration and its option
// type, apart from the backend that connects (neoq's shape).
package queuecfg

import "crypto/tls"

// Config is what the options set.
type Config struct {
	Addr    string
	TLS     *tls.Config
	Workers int
}

// Option sets Config.
type Option func(*Config)

// New returns the configuration with defaults.
func New() *Config { return &Config{Workers: 4} }
