package driver

import (
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/redistlslint/redistlslint/internal/clients"
)

// A Scope tells the driver where an analyzer's facts can matter, so that
// it analyses from source only the dependencies that may export a fact a
// root package can use, instead of the whole program (the standard
// library included) as the stock checker does for any analyzer with facts.
type Scope struct {
	// IsClient reports whether path is a library the analyzer models. A
	// root package that imports one consumes facts.
	IsClient func(path string) bool

	// IsKnown reports whether path is a library whose API the analyzer
	// knows (the clients, and e.g. test servers). These (and the packages
	// below their paths) are never analysed for facts. Nil means IsClient.
	IsKnown func(path string) bool

	// FactImports are the import paths a package must import (directly)
	// to be able to export a fact, e.g. crypto/tls for a function that
	// returns an insecure *tls.Config.
	FactImports []string

	// ClientUsersExport: a package that imports a client can export facts
	// that matter to its importers (redistlslint's function summaries of
	// the clients a function builds), so such dependencies are analysed
	// for facts too, also for a root that imports no client itself.
	ClientUsersExport bool

	// ConsumedFact reports whether a package fact marks a package whose
	// importers consume its facts even when they import no client (under
	// go vet; see vetRelevant), and what an importer's source must
	// mention to consume them (nil: any importer does).
	ConsumedFact func(analysis.Fact) (*Mentions, bool)
}

// redisScope is redistlslint's scope: facts describe helpers that build an
// insecure *tls.Config; they matter to packages that configure a Redis
// client.
var redisScope = Scope{
	IsClient:    clients.IsClientPackage,
	IsKnown:     clients.IsKnownLibrary,
	FactImports: []string{"crypto/tls"},
	// Function summaries (analyzer/summary.go).
	ClientUsersExport: true,
	ConsumedFact: func(f analysis.Fact) (*Mentions, bool) {
		if f, ok := f.(interface {
			Mentions() (pkg string, funcs, methods []string)
		}); ok {
			pkg, funcs, methods := f.Mentions()
			return &Mentions{Package: pkg, Funcs: funcs, Methods: methods}, true
		}
		return nil, false
	},
}

// Mentions are the names of a package's API that an importer's source
// must contain to use it: pkg.Func (qualified by the name the importer
// gives the package) or x.Method.
type Mentions struct {
	Package        string
	Funcs, Methods []string
}

// inClientTree reports whether path is a known library or lies below
// one (such as a client's internal packages).
func (s *Scope) inClientTree(path string) bool {
	known := s.IsKnown
	if known == nil {
		known = s.IsClient
	}
	for {
		if known(path) {
			return true
		}
		i := strings.LastIndexByte(path, '/')
		if i < 0 {
			return false
		}
		path = path[:i]
	}
}

func (s *Scope) isFactImport(path string) bool {
	for _, f := range s.FactImports {
		if path == f {
			return true
		}
	}
	return false
}
