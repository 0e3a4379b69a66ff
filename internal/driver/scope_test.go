package driver

import (
	"encoding/gob"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis/unitchecker"
	"golang.org/x/tools/go/packages"

	"github.com/redistlslint/redistlslint/analyzer"
)

// Known libraries (clients and the test servers the table describes) and
// the packages below them are never analysed for facts; only clients make
// a root consume facts.
func TestScopeKnownLibraries(t *testing.T) {
	for _, tc := range []struct {
		path          string
		known, client bool
	}{
		{"github.com/redis/go-redis/v9", true, true},
		{"github.com/redis/go-redis/v9/internal/pool", true, false},
		{"github.com/alicebob/miniredis/v2", true, false},
		{"github.com/alicebob/miniredis/v2/server", true, false},
		{"github.com/testcontainers/testcontainers-go/modules/redis", true, false},
		{"example.com/app/tlsutil", false, false},
		{"github.com/alicebob/miniredisx", false, false},
	} {
		if got := redisScope.inClientTree(tc.path); got != tc.known {
			t.Errorf("inClientTree(%q) = %v, want %v", tc.path, got, tc.known)
		}
		if got := redisScope.IsClient(tc.path); got != tc.client {
			t.Errorf("IsClient(%q) = %v, want %v", tc.path, got, tc.client)
		}
	}
}

// Under go vet a known library is skipped as a dependency, but checked
// when it is one of the packages go vet was asked about (vetting asynq
// itself reports what the standalone run reports).
func TestVetRelevantKnownLibrary(t *testing.T) {
	imports := map[string]string{"github.com/redis/go-redis/v9": "github.com/redis/go-redis/v9"}
	for _, tc := range []struct {
		path     string
		vetxOnly bool
		want     bool
	}{
		{"github.com/hibiken/asynq", true, false},
		{"github.com/hibiken/asynq", false, true},
		{"example.com/app", true, true},
		{"example.com/app", false, true},
	} {
		cfg := &unitchecker.Config{ImportPath: tc.path, ModulePath: "m", VetxOnly: tc.vetxOnly, ImportMap: imports}
		if got := redisScope.vetRelevant(cfg); got != tc.want {
			t.Errorf("vetRelevant(%s, VetxOnly=%v) = %v, want %v", tc.path, tc.vetxOnly, got, tc.want)
		}
	}
}

// A dependency that imports a client is analysed for facts (its function
// summaries), also for a root that imports no client itself; the client
// is not, and neither is a package importing neither a client nor
// crypto/tls.
func TestFactDepsClientUsers(t *testing.T) {
	mod := &packages.Module{Path: "example.com/m"}
	pkg := func(path string, imports ...*packages.Package) *packages.Package {
		p := &packages.Package{PkgPath: path, Module: mod, Imports: map[string]*packages.Package{}}
		for _, imp := range imports {
			p.Imports[imp.PkgPath] = imp
		}
		return p
	}
	tlsPkg := &packages.Package{PkgPath: "crypto/tls", Imports: map[string]*packages.Package{}}
	client := pkg("example.com/m/client", tlsPkg)
	wrapper := pkg("example.com/m/wrapper", client)
	plain := pkg("example.com/m/plain")
	user := pkg("example.com/m/user", wrapper, plain)
	direct := pkg("example.com/m/direct", client, wrapper)
	scope := Scope{IsClient: func(path string) bool { return path == "example.com/m/client" }, FactImports: []string{"crypto/tls"}}

	ids := func(ps []*packages.Package) []string {
		var out []string
		for _, p := range ps {
			out = append(out, p.PkgPath)
		}
		return out
	}
	if got := ids(scope.factDeps([]*packages.Package{user})); len(got) != 0 {
		t.Errorf("without ClientUsersExport: fact deps %v, want none", got)
	}
	scope.ClientUsersExport = true
	for _, root := range []*packages.Package{user, direct} {
		if got := ids(scope.factDeps([]*packages.Package{root})); !slices.Equal(got, []string{"example.com/m/wrapper"}) {
			t.Errorf("root %s: fact deps %v, want [example.com/m/wrapper]", root.PkgPath, got)
		}
	}
}

// Under go vet a package that imports no client is checked when one of
// its imports' facts files carries the package fact that marks function
// summaries and its source mentions a summarized function (qualified by
// the import's name) or method.
func TestVetRelevantConsumedFact(t *testing.T) {
	gob.Register(new(analyzer.SummarizedFuncs))
	dir := t.TempDir()
	with, without := filepath.Join(dir, "with.vetx"), filepath.Join(dir, "without.vetx")
	fact := &analyzer.SummarizedFuncs{Package: "wrapper", Funcs: []string{"New"}, Methods: []string{"Dial"}}
	if err := writeVetx(with, []vetxFact{{Pkg: "example.com/wrapper", Fact: fact}}); err != nil {
		t.Fatal(err)
	}
	if err := writeVetx(without, nil); err != nil {
		t.Fatal(err)
	}
	const imp = "package user\n\nimport %s \"example.com/wrapper\"\n\n"
	files := map[string]string{
		"calls.go":   fmt.Sprintf(imp, "") + "var c = wrapper.New(\"x\")\n",
		"renamed.go": fmt.Sprintf(imp, "w") + "var c = w.New(\"x\")\n",
		"dot.go":     fmt.Sprintf(imp, ".") + "var c = New(\"x\")\n",
		"method.go":  fmt.Sprintf(imp, "") + "var c = wrapper.Config{}.Dial()\n",
		"other.go":   fmt.Sprintf(imp, "") + "var c = wrapper.NewConfig(errors.New(\"x\")) // wrapper.Newer, x.Dialer\n",
		"unused.go":  fmt.Sprintf(imp, "_") + "var c = New(\"x\")\n",
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		vetx, file string
		want       bool
	}{
		{with, "calls.go", true}, {with, "renamed.go", true}, {with, "dot.go", true}, {with, "method.go", true},
		{with, "other.go", false}, {with, "unused.go", false}, {without, "calls.go", false},
	} {
		cfg := &unitchecker.Config{ImportPath: "example.com/user", ModulePath: "example.com", VetxOnly: true,
			GoFiles:     []string{filepath.Join(dir, tc.file)},
			ImportMap:   map[string]string{"example.com/wrapper": "example.com/wrapper"},
			PackageVetx: map[string]string{"example.com/wrapper": tc.vetx}}
		if got := redisScope.vetRelevant(cfg); got != tc.want {
			t.Errorf("vetRelevant with %s on %s = %v, want %v", filepath.Base(tc.vetx), tc.file, got, tc.want)
		}
	}
}
