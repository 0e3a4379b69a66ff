package analyzer

// Robustness: the analyzer meets code it was not written for (type errors,
// cgo, generics, build tags, very large and generated files) and bad
// settings. It must never crash or stop the user's run, and it stays
// silent about what it does not understand.

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// robustTestdata is the GOPATH-style tree shared with the other tests.
func robustTestdata(t *testing.T) string {
	dir, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// recorder is an analysistest.Testing that keeps the errors instead of
// failing, for packages where some errors are expected.
type recorder struct{ errs []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// captureStderr runs f and returns what it wrote to os.Stderr, where the
// analyzer reports its internal errors.
func captureStderr(t *testing.T, f func()) string {
	t.Helper()
	tmp, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stderr
	os.Stderr = tmp
	defer func() { os.Stderr = old }()
	f()
	tmp.Seek(0, io.SeekStart)
	b, _ := io.ReadAll(tmp)
	tmp.Close()
	return string(b)
}

// withInternalErrorsAsPanics makes the analyzer panic on its own bugs, so
// that a test fails at the bug rather than on a silent run.
func withInternalErrorsAsPanics(t testing.TB, on bool) {
	old := panicOnInternalError
	panicOnInternalError = on
	t.Cleanup(func() { panicOnInternalError = old })
}

// knownIssues lists robust packages on which the analyzer is known to be
// wrong, with why. Their test logs the differences instead of failing;
// remove an entry once the analyzer is fixed (the test says so).
var knownIssues = map[string]string{}

// TestRobustPackages checks the findings (want comments) on cgo, generics,
// build tags, generated files and stressful code shapes, and that the
// analyzer reports no internal error on them.
func TestRobustPackages(t *testing.T) {
	strict := []string{"robust/generics", "robust/generated", "robust/shapes", "robust/builtins"}
	if runtime.GOOS == "linux" {
		strict = append(strict, "robust/buildtags") // its want comments assume linux
	}
	t.Run("strict", func(t *testing.T) {
		withInternalErrorsAsPanics(t, true)
		analysistest.Run(t, robustTestdata(t), New(nil), strict...) // one load for all
	})
	for _, pkg := range []string{"robust/pkgvar", "robust/cgo"} {
		t.Run(pkg, func(t *testing.T) {
			if pkg == "robust/cgo" {
				needCgo(t)
			}
			known, isKnown := knownIssues[pkg]
			if !isKnown {
				withInternalErrorsAsPanics(t, true)
				analysistest.Run(t, robustTestdata(t), New(nil), pkg)
				return
			}
			withInternalErrorsAsPanics(t, false)
			var rec recorder
			stderr := captureStderr(t, func() { analysistest.Run(&rec, robustTestdata(t), New(nil), pkg) })
			if len(rec.errs) == 0 && !strings.Contains(stderr, "internal error") {
				t.Logf("known issue fixed, remove it from knownIssues: %s", known)
				return
			}
			t.Logf("KNOWN ISSUE: %s", known)
			for _, e := range rec.errs {
				t.Logf("  %s", e)
			}
			if stderr != "" {
				t.Logf("  stderr: %s", strings.TrimSpace(stderr))
			}
		})
	}
}

func needCgo(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil || os.Getenv("CGO_ENABLED") == "0" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("cgo test needs gcc and CGO_ENABLED=1 (gcc: %v)", err)
		}
		t.Skip("cgo test needs gcc and CGO_ENABLED=1")
	}
}

// TestRobustTypeErrors checks a package that does not type-check. Drivers
// skip such packages unless the analyzer asks otherwise; forced to run (as
// gopls runs analyzers that set RunDespiteErrors), it must not crash or
// report an internal error.
func TestRobustTypeErrors(t *testing.T) {
	withInternalErrorsAsPanics(t, false)
	for _, force := range []bool{false, true} {
		t.Run(fmt.Sprintf("RunDespiteErrors=%v", force), func(t *testing.T) {
			a := New(nil)
			a.RunDespiteErrors = a.RunDespiteErrors || force
			var rec recorder
			stderr := captureStderr(t, func() {
				analysistest.Run(&rec, robustTestdata(t), a, "robust/typeerrors")
			})
			if strings.Contains(stderr, "internal error") || strings.Contains(stderr, "panic") {
				t.Errorf("analyzer failed on ill-typed code:\n%s", stderr)
			}
			for _, e := range rec.errs {
				switch {
				case strings.Contains(e, "analysis skipped due to errors"):
					// What every driver does with an ill-typed package.
				case force && strings.Contains(e, "unexpected diagnostic"):
					// Findings on ill-typed code are allowed, not required.
				default:
					t.Errorf("unexpected error: %s", e)
				}
			}
		})
	}
}

// TestRobustLargeFiles generates a very large hand-written file and a very
// large generated file in a temporary GOPATH and checks the findings in
// the first and silence in the second.
func TestRobustLargeFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("large files: skipped in -short mode")
	}
	withInternalErrorsAsPanics(t, true)
	dir := t.TempDir()
	copyTree(t, filepath.Join(robustTestdata(t), "src", "github.com", "redis"), filepath.Join(dir, "src", "github.com", "redis"))
	pkg := filepath.Join(dir, "src", "robust", "large")
	if err := os.MkdirAll(pkg, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name string, src []byte) {
		if err := os.WriteFile(filepath.Join(pkg, name), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("hand.go", largeSource(2000, false))
	write("gen.go", largeSource(10000, true))
	analysistest.Run(t, dir, New(nil), "robust/large")
}

// largeSource writes a file of n functions in four shapes (reported,
// local, TLS set, TLS through a helper), one giant composite literal and a
// long chain of assignments. Generated files carry the standard header and
// no want comments.
func largeSource(n int, generated bool) []byte {
	var b bytes.Buffer
	if generated {
		b.WriteString("// Code generated by robust_test.go. DO NOT EDIT.\n\n")
	}
	pkgFile := "hand"
	if generated {
		pkgFile = "gen"
	}
	fmt.Fprintf(&b, "package large\n\nimport (\n\t\"crypto/tls\"\n\t\"os\"\n\n\t\"github.com/redis/go-redis/v9\"\n)\n\n")
	want := " // want `has no TLSConfig`"
	if generated {
		want = ""
	}
	fmt.Fprintf(&b, "func %sTLS() *tls.Config { return &tls.Config{MinVersion: tls.VersionTLS12} }\n\n", pkgFile)
	for i := 0; i < n; i++ {
		switch i % 4 {
		case 0:
			fmt.Fprintf(&b, "func %s%d() *redis.Client {\n\treturn redis.NewClient(&redis.Options{Addr: os.Getenv(\"REDIS_ADDR_%d\")})%s\n}\n\n", pkgFile, i, i, want)
		case 1:
			fmt.Fprintf(&b, "func %s%d() *redis.Client {\n\treturn redis.NewClient(&redis.Options{Addr: \"localhost:%d\"})\n}\n\n", pkgFile, i, 1024+i)
		case 2:
			fmt.Fprintf(&b, "func %s%d() *redis.Client {\n\treturn redis.NewClient(&redis.Options{Addr: os.Getenv(\"R\"), TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}})\n}\n\n", pkgFile, i)
		case 3:
			fmt.Fprintf(&b, "func %s%d() *redis.Client {\n\to := &redis.Options{Addr: os.Getenv(\"R\")}\n\to.TLSConfig = %sTLS()\n\treturn redis.NewClient(o)\n}\n\n", pkgFile, i, pkgFile)
		}
	}
	// One giant literal: many option values that no client uses.
	fmt.Fprintf(&b, "var %sTable = []redis.Options{\n", pkgFile)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "\t{Addr: \"10.0.%d.%d:6379\", DB: %d},\n", i/256%256, i%256, i%16)
	}
	b.WriteString("}\n\n")
	// A long chain of variables ending in a client with TLS.
	fmt.Fprintf(&b, "func %sChain() *redis.Client {\n\to0 := &redis.Options{Addr: os.Getenv(\"R\"), TLSConfig: %sTLS()}\n", pkgFile, pkgFile)
	for i := 1; i < n/10; i++ {
		fmt.Fprintf(&b, "\to%d := o%d\n", i, i-1)
	}
	fmt.Fprintf(&b, "\treturn redis.NewClient(o%d)\n}\n", n/10-1)
	return b.Bytes()
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestBadFlags runs the built binary with bad flags: each gives one clear
// line on stderr, saying what is wrong (and for values, what is accepted),
// and a non-zero exit, before any package is loaded.
func TestBadFlags(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary: skipped in -short mode")
	}
	bin := filepath.Join(t.TempDir(), "redistlslint")
	build := exec.Command("go", "build", "-o", bin, "../cmd/redistlslint")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, tc := range []struct {
		args []string
		want []string // substrings of the one line
	}{
		{[]string{"-nosuchflag", "."}, []string{"-nosuchflag", "known flags:", "-plaintext-hosts", "-help"}},
		{[]string{"-plaintext-hosts=redis.internal:6379", "."}, []string{"redis.internal:6379", "without a port", "want a host name"}},
		{[]string{"-plaintext-hosts=*.", "."}, []string{`"*."`, "want a host name"}},
		{[]string{"-plaintext-hosts=10.0.0.0/33", "."}, []string{"10.0.0.0/33", "CIDR"}},
		{[]string{"-plaintext-hosts=redis://cache", "."}, []string{"redis://cache"}},
		{[]string{"-report-switches=maybe", "."}, []string{"maybe", "-report-switches", "want true or false"}},
		{[]string{"-skip-tests=2", "."}, []string{"-skip-tests", "want true or false"}},
		{[]string{"-c=x", "."}, []string{"-c", "want a number"}},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			cmd := exec.Command(bin, tc.args...)
			cmd.Dir = t.TempDir() // no package: the flags must fail first
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			code := cmd.ProcessState.ExitCode()
			if err == nil || code == 0 {
				t.Errorf("exit status %d, want non-zero", code)
			}
			lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
			if len(lines) != 1 || lines[0] == "" {
				t.Fatalf("want one line on stderr, got %d:\n%s", len(lines), stderr.String())
			}
			for _, w := range tc.want {
				if !strings.Contains(lines[0], w) {
					t.Errorf("message %q does not mention %q", lines[0], w)
				}
			}
			if stdout.Len() > 0 {
				t.Errorf("unexpected stdout: %s", stdout.String())
			}
		})
	}
}
