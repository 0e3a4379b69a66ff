package analyzer

// Environment reads through helpers: func RedisURL() string { return
// os.Getenv("REDIS_URL") }, func Get(key, def string) string, var Addr =
// os.Getenv("REDIS_ADDR"). A helper of this package is followed by the
// engine; another package's helper carries an EnvGetter fact, computed
// even in a package that imports no Redis client (a config package), but
// only over its exported string helpers that mention the environment, so
// such a package still costs next to nothing.

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/redistlslint/redistlslint/internal/flow"
)

// EnvGetter marks an exported function or package variable whose string
// value is one environment variable (or a default): the variable Name, or
// the one named by parameter Param-1 at each call.
type EnvGetter struct {
	Name  string
	Param int
}

func (*EnvGetter) AFact() {}

func (f *EnvGetter) String() string {
	if f.Param > 0 {
		return fmt.Sprintf("envGetter(param %d)", f.Param-1)
	}
	return "envGetter(" + f.Name + ")"
}

// importsOS reports whether the package imports os (the only way to read
// the environment that EnvGetter models).
func importsOS(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if imp.Path() == "os" {
			return true
		}
	}
	return false
}

// envGetterCandidates returns the exported string helpers and variables of
// the files that mention os.Getenv or os.LookupEnv: a shallow look at the
// top-level declarations, then at those bodies only.
func envGetterCandidates(pass *analysis.Pass) []ast.Decl {
	var out []ast.Decl
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil && d.Name.IsExported() && d.Body != nil && returnsString(pass.TypesInfo, d) && mentionsEnvRead(pass.TypesInfo, d.Body) {
					out = append(out, d)
				}
			case *ast.GenDecl:
				if d.Tok == token.VAR && mentionsEnvRead(pass.TypesInfo, d) {
					out = append(out, d)
				}
			}
		}
	}
	return out
}

func returnsString(info *types.Info, d *ast.FuncDecl) bool {
	obj, _ := info.Defs[d.Name].(*types.Func)
	if obj == nil {
		return false
	}
	res := obj.Signature().Results()
	return res.Len() > 0 && flow.IsBasic(res.At(0).Type(), types.String)
}

func mentionsEnvRead(info *types.Info, n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && isEnvRead(flow.Callee(info, call)) {
			found = true
		}
		return !found
	})
	return found
}

// exportEnvGetters exports EnvGetter facts for the candidates, evaluated
// by an index over them alone.
func exportEnvGetters(pass *analysis.Pass, decls []ast.Decl, ix *flow.Index) {
	if ix == nil {
		// Only the candidates are indexed: their own file, trimmed.
		var files []*ast.File
		for _, f := range pass.Files {
			var keep []ast.Decl
			for _, d := range f.Decls {
				for _, c := range decls {
					if c == d {
						keep = append(keep, d)
					}
				}
			}
			if keep != nil {
				files = append(files, &ast.File{Name: f.Name, Decls: keep, FileStart: f.FileStart, FileEnd: f.FileEnd})
			}
		}
		ix = flow.New(pass.Fset, files, pass.Pkg, pass.TypesInfo, interesting)
	}
	for _, d := range decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			fn, _ := pass.TypesInfo.Defs[d.Name].(*types.Func)
			g := &envGetterEval{ix: ix, params: flow.ParamVars(pass.TypesInfo, d.Type)}
			r := ix.NewResolver(g)
			r.Results(nil, d.Type, d.Body, 0)
			if fact, ok := g.fact(); ok && fn != nil {
				pass.ExportObjectFact(fn, fact)
			}
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, name := range vs.Names {
					v, _ := pass.TypesInfo.Defs[name].(*types.Var)
					if v == nil || !v.Exported() || !flow.IsBasic(v.Type(), types.String) || len(vs.Values) != len(vs.Names) {
						continue
					}
					g := &envGetterEval{ix: ix}
					ix.NewResolver(g).Expr(vs.Values[i])
					if fact, ok := g.fact(); ok {
						pass.ExportObjectFact(v, fact)
					}
				}
			}
		}
	}
}

// envGetterEval reads what a helper's value is made of: environment
// reads of one name (constant, or a parameter), and constant defaults.
type envGetterEval struct {
	ix     *flow.Index
	params []*types.Var
	names  map[string]bool
	param  int // 1 + the parameter naming the variable
	other  bool
}

func (g *envGetterEval) Leaf(_ *flow.Resolver, e ast.Expr) {
	if _, ok := flow.ConstString(g.ix.Info, e); ok {
		return // a default
	}
	if id, ok := ast.Unparen(e).(*ast.Ident); ok && g.ix.IsParam(g.ix.VarOf(id)) {
		return // the caller's default (Get(key, def string))
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || !isEnvRead(g.ix.Callee(call)) || len(call.Args) != 1 {
		g.other = true
		return
	}
	if name, ok := flow.ConstString(g.ix.Info, call.Args[0]); ok && name != "" {
		if g.names == nil {
			g.names = map[string]bool{}
		}
		g.names[name] = true
		return
	}
	if id, ok := ast.Unparen(call.Args[0]).(*ast.Ident); ok {
		for i, p := range g.params {
			if p != nil && g.ix.VarOf(id) == p && (g.param == 0 || g.param == i+1) {
				g.param = i + 1
				return
			}
		}
	}
	g.other = true
}

func (g *envGetterEval) Enter(*flow.Resolver, *types.Var) {}
func (g *envGetterEval) Exit(*flow.Resolver, *types.Var)  {}

func (g *envGetterEval) fact() (*EnvGetter, bool) {
	switch {
	case g.other || len(g.names) > 1 || len(g.names) == 1 && g.param > 0:
		return nil, false
	case g.param > 0:
		return &EnvGetter{Param: g.param}, true
	}
	for name := range g.names {
		return &EnvGetter{Name: name}, true
	}
	return nil, false
}
