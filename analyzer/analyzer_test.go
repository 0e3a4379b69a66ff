package analyzer_test

import (
	"bytes"
	"flag"
	"go/format"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/redistlslint/redistlslint/analyzer"
)

var update = flag.Bool("update", false, "rewrite .golden files from the suggested fixes (review the diff!)")

// testdata is the GOPATH-style tree shared by the analyzer's tests.
func testdata(t *testing.T) string {
	dir, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// runFixes checks diagnostics and the fixed files against .golden files.
func runFixes(t *testing.T, a *analysis.Analyzer, pkgs ...string) []*analysistest.Result {
	t.Helper()
	if *update {
		results := analysistest.Run(t, testdata(t), a, pkgs...)
		writeGoldens(t, results)
		checkMessages(t, results)
		return results
	}
	results := analysistest.RunWithSuggestedFixes(t, testdata(t), a, pkgs...)
	checkMessages(t, results)
	return results
}

// maxMessage is the longest message a finding may have (go vet style:
// what is wrong and the fix in a few words; the category's help says the
// rest). Locations in other packages count in full, as absolute paths
// here (the testdata lies outside the test's working directory).
const maxMessage = 170

// checkMessages checks the length of every message the analyzer produced
// (every test over testdata goes through it) and of the accepted ones.
func checkMessages(t *testing.T, results []*analysistest.Result) {
	t.Helper()
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if len(d.Message) > maxMessage {
				t.Errorf("%s: message of %d characters (max %d): %s", r.Pass.Fset.Position(d.Pos), len(d.Message), maxMessage, d.Message)
			}
		}
		if res, ok := r.Result.(*analyzer.Result); ok && res != nil {
			for _, s := range res.Suppressed {
				if len(s.Message) > maxMessage {
					t.Errorf("%s: accepted finding's message of %d characters: %s", r.Pass.Fset.Position(s.Pos), len(s.Message), s.Message)
				}
			}
		}
	}
}

// writeGoldens applies every suggested fix and writes file.go.golden for
// each file that has one.
func writeGoldens(t *testing.T, results []*analysistest.Result) {
	edits := map[string][]analysis.TextEdit{}
	for _, r := range results {
		for _, d := range r.Diagnostics {
			for _, f := range d.SuggestedFixes {
				for _, e := range f.TextEdits {
					name := r.Pass.Fset.File(e.Pos).Name()
					edits[name] = append(edits[name], e)
				}
			}
		}
		for name, es := range edits {
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			tf := r.Pass.Fset.File(es[0].Pos)
			sort.SliceStable(es, func(i, j int) bool { return es[i].Pos < es[j].Pos })
			var out bytes.Buffer
			last := 0
			for _, e := range es {
				start, end := tf.Offset(e.Pos), tf.Offset(e.End)
				if e.End == 0 {
					end = start
				}
				if start < last { // identical edits (imports) coalesce
					continue
				}
				out.Write(src[last:start])
				out.Write(e.NewText)
				last = end
			}
			out.Write(src[last:])
			formatted, err := format.Source(out.Bytes())
			if err != nil {
				t.Fatalf("%s: fixed file does not parse: %v\n%s", name, err, out.Bytes())
			}
			if err := os.WriteFile(name+".golden", formatted, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		clear(edits)
	}
}

// TestAnalyzer checks every rule, case and non-case with default
// settings, and the suggested fixes against the .golden files. (One load:
// each analysistest load type-checks the standard library from source.)
func TestAnalyzer(t *testing.T) {
	runFixes(t, analyzer.New(nil),
		"goredis", "versions", // go-redis v9 and v6-v8: missing-tls
		"skipverify",                                        // insecure-skip-verify, weak-tls, justification, directives, generated files
		"asynqcases", "redigocases", "rueidiscases", "urls", // the other clients and URLs
		"radixv3cases", "radixv3collide", "radixv4cases", "oldclients",
		"fiximports", "fiximports2", "fiximports3", // how fixes import crypto/tls
		"example.com/tlsutil", "example.com/app", // facts across packages
		"testfiles",                                              // _test.go files and in-process test servers
		"localaddrs",                                             // addresses returned by functions, across packages
		"summary", "example.com/wrapper", "example.com/wrapuser", // function summaries, in the package and across packages
	)
}

// TestFlow checks the value-flow cases: closures, generics, maps, aliases,
// clones, verification hooks, URLs built at run time, options handed to
// other packages.
func TestFlow(t *testing.T) {
	runFixes(t, analyzer.New(nil), "example.com/tlsgen", "example.com/cachecfg", "flow")
}

// TestGoldensFormatted checks every golden file is gofmt-clean.
func TestGoldensFormatted(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(testdata(t), "src", "*", "*.golden"))
	more, _ := filepath.Glob(filepath.Join(testdata(t), "src", "*", "*", "*.golden"))
	for _, f := range append(files, more...) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		got, err := format.Source(src)
		if err != nil || !bytes.Equal(got, src) {
			t.Errorf("%s is not gofmt-clean (%v)", strings.TrimPrefix(f, testdata(t)), err)
		}
	}
}

// TestSkipVerifyFixes checks that removing a skip-verify is offered only
// for a managed provider whose certificate chains to public roots, or
// under -fix-skip-verify; and what justifies a skip-verify.
func TestSkipVerifyFixes(t *testing.T) {
	runFixes(t, analyzer.New(nil), "skipfix", "justify")
	runFixes(t, analyzer.New(&analyzer.Config{FixSkipVerify: true}), "skipfixflag")
}

func TestFixSkipVerifyFlag(t *testing.T) {
	a := analyzer.New(nil)
	if err := a.Flags.Set("fix-skip-verify", "true"); err != nil {
		t.Fatal(err)
	}
	runFixes(t, a, "skipfixflag")
}

func TestFlags(t *testing.T) {
	a := analyzer.New(nil)
	for flag, value := range map[string]string{"plaintext-hosts": "redis.internal,*.svc.cluster.local,10.0.0.0/8", "report-switches": "true"} {
		if err := a.Flags.Set(flag, value); err != nil {
			t.Fatal(err)
		}
	}
	checkMessages(t, analysistest.Run(t, testdata(t), a, "flags"))
}

func TestSkipTests(t *testing.T) {
	// With -skip-tests the _test.go finding is gone; analysistest would
	// flag its unmet want, so count diagnostics instead.
	a := analyzer.New(&analyzer.Config{SkipTests: true})
	results := analysistest.Run(nopT{t}, testdata(t), a, "testfiles")
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if name := r.Pass.Fset.File(d.Pos).Name(); strings.HasSuffix(name, "_test.go") {
				t.Errorf("finding in test file with SkipTests: %s", d.Message)
			}
		}
	}
}

// nopT ignores analysistest's expectation errors.
type nopT struct{ *testing.T }

func (nopT) Errorf(string, ...any) {}

func TestBadFlag(t *testing.T) {
	a := analyzer.New(nil)
	err := a.Flags.Set("plaintext-hosts", "redis.internal:6379")
	if err == nil || !strings.Contains(err.Error(), `invalid plaintext host "redis.internal:6379"`) {
		t.Errorf("bad host pattern: got %v", err)
	}
}

// TestFixesIdempotent type-checks every golden file in place of its
// source and runs the analyzer again: the fixed code must compile and
// offer no further fix.
func TestFixesIdempotent(t *testing.T) {
	src := filepath.Join(testdata(t), "src")
	dst := t.TempDir()
	var pkgs []string
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if strings.HasSuffix(path, ".golden") {
			pkg := filepath.ToSlash(filepath.Dir(rel))
			if len(pkgs) == 0 || pkgs[len(pkgs)-1] != pkg {
				pkgs = append(pkgs, pkg)
			}
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if golden, err := os.ReadFile(path + ".golden"); err == nil {
			data = golden
		}
		out := filepath.Join(dst, "src", rel)
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		return os.WriteFile(out, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) == 0 {
		t.Fatal("no golden files")
	}
	results := analysistest.Run(nopT{t}, dst, analyzer.New(nil), pkgs...)
	if len(results) < len(pkgs) {
		t.Fatalf("analyzed %d packages, want %d: %v", len(results), len(pkgs), pkgs)
	}
	for _, r := range results {
		for _, e := range r.Pass.TypeErrors {
			t.Errorf("fixed code does not compile: %v", e)
		}
		for _, d := range r.Diagnostics {
			if len(d.SuggestedFixes) > 0 {
				t.Errorf("%s: fix offered again after fixing: %s", r.Pass.Fset.Position(d.Pos), d.Message)
			}
		}
	}
}

// TestLibraryIdioms checks function summaries on the shapes real
// libraries build clients in (issue 21): variadic configurations with a
// defaults helper, conditional defaults, options reassigned on one
// branch, functional options, configurations filled after construction,
// TLS set through a client kept in a field.
func TestLibraryIdioms(t *testing.T) {
	runFixes(t, analyzer.New(nil), "example.com/idioms", "example.com/idiomuser")
}
