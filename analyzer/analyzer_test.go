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
		return results
	}
	return analysistest.RunWithSuggestedFixes(t, testdata(t), a, pkgs...)
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

func TestGoRedis(t *testing.T) { runFixes(t, analyzer.New(nil), "goredis") }

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

func TestSkipVerify(t *testing.T) { runFixes(t, analyzer.New(nil), "skipverify") }

func TestClients(t *testing.T) {
	runFixes(t, analyzer.New(nil), "asynqcases", "redigocases", "rueidiscases", "urls")
}
