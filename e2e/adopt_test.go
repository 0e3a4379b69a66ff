package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// These tests run the built binary on copies of testdata/shop for what
// adopting the tool on a real codebase needs: build tags, go vet-style
// output, accepted findings, new findings only, a -fix summary, and flag
// errors that say what is wrong.

// prodStore is a production-only file with a plaintext client.
const prodStore = `//go:build prod

package store

import (
	"os"

	"github.com/redis/go-redis/v9"
)

// NewProd is built with -tags=prod only.
func NewProd() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("PROD_REDIS_ADDR")})
}
`

func TestTags(t *testing.T) {
	needSampleModules(t)
	dir := copyTree(t, sampleDir(t))
	writeFile(t, filepath.Join(dir, "store", "prod.go"), prodStore)
	want := "store/prod.go:13:26: redis.Options for "
	if r := run(t, dir, nil, binary, "./store"); strings.Contains(r.stderr, "prod.go") {
		t.Errorf("without -tags, prod.go was analysed:\n%v", r)
	}
	r := run(t, dir, nil, binary, "-tags=prod", "./store")
	if r.exitCode != 3 || !strings.Contains(r.stderr, want) {
		t.Errorf("-tags=prod: want exit 3 and %q\n%v", want, r)
	}
	r = run(t, dir, nil, binary, "-tags=prod", "-fix", "-diff", "./store")
	if !strings.Contains(r.stdout, "prod.go") || !strings.Contains(r.stdout, "TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}") {
		t.Errorf("-tags=prod -fix -diff: want the fix of prod.go\n%v", r)
	}
}

// findingRE is a go vet-style finding line: a relative file, a message
// and the category in parentheses.
var findingRE = regexp.MustCompile(`^[a-z_]+/[a-z_]+\.go:\d+:\d+: .+ \((missing-tls|insecure-skip-verify|weak-tls|bad-directive)\)$`)

func TestTextOutput(t *testing.T) {
	needSampleModules(t)
	dir := sampleDir(t)
	r := run(t, dir, nil, binary, "./...")
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	if len(lines) != len(sampleFindings) {
		t.Errorf("%d lines, want %d findings:\n%s", len(lines), len(sampleFindings), r.stderr)
	}
	for _, line := range lines {
		if !findingRE.MatchString(line) {
			t.Errorf("not a go vet-style finding with its category: %q", line)
		}
	}
	// A position in another package is a file path an editor can open.
	if !strings.Contains(r.stderr, "(tlsutil/tlsutil.go:") || strings.Contains(r.stderr, "example.com/shop/tlsutil/") {
		t.Errorf("the helper's position is not a relative file path:\n%s", r.stderr)
	}
}

func TestLoadErrorsLikeVet(t *testing.T) {
	needSampleModules(t)
	dir := copyTree(t, sampleDir(t))
	writeNew(t, filepath.Join(dir, "broken", "syntax.go"), "package broken\n\nfunc f() {\n\tx := \n}\n")
	writeNew(t, filepath.Join(dir, "broken", "syntax_test.go"), "package broken\n")
	writeNew(t, filepath.Join(dir, "typeerr", "typeerr.go"), "package typeerr\n\nfunc f() int {\n\treturn \"s\"\n}\n")
	for _, pkg := range []string{"./broken", "./typeerr"} {
		r := run(t, dir, nil, binary, pkg)
		v := run(t, dir, nil, "go", "vet", pkg)
		got := strings.Split(strings.TrimSpace(r.stderr), "\n")
		want := strings.Split(strings.ReplaceAll(strings.TrimSpace(v.stderr), "vet: ", ""), "\n")
		// go vet adds a "# [pkg]" line for the test variant; the
		// errors themselves must be the same.
		if r.exitCode != 1 || len(got) > 3 || got[0] != want[0] || !slices.Equal(errorLines(got), errorLines(want)) {
			t.Errorf("%s: want exit 1 and what go vet prints (at most 3 lines):\n%s\ngot:\n%v", pkg, strings.Join(want, "\n"), r)
		}
	}
}

// errorLines drops the "# package" lines of go vet's output.
func errorLines(lines []string) []string {
	var out []string
	for _, l := range lines {
		if !strings.HasPrefix(l, "# ") {
			out = append(out, l)
		}
	}
	return out
}

func TestShowAccepted(t *testing.T) {
	needSampleModules(t)
	dir := sampleDir(t)
	line := lineOf(t, filepath.Join(dir, "store", "store.go"), "// Heroku Redis presents a self-signed certificate") + 1
	want := "store/store.go:" + strconv.Itoa(line) + ":3: accepted insecure-skip-verify: Heroku Redis presents a self-signed certificate (justification)"
	r := run(t, dir, nil, binary, "-show-accepted", "./store")
	if strings.Count(r.stderr, want) != 1 {
		t.Errorf("-show-accepted: want %q once\n%v", want, r)
	}
	if r := run(t, dir, nil, binary, "./store"); strings.Contains(r.stderr, "accepted") {
		t.Errorf("accepted findings listed without -show-accepted\n%v", r)
	}
}

// gitCommitAll makes dir a git repository (if it is not one) and commits
// everything.
func gitCommitAll(t *testing.T, dir string) {
	t.Helper()
	env := []string{"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_GLOBAL=/dev/null"}
	for _, args := range [][]string{{"init", "-q"}, {"add", "-A"}, {"commit", "-q", "-m", "commit"}} {
		if r := run(t, dir, env, "git", args...); r.exitCode != 0 {
			t.Fatalf("git %v: %v", args, r)
		}
	}
}

func TestNewFromRev(t *testing.T) {
	needSampleModules(t)
	dir := copyTree(t, sampleDir(t))
	gitCommitAll(t, dir)
	if r := run(t, dir, nil, binary, "-new-from-rev=HEAD", "./..."); r.exitCode != 0 || r.stderr != "" {
		t.Errorf("-new-from-rev=HEAD with nothing changed: want exit 0 and no output\n%v", r)
	}
	// A finding added after the commit, in a tracked file and in a new one.
	cache := filepath.Join(dir, "store", "cache.go")
	writeFile(t, cache, readFile(t, cache)+`
// NewAdded is new.
func NewAdded() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("ADDED_REDIS_ADDR")})
}
`)
	writeFile(t, filepath.Join(dir, "store", "prod.go"), strings.Replace(prodStore, "//go:build prod\n\n", "", 1))
	added := "store/cache.go:" + strconv.Itoa(lineOf(t, cache, "ADDED_REDIS_ADDR")) + ":26: redis.Options for "
	untracked := "store/prod.go:11:26: redis.Options for "
	r := run(t, dir, nil, binary, "-new-from-rev=HEAD", "./...")
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	if r.exitCode != 3 || len(lines) != 2 || !strings.HasPrefix(lines[0], added) && !strings.HasPrefix(lines[1], added) ||
		!strings.Contains(r.stderr, untracked) {
		t.Errorf("-new-from-rev=HEAD: want exit 3 and only %q and %q\n%v", added, untracked, r)
	}

	r = run(t, dir, nil, binary, "-new-from-rev=HEAD", "-json", "./...")
	if diags := parseVetJSON(t, dir, r.stdout); len(diags) != 2 {
		t.Errorf("-new-from-rev=HEAD -json: %d findings, want 2\n%v", len(diags), r)
	}
	r = run(t, dir, nil, binary, "-new-from-rev=HEAD", "-sarif", "./...")
	var log struct {
		Runs []struct{ Results []json.RawMessage }
	}
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("-sarif: %v\n%v", err, r)
	}
	// The two new findings; the accepted skip-verify is on an old line.
	if n := len(log.Runs[0].Results); n != 2 {
		t.Errorf("-new-from-rev=HEAD -sarif: %d results, want 2", n)
	}

	gitCommitAll(t, dir)
	if r := run(t, dir, nil, binary, "-new-from-rev=HEAD~1", "./..."); r.exitCode != 3 || strings.Count(strings.TrimSpace(r.stderr), "\n") != 1 {
		t.Errorf("-new-from-rev=HEAD~1 after the commit: want the 2 findings of the last commit\n%v", r)
	}
}

func TestFixSummary(t *testing.T) {
	needSampleModules(t)
	dir := copyTree(t, sampleDir(t))
	r := run(t, dir, nil, binary, "-fix", "./...")
	summary := regexp.MustCompile(`(?m)^fixed (\d+) findings? in (\d+) files?(; left (\d+): .+)?$`).FindStringSubmatch(r.stderr)
	if summary == nil {
		t.Fatalf("-fix: no summary line\n%v", r)
	}
	fixedLines := regexp.MustCompile(`(?m)^[a-z_]+/[a-z_]+\.go:\d+:\d+: fixed: .+ \([a-z-]+\)$`).FindAllString(r.stderr, -1)
	if strconv.Itoa(len(fixedLines)) != summary[1] || len(fixedLines) == 0 {
		t.Errorf("-fix: %d lines for applied fixes, summary says %s\n%v", len(fixedLines), summary[1], r)
	}
	// What is left is what a run after -fix still reports.
	after := run(t, dir, nil, binary, "./...")
	left := 0
	if after.stderr != "" {
		left = len(strings.Split(strings.TrimSpace(after.stderr), "\n"))
	}
	if summary[4] != strconv.Itoa(left) && !(left == 0 && summary[4] == "") {
		t.Errorf("-fix: summary says %q left, a run after it reports %d\n%v\nafter:\n%v", summary[4], left, r, after)
	}
}

func TestFlagValueErrors(t *testing.T) {
	dir := sampleDir(t)
	for _, test := range []struct {
		flag      string
		want, not string
	}{
		{"-plaintext-hosts=http://x", "a URL (http://) is not a host; give the host alone (x)", "not a valid CIDR"},
		{"-plaintext-hosts=redis.internal:6379", "give the host without a port (redis.internal)", ""},
		{"-plaintext-hosts=10.0.0.0/33", "prefix length /33 is out of range", ""},
		{"-debug=vq", `unknown letters "q"`, ""},
		{"-c=x", "want a number of lines", ""},
	} {
		r := run(t, dir, nil, binary, test.flag, "./...")
		msg := strings.TrimSpace(r.stderr)
		if r.exitCode != 1 || !strings.Contains(msg, test.want) || test.not != "" && strings.Contains(msg, test.not) || strings.Contains(msg, "\n") {
			t.Errorf("%s: want exit 1 and one line saying %q\n%v", test.flag, test.want, r)
		}
	}
}

// writeNew writes a file, creating its directory.
func writeNew(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, path, content)
}

func TestFixCgoNote(t *testing.T) {
	needSampleModules(t)
	lookTool(t, "gcc", "apt-get install gcc (cgo)")
	dir := copyTree(t, sampleDir(t))
	writeNew(t, filepath.Join(dir, "cgostore", "cgostore.go"), `package cgostore

// int one(void) { return 1; }
import "C"

import (
	"os"

	"github.com/redis/go-redis/v9"
)

func New() *redis.Client {
	_ = C.one()
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
}
`)
	if r := run(t, dir, nil, binary, "./cgostore"); r.exitCode != 3 || !strings.Contains(r.stderr, "cgostore/cgostore.go:14:26: redis.Options for ") {
		t.Fatalf("a plaintext client in a cgo file: want a finding\n%v", r)
	}
	r := run(t, dir, nil, binary, "-fix", "-diff", "./cgostore")
	for _, want := range []string{
		"-diff: would fix 0 findings in 0 files; left 1: 1 in cgo files\n",
		"note: 1 finding in files that use cgo (cgostore/cgostore.go) gets no automatic fix",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("-fix -diff on a cgo package: missing %q\n%v", want, r)
		}
	}
}
