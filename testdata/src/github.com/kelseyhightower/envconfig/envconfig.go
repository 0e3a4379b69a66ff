// Package envconfig is a stub of github.com/kelseyhightower/envconfig for tests.
package envconfig

func Process(prefix string, spec interface{}) error { return nil }

func MustProcess(prefix string, spec interface{}) {}
