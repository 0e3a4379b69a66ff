package e2e

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// readmeCommand returns the line of the README's sh block (the block that
// starts with first) that starts with prefix.
func readmeCommand(t *testing.T, first, prefix string) string {
	t.Helper()
	for _, line := range strings.Split(readmeBlock(t, "```sh", first), "\n") {
		if strings.HasPrefix(line, prefix) {
			return line
		}
	}
	t.Fatalf("README.md: the sh block starting %q has no line starting %q", first, prefix)
	return ""
}

// quickStartFindings returns the findings the README's quick start shows.
func quickStartFindings(t *testing.T) []string {
	t.Helper()
	var lines []string
	for _, line := range strings.Split(readmeBlock(t, "```", "cache/cache.go:"), "\n") {
		if line != "" {
			lines = append(lines, line)
		}
	}
	return lines
}

// findingLine matches a finding printed relative to example/, in Go code
// or in deployment config.
var findingLine = regexp.MustCompile(`^[a-z0-9_./-]+\.(go|ya?ml):\d+:\d+: `)

// shortFindings returns the findings of a run in example/, sorted; other
// lines (go: downloading ...) are left out. The tool prints paths
// relative to the working directory, as the README shows them.
func shortFindings(root, stderr string) []string {
	var lines []string
	for _, line := range strings.Split(stderr, "\n") {
		line = strings.TrimPrefix(line, filepath.Join(root, "example")+string(filepath.Separator))
		if findingLine.MatchString(line) {
			lines = append(lines, line)
		}
	}
	slices.Sort(lines)
	return lines
}

// TestReadmeInstallAndQuickStart runs the README's install-from-a-clone
// line into a temporary GOBIN, runs the installed binary on the example
// (a module of its own), and runs the quick start command as written;
// both must print the findings the README shows, with exit code 3.
func TestReadmeInstallAndQuickStart(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the example's dependencies (go-redis, asynq, redigo)")
	}
	root := repoRoot()
	env := []string{"GOWORK=off"}
	want := quickStartFindings(t)
	slices.Sort(want)

	t.Run("install", func(t *testing.T) {
		install := readmeCommand(t, "git clone https://github.com/redistlslint/redistlslint\n", "go install ")
		if install != "go install ./cmd/redistlslint" {
			t.Errorf("README's install line is %q; this test runs it and expects go install ./cmd/redistlslint", install)
		}
		gobin := t.TempDir()
		if r := run(t, root, append(env, "GOBIN="+gobin), "sh", "-c", install); r.exitCode != 0 {
			t.Fatalf("%s: %v", install, r)
		}
		bin := filepath.Join(gobin, "redistlslint")
		r := run(t, root, env, bin, "-version")
		if r.exitCode != 0 || !strings.HasPrefix(r.stdout, "redistlslint (devel) ") && !strings.HasPrefix(r.stdout, "redistlslint v") {
			t.Errorf("redistlslint -version: want the module version from the build info\n%v", r)
		}
		r = run(t, filepath.Join(root, "example"), env, bin, "./...")
		if r.exitCode != 3 {
			t.Errorf("installed redistlslint ./... in example/: want exit code 3 (findings)\n%v", r)
		}
		if got := shortFindings(root, r.stderr); !slices.Equal(got, want) {
			t.Errorf("installed redistlslint on the example:\n%s\nthe README shows:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})

	t.Run("quick-start", func(t *testing.T) {
		quick := readmeBlock(t, "```sh", "cd example && ")
		quick = strings.TrimSpace(quick)
		if strings.Contains(quick, "\n") {
			t.Fatalf("the quick start is more than one command:\n%s", quick)
		}
		r := run(t, root, env, "sh", "-c", quick)
		if r.exitCode != 3 {
			t.Errorf("%s: want exit code 3 (findings)\n%v", quick, r)
		}
		if got := shortFindings(root, r.stderr); !slices.Equal(got, want) {
			t.Errorf("%s:\n%s\nthe README shows:\n%s", quick, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})
}

// TestVersionFromClone builds redistlslint in a git clone of this
// repository's HEAD with VCS stamping on, as go install does in a user's
// clone by default, and checks that -version and -V=full name the revision.
func TestVersionFromClone(t *testing.T) {
	if testing.Short() {
		t.Skip("clones the repository and builds the binary")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	head := run(t, repoRoot(), nil, "git", "rev-parse", "HEAD")
	if head.exitCode != 0 {
		t.Skipf("not a git checkout: %v", head)
	}
	rev := strings.TrimSpace(head.stdout)[:12]
	clone := filepath.Join(t.TempDir(), "clone")
	if r := run(t, repoRoot(), nil, "git", "clone", "-q", repoRoot(), clone); r.exitCode != 0 {
		t.Fatalf("git clone: %v", r)
	}
	bin := filepath.Join(t.TempDir(), "redistlslint")
	if r := run(t, clone, []string{"GOWORK=off", "GOFLAGS=-buildvcs=true"}, "go", "build", "-o", bin, "./cmd/redistlslint"); r.exitCode != 0 {
		t.Fatalf("go build: %v", r)
	}
	r := run(t, clone, nil, bin, "-version")
	if r.exitCode != 0 || !strings.HasPrefix(r.stdout, "redistlslint ") || !strings.Contains(r.stdout, "revision "+rev) {
		t.Errorf("-version of a build from a clone at %s: want the revision\n%v", rev, r)
	}
	r = run(t, clone, nil, bin, "-V=full")
	if f := strings.Fields(r.stdout); r.exitCode != 0 || len(f) < 4 || f[0] != "redistlslint" || f[1] != "version" ||
		!strings.HasPrefix(f[len(f)-1], "buildID=") || !strings.Contains(r.stdout, rev) {
		t.Errorf("-V=full: want \"redistlslint version ... %s ... buildID=<hash>\", as go vet reads it\n%v", rev, r)
	}
}
