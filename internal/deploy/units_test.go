package deploy

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLocalHost(t *testing.T) {
	s := newScanner(".", nil, Options{PlaintextHost: func(h string) bool { return h == "allowed.acme.com" }})
	u := &unit{local: map[string]bool{"cache.corp.io": true}}
	for host, want := range map[string]bool{
		"": true, "localhost": true, "127.0.0.1": true, "::1": true, "[::1]": true, "0.0.0.0": true, "app.localhost": true,
		"host.docker.internal": true, "redis": true, "redis.cache": true, "redis.cache.svc": true,
		"redis-0.redis.cache.svc.cluster.local": true, "cache.corp.io": true, "allowed.acme.com": true,
		"example.com": false, "10.0.0.5": false, "my.abc.cache.amazonaws.com": false, "redis.acme.io": false,
		"redis.internal.acme.net": false, "192.168.1.10": false,
	} {
		if got := s.localHost(host, u); got != want {
			t.Errorf("localHost(%q) = %v, want %v", host, got, want)
		}
	}
}

func TestFinal(t *testing.T) {
	for v, want := range map[string]bool{
		"redis://a.b.com:1": true, "a.b.com:6379": true, "a.b.com:6379,c.d.com:6379": true,
		"redis://{{ .Values.host }}:6379": false, "redis://${HOST}:6379": false, "$(HOST):6379": false, "$HOST:6379": false,
		"redis://<your-host>:6379": false, "changeme:6379": false, "redis://xxx:6379": false, "redis.example.com:6379": false,
		"redis://your-redis-host:6379": false, "host:port": false, "": false, "not a url": false,
		"redis://:$(REDIS_PASSWORD)@a.b.com:6379": true, "redis://u:{{ .Values.pw }}@a.b.com:6379": true,
		"redis://:changeme@a.b.com:6379": true, "{{ .Values.scheme }}://a.b.com:6379": false,
	} {
		if _, got := final(value{s: v}); got != want {
			t.Errorf("final(%q) = %v, want %v", v, got, want)
		}
	}
}

func TestReason(t *testing.T) {
	for text, want := range map[string]bool{
		"plaintext inside the VPC":           true,
		"redistlslint:ignore local dev only": true,
		"TODO: switch to TLS":                false,
		"FIXME(bob) later":                   false,
		"XXX insecure":                       false,
		"HACK: quick":                        false,
		"BUG here":                           false,
		"prod":                               false,
		"REDIS_URL=redis://localhost:6379":   false,
		"- name: REDIS_URL":                  false,
		"":                                   false,
		"see ADR-12 for why":                 true,
		"12 34":                              false,
	} {
		if _, got := reason(text); got != want {
			t.Errorf("reason(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestLineComment(t *testing.T) {
	for line, want := range map[string]string{
		`value: "a # b" # why so`: "why so",
		`value: a#b`:              "",
		`# whole line`:            "whole line",
		`KEY='x # y'  # because`:  "because",
		`name: it's # fine here`:  "fine here",
	} {
		if got, _ := lineComment(line); got != want {
			t.Errorf("lineComment(%q) = %q, want %q", line, got, want)
		}
	}
}

func TestParseDotEnv(t *testing.T) {
	src := "# c\nexport A = 'x y' # c\nB=\"line1\nline2\"\nC: z #c\nbad line\nD=\n"
	got := parseDotEnv([]byte(src))
	want := []dotEnvLine{
		{key: "A", val: "x y", line: 2, col: 12, quote: '\''},
		{key: "B", val: "line1\nline2", line: 3, col: 3, quote: '"'},
		{key: "C", val: "z", line: 5, col: 4},
		{key: "D", val: "", line: 7, col: 3},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("entry %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestDocNames(t *testing.T) {
	for name, want := range map[string]bool{
		".env.example": true, ".env.sample": true, "app.env.template": true, ".env.dist": true,
		".env": false, ".env.production": false, "prod.env": false,
	} {
		if got := isDocName(name); got != want {
			t.Errorf("isDocName(%q) = %v", name, got)
		}
	}
}

// TestLimitsAndDirs: files over 1 MiB are not read; dirs limits the walk;
// nothing to read costs nothing.
func TestLimitsAndDirs(t *testing.T) {
	root := t.TempDir()
	pod := "kind: Pod\nspec:\n  containers:\n  - name: a\n    env:\n    - name: REDIS_URL\n      value: redis://a.b.cache.amazonaws.com:6379\n"
	write := func(rel, text string) {
		p := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("deploy/pod.yaml", pod)
	write("big/pod.yaml", pod+"# "+strings.Repeat("x", maxFileSize)+"\n")
	write("other/pod.yaml", pod)
	reads := []Read{goRedisURL("REDIS_URL")}
	got, errs := Scan(root, nil, reads, Options{})
	if len(got) != 2 || len(errs) != 0 {
		t.Fatalf("whole tree: %v %v", got, errs)
	}
	got, _ = Scan(root, []string{"deploy", filepath.Join(root, "deploy"), filepath.Join(root, "big")}, reads, Options{})
	if len(got) != 1 || got[0].File != filepath.Join(root, "deploy", "pod.yaml") || got[0].Line != 7 || got[0].Col != 14 {
		t.Fatalf("-deploy=deploy,big: %+v", got)
	}
	if _, errs := Scan(root, []string{"missing"}, reads, Options{}); len(errs) != 1 || !strings.Contains(errs[0].Error(), "missing: not a directory") {
		t.Fatalf("-deploy=missing: %v", errs)
	}
	if got, errs := Scan(root, nil, nil, Options{}); len(got) != 0 || len(errs) != 0 {
		t.Fatalf("no reads: %v %v", got, errs)
	}
}

// BenchmarkScan reads and judges every fixture repository.
func BenchmarkScan(b *testing.B) {
	for b.Loop() {
		for _, c := range cases {
			Scan(filepath.Join("testdata", c.dir), nil, c.reads, c.opts)
		}
	}
}

// BenchmarkScanNothing: a tree with no deployment files costs a walk.
func BenchmarkScanNothing(b *testing.B) {
	root := b.TempDir()
	for i := range 20 {
		d := filepath.Join(root, "pkg", string(rune('a'+i)))
		if err := os.MkdirAll(d, 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, "x.go"), []byte("package x\n"), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	reads := []Read{goRedisURL("REDIS_URL")}
	for b.Loop() {
		Scan(root, nil, reads, Options{})
	}
}
