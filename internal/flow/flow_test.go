package flow_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/ast/edge"

	"github.com/redistlslint/redistlslint/internal/flow"
)

const src = `package p

type Opts struct {
	Addr string
	TLS  *int
}

func helper(a string) string { return a }

func pick(ok bool) string {
	if ok {
		return "one"
	}
	return "two"
}

func viaParam() string { return helper("param") }

func viaClosure() string {
	f := func() string { return "closure" }
	return f()
}

func viaVar() string {
	s := "first"
	t := s
	return t
}

func viaSlice() []string {
	xs := []string{"a"}
	xs = append(xs, "b")
	return xs
}

func onlyLit() Opts {
	o := Opts{Addr: "x"}
	return o
}

func changed() Opts {
	o := Opts{Addr: "x"}
	o.Addr = "y"
	return o
}

func zero() Opts {
	var o Opts
	return o
}

func nils() *int {
	var p *int
	return p
}

type G[T any] struct{ v T }

func (g *G[T]) Get() string { return "generic" }

func useGeneric() string {
	g := &G[int]{}
	return g.Get()
}

func new() string { return "mine" }

func shadowed() string { return new() }

func builtinNew() *int { return new_() }

func new_() *int { return nil }
`

func load(t *testing.T) (*flow.Index, *ast.File, *types.Package) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{},
		Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{},
		Implicits: map[ast.Node]types.Object{}, Scopes: map[ast.Node]*types.Scope{}, Instances: map[*ast.Ident]types.Instance{},
	}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	ix := flow.New(fset, []*ast.File{f}, pkg, info, func(types.Type) bool { return true })
	return ix, f, pkg
}

// result returns the expression function name returns.
func result(t *testing.T, f *ast.File, name string) ast.Expr {
	t.Helper()
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == name {
			for _, st := range fd.Body.List {
				if r, ok := st.(*ast.ReturnStmt); ok {
					return r.Results[0]
				}
			}
		}
	}
	t.Fatalf("no function %s", name)
	return nil
}

func texts(es []ast.Expr) []string {
	var out []string
	for _, e := range es {
		out = append(out, types.ExprString(e))
	}
	slices.Sort(out)
	return out
}

func TestLeaves(t *testing.T) {
	ix, f, _ := load(t)
	for _, tc := range []struct {
		fn   string
		want string
	}{
		{"viaParam", `"param"`},     // helper's parameter is the call's argument
		{"viaClosure", `"closure"`}, // a closure's result
		{"viaVar", `"first"`},       // through two variables
		{"useGeneric", `"generic"`}, // a method of a generic type: its origin's body
		{"shadowed", `"mine"`},      // the package's own new(), not the builtin
	} {
		e := result(t, f, tc.fn)
		if got := strings.Join(texts(ix.Leaves(e)), " "); got != tc.want {
			t.Errorf("%s: leaves %s, want %s", tc.fn, got, tc.want)
		}
	}
}

func TestResults(t *testing.T) {
	ix, _, _ := load(t)
	// Every return of pick, with no caller in view.
	l := &flow.Collector{}
	r := ix.NewResolver(l)
	for fn, decl := range ix.Decls {
		if fn.Name() == "pick" {
			r.Results(nil, decl.Type, decl.Body, 0)
		}
	}
	if got := strings.Join(texts(l.Leaves), " "); got != `"one" "two"` {
		t.Errorf("pick: leaves %s, want \"one\" \"two\"", got)
	}
}

func TestElements(t *testing.T) {
	ix, f, _ := load(t)
	l := &flow.Collector{}
	ix.NewResolver(l).Elements(result(t, f, "viaSlice"))
	if got := strings.Join(texts(l.Leaves), " "); got != `"a" "b"` {
		t.Errorf("elements %s, want \"a\" \"b\"", got)
	}
}

func TestStructValue(t *testing.T) {
	ix, f, _ := load(t)
	if lit, ok := ix.StructValue(result(t, f, "onlyLit")); !ok || lit == nil {
		t.Errorf("onlyLit: want its literal")
	}
	if _, ok := ix.StructValue(result(t, f, "changed")); ok {
		t.Errorf("changed: a value changed field by field has no one literal")
	}
	if lit, ok := ix.StructValue(result(t, f, "zero")); !ok || lit != nil {
		t.Errorf("zero: want the zero value (ok, nil literal)")
	}
}

func TestIsNil(t *testing.T) {
	ix, f, _ := load(t)
	if !ix.IsNil(result(t, f, "nils")) {
		t.Error("a local never assigned is nil")
	}
	if ix.IsNil(result(t, f, "viaVar")) {
		t.Error("a string variable is not nil")
	}
}

func TestCursorAndEdge(t *testing.T) {
	ix, f, _ := load(t)
	e := result(t, f, "viaParam").(*ast.CallExpr)
	arg := e.Args[0]
	p, k, i := ix.Edge(arg)
	if p != ast.Node(e) || k != edge.CallExpr_Args || i != 0 {
		t.Errorf("Edge(arg) = %T %v %d, want the call, CallExpr_Args, 0", p, k, i)
	}
	if fd, ok := ix.EnclosingFunc(arg).(*ast.FuncDecl); !ok || fd.Name.Name != "viaParam" {
		t.Errorf("EnclosingFunc(arg) = %v, want viaParam", ix.EnclosingFunc(arg))
	}
	if ix.Parent(f) != nil {
		t.Error("a file has no parent")
	}
}

func TestCalleeAndBuiltins(t *testing.T) {
	ix, f, _ := load(t)
	get := result(t, f, "useGeneric").(*ast.CallExpr)
	fn := ix.Callee(get)
	if fn == nil || fn.Origin() != fn || ix.Decls[fn] == nil {
		t.Errorf("Callee(g.Get()) = %v, want the generic origin with its declaration", fn)
	}
	own := result(t, f, "shadowed").(*ast.CallExpr)
	if flow.BuiltinCall(ix.Info, own, "new") {
		t.Error("the package's own new() is not the builtin")
	}
	if ix.Callee(own) == nil {
		t.Error("the package's own new() has a callee")
	}
}
