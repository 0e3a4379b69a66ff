package driver

import (
	"go/ast"
	"go/types"
	"os"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// The driver's tests run this test binary as the checker (and as go vet's
// tool) with a small analyzer that has what redistlslint has: a fact type,
// suggested fixes, categories.
func TestMain(m *testing.M) {
	if os.Getenv("DRIVER_TEST_TOOL") == "1" {
		os.Exit(run(testAnalyzer, testScope, os.Args[1:]))
	}
	os.Exit(m.Run())
}

// testScope treats example.com/m/client as the client library.
var testScope = Scope{
	Clients:     []string{"example.com/m/client"},
	FactImports: []string{"crypto/tls"},
}

// insecureFact marks a function that returns a *tls.Config with
// verification off.
type insecureFact struct{}

func (*insecureFact) AFact()         {}
func (*insecureFact) String() string { return "insecure" }

var testAnalyzer = &analysis.Analyzer{
	Name:      "skipverify",
	Doc:       "report InsecureSkipVerify: true and calls of functions that return such a config",
	URL:       "https://example.com/skipverify",
	FactTypes: []analysis.Fact{new(insecureFact)},
	Run:       runTestAnalyzer,
}

func runTestAnalyzer(pass *analysis.Pass) (any, error) {
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			insecure := false
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.KeyValueExpr:
					if isSkipVerifyTrue(n) {
						insecure = true
						pass.Report(analysis.Diagnostic{
							Pos:      n.Pos(),
							End:      n.End(),
							Category: "skip-verify",
							Message:  "InsecureSkipVerify: true",
							SuggestedFixes: []analysis.SuggestedFix{{
								Message:   "verify the certificate",
								TextEdits: []analysis.TextEdit{{Pos: n.Value.Pos(), End: n.Value.End(), NewText: []byte("false")}},
							}},
						})
					}
				case *ast.CallExpr:
					callee, ok := typeutil.Callee(pass.TypesInfo, n).(*types.Func)
					if ok && pass.ImportObjectFact(callee, new(insecureFact)) {
						insecure = true
						if callee.Pkg() != pass.Pkg {
							pass.Report(analysis.Diagnostic{
								Pos:      n.Pos(),
								Category: "helper",
								Message:  "call of insecure helper " + callee.Pkg().Name() + "." + callee.Name(),
							})
						}
					}
				}
				return true
			})
			if insecure {
				pass.ExportObjectFact(pass.TypesInfo.Defs[fn.Name], new(insecureFact))
			}
		}
	}
	return nil, nil
}

func isSkipVerifyTrue(kv *ast.KeyValueExpr) bool {
	key, ok := kv.Key.(*ast.Ident)
	val, ok2 := kv.Value.(*ast.Ident)
	return ok && ok2 && key.Name == "InsecureSkipVerify" && val.Name == "true"
}

