package driver

import "strings"

// A Scope tells the driver where an analyzer's facts can matter, so that
// it analyses from source only the dependencies that may export a fact a
// root package can use, instead of the whole program (the standard
// library included) as the stock checker does for any analyzer with facts.
type Scope struct {
	// Clients are the import paths of the libraries the analyzer models.
	// A root package that imports one consumes facts. The libraries
	// themselves (and the packages below their paths) are never analysed
	// for facts: the analyzer knows their API.
	Clients []string

	// FactImports are the import paths a package must import (directly)
	// to be able to export a fact, e.g. crypto/tls for a function that
	// returns an insecure *tls.Config.
	FactImports []string
}

// redisScope is redistlslint's scope: facts describe helpers that build an
// insecure *tls.Config; they matter to packages that configure a Redis
// client.
var redisScope = Scope{
	Clients: []string{
		"github.com/redis/go-redis/v9",
		"github.com/go-redis/redis/v8",
		"github.com/go-redis/redis/v7",
		"github.com/go-redis/redis",
		"github.com/hibiken/asynq",
		"github.com/gomodule/redigo/redis",
		"github.com/garyburd/redigo/redis",
		"github.com/redis/rueidis",
		"github.com/valkey-io/valkey-go",
	},
	FactImports: []string{"crypto/tls"},
}

// isClient reports whether path is one of the client packages.
func (s *Scope) isClient(path string) bool {
	for _, c := range s.Clients {
		if path == c {
			return true
		}
	}
	return false
}

// inClientTree reports whether path is a client package or lies below
// one (such as a client's internal packages).
func (s *Scope) inClientTree(path string) bool {
	for _, c := range s.Clients {
		if path == c || strings.HasPrefix(path, c+"/") {
			return true
		}
	}
	return false
}

func (s *Scope) isFactImport(path string) bool {
	for _, f := range s.FactImports {
		if path == f {
			return true
		}
	}
	return false
}
