package driver

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// These tests run the test binary itself as the checker (see TestMain)
// on a copy of testdata/mod:
//
//	client   stands for a Redis client library (the scope's client)
//	helpers  Insecure() returns a config with verification off
//	wrap     Config() returns helpers.Insecure(): the fact crosses two packages
//	app      uses client with wrap.Config(), helpers.Safe() and an inline config
//	other    imports crypto/tls, but no client user imports it
//	plain    nothing to report

// result is the outcome of one run of the tool.
type result struct {
	stdout, stderr string
	code           int
}

// tool runs the checker with args in dir.
func tool(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return command(t, dir, os.Args[0], args...)
}

func command(t *testing.T, dir, name string, args ...string) result {
	t.Helper()
	return commandEnv(t, dir, nil, name, args...)
}

func commandEnv(t *testing.T, dir string, env []string, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "DRIVER_TEST_TOOL=1", "GOWORK=off", "GOFLAGS=-mod=mod")
	cmd.Env = append(cmd.Env, env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	var exitErr *exec.ExitError
	switch {
	case errors.As(err, &exitErr):
		r.code = exitErr.ExitCode()
	case err != nil:
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return r
}

// sampleModule copies testdata/mod to a temporary directory.
func sampleModule(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/mod")); err != nil {
		t.Fatal(err)
	}
	return dir
}

const (
	viaWrapper = "app/app.go:12:41: call of insecure helper wrap.Config"
	inline     = "app/app.go:20:53: InsecureSkipVerify: true"
	inTest     = "app/app_test.go:9:18: InsecureSkipVerify: true"
)

func TestTextOutputAndCrossPackageFacts(t *testing.T) {
	dir := sampleModule(t)
	// Only ./app is named: helpers and wrap are dependencies, analysed
	// for their facts only.
	r := tool(t, dir, "./app")
	if r.code != 3 {
		t.Errorf("exit code %d, want 3 (findings); stderr:\n%s", r.code, r.stderr)
	}
	for _, want := range []string{viaWrapper, inline, inTest} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("missing %q in output:\n%s", want, r.stderr)
		}
	}
	if n := strings.Count(r.stderr, inline); n != 1 {
		t.Errorf("%q printed %d times, want once (p and p.test share the file)", inline, n)
	}
	if strings.Contains(r.stderr, "\nhelpers/") || strings.Contains(r.stderr, "\nwrap/") || strings.HasPrefix(r.stderr, "helpers/") || strings.HasPrefix(r.stderr, "wrap/") {
		t.Errorf("findings in dependencies were printed:\n%s", r.stderr)
	}
}

func TestFactsOnlyWhereTheyCanMatter(t *testing.T) {
	dir := sampleModule(t)
	r := tool(t, dir, "-debug=v", "./app")
	// Neither the standard library, nor the client library, nor other
	// (which app does not import) is analysed.
	want := "and 2 dependencies for facts: [example.com/m/helpers example.com/m/wrap]"
	if !strings.Contains(r.stderr, want) {
		t.Errorf("missing %q in output:\n%s", want, r.stderr)
	}

	// A root that uses no client needs no facts.
	r = tool(t, dir, "-debug=v", "./other", "./plain")
	if !strings.Contains(r.stderr, "and 0 dependencies for facts") {
		t.Errorf("want no fact dependencies, got:\n%s", r.stderr)
	}
}

func TestAllPackages(t *testing.T) {
	dir := sampleModule(t)
	r := tool(t, dir, "./...")
	if r.code != 3 {
		t.Errorf("exit code %d, want 3; stderr:\n%s", r.code, r.stderr)
	}
	for _, want := range []string{viaWrapper, inline, "helpers/helpers.go:8:21: InsecureSkipVerify: true",
		"wrap/wrap.go:10:36: call of insecure helper helpers.Insecure"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("missing %q in output:\n%s", want, r.stderr)
		}
	}
}

func TestExitCodes(t *testing.T) {
	dir := sampleModule(t)
	if r := tool(t, dir, "./plain"); r.code != 0 || r.stderr != "" {
		t.Errorf("clean package: exit %d, stderr %q; want 0 and no output", r.code, r.stderr)
	}
	if r := tool(t, dir, "./nosuchpackage"); r.code != 1 {
		t.Errorf("missing package: exit %d, want 1; stderr:\n%s", r.code, r.stderr)
	}
	if r := tool(t, dir, "-nosuchflag", "./app"); r.code != 1 {
		t.Errorf("unknown flag: exit %d, want 1", r.code)
	}
	if r := tool(t, dir, "help"); r.code != 0 || !strings.Contains(r.stdout, "-sarif") {
		t.Errorf("help: exit %d, stdout:\n%s", r.code, r.stdout)
	}
}

func TestNoTests(t *testing.T) {
	dir := sampleModule(t)
	r := tool(t, dir, "-test=false", "./app")
	if !strings.Contains(r.stderr, inline) || strings.Contains(r.stderr, "app_test.go") {
		t.Errorf("-test=false: want findings of app.go only, got:\n%s", r.stderr)
	}
}

// jsonTree is the -json shape of the x/tools drivers:
// package ID -> analyzer name -> diagnostics.
type jsonTree map[string]map[string][]struct {
	Category       string `json:"category"`
	Posn           string `json:"posn"`
	Message        string `json:"message"`
	SuggestedFixes []struct {
		Message string `json:"message"`
		Edits   []struct {
			Filename   string `json:"filename"`
			Start, End int
			New        string `json:"new"`
		} `json:"edits"`
	} `json:"suggested_fixes"`
}

func TestJSON(t *testing.T) {
	dir := sampleModule(t)
	r := tool(t, dir, "-json", "./app")
	if r.code != 0 {
		t.Errorf("-json: exit code %d, want 0; stderr:\n%s", r.code, r.stderr)
	}
	var tree jsonTree
	if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil {
		t.Fatalf("-json output: %v\n%s", err, r.stdout)
	}
	diags := tree["example.com/m/app"]["skipverify"]
	var cats []string
	for _, d := range diags {
		cats = append(cats, d.Category)
	}
	if !slices.Equal(cats, []string{"helper", "skip-verify"}) {
		t.Errorf("categories of example.com/m/app = %v, want [helper skip-verify]", cats)
	}
	if len(diags) == 2 {
		fixes := diags[1].SuggestedFixes
		if len(fixes) != 1 || len(fixes[0].Edits) != 1 || fixes[0].Edits[0].New != "false" {
			t.Errorf("suggested fix = %+v, want one edit to false", fixes)
		}
	}
	if _, ok := tree["example.com/m/app [example.com/m/app.test]"]; !ok {
		t.Errorf("no entry for the test variant; keys: %v", keys(tree))
	}
}

func keys[V any](m map[string]V) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

func TestFix(t *testing.T) {
	dir := sampleModule(t)
	appGo := filepath.Join(dir, "app", "app.go")
	before, _ := os.ReadFile(appGo)

	r := tool(t, dir, "-fix", "-diff", "./app")
	if !strings.Contains(r.stdout, "-\treturn client.New(&client.Options{TLS: &tls.Config{InsecureSkipVerify: true}})") ||
		!strings.Contains(r.stdout, "+\treturn client.New(&client.Options{TLS: &tls.Config{InsecureSkipVerify: false}})") {
		t.Errorf("-diff: want a unified diff of the fix, got (exit %d):\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	if after, _ := os.ReadFile(appGo); !bytes.Equal(before, after) {
		t.Errorf("-diff changed %s", appGo)
	}

	r = tool(t, dir, "-fix", "./app")
	if r.code != 0 {
		t.Errorf("-fix: exit code %d; stderr:\n%s", r.code, r.stderr)
	}
	after, _ := os.ReadFile(appGo)
	// The justified (suppressed) setting stays.
	if !strings.Contains(string(after), "InsecureSkipVerify: false") || strings.Count(string(after), "InsecureSkipVerify: true") != 1 {
		t.Errorf("-fix did not apply the fix:\n%s", after)
	}
	if r := tool(t, dir, "./app"); strings.Contains(r.stderr, "InsecureSkipVerify") {
		t.Errorf("findings left after -fix:\n%s", r.stderr)
	}
}

// TestVet runs the checker under the real go vet, which drives it one
// package at a time (the unitchecker protocol), facts in .vetx files
// included, and checks that packages that cannot matter are skipped.
func TestVet(t *testing.T) {
	dir := sampleModule(t)
	trace := filepath.Join(t.TempDir(), "trace")
	r := commandEnv(t, dir, []string{"REDISTLSLINT_VET_TRACE=" + trace}, "go", "vet", "-vettool="+os.Args[0], "./app")
	if r.code != 1 {
		t.Errorf("go vet: exit code %d, want 1; stderr:\n%s", r.code, r.stderr)
	}
	for _, want := range []string{viaWrapper, inline, inTest} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("go vet: missing %q in output:\n%s", want, r.stderr)
		}
	}

	// Only the packages that can report or export a fact are parsed and
	// type-checked; the standard library and the client are skipped.
	data, err := os.ReadFile(trace)
	if err != nil {
		t.Fatal(err)
	}
	var checked []string
	skipped := make(map[string]bool)
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		f := strings.Fields(line)
		switch f[0] {
		case "check":
			checked = append(checked, f[1])
		case "skip":
			skipped[f[1]] = true
		}
	}
	slices.Sort(checked)
	if want := []string{"example.com/m/app", "example.com/m/helpers", "example.com/m/wrap"}; !slices.Equal(checked, want) {
		t.Errorf("go vet: checked %v, want %v", checked, want)
	}
	// (go vet caches the standard library's results across runs, so only
	// the sample's own packages are sure to appear.)
	if !skipped["example.com/m/client"] {
		t.Errorf("go vet: the client package was not skipped")
	}

	r = command(t, dir, "go", "vet", "-vettool="+os.Args[0], "-json", "./app")
	var tree jsonTree
	if err := json.Unmarshal([]byte(r.stdout+r.stderr), &tree); err != nil && !strings.Contains(r.stderr, "call of insecure helper") {
		t.Errorf("go vet -json: no findings (exit %d):\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	if r.code != 0 {
		t.Errorf("go vet -json: exit code %d, want 0", r.code)
	}
}
