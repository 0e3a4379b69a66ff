package e2e

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

var (
	// scratch is a temporary directory for the whole test run.
	scratch string
	// binary is the redistlslint binary built by TestMain.
	binary string
)

func TestMain(m *testing.M) {
	os.Exit(runTests(m))
}

func runTests(m *testing.M) int {
	var err error
	scratch, err = os.MkdirTemp("", "redistlslint-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(scratch)
	binary = filepath.Join(scratch, "redistlslint")
	build := exec.Command("go", "build", "-o", binary, "./cmd/redistlslint")
	build.Dir = repoRoot()
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building redistlslint: %v\n%s", err, out)
		return 1
	}
	return m.Run()
}

// repoRoot is the root of this repository (the parent of e2e).
func repoRoot() string {
	wd, err := os.Getwd()
	if err != nil {
		panic(err)
	}
	return filepath.Dir(wd)
}

// unavailable fails the test under CI, where every tool must be present,
// and skips it elsewhere.
func unavailable(t *testing.T, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s (CI=true: the machine must provide it)", msg)
	}
	t.Skipf("skipping: %s", msg)
}

// lookTool returns the path of an installed tool, or fails/skips.
func lookTool(t *testing.T, name, install string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		unavailable(t, "%s is not installed (%s)", name, install)
	}
	return path
}

var (
	downloadOnce sync.Once
	downloadErr  error
)

// needSampleModules makes sure the modules the sample module requires are
// in the module cache; fetching them needs the Go module proxy.
func needSampleModules(t *testing.T) {
	t.Helper()
	downloadOnce.Do(func() {
		cmd := exec.Command("go", "mod", "download")
		cmd.Dir = filepath.Join("testdata", "shop")
		if out, err := cmd.CombinedOutput(); err != nil {
			downloadErr = fmt.Errorf("%v\n%s", err, out)
		}
	})
	if downloadErr != nil {
		unavailable(t, "cannot download the sample module's dependencies from the Go module proxy: %v", downloadErr)
	}
}

// sampleDir is the absolute path of the sample module testdata/shop, for
// runs that leave it unchanged.
func sampleDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("testdata", "shop"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// copyTree copies the directory src to a new temporary directory and
// returns it.
func copyTree(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		return copyFile(path, target)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	info, err := in.Stat()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, info.Mode().Perm())
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// result is a finished command.
type result struct {
	stdout, stderr string
	exitCode       int
}

// run runs a command in dir with extra environment variables and returns
// its output and exit code. Failing to start the command fails the test.
func run(t *testing.T, dir string, env []string, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return result{stdout.String(), stderr.String(), cmd.ProcessState.ExitCode()}
}

func (r result) String() string {
	return fmt.Sprintf("exit code %d\nstdout:\n%s\nstderr:\n%s", r.exitCode, r.stdout, r.stderr)
}

// A finding is a diagnostic reduced to what the tests compare: the file
// relative to the module root, the line, and the category.
type finding struct {
	File     string
	Line     int
	Category string
}

func (f finding) String() string { return fmt.Sprintf("%s:%d: %s", f.File, f.Line, f.Category) }

// expect describes an expected finding by a piece of text that occurs
// first on its line, so that editing the sample does not break the
// tests.
type expect struct {
	file, text, category string
}

// sampleFindings are the findings in testdata/shop with default settings:
// canonical cases 1, 2, 4 and 5, a test file, and a helper in another
// package (facts), and a call of the shop's own wrapper from a package
// that imports no client (function summaries). Case 3 (a justified skip-verify in store.NewHeroku) and
// tlsutil (no Redis client) have none.
var sampleFindings = []expect{
	{"store/cache.go", `redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})`, "missing-tls"},
	{"store/store.go", "InsecureSkipVerify: true", "insecure-skip-verify"},
	{"store/store.go", `"redis.internal:6379"`, "missing-tls"},
	{"store/store_test.go", `os.Getenv("TEST_REDIS_ADDR")`, "missing-tls"},
	{"queue/queue.go", "asynq.RedisClientOpt{", "missing-tls"},
	{"sessions/sessions.go", "tlsutil.Insecure()", "insecure-skip-verify"},
	{"web/web.go", `rediscache.New(rediscache.Config{Addr: "cache.example.com:6379"})`, "missing-tls"},
}

// Indexes into sampleFindings for the cases that settings or fixes change.
const (
	caseNoTLS        = 0
	caseSkipVerify   = 1
	caseInternalHost = 2
	caseTestFile     = 3
	caseHelper       = 5
	caseWrapper      = 6
)

// without returns sampleFindings without the given cases.
func without(cases ...int) []expect {
	var out []expect
	for i, e := range sampleFindings {
		if !slices.Contains(cases, i) {
			out = append(out, e)
		}
	}
	return out
}

// resolve turns expectations into findings, looking the lines up in the
// module at root.
func resolve(t *testing.T, root string, exps []expect) []finding {
	t.Helper()
	var out []finding
	for _, e := range exps {
		out = append(out, finding{e.file, lineOf(t, filepath.Join(root, e.file), e.text), e.category})
	}
	sortFindings(out)
	return out
}

// lineOf returns the number of the first line of file that contains text.
func lineOf(t *testing.T, file, text string) int {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(data), "\n") {
		if strings.Contains(line, text) {
			return i + 1
		}
	}
	t.Fatalf("%s has no line containing %q", file, text)
	return 0
}

func sortFindings(fs []finding) {
	slices.SortFunc(fs, func(a, b finding) int {
		return strings.Compare(fmt.Sprintf("%s:%06d:%s", a.File, a.Line, a.Category),
			fmt.Sprintf("%s:%06d:%s", b.File, b.Line, b.Category))
	})
}

// messagePatterns tell each category's messages apart, in order (the
// first that matches wins): golangci-lint's JSON does not carry the
// category.
var messagePatterns = []struct {
	category string
	re       *regexp.Regexp
}{
	{"bad-directive", regexp.MustCompile(`^redistlslint:ignore needs a reason`)},
	{"insecure-skip-verify", regexp.MustCompile(`turns off Redis certificate checks|\) skips verification; `)},
	{"weak-tls", regexp.MustCompile(`allows (only )?TLS below 1\.2`)},
	{"missing-tls", regexp.MustCompile(`has no \w+: |without |cannot use TLS|never uses TLS|uses \w+://`)},
}

// categoryOf returns the category a message reads as, "unknown" if none.
func categoryOf(msg string) string {
	for _, p := range messagePatterns {
		if p.re.MatchString(msg) {
			return p.category
		}
	}
	return "unknown"
}

// A diagnostic is one reported finding with its message.
type diagnostic struct {
	finding
	Message string
}

// parseVetJSON reads the JSON that go vet -json and redistlslint -json
// print: a stream of objects {package: {analyzer: [diagnostic...]}}, in go
// vet's case interleaved with "# package" lines. Positions are made
// relative to root. The test variant of a package repeats the package's
// findings; duplicates are dropped.
func parseVetJSON(t *testing.T, root, out string) []diagnostic {
	t.Helper()
	var lines []string
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "#") {
			lines = append(lines, line)
		}
	}
	dec := json.NewDecoder(strings.NewReader(strings.Join(lines, "\n")))
	seen := map[finding]bool{}
	var diags []diagnostic
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("parsing JSON output: %v\n%s", err, out)
		}
		for pkg, byAnalyzer := range tree {
			for name, raw := range byAnalyzer {
				var list []struct {
					Category, Posn, Message string
				}
				if err := json.Unmarshal(raw, &list); err != nil {
					t.Fatalf("%s: %s: not a list of diagnostics (an error?): %s", pkg, name, raw)
				}
				for _, d := range list {
					file, line := splitPosn(t, root, d.Posn)
					f := finding{file, line, d.Category}
					if !seen[f] {
						seen[f] = true
						diags = append(diags, diagnostic{f, d.Message})
					}
				}
			}
		}
	}
	return diags
}

var posnRE = regexp.MustCompile(`^(.*):(\d+):(\d+)$`)

// splitPosn splits "file:line:col" and makes file relative to root, with
// forward slashes.
func splitPosn(t *testing.T, root, posn string) (string, int) {
	t.Helper()
	m := posnRE.FindStringSubmatch(posn)
	if m == nil {
		t.Fatalf("bad position %q", posn)
	}
	line, _ := strconv.Atoi(m[2])
	return relPath(t, root, m[1]), line
}

// relPath makes file relative to root (both may name the same directory
// through symbolic links, as /tmp does on macOS).
func relPath(t *testing.T, root, file string) string {
	t.Helper()
	if !filepath.IsAbs(file) {
		return filepath.ToSlash(file)
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err == nil {
		realRoot, err = filepath.Abs(realRoot)
	}
	if err != nil {
		t.Fatal(err)
	}
	realFile, err := filepath.EvalSymlinks(file)
	if err != nil {
		realFile = file
	}
	rel, err := filepath.Rel(realRoot, realFile)
	if err != nil || strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(file)
	}
	return filepath.ToSlash(rel)
}

// checkFindings compares the reported findings with the expected ones and
// checks that each message reads as its category.
func checkFindings(t *testing.T, root string, got []diagnostic, want []expect) {
	t.Helper()
	var gotFindings []finding
	for _, d := range got {
		gotFindings = append(gotFindings, d.finding)
		if c := categoryOf(d.Message); c != d.Category {
			t.Errorf("%v: message %q reads as %s", d.finding, d.Message, c)
		}
		if len(d.Message) > 170 {
			t.Errorf("%v: message of %d characters: %q", d.finding, len(d.Message), d.Message)
		}
	}
	sortFindings(gotFindings)
	wantFindings := resolve(t, root, want)
	if !slices.Equal(gotFindings, wantFindings) {
		t.Errorf("findings differ\ngot:\n%s\nwant:\n%s", listFindings(gotFindings), listFindings(wantFindings))
	}
}

func listFindings(fs []finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "\t%v\n", f)
	}
	if len(fs) == 0 {
		b.WriteString("\t(none)\n")
	}
	return b.String()
}

// messageAt returns the message of the finding at the expected place.
func messageAt(t *testing.T, root string, diags []diagnostic, e expect) string {
	t.Helper()
	want := resolve(t, root, []expect{e})[0]
	for _, d := range diags {
		if d.finding == want {
			return d.Message
		}
	}
	return ""
}

// readFile returns a file's content as a string.
func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
