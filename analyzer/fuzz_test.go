package analyzer

// Fuzz targets for the parts of redistlslint that read user data: the
// -plaintext-hosts allow-list, Redis addresses, and (in fuzz_source_test.go)
// whole Go files. Seed corpora live in testdata/fuzz/<FuzzName>/; CI runs each
// target briefly (.ci/run).

import (
	"bytes"
	"fmt"
	"github.com/redistlslint/redistlslint/internal/clients"
	"go/ast"
	"go/format"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
)

// FuzzParseHostPattern checks that any allow-list entry either parses or
// gives an error that names the entry and the accepted forms, and that a
// parsed pattern round-trips and matches what it names.
func FuzzParseHostPattern(f *testing.F) {
	for _, s := range []string{
		"redis.internal", "*.svc.cluster.local", "10.0.0.0/8", "10.1.2.3",
		"::1", "[::1]", "fe80::/10", "::ffff:10.0.0.1", "redis:6379",
		"redis://x", "*.", "*", "", " ", "a..b", "UPPER.Example", "10.0.0.1/33",
		strings.Repeat("a", 64) + ".com", "_srv.local", "x/y", "1.2.3.4/0",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParseHostPattern(s)
		if err != nil {
			msg := err.Error()
			if !strings.Contains(msg, "invalid plaintext host") || !strings.Contains(msg, "want a host name") {
				t.Fatalf("ParseHostPattern(%q): error without the accepted forms: %v", s, err)
			}
			if strings.Contains(msg, "\n") {
				t.Fatalf("ParseHostPattern(%q): error is not one line: %q", s, msg)
			}
			return
		}
		if p.String() != s {
			t.Fatalf("ParseHostPattern(%q).String() = %q", s, p.String())
		}
		kinds := 0
		if p.name != "" {
			kinds++
		}
		if p.suffix != "" {
			kinds++
		}
		if p.prefix.IsValid() {
			kinds++
		}
		if kinds != 1 {
			t.Fatalf("ParseHostPattern(%q) = %+v: want exactly one of name, suffix, prefix", s, p)
		}
		// Parsing the printed form gives the same pattern.
		q, err := ParseHostPattern(p.String())
		if err != nil || q != p {
			t.Fatalf("reparse of %q: %+v, %v; want %+v", s, q, err, p)
		}
		switch {
		case p.name != "":
			if !p.match(s) || !p.match(strings.ToUpper(s)) || !p.match(s+".") {
				t.Fatalf("name pattern %q does not match itself", s)
			}
		case p.suffix != "":
			if !p.match("x"+p.suffix) || p.match(p.suffix[1:]) {
				t.Fatalf("wildcard %q: match(x%s)=%v match(%s)=%v", s, p.suffix, p.match("x"+p.suffix), p.suffix[1:], p.match(p.suffix[1:]))
			}
		case p.prefix.IsValid():
			if !p.match(p.prefix.Addr().String()) {
				t.Fatalf("IP/CIDR pattern %q does not match its own address %s", s, p.prefix.Addr())
			}
		}
	})
}

// FuzzParseHostPatterns checks the comma-separated flag value: it parses
// or fails with one line, and never yields a pattern for a blank entry.
func FuzzParseHostPatterns(f *testing.F) {
	f.Add("redis.internal,*.svc.cluster.local,10.0.0.0/8")
	f.Add(" a , ,b ")
	f.Add(",,,")
	f.Add("redis:6379,ok.example")
	f.Fuzz(func(t *testing.T, v string) {
		var c Config
		err := hostList{&c}.Set(v)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("Set(%q): error is not one line: %q", v, err)
			}
			if len(c.PlaintextHosts) != 0 {
				t.Fatalf("Set(%q) failed but kept %d patterns", v, len(c.PlaintextHosts))
			}
			return
		}
		n := 0
		for _, e := range strings.Split(v, ",") {
			if strings.TrimSpace(e) != "" {
				n++
			}
		}
		if len(c.PlaintextHosts) != n {
			t.Fatalf("Set(%q) = %d patterns, want %d", v, len(c.PlaintextHosts), n)
		}
	})
}

// FuzzPlaintextOK checks address classification: splitHost never fails,
// loopback hosts are always accepted, an allow-listed name is accepted on
// any port, and an empty allow-list accepts only loopback hosts.
func FuzzPlaintextOK(f *testing.F) {
	for _, s := range [][2]string{
		{"localhost:6379", ""},
		{"127.0.0.1:6379", ""},
		{"[::1]:6379", ""},
		{"[::ffff:127.0.0.1]:6379", ""},
		{"0.0.0.0:6379", ""},
		{"redis.internal:6379", "redis.internal"},
		{"cache.svc.cluster.local:6379", "*.svc.cluster.local"},
		{"10.2.3.4:6379", "10.0.0.0/8"},
		{"[fe80::1%eth0]:6379", "fe80::/10"},
		{"my.redis.cache.windows.net:6380", ""},
		{":6379", ""},
		{"", ""},
		{"/var/run/redis.sock", ""},
		{"[", "x"},
		{"localhost.", ""},
		{"a.localhost:1", ""},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, addr, allow string) {
		host := splitHost(addr)
		if len(host) > len(strings.TrimSpace(addr)) {
			t.Fatalf("splitHost(%q) = %q: longer than the address", addr, host)
		}
		loop := isLoopbackHost(host)
		if loop {
			if ip, err := netip.ParseAddr(host); err == nil && !ip.Unmap().IsLoopback() && !ip.Unmap().IsUnspecified() {
				t.Fatalf("isLoopbackHost(%q) = true for a non-loopback IP", host)
			}
		}
		var empty Config
		if got := empty.plaintextOK(addr); got != loop {
			t.Fatalf("plaintextOK(%q) with no allow-list = %v, want isLoopbackHost = %v", addr, got, loop)
		}
		pats, err := ParseHostPatterns(strings.Split(allow, ","))
		if err != nil {
			return
		}
		c := Config{PlaintextHosts: pats}
		ok := c.plaintextOK(addr)
		if loop && !ok {
			t.Fatalf("plaintextOK(%q) = false for a loopback host", addr)
		}
		// An allow-listed name is accepted with any port.
		for _, p := range pats {
			if p.name != "" && utf8.ValidString(p.name) {
				if !c.plaintextOK(p.name+":6379") || !c.plaintextOK(p.name) {
					t.Fatalf("allow-listed %q not accepted", p.name)
				}
			}
		}
	})
}

// FuzzParseRedisURL checks URL handling on arbitrary strings: no panic,
// schemes lower-cased, and a password never shown by redactURL.
func FuzzParseRedisURL(f *testing.F) {
	for _, s := range []string{
		"redis://localhost:6379/0", "rediss://user:secret@cache.example.com:6380/1",
		"rediss://h:6380?skip_verify=true", "redis://h1:1?addr=h2:2&addr=h3:3",
		"redis-sentinel://s1:26379,s2:26379/mymaster", "unix:///tmp/redis.sock",
		"valkeys://h", "REDISS://H", "redis://[::1]:6379", "redis://:pw@/0",
		"redis-socket:///run/redis.sock", "redis:opaque", "://", "", "%zz",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u, ok := clients.ParseURL(s)
		if ok && u.Scheme != strings.ToLower(u.Scheme) {
			t.Fatalf("clients.ParseURL(%q): scheme %q not lower case", s, u.Scheme)
		}
		r := redactURL(s)
		pu, err := url.Parse(s)
		if err != nil || pu.User == nil {
			if r != s {
				t.Fatalf("redactURL(%q) = %q: changed a URL without credentials", s, r)
			}
			return
		}
		if pw, has := pu.User.Password(); has {
			ru, err := url.Parse(r)
			if err != nil {
				t.Fatalf("redactURL(%q) = %q: not a URL: %v", s, r, err)
			}
			if got, _ := ru.User.Password(); got != "xxxxx" && pw != "xxxxx" {
				t.Fatalf("redactURL(%q) = %q: password shown", s, r)
			}
		}
	})
}

// FuzzDropQueryParam checks the skip_verify fix on URL literals: the
// result is a Go string literal whose query no longer has the parameter.
func FuzzDropQueryParam(f *testing.F) {
	for _, s := range []string{
		`"rediss://h:6380/0?skip_verify=true"`, "`rediss://h?a=1&skip_verify=1&b=2#frag`",
		`"rediss://h?skip_verify"`, `"rediss://h"`, `"?skip_verify=true&skip_verify=1"`,
		"`x?skip_verify=`", `"\x60?skip_verify=1"`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, quoted string) {
		out, ok := dropQueryParam(quoted, "skip_verify")
		if !ok {
			return
		}
		s, err := strconv.Unquote(out)
		if err != nil {
			t.Fatalf("dropQueryParam(%s) = %s: not a Go string literal: %v", quoted, out, err)
		}
		if _, q, found := strings.Cut(s, "?"); found {
			q, _, _ = strings.Cut(q, "#")
			for _, kv := range strings.Split(q, "&") {
				if k, _, _ := strings.Cut(kv, "="); k == "skip_verify" {
					t.Fatalf("dropQueryParam(%s) = %s: parameter still there", quoted, out)
				}
			}
		}
	})
}

// FuzzParseIgnoreDirective checks directive parsing: only text starting
// with the directive word is a directive, and the reason is what follows,
// trimmed.
func FuzzParseIgnoreDirective(f *testing.F) {
	for _, s := range []string{
		"redistlslint:ignore Heroku presents a self-signed certificate",
		"redistlslint:ignore", "redistlslint:ignore   ", "redistlslint:ignored x",
		"redistlslint:ignore\treason", " redistlslint:ignore x", "nolint:redistlslint",
		"redistlslint:ignore\nx", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		reason, ok := parseIgnoreDirective(text)
		if !ok {
			if reason != "" {
				t.Fatalf("parseIgnoreDirective(%q) = %q, false: reason without a directive", text, reason)
			}
			return
		}
		if !strings.HasPrefix(text, "redistlslint:ignore") {
			t.Fatalf("parseIgnoreDirective(%q) accepted text without the directive", text)
		}
		if reason != strings.TrimSpace(reason) || !strings.Contains(text, reason) {
			t.Fatalf("parseIgnoreDirective(%q) = %q: not the trimmed rest", text, reason)
		}
	})
}

// The analyzer on arbitrary Go source. A small driver type-checks one file
// against the standard library (export data) and the client stubs in
// ../testdata/src (from source), runs the analyzer like go vet would (only
// on well-typed code, unless the analyzer asks otherwise), and checks the
// findings: positions inside the file, fixes that apply cleanly, keep the
// code well-typed and gofmt-clean, and leave nothing to fix when applied.

// fuzzImporter imports the client stubs from source and everything else
// from export data. It is shared by the iterations of one fuzz process.
type fuzzImporter struct {
	mu   sync.Mutex
	fset *token.FileSet
	root string // GOPATH-style root: root/src/<import path>
	std  types.Importer
	pkgs map[string]*types.Package
}

var (
	fuzzImp     *fuzzImporter
	fuzzImpOnce sync.Once
)

func sharedFuzzImporter() *fuzzImporter {
	fuzzImpOnce.Do(func() {
		fset := token.NewFileSet()
		fuzzImp = &fuzzImporter{
			fset: fset,
			root: filepath.Join("..", "testdata"),
			std:  importer.ForCompiler(fset, "gc", nil),
			pkgs: map[string]*types.Package{},
		}
	})
	return fuzzImp
}

func (im *fuzzImporter) Import(path string) (*types.Package, error) {
	if p, ok := im.pkgs[path]; ok {
		return p, nil
	}
	dir := filepath.Join(im.root, "src", filepath.FromSlash(path))
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	var syntax []*ast.File
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(im.fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		syntax = append(syntax, f)
	}
	if len(syntax) == 0 {
		p, err := im.std.Import(path)
		if err == nil {
			im.pkgs[path] = p
		}
		return p, err
	}
	conf := types.Config{Importer: im}
	p, err := conf.Check(path, im.fset, syntax, nil)
	if err != nil {
		return nil, fmt.Errorf("stub %s: %v", path, err)
	}
	im.pkgs[path] = p
	return p, nil
}

// fuzzResult is one analyzer run on one file.
type fuzzResult struct {
	typed bool // the file type-checked without errors
	diags []analysis.Diagnostic
	tf    *token.File
}

// analyzeSource runs a on src as the only file of package "fuzz". It fails
// t when the analyzer panics (the fuzzer reports that itself), returns an
// error, or reports outside the file.
func analyzeSource(t *testing.T, a *analysis.Analyzer, src []byte) fuzzResult {
	t.Helper()
	im := sharedFuzzImporter()
	im.mu.Lock()
	defer im.mu.Unlock()
	const name = "fuzz.go"
	f, err := parser.ParseFile(im.fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return fuzzResult{}
	}
	info := &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		Scopes:       map[ast.Node]*types.Scope{},
		Instances:    map[*ast.Ident]types.Instance{},
		FileVersions: map[*ast.File]string{},
	}
	var typeErrs []types.Error
	conf := types.Config{
		Importer: im,
		Error:    func(err error) { typeErrs = append(typeErrs, err.(types.Error)) },
	}
	pkg, _ := conf.Check("fuzz", im.fset, []*ast.File{f}, info)
	res := fuzzResult{typed: len(typeErrs) == 0, tf: im.fset.File(f.FileStart)}
	if !res.typed && !a.RunDespiteErrors {
		return res // drivers do not run analyzers on ill-typed packages
	}
	pass := &analysis.Pass{
		Analyzer:   a,
		Fset:       im.fset,
		Files:      []*ast.File{f},
		Pkg:        pkg,
		TypesInfo:  info,
		TypesSizes: types.SizesFor("gc", "amd64"),
		TypeErrors: typeErrs,
		ResultOf:   map[*analysis.Analyzer]any{},
		Report:     func(d analysis.Diagnostic) { res.diags = append(res.diags, d) },
		ReadFile: func(filename string) ([]byte, error) {
			if filename == name {
				return src, nil
			}
			return os.ReadFile(filename)
		},
		ImportObjectFact:  func(types.Object, analysis.Fact) bool { return false },
		ExportObjectFact:  func(types.Object, analysis.Fact) {},
		ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
		ExportPackageFact: func(analysis.Fact) {},
		AllObjectFacts:    func() []analysis.ObjectFact { return nil },
		AllPackageFacts:   func() []analysis.PackageFact { return nil },
	}
	if _, err := a.Run(pass); err != nil {
		t.Fatalf("analyzer returned an error: %v\n%s", err, src)
	}
	for _, d := range res.diags {
		if !inFile(res.tf, d.Pos) || d.End.IsValid() && (!inFile(res.tf, d.End) || d.End < d.Pos) {
			t.Fatalf("diagnostic %q at %d-%d outside the file\n%s", d.Message, d.Pos, d.End, src)
		}
		if d.Category == "" || d.Message == "" {
			t.Fatalf("diagnostic without category or message: %+v", d)
		}
	}
	return res
}

func inFile(tf *token.File, p token.Pos) bool {
	return p.IsValid() && int(p) >= tf.Base() && int(p) <= tf.Base()+tf.Size()
}

// applyFixes applies the first fix of every diagnostic; ok is false when
// edits fall outside the file or overlap.
func applyFixes(tf *token.File, src []byte, diags []analysis.Diagnostic) (out []byte, n int, err error) {
	type edit struct {
		start, end int
		text       []byte
	}
	var edits []edit
	for _, d := range diags {
		if len(d.SuggestedFixes) == 0 {
			continue
		}
		n++
		for _, e := range d.SuggestedFixes[0].TextEdits {
			end := e.End
			if !end.IsValid() {
				end = e.Pos
			}
			if !inFile(tf, e.Pos) || !inFile(tf, end) || end < e.Pos {
				return nil, 0, fmt.Errorf("%s: edit %d-%d outside the file", d.Message, e.Pos, end)
			}
			edits = append(edits, edit{tf.Offset(e.Pos), tf.Offset(end), e.NewText})
		}
	}
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	var buf bytes.Buffer
	last := 0
	for i, e := range edits {
		if i > 0 && e.start == edits[i-1].start && e.end == edits[i-1].end && bytes.Equal(e.text, edits[i-1].text) {
			continue // the same edit from two fixes (e.g. one import)
		}
		if e.start < last {
			return nil, 0, fmt.Errorf("overlapping edits at offset %d", e.start)
		}
		buf.Write(src[last:e.start])
		buf.Write(e.text)
		last = e.end
	}
	buf.Write(src[last:])
	return buf.Bytes(), n, nil
}

// checkSource is the property every fuzzed file must have.
func checkSource(t *testing.T, src []byte) {
	a := New(nil)
	r := analyzeSource(t, a, src)
	if !r.typed {
		return
	}
	fixed, n, err := applyFixes(r.tf, src, r.diags)
	if err != nil {
		t.Fatalf("fixes: %v\n%s", err, src)
	}
	if n == 0 {
		return
	}
	// Drivers (go vet -fix, gopls, analysistest) gofmt what they fix; the
	// edits must leave code that gofmt accepts.
	fixed, err = format.Source(fixed)
	if err != nil {
		t.Fatalf("fixed code does not parse: %v\n--- before\n%s", err, src)
	}
	r2 := analyzeSource(t, a, fixed)
	if !r2.typed {
		t.Fatalf("fixed code does not type-check:\n--- before\n%s\n--- after\n%s", src, fixed)
	}
	for _, d := range r2.diags {
		if len(d.SuggestedFixes) > 0 {
			t.Fatalf("after applying fixes, still a fix to apply at %s: %s\n--- before\n%s\n--- after\n%s",
				r2.tf.Position(d.Pos), d.Message, src, fixed)
		}
	}
}

// fuzzSeedFiles returns the analyzer's test packages as seeds: Go files of
// ../testdata/src except the client stubs and very large files.
func fuzzSeedFiles(f *testing.F) [][]byte {
	var seeds [][]byte
	root := filepath.Join("..", "testdata", "src")
	filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && (d.Name() == "github.com" || strings.Contains(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		if info, err := d.Info(); err != nil || info.Size() > 64<<10 {
			return nil
		}
		b, err := os.ReadFile(path)
		if err == nil {
			seeds = append(seeds, b)
		}
		return nil
	})
	return seeds
}

// FuzzAnalyzerSource runs the analyzer on mutated Go files, seeded with
// the analyzer's own test packages.
func FuzzAnalyzerSource(f *testing.F) {
	withInternalErrorsAsPanics(f, true)
	for _, s := range fuzzSeedFiles(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src []byte) { checkSource(t, src) })
}

// FuzzAnalyzerGenerated builds well-typed programs from a few shapes and
// fuzzed values (addresses, URLs, TLS settings), so that the fuzzer spends
// its time in the analyzer rather than in the parser. For a constant
// address given to go-redis without TLS, it also checks the verdict
// against the host classification.
func FuzzAnalyzerGenerated(f *testing.F) {
	withInternalErrorsAsPanics(f, true)
	f.Add(uint8(0), "cache.example.com:6379", "redis://cache.example.com:6379", false, uint16(0))
	f.Add(uint8(0), "localhost:6379", "rediss://h:6380?skip_verify=true", true, uint16(0x0301))
	f.Add(uint8(1), "[::1]:6379", "redis://:pw@10.0.0.1:6379/2", true, uint16(0x0303))
	f.Add(uint8(2), "/tmp/redis.sock", "valkeys://h?skip_verify", false, uint16(0x0302))
	f.Add(uint8(3), "10.0.0.1:6379", "unix:///tmp/redis.sock", true, uint16(0))
	f.Add(uint8(4), "", "redis-sentinel://s1,s2/m", false, uint16(0x0300))
	f.Add(uint8(5), "a\"b", "rediss://h", true, uint16(0x0304))
	f.Fuzz(func(t *testing.T, shape uint8, addr, rawURL string, skip bool, minVersion uint16) {
		src := generatedSource(shape, addr, rawURL, skip, minVersion)
		checkSource(t, src)
		if shape%8 != 0 {
			return
		}
		// Shape 0 is a plain go-redis client for a constant address.
		r := analyzeSource(t, New(nil), src)
		var missing bool
		for _, d := range r.diags {
			missing = missing || d.Category == CategoryMissingTLS
		}
		var cfg Config
		if want := !cfg.plaintextOK(addr) && !strings.HasPrefix(addr, "/"); missing != want && r.typed {
			t.Fatalf("Addr %q: missing-tls reported=%v, want %v\n%s", addr, missing, want, src)
		}
	})
}

// generatedSource writes one well-typed file of the given shape.
func generatedSource(shape uint8, addr, rawURL string, skip bool, minVersion uint16) []byte {
	q := strconv.Quote
	tlsLit := fmt.Sprintf("&tls.Config{InsecureSkipVerify: %v, MinVersion: %d}", skip, minVersion)
	var body string
	switch shape % 8 {
	case 0:
		body = fmt.Sprintf(`func f() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: %s})
}`, q(addr))
	case 1:
		body = fmt.Sprintf(`func f() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: %s, TLSConfig: %s})
}`, q(addr), tlsLit)
	case 2:
		body = fmt.Sprintf(`func tlsConfig() *tls.Config { return %s }

func f() *redis.ClusterClient {
	opt := &redis.ClusterOptions{Addrs: []string{%s, %s}}
	if %v {
		opt.TLSConfig = tlsConfig()
	}
	return redis.NewClusterClient(opt)
}`, tlsLit, q(addr), q(rawURL), skip)
	case 3:
		body = fmt.Sprintf(`func f() (*redis.Client, error) {
	opt, err := redis.ParseURL(%s)
	if err != nil {
		return nil, err
	}
	return redis.NewClient(opt), nil
}`, q(rawURL))
	case 4:
		body = fmt.Sprintf(`func f() *redis.Client {
	var opt redis.Options
	opt.Addr = %s
	opt.TLSConfig = %s
	opt.TLSConfig.InsecureSkipVerify = %v
	return redis.NewClient(&opt)
}`, q(addr), tlsLit, !skip)
	case 5:
		body = fmt.Sprintf(`type settings struct{ Redis *redis.Options }

func newSettings() settings {
	return settings{Redis: &redis.Options{Addr: %s, TLSConfig: %s}}
}

func f() *redis.Client { return redis.NewClient(newSettings().Redis) }`, q(addr), tlsLit)
	case 6:
		body = fmt.Sprintf(`func opts[T any](addr string, _ T) *redis.UniversalOptions {
	return &redis.UniversalOptions{Addrs: []string{addr}, TLSConfig: %s}
}

func f() redis.UniversalClient { return redis.NewUniversalClient(opts(%s, 0)) }`, tlsLit, q(addr))
	case 7:
		body = fmt.Sprintf(`func f() *redis.Client {
	//redistlslint:ignore %s
	return redis.NewClient(&redis.Options{Addr: %s})
}`, strings.Map(func(r rune) rune {
			if r == '\n' || r == '\r' {
				return ' '
			}
			return r
		}, rawURL), q(addr))
	}
	return []byte(`package fuzz

import (
	"crypto/tls"

	"github.com/redis/go-redis/v9"
)

var _ = tls.VersionTLS12

` + body + "\n")
}
