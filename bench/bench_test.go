package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSmoke runs the benchmark's smoke mode (one small module, one run of
// each tool) to check that the pipeline works end to end. It asserts no
// time. It is opt-in, even in CI: on a fresh machine it compiles gosec and
// the module's dependencies several times over (cold go vet), which takes
// minutes, and it needs the module proxy.
func TestSmoke(t *testing.T) {
	if os.Getenv("REDISTLSLINT_BENCH_SMOKE") == "" {
		t.Skip("benchmark smoke run is opt-in: set REDISTLSLINT_BENCH_SMOKE=1 (takes minutes on a fresh machine)")
	}
	if testing.Short() {
		t.Skip("-short")
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = t.TempDir()
	}
	out := filepath.Join(t.TempDir(), "results.md")
	o := options{
		work:     filepath.Join(cache, "redistlslint-bench"),
		out:      out,
		coldRuns: 1,
		smoke:    true,
	}
	if err := run(o); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"redistlslint", "floor (noop)", "gosec -include=G402", "go vet, warm: noop", "go vet, cold: redistlslint", smokeModule.String(), "## Targets"} {
		if !strings.Contains(string(got), want) {
			t.Errorf("results lack %q:\n%s", want, got)
		}
	}
	if strings.Contains(string(got), "exit ") {
		t.Errorf("a tool exited with an unexpected status:\n%s", got)
	}
}
