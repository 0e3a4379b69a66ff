package analyzer_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/redistlslint/redistlslint/analyzer"
)

// TestRealModules runs the analyzer over packages that import the real
// client modules (fetched through the module proxy), so that the stubs
// in testdata/src cannot drift from the libraries.
func TestRealModules(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "testdata", "realmod"))
	if err != nil {
		t.Fatal(err)
	}
	// analysistest runs with GOPROXY=off: fetch the modules first.
	cmd := exec.Command("go", "mod", "download")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
	if out, err := cmd.CombinedOutput(); err != nil {
		msg := "cannot fetch the client modules through the module proxy: " + err.Error() + "\n" + string(out)
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	analysistest.Run(t, dir, analyzer.New(nil), "./...")
}
