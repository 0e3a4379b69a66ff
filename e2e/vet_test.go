package e2e

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// vet runs go vet -vettool=redistlslint with args in dir.
func vet(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return run(t, dir, nil, "go", append([]string{"vet", "-vettool=" + binary}, args...)...)
}

// vetJSON runs go vet -json and returns its findings. go vet -json exits 0
// with findings and prints them on stdout (Go 1.26; stderr before).
func vetJSON(t *testing.T, dir string, args ...string) []diagnostic {
	t.Helper()
	args = append([]string{"-json"}, args...)
	r := vet(t, dir, append(args, "./...")...)
	if r.exitCode != 0 {
		t.Fatalf("go vet %s: %v", strings.Join(args, " "), r)
	}
	out := r.stdout
	if !strings.Contains(out, "{") {
		out = r.stderr
	}
	return parseVetJSON(t, dir, out)
}

func TestVet(t *testing.T) {
	needSampleModules(t)
	dir := sampleDir(t)
	diags := vetJSON(t, dir)
	checkFindings(t, dir, diags, sampleFindings)

	// Facts cross packages under go vet: the finding for a helper in
	// another package names the helper.
	if msg := messageAt(t, dir, diags, sampleFindings[caseHelper]); !strings.Contains(msg, "tlsutil.Insecure") {
		t.Errorf("finding for a helper's insecure config does not name tlsutil.Insecure: %q", msg)
	}
}

func TestVetText(t *testing.T) {
	needSampleModules(t)
	dir := sampleDir(t)
	r := vet(t, dir, "./...")
	if r.exitCode == 0 {
		t.Fatalf("go vet -vettool with findings exited 0, want non-zero\n%v", r)
	}
	for _, f := range resolve(t, dir, sampleFindings) {
		want := fmt.Sprintf("%s:%d:", f.File, f.Line)
		if !strings.Contains(r.stderr, want) {
			t.Errorf("go vet output does not report %v\n%s", f, r.stderr)
		}
	}
}

// TestVetMatchesStandalone checks that go vet and the standalone binary
// report the same findings.
func TestVetMatchesStandalone(t *testing.T) {
	needSampleModules(t)
	dir := sampleDir(t)
	r := run(t, dir, nil, binary, "-json", "./...")
	if r.exitCode != 0 {
		t.Fatalf("redistlslint -json ./...: %v", r)
	}
	checkFindings(t, dir, parseVetJSON(t, dir, r.stdout), sampleFindings)
}

func TestVetFlags(t *testing.T) {
	needSampleModules(t)
	dir := sampleDir(t)
	t.Run("plaintext-hosts", func(t *testing.T) {
		checkFindings(t, dir, vetJSON(t, dir, "-plaintext-hosts=redis.internal"), without(caseInternalHost))
	})
	t.Run("plaintext-hosts+skip-tests", func(t *testing.T) { // as in the README
		checkFindings(t, dir, vetJSON(t, dir, "-plaintext-hosts=redis.internal", "-skip-tests"), without(caseInternalHost, caseTestFile))
	})
}

func TestVetFix(t *testing.T) {
	needSampleModules(t)
	dir := copyTree(t, filepath.Join("testdata", "shop"))
	if r := vet(t, dir, "-fix", "./..."); strings.Contains(r.stderr, "conflict") {
		t.Fatalf("go vet -fix: %v", r)
	}

	cache := readFile(t, filepath.Join(dir, "store", "cache.go"))
	for _, want := range []string{
		`"crypto/tls"`,
		`redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}})`,
	} {
		if !strings.Contains(cache, want) {
			t.Errorf("after go vet -fix, store/cache.go lacks %s:\n%s", want, cache)
		}
	}
	// Removing a skip-verify for a host the code does not name may refuse
	// the server: it takes -fix-skip-verify. Both stay.
	if store := readFile(t, filepath.Join(dir, "store", "store.go")); strings.Count(store, "InsecureSkipVerify: true") != 2 {
		t.Errorf("after go vet -fix, store/store.go should keep both InsecureSkipVerify:\n%s", store)
	}
	if r := run(t, dir, nil, "go", "build", "./..."); r.exitCode != 0 {
		t.Fatalf("the fixed module does not build: %v", r)
	}
	// Everything with a fix is fixed; the skip-verify (its fix needs
	// -fix-skip-verify), the helper's finding (its fix would be in another
	// package) and the wrapper's (no fix: the wrapper decides how TLS is
	// configured) remain.
	checkFindings(t, dir, vetJSON(t, dir), []expect{sampleFindings[caseSkipVerify], sampleFindings[caseHelper], sampleFindings[caseWrapper]})

	// With -fix-skip-verify the unjustified skip-verify is gone, the
	// justified one stays.
	if r := vet(t, dir, "-fix", "-fix-skip-verify", "./..."); strings.Contains(r.stderr, "conflict") {
		t.Fatalf("go vet -fix -fix-skip-verify: %v", r)
	}
	if store := readFile(t, filepath.Join(dir, "store", "store.go")); strings.Count(store, "InsecureSkipVerify: true") != 1 ||
		!strings.Contains(store, "// Heroku Redis presents a self-signed certificate\n\t\tInsecureSkipVerify: true,") {
		t.Errorf("after go vet -fix -fix-skip-verify, store/store.go should keep only the justified InsecureSkipVerify:\n%s", store)
	}
	checkFindings(t, dir, vetJSON(t, dir), []expect{sampleFindings[caseHelper], sampleFindings[caseWrapper]})
}

func TestVetFixDiff(t *testing.T) {
	needSampleModules(t)
	dir := copyTree(t, filepath.Join("testdata", "shop"))
	before := readFile(t, filepath.Join(dir, "store", "cache.go"))
	r := vet(t, dir, "-fix", "-diff", "./...")
	for _, want := range []string{
		"+\t\"crypto/tls\"",
		"+\treturn redis.NewClient(&redis.Options{Addr: os.Getenv(\"REDIS_ADDR\"), TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}})",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("go vet -fix -diff does not show %q\n%v", want, r)
		}
	}
	if after := readFile(t, filepath.Join(dir, "store", "cache.go")); after != before {
		t.Errorf("go vet -fix -diff changed store/cache.go:\n%s", after)
	}
}
