package driver

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeFiles writes files (path relative to dir -> content).
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const prodFile = `//go:build prod

package tagged

import (
	"crypto/tls"

	"example.com/m/client"
)

func Prod() *client.Client {
	return client.New(&client.Options{TLS: &tls.Config{InsecureSkipVerify: true}})
}
`

func TestTags(t *testing.T) {
	dir := sampleModule(t)
	writeFiles(t, dir, map[string]string{
		"tagged/tagged.go": "package tagged\n",
		"tagged/prod.go":   prodFile,
	})
	if r := tool(t, dir, "./tagged"); r.code != 0 || r.stderr != "" {
		t.Errorf("without -tags: exit %d, want 0 and no output (prod.go is not built); stderr:\n%s", r.code, r.stderr)
	}
	want := "tagged/prod.go:12:53: InsecureSkipVerify: true (skip-verify)"
	r := tool(t, dir, "-tags=prod", "./tagged")
	if r.code != 3 || !strings.Contains(r.stderr, want) {
		t.Errorf("-tags=prod: exit %d, want 3 and %q; stderr:\n%s", r.code, want, r.stderr)
	}
	// -fix hands the tags to go vet.
	r = tool(t, dir, "-tags=prod", "-fix", "-diff", "./tagged")
	if !strings.Contains(r.stdout, "+\treturn client.New(&client.Options{TLS: &tls.Config{InsecureSkipVerify: false}})") {
		t.Errorf("-tags=prod -fix -diff: want the fix of prod.go, got (exit %d):\n%s\n%s", r.code, r.stdout, r.stderr)
	}
}

func TestTextOutputIsVetStyle(t *testing.T) {
	dir := sampleModule(t)
	r := tool(t, dir, "./app")
	for _, want := range []string{
		// The category ends the line; a position in another package,
		// given by import path in the message, is a relative file path.
		viaWrapper + " (verification off at helpers/helpers.go:8) (helper)\n",
		inline + " (skip-verify)\n",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("missing %q in output:\n%s", want, r.stderr)
		}
	}
	if strings.Contains(r.stderr, dir) || strings.Contains(r.stderr, "example.com/m/helpers/") {
		t.Errorf("output has absolute paths or import paths of files:\n%s", r.stderr)
	}
}

func TestLoadErrors(t *testing.T) {
	dir := sampleModule(t)
	writeFiles(t, dir, map[string]string{
		"syn/syn.go":      "package syn\n\nfunc f() {\n\tx := \n}\n",
		"syn/syn_test.go": "package syn\n",
		"typ/typ.go":      "package typ\n\nfunc f() int {\n\treturn \"s\"\n}\n",
		"typ/typ_test.go": "package typ\n",
		"ld/ld.go":        "package ld\n\nimport _ \"nosuchstd/pkg\"\n",
	})
	for _, test := range []struct {
		pkg   string
		want  []string
		lines int
	}{
		{"./syn", []string{"# example.com/m/syn", "syn/syn.go:5:1: expected operand, found '}'"}, 2},
		{"./typ", []string{"# example.com/m/typ", `typ/typ.go:4:9: cannot use "s" (untyped string constant) as int value in return statement`}, 2},
		{"./ld", []string{"ld/ld.go:3:8: package nosuchstd/pkg is not in std"}, 0},
	} {
		r := tool(t, dir, test.pkg)
		if r.code != 1 {
			t.Errorf("%s: exit %d, want 1", test.pkg, r.code)
		}
		lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
		for _, want := range test.want {
			if strings.Count(r.stderr, want) != 1 {
				t.Errorf("%s: want %q once in:\n%s", test.pkg, want, r.stderr)
			}
		}
		if test.lines > 0 && len(lines) != test.lines || len(lines) > 3 {
			t.Errorf("%s: %d lines, want %d (at most 3):\n%s", test.pkg, len(lines), test.lines, r.stderr)
		}
		if strings.Contains(r.stderr, "-: ") || strings.Contains(r.stderr, "analysis skipped") || strings.Contains(r.stderr, dir) {
			t.Errorf("%s: want go vet's form (no '-: ', no 'analysis skipped', relative paths):\n%s", test.pkg, r.stderr)
		}
	}
}

func TestShowAccepted(t *testing.T) {
	dir := sampleModule(t)
	want := "app/app.go:24:53: accepted skip-verify: the test server's certificate is self-signed (directive)"
	if r := tool(t, dir, "./app"); strings.Contains(r.stderr, "accepted") {
		t.Errorf("accepted findings listed without -show-accepted:\n%s", r.stderr)
	}
	r := tool(t, dir, "-show-accepted", "./app")
	if strings.Count(r.stderr, want) != 1 || r.code != 3 {
		t.Errorf("-show-accepted: exit %d, want 3 and %q once in:\n%s", r.code, want, r.stderr)
	}
}

func TestFlagValueErrors(t *testing.T) {
	dir := sampleModule(t)
	for _, test := range []struct{ flag, want string }{
		{"-debug=vxz", `unknown letters "xz"`},
		{"-c=-2", "want a number of lines, 0 or more"},
		{"-c=x", "want a number of lines"},
	} {
		r := tool(t, dir, test.flag, "./app")
		if r.code != 1 || !strings.Contains(r.stderr, test.want) || strings.Count(strings.TrimSpace(r.stderr), "\n") > 0 {
			t.Errorf("%s: exit %d, want 1 and one line with %q:\n%s", test.flag, r.code, test.want, r.stderr)
		}
	}
}

func TestFixSummary(t *testing.T) {
	dir := sampleModule(t)
	r := tool(t, dir, "-fix", "-diff", "./app")
	if !strings.Contains(r.stderr, "-diff: would fix 2 findings in 2 files; left 1: 1 with no safe automatic fix") {
		t.Errorf("-fix -diff: no summary:\n%s", r.stderr)
	}
	r = tool(t, dir, "-fix", "./app")
	for _, want := range []string{
		"app/app.go:20:53: fixed: verify the certificate (skip-verify)\n",
		"app/app_test.go:9:18: fixed: verify the certificate (skip-verify)\n",
		"fixed 2 findings in 2 files; left 1: 1 with no safe automatic fix\n",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("-fix: missing %q in:\n%s", want, r.stderr)
		}
	}
	// Nothing left to fix.
	r = tool(t, dir, "-fix", "./app")
	if !strings.Contains(r.stderr, "fixed 0 findings in 0 files; left 1") {
		t.Errorf("second -fix: want nothing fixed:\n%s", r.stderr)
	}
}

func TestFixCgoNote(t *testing.T) {
	if _, err := os.Stat("/usr/bin/gcc"); err != nil {
		t.Skip("no C compiler for cgo")
	}
	dir := sampleModule(t)
	writeFiles(t, dir, map[string]string{
		"cgoapp/cgoapp.go": `package cgoapp

// int one() { return 1; }
import "C"

import (
	"example.com/m/client"
	"example.com/m/wrap"
)

func New() *client.Client {
	_ = C.one()
	return client.New(&client.Options{TLS: wrap.Config()})
}
`,
	})
	r := tool(t, dir, "-fix", "-diff", "./cgoapp")
	for _, want := range []string{
		"-diff: would fix 0 findings in 0 files; left 1: 1 in cgo files",
		"note: 1 finding in files that use cgo (cgoapp/cgoapp.go) gets no automatic fix",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("-fix -diff on a cgo package: missing %q in:\n%s", want, r.stderr)
		}
	}
}

// gitRepo makes dir a git repository with everything committed.
func gitRepo(t *testing.T, dir string) {
	t.Helper()
	env := []string{"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_GLOBAL=/dev/null"}
	for _, args := range [][]string{{"init", "-q"}, {"add", "-A"}, {"commit", "-q", "-m", "initial"}} {
		if r := commandEnv(t, dir, env, "git", args...); r.code != 0 {
			t.Fatalf("git %v: %s", args, r.stderr)
		}
	}
}

const newInsecure = `
func Added() *client.Client {
	return client.New(&client.Options{TLS: &tls.Config{InsecureSkipVerify: true}})
}
`

func TestNewFromRev(t *testing.T) {
	dir := sampleModule(t)
	gitRepo(t, dir)
	appGo := filepath.Join(dir, "app", "app.go")
	data, _ := os.ReadFile(appGo)
	if err := os.WriteFile(appGo, append(data, newInsecure...), 0o644); err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{"app/untracked.go": `package app

import (
	"crypto/tls"

	"example.com/m/client"
)

func Untracked() *client.Client {
	return client.New(&client.Options{TLS: &tls.Config{InsecureSkipVerify: true}})
}
`})
	added := "app/app.go:28:53: InsecureSkipVerify: true (skip-verify)"
	untracked := "app/untracked.go:10:53: InsecureSkipVerify: true (skip-verify)"

	r := tool(t, dir, "-new-from-rev=HEAD", "./app")
	if r.code != 3 || !strings.Contains(r.stderr, added) || !strings.Contains(r.stderr, untracked) ||
		strings.Contains(r.stderr, inline) || strings.Contains(r.stderr, viaWrapper) {
		t.Errorf("-new-from-rev=HEAD: exit %d, want 3 and only the new findings:\n%s", r.code, r.stderr)
	}
	if r := tool(t, dir, "./app"); !strings.Contains(r.stderr, inline) {
		t.Errorf("without -new-from-rev: old findings missing:\n%s", r.stderr)
	}

	// -json
	r = tool(t, dir, "-new-from-rev=HEAD", "-json", "./app")
	var tree jsonTree
	if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil {
		t.Fatalf("-json: %v\n%s", err, r.stdout)
	}
	var posns []string
	for _, d := range tree["example.com/m/app"]["skipverify"] {
		posns = append(posns, d.Posn)
	}
	if len(posns) != 2 || !strings.HasSuffix(posns[0], "app.go:28:53") || !strings.HasSuffix(posns[1], "untracked.go:10:53") {
		t.Errorf("-new-from-rev -json: findings at %v, want app.go:28:53 and untracked.go:10:53", posns)
	}

	// -sarif
	r = tool(t, dir, "-new-from-rev=HEAD", "-sarif", "./app")
	var log struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("-sarif: %v\n%s", err, r.stdout)
	}
	if n := len(log.Runs[0].Results); n != 2 {
		t.Errorf("-new-from-rev -sarif: %d results, want 2 (the new ones)", n)
	}

	// go vet -vettool passes the flag to the tool. (Go 1.26's go vet
	// prints the tool's JSON itself: no category.)
	r = command(t, dir, "go", "vet", "-vettool="+os.Args[0], "-new-from-rev=HEAD", "./app")
	if r.code != 1 || !strings.Contains(r.stderr, "app.go:28:53: InsecureSkipVerify: true") || strings.Contains(r.stderr, "app.go:20:53") {
		t.Errorf("go vet -new-from-rev=HEAD: exit %d, want 1 and only the new findings:\n%s", r.code, r.stderr)
	}

	// go vet -fix cannot filter fixes: one error per package fixed, none
	// for the dependencies.
	r = command(t, dir, "go", "vet", "-vettool="+os.Args[0], "-new-from-rev=HEAD", "-fix", "./app")
	if n := strings.Count(r.stderr, "-new-from-rev cannot be used with -fix"); r.code == 0 || n == 0 || n > 2 {
		t.Errorf("go vet -fix -new-from-rev=HEAD: exit %d, want non-zero and the error once per package (not per dependency):\n%s", r.code, r.stderr)
	}

	// After a commit, nothing is new.
	gitRepo(t, dir)
	if r := tool(t, dir, "-new-from-rev=HEAD", "./app"); r.code != 0 || r.stderr != "" {
		t.Errorf("-new-from-rev=HEAD after commit: exit %d, want 0 and no output:\n%s", r.code, r.stderr)
	}
	if r := tool(t, dir, "-new-from-rev=HEAD~1", "./app"); r.code != 3 || !strings.Contains(r.stderr, added) || strings.Contains(r.stderr, inline) {
		t.Errorf("-new-from-rev=HEAD~1: exit %d, want the findings of the last commit:\n%s", r.code, r.stderr)
	}
	for _, args := range [][]string{{"-new-from-rev=nosuchrev", "./app"}, {"-new-from-rev=HEAD", "-fix", "./app"}} {
		if r := tool(t, dir, args...); r.code != 1 || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
			t.Errorf("%v: exit %d, want 1 and one line:\n%s", args, r.code, r.stderr)
		}
	}
}
