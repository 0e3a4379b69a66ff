package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// herokuClient is code a commit adds: a client that skips verification,
// without and with the comment that justifies it.
const (
	herokuClient = `
// NewHerokuClient connects to Heroku Redis.
func NewHerokuClient() *redis.Client {
	return redis.NewClient(&redis.Options{
		Addr:      os.Getenv("REDIS_ADDR"),
		TLSConfig: &tls.Config{InsecureSkipVerify: true},
	})
}
`
	justification  = "\t\t// Heroku Redis presents a self-signed certificate\n"
	skipVerifyLine = "\t\tTLSConfig: &tls.Config{InsecureSkipVerify: true},\n"
)

// internalClient is a plaintext client to an internal host, which
// -plaintext-hosts=redis.internal accepts.
const internalClient = `package app

import "github.com/redis/go-redis/v9"

// NewInternalClient connects to the internal cache.
func NewInternalClient() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: "redis.internal:6379"})
}
`

// preCommit is what the pre-commit tests share: a hook repository (a
// committed copy of this repository's working tree, tagged v0.1.0), a
// project repository with the small module in testdata/precommit, and the
// environment to run pre-commit in. The hook repository and pre-commit's
// cache are shared by the tests, so the hooks are installed once (except
// by try-repo, which installs them afresh on each run).
type preCommit struct {
	hooks   string   // the hook repository
	project string   // the project repository
	env     []string // the environment for pre-commit and git
}

var (
	hooksOnce sync.Once
	hooksRepo string
	hooksErr  error
)

func newPreCommit(t *testing.T) *preCommit {
	t.Helper()
	if testing.Short() {
		t.Skip("skipping in -short mode: installing the hooks builds this module's commands")
	}
	lookTool(t, "pre-commit", "apt-get install pre-commit, or pip install pre-commit")
	lookTool(t, "git", "apt-get install git")
	needSampleModules(t)
	if r := run(t, filepath.Join("testdata", "precommit"), nil, "go", "mod", "download"); r.exitCode != 0 {
		unavailable(t, "cannot download the pre-commit sample's dependencies from the Go module proxy: %v", r)
	}

	modCache := run(t, ".", nil, "go", "env", "GOMODCACHE")
	pc := &preCommit{
		project: t.TempDir(),
		env: []string{
			// pre-commit's own cache, kept apart from the user's.
			"PRE_COMMIT_HOME=" + filepath.Join(scratch, "pre-commit"),
			// pre-commit points GOPATH at the hook's environment;
			// keep the module cache where it is, so that installing
			// the hook does not download every module again.
			"GOMODCACHE=" + strings.TrimSpace(modCache.stdout),
			"GOWORK=off",
			// No user or system git configuration (hooksPath,
			// templates, signing) and a fixed identity.
			"GIT_CONFIG_GLOBAL=" + os.DevNull,
			"GIT_CONFIG_NOSYSTEM=1",
			"GIT_AUTHOR_NAME=e2e", "GIT_AUTHOR_EMAIL=e2e@example.com",
			"GIT_COMMITTER_NAME=e2e", "GIT_COMMITTER_EMAIL=e2e@example.com",
		},
	}

	// pre-commit installs hooks from a commit, so commit the working
	// tree (uncommitted changes included) in a repository of its own.
	hooksOnce.Do(func() {
		hooksRepo = filepath.Join(scratch, "hooks")
		hooksErr = pc.makeHooksRepo(hooksRepo)
	})
	if hooksErr != nil {
		t.Fatal(hooksErr)
	}
	pc.hooks = hooksRepo

	for _, f := range []string{"go.mod", "go.sum", "app/app.go"} {
		if err := copyFile(filepath.Join("testdata", "precommit", f), filepath.Join(pc.project, f)); err != nil {
			t.Fatal(err)
		}
	}
	pc.git(t, pc.project, "init", "-q")
	pc.git(t, pc.project, "add", "-A")
	pc.git(t, pc.project, "commit", "-q", "-m", "app: Redis client with verified TLS")
	return pc
}

// makeHooksRepo commits this repository's files to a new repository at
// dir.
func (pc *preCommit) makeHooksRepo(dir string) error {
	root := repoRoot()
	files, err := sourceFiles(root)
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := copyFile(filepath.Join(root, f), filepath.Join(dir, f)); err != nil {
			return err
		}
	}
	for _, args := range [][]string{
		{"init", "-q"},
		{"add", "-A"},
		{"commit", "-q", "--no-verify", "-m", "redistlslint working tree"},
		{"tag", "v0.1.0"},
	} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), pc.env...)
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("making the hook repository: git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	return nil
}

// sourceFiles lists the files of the repository at root: tracked and
// untracked ones, without those git ignores (built binaries).
func sourceFiles(root string) ([]string, error) {
	cmd := exec.Command("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("listing the repository's files (git ls-files): %v", err)
	}
	var files []string
	for _, f := range strings.Split(string(out), "\x00") {
		if f == "" {
			continue
		}
		// Files deleted from the working tree are still listed.
		if _, err := os.Stat(filepath.Join(root, f)); err == nil {
			files = append(files, f)
		}
	}
	return files, nil
}

func (pc *preCommit) git(t *testing.T, dir string, args ...string) result {
	t.Helper()
	r := run(t, dir, pc.env, "git", args...)
	if r.exitCode != 0 {
		t.Fatalf("git %s: %v", strings.Join(args, " "), r)
	}
	return r
}

// stage writes a file of the project and stages it.
func (pc *preCommit) stage(t *testing.T, file, content string) {
	t.Helper()
	path := filepath.Join(pc.project, file)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, path, content)
	pc.git(t, pc.project, "add", file)
}

// tryRepo runs `pre-commit try-repo` with one hook on the staged files.
func (pc *preCommit) tryRepo(t *testing.T, hook string) result {
	t.Helper()
	return run(t, pc.project, pc.env, "pre-commit", "try-repo", pc.hooks, hook)
}

// withHerokuClient returns app/app.go with herokuClient added, justified
// or not.
func withHerokuClient(t *testing.T, justified bool) string {
	t.Helper()
	code := herokuClient
	if justified {
		code = strings.Replace(code, skipVerifyLine, justification+skipVerifyLine, 1)
	}
	return readFile(t, filepath.Join("testdata", "precommit", "app", "app.go")) + code
}

const skipVerifyMessage = "InsecureSkipVerify: true turns off Redis certificate checks"

// TestPreCommitTryRepo runs the hook redistlslint with try-repo on a
// change that adds an unjustified skip-verify, then on the justified
// change.
func TestPreCommitTryRepo(t *testing.T) {
	pc := newPreCommit(t)
	pc.stage(t, "app/app.go", withHerokuClient(t, false))
	r := pc.tryRepo(t, "redistlslint")
	if r.exitCode == 0 || !strings.Contains(r.stdout, skipVerifyMessage) {
		t.Errorf("pre-commit try-repo on an unjustified InsecureSkipVerify: want a failure reporting it\n%v", r)
	}
	pc.stage(t, "app/app.go", withHerokuClient(t, true))
	if r := pc.tryRepo(t, "redistlslint"); r.exitCode != 0 {
		t.Errorf("pre-commit try-repo on a justified InsecureSkipVerify: want success\n%v", r)
	}
}

// TestPreCommitHooks runs each hook (pre-commit run) on a change that adds
// an unjustified skip-verify, then on the justified change, and checks
// that redistlslint-pkg checks the staged files' packages only.
func TestPreCommitHooks(t *testing.T) {
	pc := newPreCommit(t)
	hooks := []string{"redistlslint", "redistlslint-vet", "redistlslint-pkg"}
	config := "repos:\n  - repo: " + pc.hooks + "\n    rev: v0.1.0\n    hooks:\n"
	for _, id := range hooks {
		config += "      - id: " + id + "\n"
	}
	writeFile(t, filepath.Join(pc.project, ".pre-commit-config.yaml"), config)
	pc.git(t, pc.project, "add", ".pre-commit-config.yaml")
	pc.git(t, pc.project, "commit", "-q", "--no-verify", "-m", "pre-commit configuration")

	for _, hook := range hooks {
		t.Run(hook, func(t *testing.T) {
			pc.stage(t, "app/app.go", withHerokuClient(t, false))
			r := pc.runHook(t, hook)
			if r.exitCode == 0 || !strings.Contains(r.stdout, skipVerifyMessage) {
				t.Errorf("pre-commit run %s on an unjustified InsecureSkipVerify: want a failure reporting it\n%v", hook, r)
			}
			pc.stage(t, "app/app.go", withHerokuClient(t, true))
			if r := pc.runHook(t, hook); r.exitCode != 0 {
				t.Errorf("pre-commit run %s on a justified InsecureSkipVerify: want success\n%v", hook, r)
			}
		})
	}

	t.Run("args", func(t *testing.T) {
		// Flags, passed as the README says, in a second configuration.
		argsConfig := "repos:\n  - repo: " + pc.hooks + "\n    rev: v0.1.0\n    hooks:\n"
		for _, id := range hooks[:2] {
			argsConfig += "      - id: " + id + "\n        args: [-plaintext-hosts=redis.internal, ./...]\n"
		}
		pc.stage(t, "args.yaml", argsConfig)
		pc.git(t, pc.project, "commit", "-q", "--no-verify", "-m", "pre-commit configuration with flags")

		pc.stage(t, "app/internal.go", internalClient)
		for _, hook := range hooks[:2] {
			if r := pc.runHook(t, hook); r.exitCode == 0 || !strings.Contains(r.stdout, "redis.internal:6379") {
				t.Errorf("pre-commit run %s on a plaintext client to redis.internal: want a failure reporting it\n%v", hook, r)
			}
			if r := pc.runHook(t, hook, "--config", "args.yaml"); r.exitCode != 0 {
				t.Errorf("pre-commit run %s with args [-plaintext-hosts=redis.internal, ./...]: want success\n%v", hook, r)
			}
		}
		pc.git(t, pc.project, "rm", "-q", "--cached", "app/internal.go")
		os.Remove(filepath.Join(pc.project, "app", "internal.go"))
	})

	t.Run("packages", func(t *testing.T) {
		// A finding committed earlier, in another package.
		pc.stage(t, "legacy/legacy.go", "package legacy\n\nimport (\n\t\"crypto/tls\"\n\t\"os\"\n\n\t\"github.com/redis/go-redis/v9\"\n)\n"+
			strings.Replace(herokuClient, "NewHerokuClient", "NewLegacyClient", -1))
		pc.git(t, pc.project, "commit", "-q", "--no-verify", "-m", "legacy")

		pc.stage(t, "app/app.go", withHerokuClient(t, true)+"\n// Touched.\n")
		if r := pc.runHook(t, "redistlslint-pkg"); r.exitCode != 0 {
			t.Errorf("redistlslint-pkg with only app staged: want success (legacy is not checked)\n%v", r)
		}
		if r := pc.runHook(t, "redistlslint"); r.exitCode == 0 || !strings.Contains(r.stdout, "legacy.go") {
			t.Errorf("redistlslint: want a failure reporting legacy/legacy.go\n%v", r)
		}
	})
}

// runHook runs one configured hook on the staged files.
func (pc *preCommit) runHook(t *testing.T, hook string, flags ...string) result {
	t.Helper()
	return run(t, pc.project, pc.env, "pre-commit", append(append([]string{"run"}, flags...), hook)...)
}

// TestPreCommitInstall follows the README's recipe: a
// .pre-commit-config.yaml naming the hook repository at v0.1.0, then
// `pre-commit install`. A commit adding an unjustified InsecureSkipVerify
// is refused; with the justification it goes through.
func TestPreCommitInstall(t *testing.T) {
	pc := newPreCommit(t)
	config := preCommitConfigRecipe(t)
	config = strings.Replace(config, "https://github.com/redistlslint/redistlslint", pc.hooks, 1)
	pc.stage(t, ".pre-commit-config.yaml", config)
	pc.git(t, pc.project, "commit", "-q", "--no-verify", "-m", "pre-commit configuration")
	if r := run(t, pc.project, pc.env, "pre-commit", "install"); r.exitCode != 0 {
		t.Fatalf("pre-commit install: %v", r)
	}

	pc.stage(t, "app/app.go", withHerokuClient(t, false))
	r := run(t, pc.project, pc.env, "git", "commit", "-m", "app: Heroku client")
	if r.exitCode == 0 || !strings.Contains(r.stdout+r.stderr, skipVerifyMessage) {
		t.Errorf("git commit of an unjustified InsecureSkipVerify: want it refused with the finding\n%v", r)
	}
	pc.stage(t, "app/app.go", withHerokuClient(t, true))
	if r := run(t, pc.project, pc.env, "git", "commit", "-m", "app: Heroku client"); r.exitCode != 0 {
		t.Errorf("git commit of a justified InsecureSkipVerify: want it accepted\n%v", r)
	}
}

// preCommitConfigRecipe returns the .pre-commit-config.yaml in the
// README's delivery section.
func preCommitConfigRecipe(t *testing.T) string {
	t.Helper()
	return readmeBlock(t, "```yaml", "# .pre-commit-config.yaml\n")
}

// TestPreCommitNewFindings runs the hook redistlslint-new on a project
// with a finding committed earlier: a commit that touches other lines
// passes, and one that adds a finding is refused, reporting only the new
// finding.
func TestPreCommitNewFindings(t *testing.T) {
	pc := newPreCommit(t)
	config := "repos:\n  - repo: " + pc.hooks + "\n    rev: v0.1.0\n    hooks:\n      - id: redistlslint-new\n"
	pc.stage(t, ".pre-commit-config.yaml", config)
	pc.stage(t, "legacy/legacy.go", "package legacy\n\nimport (\n\t\"crypto/tls\"\n\t\"os\"\n\n\t\"github.com/redis/go-redis/v9\"\n)\n"+
		strings.Replace(herokuClient, "NewHerokuClient", "NewLegacyClient", -1))
	pc.git(t, pc.project, "commit", "-q", "--no-verify", "-m", "legacy finding and pre-commit configuration")

	// An unrelated change: the old finding does not block it.
	pc.stage(t, "app/app.go", readFile(t, filepath.Join("testdata", "precommit", "app", "app.go"))+"\n// Touched.\n")
	if r := pc.runHook(t, "redistlslint-new"); r.exitCode != 0 {
		t.Errorf("redistlslint-new on an unrelated change: want success (the legacy finding is old)\n%v", r)
	}
	// A change that adds a finding.
	pc.stage(t, "app/app.go", withHerokuClient(t, false))
	r := pc.runHook(t, "redistlslint-new")
	if r.exitCode == 0 || !strings.Contains(r.stdout, skipVerifyMessage) || !strings.Contains(r.stdout, "app/app.go") || strings.Contains(r.stdout, "legacy.go") {
		t.Errorf("redistlslint-new on a new unjustified InsecureSkipVerify: want a failure reporting it, and not the legacy finding\n%v", r)
	}
}
