package analyzer

import (
	"fmt"
	"github.com/redistlslint/redistlslint/internal/clients"
	"github.com/redistlslint/redistlslint/internal/flow"
	"go/types"
	"os"

	"golang.org/x/tools/go/analysis"
)

// checker holds one package's analysis: the index of its code, the
// files, and what has been reported.
type checker struct {
	*reporter
	info *types.Info
	ix   *flow.Index

	localAddrFuncs map[*types.Func]bool // returnsLocalAddr's answers
}

// The rules, each a view of the checker with its own methods: what
// decides a dial-style client's TLS (dial.go), a URL's (urls.go), and a
// TLS config's (tlsflow.go).
type (
	dialRule struct{ *checker }
	urlRule  struct{ *checker }
	tlsRule  struct{ *checker }
	envRule  struct{ *checker } // what the environment feeds (env.go)
)

func (c *checker) dials() dialRule { return dialRule{c} }
func (c *checker) urls() urlRule   { return urlRule{c} }
func (c *checker) tls() tlsRule    { return tlsRule{c} }
func (c *checker) env() envRule    { return envRule{c} }

// panicOnInternalError makes tests see the analyzer's own bugs; users
// never do (see run).
var panicOnInternalError = false

func run(pass *analysis.Pass, cfg *Config) (result any, err error) {
	res := &Result{}
	// The analyzer must never take the user's run down: on code it does
	// not understand it stays silent.
	defer func() {
		if r := recover(); r != nil {
			if panicOnInternalError {
				panic(r)
			}
			fmt.Fprintf(os.Stderr, "redistlslint: internal error on package %s (please report it): %v\n", pass.Pkg.Path(), r)
			result, err = res, nil
		}
	}()
	// Fast path: without a Redis client import there is nothing to
	// report, and without crypto/tls there is no fact to export.
	var usesClient, tls bool
	for _, imp := range pass.Pkg.Imports() {
		usesClient = usesClient || clients.IsClientPackage(imp.Path())
		tls = tls || imp.Path() == "crypto/tls"
	}
	// Or a package using another's client summaries (summary.go).
	summaries := usesClient || importsSummaries(pass)
	if !usesClient && !tls && !summaries {
		if importsOS(pass.Pkg) {
			if decls := envGetterCandidates(pass); decls != nil {
				exportEnvGetters(pass, decls, nil)
			}
		}
		return res, nil
	}
	c := &checker{
		reporter:       newReporter(pass, cfg, res),
		info:           pass.TypesInfo,
		ix:             flow.New(pass.Fset, pass.Files, pass.Pkg, pass.TypesInfo, interesting),
		localAddrFuncs: map[*types.Func]bool{},
	}
	c.tls().exportFacts()
	if importsOS(pass.Pkg) {
		if decls := envGetterCandidates(pass); decls != nil {
			exportEnvGetters(pass, decls, c.ix)
		}
	}
	if usesClient {
		c.checkDirectives()
		c.tls().checkTLSSinks()
		c.checkOptions()
		c.urls().checkURLs()
		c.dials().checkDials()
		c.env().recordURLEnv()
	}
	if summaries {
		c.summarize() // function summaries: summary.go
	}
	c.flush()
	return res, nil
}

// interesting reports whether values of type t can be a client's options,
// TLS settings or dial options: only those variables and fields are
// indexed for their uses.
func interesting(t types.Type) bool {
	path := flow.PkgPathOf(flow.ElemOf(t))
	return path == "crypto/tls" || clients.IsClientPackage(path)
}
