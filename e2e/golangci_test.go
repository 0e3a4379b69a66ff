package e2e

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/redistlslint/redistlslint/internal/gcl"
)

// golangciVersion is the golangci-lint the plugin is tested with
// (internal/gcl); .custom-gcl.yml names it too.
const golangciVersion = gcl.Version

const modulePath = gcl.ModulePath

// buildEnv keeps a go.work of the user's from joining the build.
var buildEnv = []string{"GOWORK=off"}

// customGolangci returns a golangci-lint with the plugin compiled in,
// building it if this version of the plugin has none yet. The build
// lives in the user cache directory, under a key that changes with the
// plugin's sources, so later runs reuse it; a cold build takes minutes.
func customGolangci(t *testing.T) string {
	t.Helper()
	root := repoRoot()
	key := pluginKey(t, root)
	cacheRoot, err := os.UserCacheDir()
	if err != nil {
		t.Fatalf("no cache directory for the custom golangci-lint: %v", err)
	}
	cacheRoot = filepath.Join(cacheRoot, "redistlslint-e2e")
	dir := filepath.Join(cacheRoot, "golangci-lint-"+key)
	bin := filepath.Join(dir, "golangci-lint")
	if _, err := os.Stat(bin); err == nil {
		now := time.Now()
		os.Chtimes(dir, now, now) // in use: see removeStaleBuilds
		return bin
	}

	if r := run(t, t.TempDir(), buildEnv, "go", "mod", "download", "github.com/golangci/golangci-lint/v2@"+golangciVersion); r.exitCode != 0 {
		unavailable(t, "cannot download golangci-lint %s from the Go module proxy: %v", golangciVersion, r)
	}
	if err := os.MkdirAll(cacheRoot, 0o755); err != nil {
		t.Fatal(err)
	}
	tmp, err := os.MkdirTemp(cacheRoot, "build-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	if err := gcl.Write(tmp, root, "redistlslint e2e"); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	for _, args := range gcl.Steps {
		if r := run(t, tmp, buildEnv, "go", args...); r.exitCode != 0 {
			t.Fatalf("building the custom golangci-lint in %s: go %s: %v", tmp, strings.Join(args, " "), r)
		}
	}
	t.Logf("built golangci-lint %s with the plugin in %v", golangciVersion, time.Since(start).Round(time.Second))

	// Another test process may have finished first; either build is good.
	if err := os.Rename(tmp, dir); err != nil {
		if _, statErr := os.Stat(bin); statErr != nil {
			t.Fatal(err)
		}
	}
	removeStaleBuilds(cacheRoot, dir)
	return bin
}

// pluginKey hashes what the custom golangci-lint is built from: the
// versions, this repository's path, go.mod and go.sum, and the source files
// of this module's packages that the plugin imports.
func pluginKey(t *testing.T, root string) string {
	t.Helper()
	h := sha256.New()
	goVersion := run(t, root, nil, "go", "env", "GOVERSION")
	fmt.Fprintf(h, "golangci-lint %s\n%s\n%s\n", golangciVersion, strings.TrimSpace(goVersion.stdout), root)
	files := []string{"go.mod", "go.sum"}
	r := run(t, root, buildEnv, "go", "list", "-deps",
		"-f", `{{if and .Module (eq .Module.Path "`+modulePath+`")}}{{$dir := .Dir}}{{range .GoFiles}}{{$dir}}/{{.}}{{"\n"}}{{end}}{{range .EmbedFiles}}{{$dir}}/{{.}}{{"\n"}}{{end}}{{end}}`,
		"./plugin")
	if r.exitCode != 0 {
		t.Fatalf("listing the plugin's sources: %v", r)
	}
	files = append(files, strings.Fields(r.stdout)...)
	for _, f := range files {
		if !filepath.IsAbs(f) {
			f = filepath.Join(root, f)
		}
		file, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(h, "%s\n", f)
		_, err = io.Copy(h, file)
		file.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	return fmt.Sprintf("%x", h.Sum(nil))[:16]
}

// removeStaleBuilds deletes custom golangci-lint builds other than keep
// that no test has used for a day (each is about 70 MB). Builds used more
// recently may belong to a test running now, for another version of the
// plugin.
func removeStaleBuilds(cacheRoot, keep string) {
	old, _ := filepath.Glob(filepath.Join(cacheRoot, "golangci-lint-*"))
	for _, dir := range old {
		info, err := os.Stat(dir)
		if dir != keep && err == nil && time.Since(info.ModTime()) > 24*time.Hour {
			os.RemoveAll(dir)
		}
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// golangciRun runs the custom golangci-lint in dir and returns the
// redistlslint findings (golangci-lint reports no categories: they are
// derived from the messages).
func golangciRun(t *testing.T, bin, dir, cache string, args ...string) ([]diagnostic, result) {
	t.Helper()
	// Each subtest has its own module and cache: golangci-lint's lock
	// against parallel runs (made for one repository) would only make
	// concurrent test runs fail.
	args = append([]string{"run", "--allow-parallel-runners", "--output.json.path=stdout", "--output.text.path=stderr",
		"--show-stats=false", "--max-same-issues=0", "--max-issues-per-linter=0"}, args...)
	r := run(t, dir, []string{"GOLANGCI_LINT_CACHE=" + cache, "GOWORK=off"}, bin, append(args, "./...")...)
	if r.exitCode != 0 && r.exitCode != 1 { // 1: issues found
		t.Fatalf("golangci-lint %s: %v", strings.Join(args, " "), r)
	}
	var report struct {
		Issues []struct {
			FromLinter, Text string
			Pos              struct {
				Filename string
				Line     int
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &report); err != nil {
		t.Fatalf("golangci-lint JSON output: %v\n%v", err, r)
	}
	var diags []diagnostic
	for _, issue := range report.Issues {
		if issue.FromLinter != "redistlslint" {
			t.Errorf("issue from linter %q, want only redistlslint: %s", issue.FromLinter, issue.Text)
			continue
		}
		category := categoryOf(issue.Text)
		f := finding{relPath(t, dir, filepath.Join(dir, issue.Pos.Filename)), issue.Pos.Line, category}
		diags = append(diags, diagnostic{f, issue.Text})
	}
	return diags, r
}

// golangciConfig returns .golangci.example.yml, the README's example, with
// the replacements applied; each old text must occur.
func golangciConfig(t *testing.T, replacements ...string) string {
	t.Helper()
	config := readFile(t, filepath.Join(repoRoot(), ".golangci.example.yml"))
	for i := 0; i+1 < len(replacements); i += 2 {
		if !strings.Contains(config, replacements[i]) {
			t.Fatalf(".golangci.example.yml does not contain %q", replacements[i])
		}
		config = strings.Replace(config, replacements[i], replacements[i+1], 1)
	}
	return config
}

func TestGolangciLint(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping in -short mode: the first run builds golangci-lint, which takes minutes")
	}
	needSampleModules(t)
	checkCustomGCL(t)
	bin := customGolangci(t)
	cache := t.TempDir()

	t.Run("findings", func(t *testing.T) {
		dir := copyTree(t, filepath.Join("testdata", "shop"))
		writeFile(t, filepath.Join(dir, ".golangci.yml"), golangciConfig(t))
		diags, _ := golangciRun(t, bin, dir, cache)
		checkFindings(t, dir, diags, sampleFindings)
	})

	t.Run("settings", func(t *testing.T) {
		dir := copyTree(t, filepath.Join("testdata", "shop"))
		writeFile(t, filepath.Join(dir, ".golangci.yml"), golangciConfig(t,
			"plaintext-hosts: []", "plaintext-hosts: [redis.internal]",
			"skip-tests: false", "skip-tests: true"))
		diags, _ := golangciRun(t, bin, dir, cache)
		checkFindings(t, dir, diags, without(caseInternalHost, caseTestFile))
	})

	t.Run("bad-settings", func(t *testing.T) {
		dir := copyTree(t, filepath.Join("testdata", "shop"))
		writeFile(t, filepath.Join(dir, ".golangci.yml"), golangciConfig(t,
			"skip-tests: false", "skip_tests: true"))
		r := run(t, dir, []string{"GOLANGCI_LINT_CACHE=" + cache, "GOWORK=off"}, bin, "run", "--allow-parallel-runners", "./...")
		if r.exitCode == 0 || !strings.Contains(r.stdout+r.stderr, `unknown field "skip_tests"`) {
			t.Errorf("golangci-lint with a misspelt setting: want a failure naming it\n%v", r)
		}
	})

	t.Run("nolint", func(t *testing.T) {
		dir := copyTree(t, filepath.Join("testdata", "shop"))
		writeFile(t, filepath.Join(dir, ".golangci.yml"), golangciConfig(t))
		appendToLine(t, filepath.Join(dir, "store", "cache.go"), sampleFindings[caseNoTLS].text,
			" //nolint:redistlslint // the cache holds public data")
		diags, _ := golangciRun(t, bin, dir, cache)
		checkFindings(t, dir, diags, without(caseNoTLS))
	})

	t.Run("fix", func(t *testing.T) {
		dir := copyTree(t, filepath.Join("testdata", "shop"))
		writeFile(t, filepath.Join(dir, ".golangci.yml"), golangciConfig(t))
		golangciRun(t, bin, dir, cache, "--fix")
		fixed := readFile(t, filepath.Join(dir, "store", "cache.go"))
		for _, want := range []string{
			`"crypto/tls"`,
			`redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}})`,
		} {
			if !strings.Contains(fixed, want) {
				t.Errorf("after golangci-lint --fix, store/cache.go lacks %s:\n%s", want, fixed)
			}
		}
		if r := run(t, dir, nil, "go", "build", "./..."); r.exitCode != 0 {
			t.Fatalf("the fixed module does not build: %v", r)
		}
	})
}

// appendToLine appends text to the first line of file that contains
// marker.
func appendToLine(t *testing.T, file, marker, text string) {
	t.Helper()
	lines := strings.Split(readFile(t, file), "\n")
	n := lineOf(t, file, marker)
	lines[n-1] += text
	writeFile(t, file, strings.Join(lines, "\n"))
}

// checkCustomGCL checks that the shipped .custom-gcl.yml builds the
// golangci-lint version and plugin package that this test builds.
func checkCustomGCL(t *testing.T) {
	t.Helper()
	config := readFile(t, filepath.Join(repoRoot(), ".custom-gcl.yml"))
	for _, want := range []string{
		"version: " + golangciVersion + "\n",
		"- module: " + modulePath + "\n",
		"import: " + modulePath + "/plugin\n",
	} {
		if !strings.Contains(config, want) {
			t.Errorf(".custom-gcl.yml lacks %q", want)
		}
	}
}
