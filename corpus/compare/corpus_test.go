package main

import (
	"os"
	"os/exec"
	"testing"
)

// TestCorpus runs the whole corpus check (fetch through the module proxy,
// run, compare) when REDISTLSLINT_CORPUS=1. It is not part of the default
// go test: the first fetch and build of the corpus take many minutes.
func TestCorpus(t *testing.T) {
	if os.Getenv("REDISTLSLINT_CORPUS") != "1" {
		t.Skip("set REDISTLSLINT_CORPUS=1 to run the real-world corpus (corpus/check.sh)")
	}
	cmd := exec.Command("bash", "../check.sh")
	out, err := cmd.CombinedOutput()
	t.Logf("%s", out)
	if err != nil {
		t.Fatalf("corpus/check.sh: %v (see NEW/MISSING/CHANGED lines above)", err)
	}
}
