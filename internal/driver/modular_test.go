package driver

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestAnalyzerUnderUnitchecker runs redistlslint on the repository's
// example, a module of its own in example/ (which uses the real go-redis,
// asynq and redigo, and a TLS helper in another package) three ways, and requires the same findings:
// standalone, under go vet with this driver, and under go vet with x/tools'
// stock unitchecker (the modular driver that nogo and other build systems
// use). The findings must include the one that needs a fact from another
// package.
func TestAnalyzerUnderUnitchecker(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two binaries and runs go vet on the standard library")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	bin := t.TempDir()
	ours := filepath.Join(bin, "redistlslint")
	stock := filepath.Join(bin, "unitchecker")
	buildTool(t, root, ours, "./cmd/redistlslint")
	buildTool(t, root, stock, "./internal/driver/testdata/unitchecker")

	example := filepath.Join(root, "example")
	const pkgs = "./..."
	standalone := findingsOf(t, example, ours, "-json", "-deploy=off", pkgs) // go vet cannot read config
	vet := findingsOf(t, example, "go", "vet", "-vettool="+ours, "-json", pkgs)
	unit := findingsOf(t, example, "go", "vet", "-vettool="+stock, "-json", pkgs)

	if len(standalone) == 0 {
		t.Fatal("no findings on the example")
	}
	t.Logf("%d findings:\n%s", len(standalone), strings.Join(standalone, "\n"))
	if !slices.ContainsFunc(standalone, func(f string) bool { return strings.Contains(f, "tlsconf") }) {
		t.Errorf("no finding about the helper in example/tlsconf (a cross-package fact):\n%s", strings.Join(standalone, "\n"))
	}
	if !slices.Equal(vet, standalone) {
		t.Errorf("go vet with redistlslint:\n%s\nstandalone:\n%s", strings.Join(vet, "\n"), strings.Join(standalone, "\n"))
	}
	if !slices.Equal(unit, standalone) {
		t.Errorf("go vet with the stock unitchecker:\n%s\nstandalone:\n%s", strings.Join(unit, "\n"), strings.Join(standalone, "\n"))
	}
}

func buildTool(t *testing.T, dir, out, pkg string) {
	t.Helper()
	cmd := exec.Command("go", "build", "-o", out, pkg)
	cmd.Dir = dir
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build %s: %v\n%s", pkg, err, msg)
	}
}

// findingsOf runs a command that prints x/tools JSON trees (one, or one per
// package as go vet does) and returns the sorted, deduplicated findings as
// "file:line:col: [category] message", with paths relative to dir.
func findingsOf(t *testing.T, dir, name string, args ...string) []string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	out, err := cmd.Output()
	var exitErr *exec.ExitError
	if err != nil && !errors.As(err, &exitErr) {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, exitErr.Stderr)
	}
	set := make(map[string]bool)
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("%s %v: bad JSON: %v\n%s", name, args, err, out)
		}
		for id, byAnalyzer := range tree {
			for _, raw := range byAnalyzer {
				var diags []struct{ Category, Posn, Message string }
				if err := json.Unmarshal(raw, &diags); err != nil {
					t.Errorf("%s: %s", id, raw) // an error result
					continue
				}
				for _, d := range diags {
					posn, _ := filepath.Rel(dir, d.Posn)
					// A location in another package is relative to the
					// tool's working directory when inside it, else
					// absolute: go vet runs the tool in each package's
					// directory, so make both relative to dir.
					msg := strings.ReplaceAll(d.Message, dir+string(filepath.Separator), "")
					set[posn+": ["+d.Category+"] "+msg] = true
				}
			}
		}
	}
	var list []string
	for f := range set {
		list = append(list, f)
	}
	slices.Sort(list)
	return list
}
