package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A -json stream as the driver writes it: a package and its test variant
// report the same finding; one package has an analyzer error.
const sampleJSON = `{
	"example.com/m/a": {"redistlslint": [
		{"posn": "/w/m@v1/a/a.go:10:5", "message": "Redis client without TLS: x", "category": "missing-tls"}
	]},
	"example.com/m/a [example.com/m/a.test]": {"redistlslint": [
		{"posn": "/w/m@v1/a/a.go:10:5", "message": "Redis client without TLS: x", "category": "missing-tls"},
		{"posn": "/w/m@v1/a/a_test.go:7:2", "message": "Redis TLS without certificate verification: y", "category": "insecure-skip-verify"}
	]}
}
{"example.com/m/b": {"redistlslint": {"error": "boom"}}}
`

func TestParseJSON(t *testing.T) {
	fs, err := parseJSON(strings.NewReader(sampleJSON), "example.com/m@v1", "/w/m@v1")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs {
		got = append(got, f.key())
	}
	want := []string{
		"example.com/m@v1 a/a.go:10 missing-tls",
		"example.com/m@v1 a/a_test.go:7 insecure-skip-verify",
		"example.com/m@v1 example.com/m/b:0 error",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestCompare(t *testing.T) {
	run := []moduleRun{{Module: "m@v1", Exit: 3, Findings: []finding{
		{Module: "m@v1", File: "a.go", Line: 10, Category: "missing-tls", Message: "same"},
		{Module: "m@v1", File: "a.go", Line: 20, Category: "weak-tls", Message: "changed"},
		{Module: "m@v1", File: "b_test.go", Line: 5, Category: "missing-tls", Message: "new"},
		{Module: "m@v1", File: "c.go", Line: 1, Category: "missing-tls", Message: "silenced"},
	}}}
	exp := []expectation{
		{finding{Module: "m@v1", File: "a.go", Line: 10, Category: "missing-tls"}, "TP", "r1"},
		{finding{Module: "m@v1", File: "a.go", Line: 20, Category: "insecure-skip-verify"}, "TP", "r2"},
		{finding{Module: "m@v1", File: "gone.go", Line: 3, Category: "missing-tls"}, "FP", "r3"},
		{finding{Module: "other@v2", File: "x.go", Line: 3, Category: "missing-tls"}, "TP", "r4"},
	}
	sil := []silence{{"m@v1", "c.go", 1, "TLS from config"}}
	r := compare(run, exp, sil)
	var b bytes.Buffer
	r.print(&b)
	out := b.String()
	for _, want := range []string{
		"NEW     m@v1 b_test.go:5 missing-tls: new",
		"NEW     m@v1 c.go:1 missing-tls: silenced",
		"MISSING m@v1 gone.go:3 missing-tls FP r3",
		"CHANGED m@v1 a.go:20 insecure-skip-verify -> m@v1 a.go:20 weak-tls: changed",
		"SILENT  m@v1 c.go:1 missing-tls (must stay silent: TLS from config): silenced",
		"ERROR   other@v2: expected findings, but the module was not run",
		"precision outside tests: 1/1 = 100% (TP 1, FP 0, unreviewed 0)",
	} {
		if !strings.Contains(out, want+"\n") {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if !r.differs() {
		t.Error("differs() = false")
	}
	if r := compare(run[:0], nil, nil); r.differs() {
		t.Error("empty run differs from empty expectations")
	}
}

func TestRunErrors(t *testing.T) {
	for _, tc := range []struct {
		m    moduleRun
		want string
	}{
		{moduleRun{Exit: 0}, ""},
		{moduleRun{Exit: 3}, ""},
		{moduleRun{Exit: 1, Stderr: "type errors"}, "exit status 1: type errors"},
		{moduleRun{Exit: 3, Stderr: "redistlslint: internal error on package p: x"}, "crashed"},
		{moduleRun{Exit: 2, Stderr: "panic: runtime error"}, "crashed"},
	} {
		if got := runError(tc.m); !strings.HasPrefix(got, tc.want) || (tc.want == "") != (got == "") {
			t.Errorf("runError(%+v) = %q, want prefix %q", tc.m, got, tc.want)
		}
	}
}

func TestReadExpectedAndDraft(t *testing.T) {
	dir := t.TempDir()
	exp := filepath.Join(dir, "expected.txt")
	os.WriteFile(exp, []byte("# comment\nm@v1 a.go:10 missing-tls TP Addr from env, no TLS\n"), 0o644)
	es, err := readExpected(exp)
	if err != nil || len(es) != 1 || es[0].Reason != "Addr from env, no TLS" || es[0].Line != 10 {
		t.Fatalf("readExpected = %+v, %v", es, err)
	}
	os.WriteFile(exp, []byte("m@v1 a.go missing-tls TP x\n"), 0o644)
	if _, err := readExpected(exp); err == nil || !strings.Contains(err.Error(), "expected.txt:1") {
		t.Errorf("bad line: err = %v, want one naming the line", err)
	}
	draft := filepath.Join(dir, "draft.txt")
	run := []moduleRun{{Module: "m@v1", Findings: []finding{
		{Module: "m@v1", File: "a.go", Line: 10, Category: "missing-tls", Message: "m1"},
		{Module: "m@v1", File: "b.go", Line: 2, Category: "weak-tls", Message: "m2"},
	}}}
	if err := writeDraft(draft, run, es[:1]); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(draft)
	if !strings.Contains(string(b), "m@v1 b.go:2 weak-tls ?? m2\n") {
		t.Errorf("draft lacks the new finding:\n%s", b)
	}
}
