package driver

import (
	"fmt"
	"go/ast"
	"go/types"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/redistlslint/redistlslint/analyzer"

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
	IsClient:    func(path string) bool { return path == "example.com/m/client" },
	FactImports: []string{"crypto/tls"},
}

// insecureFact marks a function that returns a *tls.Config with
// verification off, and says where (import-path/file.go:line, as
// redistlslint's messages do).
type insecureFact struct{ Where string }

func (*insecureFact) AFact()         {}
func (*insecureFact) String() string { return "insecure" }

var testAnalyzer = &analysis.Analyzer{
	Name:       "skipverify",
	Doc:        "report InsecureSkipVerify: true and calls of functions that return such a config",
	URL:        "https://example.com/skipverify",
	FactTypes:  []analysis.Fact{new(insecureFact)},
	ResultType: reflect.TypeFor[*analyzer.Result](),
	Run:        runTestAnalyzer,
}

// runTestAnalyzer reports InsecureSkipVerify: true, unless a
// "//skipverify:ok <reason>" comment on the line suppresses it, and calls
// of functions with the fact in other packages.
func runTestAnalyzer(pass *analysis.Pass) (any, error) {
	res := new(analyzer.Result)
	for _, file := range pass.Files {
		okLines := make(map[int]string)
		for _, cg := range file.Comments {
			for _, c := range cg.List {
				if reason, ok := strings.CutPrefix(c.Text, "//skipverify:ok "); ok {
					okLines[pass.Fset.Position(c.Pos()).Line] = reason
				}
			}
		}
		for _, decl := range file.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			insecure := false
			where := ""
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.KeyValueExpr:
					if isSkipVerifyTrue(n) {
						insecure = true
						p := pass.Fset.Position(n.Pos())
						where = fmt.Sprintf("%s/%s:%d", pass.Pkg.Path(), filepath.Base(p.Filename), p.Line)
						if reason, ok := okLines[pass.Fset.Position(n.Pos()).Line]; ok {
							res.Suppressed = append(res.Suppressed, analyzer.Suppression{
								Pos: n.Pos(), Category: "skip-verify", Message: "InsecureSkipVerify: true", Kind: "directive", Reason: reason,
							})
							return true
						}
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
					fact := new(insecureFact)
					if ok && pass.ImportObjectFact(callee, fact) {
						insecure = true
						where = fact.Where
						if callee.Pkg() != pass.Pkg {
							pass.Report(analysis.Diagnostic{
								Pos:      n.Pos(),
								Category: "helper",
								Message:  "call of insecure helper " + callee.Pkg().Name() + "." + callee.Name() + " (verification off at " + fact.Where + ")",
							})
						}
					}
				}
				return true
			})
			if insecure {
				pass.ExportObjectFact(pass.TypesInfo.Defs[fn.Name], &insecureFact{Where: where})
			}
		}
	}
	return res, nil
}

func isSkipVerifyTrue(kv *ast.KeyValueExpr) bool {
	key, ok := kv.Key.(*ast.Ident)
	val, ok2 := kv.Value.(*ast.Ident)
	return ok && ok2 && key.Name == "InsecureSkipVerify" && val.Name == "true"
}
