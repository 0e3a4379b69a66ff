package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// A module is a pinned real-world module of the corpus.
type module struct {
	Path, Version string
	Clients       string // the Redis clients it uses
	Large         bool   // hundreds of packages: fewer runs, no cold runs unless -cold-all
	Cold          bool   // measure go vet with a cold build cache
	// Replace points a local replace directive of the module's go.mod
	// (old=new@version, as for go mod edit -replace) at the proxy: module
	// zips leave out nested modules, so "=> ./pkg/x" has nothing to find.
	Replace []string
}

// corpus lists modules that use go-redis, asynq or redigo, fetched through
// the module proxy. Versions are pinned so that results stay comparable.
// github.com/go-redsync/redsync/v4 v4.18.x was dropped: one of its
// dependencies (valkey-go/valkeycompat) is not served by the proxy.
var corpus = []module{
	{Path: "github.com/hibiken/asynq", Version: "v0.26.0", Clients: "go-redis v9", Cold: true},
	{Path: "github.com/hibiken/asynqmon", Version: "v0.7.2", Clients: "asynq, go-redis v9"},
	{Path: "github.com/go-redsync/redsync/v4", Version: "v4.13.0", Clients: "go-redis v6-v9, redigo, rueidis"},
	{Path: "github.com/throttled/throttled/v2", Version: "v2.15.0", Clients: "redigo, go-redis v6/v8/v9", Cold: true},
	{Path: "github.com/ulule/limiter/v3", Version: "v3.11.2", Clients: "go-redis v9"},
	{Path: "github.com/zeromicro/go-zero", Version: "v1.10.3", Clients: "go-redis v9", Large: true},
	// Hundreds of packages over a heavy dependency tree (Prometheus, the
	// cloud SDKs); go-redis v9 in its chunk cache. pkg/push is a nested
	// module: pinned to the version loki's go.mod requires.
	{Path: "github.com/grafana/loki/v3", Version: "v3.5.0", Clients: "go-redis v9", Large: true,
		Replace: []string{"github.com/grafana/loki/pkg/push=github.com/grafana/loki/pkg/push@v0.0.0-20240924133635-758364c7775f"}},
}

// smokeModule is the small module -smoke measures.
var smokeModule = corpus[1]

func (m module) String() string { return m.Path + "@" + m.Version }

// short is the module's name for the table.
func (m module) short() string {
	p := m.Path
	if i := strings.LastIndex(p, "/"); i >= 0 && strings.HasPrefix(p[i+1:], "v") && len(p[i+1:]) <= 3 {
		p = p[:i] // drop a /vN suffix
	}
	return p[strings.LastIndex(p, "/")+1:]
}

// buildCache is the benchmark's own build cache (set by run), so that
// nobody cleaning the user's cache changes what a run measures. go vet
// runs get their own caches (see warmCache and emptyCache).
var buildCache string

// goEnv is the environment for every command the benchmark runs: its own
// build cache, no workspace, and no toolchain switch behind our back.
// Later entries of extra override earlier ones.
func goEnv(extra ...string) []string {
	env := append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local")
	if buildCache != "" {
		env = append(env, "GOCACHE="+buildCache)
	}
	return append(env, extra...)
}

// goCmd runs a go command in dir and returns its combined output.
func goCmd(dir string, env []string, args ...string) ([]byte, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	if err != nil {
		return out, fmt.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, tail(out, 2000))
	}
	return out, nil
}

func tail(b []byte, n int) []byte {
	if len(b) > n {
		return b[len(b)-n:]
	}
	return b
}

func repoRoot() (string, error) {
	out, err := goCmd(".", goEnv(), "env", "GOMOD")
	if err != nil {
		return "", err
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		return "", fmt.Errorf("run the benchmark inside the redistlslint repository")
	}
	return filepath.Dir(gomod), nil
}

// fetch downloads m through the module proxy, copies it out of the
// read-only module cache into work/corpus, downloads its dependencies and
// checks that it builds. It returns the copy's directory.
func fetch(m module, work string) (string, error) {
	dir := filepath.Join(work, "corpus", strings.ReplaceAll(m.Path, "/", "_")+"@"+m.Version)
	ready := filepath.Join(dir, ".bench-ready")
	if _, err := os.Stat(ready); err == nil {
		return dir, nil
	}
	out, err := goCmd(work, goEnv("GOFLAGS=-mod=mod"), "mod", "download", "-json", m.String())
	if err != nil {
		return "", err
	}
	var info struct{ Dir, Error string }
	if err := json.Unmarshal(out, &info); err != nil {
		return "", fmt.Errorf("go mod download: %v", err)
	}
	if info.Error != "" {
		return "", fmt.Errorf("go mod download: %s", info.Error)
	}
	if err := os.RemoveAll(dir); err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return "", err
	}
	// The module cache is read-only; the copy must be writable.
	if out, err := exec.Command("cp", "-r", info.Dir, dir).CombinedOutput(); err != nil {
		return "", fmt.Errorf("cp: %v: %s", err, out)
	}
	if out, err := exec.Command("chmod", "-R", "u+w", dir).CombinedOutput(); err != nil {
		return "", fmt.Errorf("chmod: %v: %s", err, out)
	}
	for _, r := range m.Replace {
		if _, err := goCmd(dir, goEnv(), "mod", "edit", "-replace", r); err != nil {
			return "", err
		}
		// Naming the replaced module records its zip's sum in go.sum, which
		// a bare go mod download does not, and go build then needs.
		old, _, _ := strings.Cut(r, "=")
		old, _, _ = strings.Cut(old, "@")
		if _, err := goCmd(dir, goEnv("GOFLAGS=-mod=mod"), "mod", "download", old); err != nil {
			return "", err
		}
	}
	if _, err := goCmd(dir, goEnv(), "mod", "download"); err != nil {
		return "", err
	}
	if _, err := goCmd(dir, goEnv(), "build", "./..."); err != nil {
		return "", err
	}
	return dir, os.WriteFile(ready, nil, 0o644)
}

// countPackages returns the number of packages matched by ./... in dir.
func countPackages(dir string) int {
	out, err := goCmd(dir, goEnv(), "list", "./...")
	if err != nil {
		return 0
	}
	return len(bytes.Fields(out))
}

// tools are the binaries measured.
type tools struct {
	redistlslint, noop, gosec string
}

// buildTools builds redistlslint and the floor from the repository and
// installs gosec from the module proxy at gosecVersion.
func buildTools(root, work string) (tools, error) {
	bin := filepath.Join(work, "bin")
	t := tools{
		redistlslint: filepath.Join(bin, "redistlslint"),
		noop:         filepath.Join(bin, "noop"),
		gosec:        filepath.Join(bin, "gosec-"+gosecVersion, "gosec"),
	}
	if _, err := goCmd(root, goEnv(), "build", "-o", t.redistlslint, "./cmd/redistlslint"); err != nil {
		return t, err
	}
	if _, err := goCmd(root, goEnv(), "build", "-o", t.noop, "./bench/cmd/noop"); err != nil {
		return t, err
	}
	if _, err := os.Stat(t.gosec); err != nil {
		gobin := "GOBIN=" + filepath.Dir(t.gosec)
		if _, err := goCmd(work, goEnv(gobin, "GOFLAGS="), "install", "github.com/securego/gosec/v2/cmd/gosec@"+gosecVersion); err != nil {
			return t, err
		}
	}
	return t, nil
}
