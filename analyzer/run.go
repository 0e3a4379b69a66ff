package analyzer

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"os"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// checker holds one package's analysis: an index of the code built in a
// single walk, and what has been reported.
type checker struct {
	pass *analysis.Pass
	cfg  *Config
	info *types.Info

	parent    map[ast.Node]ast.Node // built lazily: see parentOf
	linked    map[ast.Decl]bool     // declarations whose parent links are built
	files     map[*token.File]*fileInfo
	assigns   map[*types.Var][]valueRef // values bound to variables
	aliases   map[*types.Var][]*types.Var
	fieldSets []*fieldSet // assignments to struct fields: x.f.g = v
	uses      map[*types.Var][]*ast.Ident
	// writable are the expressions through which a variable of any type
	// may be written other than by assignment: &v, &v.f, and v.M() for a
	// method with a pointer receiver (flagext.DefaultValues(&cfg),
	// cfg.RegisterFlags(fs)).
	writable  map[*types.Var][]ast.Expr
	fieldUses map[*types.Var][]*ast.SelectorExpr
	// fieldValues are the values stored in struct fields, by literal
	// (T{F: v}) or assignment (x.F = v).
	fieldValues map[*types.Var][]ast.Expr
	// elemSets are values stored into containers by index: m[k] = v.
	elemSets map[*types.Var][]ast.Expr
	decls    map[*types.Func]*ast.FuncDecl

	localAddrFuncs map[*types.Func]bool // returnsLocalAddr's answers
	callers        map[*types.Func][]*ast.CallExpr
	params         map[*types.Var]bool
	lits           []*ast.CompositeLit
	calls          []*ast.CallExpr
	varDecls       []*ast.ValueSpec

	reported map[token.Pos]bool
	pending  []analysis.Diagnostic
	res      *Result
}

// valueRef is a value bound to a variable: expr, result index of a
// multi-value call, or (elem) an element of the container expr, as a
// range loop binds it.
type valueRef struct {
	expr  ast.Expr
	index int // -1 for a single value
	elem  bool
}

// fieldSet is an assignment to a field path rooted at a variable, such as
// opt.TLSConfig.InsecureSkipVerify = true (root opt, path [TLSConfig,
// InsecureSkipVerify]).
type fieldSet struct {
	stmt  *ast.AssignStmt
	lhs   *ast.SelectorExpr
	root  *types.Var // nil when the chain starts elsewhere (a call, an index)
	steps []*ast.SelectorExpr
	rhs   ast.Expr // nil when not a plain single assignment
}

func (f *fieldSet) last() string { return f.lhs.Sel.Name }

// panicOnInternalError makes tests see the analyzer's own bugs; users
// never do (see run).
var panicOnInternalError = false

func run(pass *analysis.Pass, cfg *Config) (result any, err error) {
	res := &Result{}
	// The analyzer must never take the user's run down: on code it does
	// not understand it stays silent.
	defer func() {
		if r := recover(); r != nil {
			if panicOnInternalError {
				panic(r)
			}
			fmt.Fprintf(os.Stderr, "redistlslint: internal error on package %s (please report it): %v\n", pass.Pkg.Path(), r)
			result, err = res, nil
		}
	}()
	// Fast path: without a Redis client import there is nothing to
	// report, and without crypto/tls there is no fact to export.
	var clients, tls bool
	for _, imp := range pass.Pkg.Imports() {
		clients = clients || IsClientPackage(imp.Path())
		tls = tls || imp.Path() == "crypto/tls"
	}
	// Or a package using another's client summaries (summary.go).
	summaries := clients || importsSummaries(pass)
	if !clients && !tls && !summaries {
		return res, nil
	}
	c := &checker{
		pass:           pass,
		cfg:            cfg,
		info:           pass.TypesInfo,
		parent:         map[ast.Node]ast.Node{},
		linked:         map[ast.Decl]bool{},
		files:          map[*token.File]*fileInfo{},
		assigns:        map[*types.Var][]valueRef{},
		aliases:        map[*types.Var][]*types.Var{},
		uses:           map[*types.Var][]*ast.Ident{},
		writable:       map[*types.Var][]ast.Expr{},
		fieldUses:      map[*types.Var][]*ast.SelectorExpr{},
		fieldValues:    map[*types.Var][]ast.Expr{},
		elemSets:       map[*types.Var][]ast.Expr{},
		decls:          map[*types.Func]*ast.FuncDecl{},
		callers:        map[*types.Func][]*ast.CallExpr{},
		localAddrFuncs: map[*types.Func]bool{},
		params:         map[*types.Var]bool{},
		reported:       map[token.Pos]bool{},
		res:            res,
	}
	c.index()
	c.exportFacts()
	if clients {
		c.checkDirectives()
		c.checkTLSSinks()
		c.checkOptions()
		c.checkURLs()
		c.checkDials()
	}
	if summaries {
		c.summarize() // function summaries: summary.go
	}
	c.flush()
	return res, nil
}

// index walks every file once, recording parents and the bindings the
// checks query.
func (c *checker) index() {
	for _, f := range c.pass.Files {
		tf := c.pass.Fset.File(f.FileStart)
		if tf == nil {
			continue
		}
		fi := &fileInfo{file: f, tf: tf, generated: ast.IsGenerated(f), test: strings.HasSuffix(tf.Name(), "_test.go")}
		if fi.generated && isCgoOutput(f) {
			// cgo rewrites the user's files and marks them generated: they
			// are the user's code, but their positions are in the rewritten
			// copy, so they get findings without fixes.
			fi.generated, fi.cgo = false, true
			fi.test = strings.HasSuffix(c.pass.Fset.Position(f.Package).Filename, "_test.go")
		}
		c.files[tf] = fi
		ast.Inspect(f, func(n ast.Node) bool {
			if n != nil {
				c.indexNode(n)
			}
			return true
		})
	}
}

// isCgoOutput reports whether f is a file as rewritten by cmd/cgo.
func isCgoOutput(f *ast.File) bool {
	for _, cg := range f.Comments {
		if cg.Pos() > f.Package {
			break
		}
		for _, cm := range cg.List {
			if strings.HasPrefix(cm.Text, "// Code generated by cmd/cgo") {
				return true
			}
		}
	}
	return false
}

// parentOf returns the node that contains n. Parent links are built on
// first use, one top-level declaration at a time: most declarations of a
// package never hold a Redis client, and a map over every node would cost
// more memory than the rest of the analysis.
func (c *checker) parentOf(n ast.Node) ast.Node {
	if p, ok := c.parent[n]; ok {
		return p
	}
	fi := c.fileAt(n.Pos())
	if fi == nil {
		return nil
	}
	decls := fi.file.Decls
	i := sort.Search(len(decls), func(i int) bool { return decls[i].End() >= n.End() })
	if i == len(decls) || decls[i].Pos() > n.Pos() || c.linked[decls[i]] {
		return nil
	}
	c.linked[decls[i]] = true
	c.parent[decls[i]] = fi.file
	var stack []ast.Node
	ast.Inspect(decls[i], func(m ast.Node) bool {
		if m == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		if len(stack) > 0 {
			c.parent[m] = stack[len(stack)-1]
		}
		stack = append(stack, m)
		return true
	})
	return c.parent[n]
}

// interesting reports whether values of type t can be a client's options,
// TLS settings or dial options: only those variables and fields are
// indexed for their uses.
func interesting(t types.Type) bool {
	if t == nil {
		return false
	}
	// Pointers and containers of them: *T, []T, []*T, map[K]*T, [n]T.
	for range 4 {
		switch u := t.Underlying().(type) {
		case *types.Pointer:
			t = u.Elem()
		case *types.Slice:
			t = u.Elem()
		case *types.Array:
			t = u.Elem()
		case *types.Map:
			t = u.Elem()
		}
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return false
	}
	path := named.Obj().Pkg().Path()
	return path == "crypto/tls" || IsClientPackage(path)
}

func (c *checker) indexNode(n ast.Node) {
	switch n := n.(type) {
	case *ast.FuncDecl:
		c.markParams(n.Recv)
		if fn, ok := c.info.Defs[n.Name].(*types.Func); ok && n.Body != nil {
			c.decls[fn] = n
		}
	case *ast.FuncType:
		for _, fl := range []*ast.FieldList{n.TypeParams, n.Params, n.Results} {
			c.markParams(fl)
		}
	case *ast.CompositeLit:
		c.lits = append(c.lits, n)
		for _, elt := range n.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if f, ok := c.info.Uses[identOf(kv.Key)].(*types.Var); ok && f.IsField() && interesting(f.Type()) {
					c.fieldValues[f] = append(c.fieldValues[f], kv.Value)
				}
			}
		}
	case *ast.CallExpr:
		c.calls = append(c.calls, n)
		if fn := c.staticCallee(n); fn != nil && fn.Pkg() == c.pass.Pkg {
			c.callers[fn] = append(c.callers[fn], n)
		}
	case *ast.SelectorExpr:
		if s := c.info.Selections[n]; s != nil && s.Kind() == types.FieldVal {
			if f, ok := s.Obj().(*types.Var); ok && interesting(f.Type()) {
				c.fieldUses[f] = append(c.fieldUses[f], n)
			}
		} else if s != nil && s.Kind() == types.MethodVal && pointerRecv(s.Obj()) && !isPointer(c.info.TypeOf(n.X)) {
			c.noteWritable(n.X, n.X) // the receiver: u.String() judges u
		}
	case *ast.UnaryExpr:
		if n.Op == token.AND {
			c.noteWritable(n.X, n)
		}
	case *ast.Ident:
		if v, ok := c.info.Uses[n].(*types.Var); ok && !v.IsField() && interesting(v.Type()) {
			c.uses[v] = append(c.uses[v], n)
		}
	case *ast.ValueSpec:
		c.varDecls = append(c.varDecls, n)
		c.bind(identsToExprs(n.Names), n.Values)
	case *ast.RangeStmt:
		if id, ok := n.Value.(*ast.Ident); ok && (n.Tok == token.ASSIGN || n.Tok == token.DEFINE) {
			if v := c.varOf(id); v != nil {
				c.assigns[v] = append(c.assigns[v], valueRef{expr: n.X, index: -1, elem: true})
			}
		}
	case *ast.AssignStmt:
		if n.Tok == token.ASSIGN || n.Tok == token.DEFINE {
			c.bind(n.Lhs, n.Rhs)
		}
		if len(n.Lhs) == len(n.Rhs) && n.Tok == token.ASSIGN {
			for i, lhs := range n.Lhs {
				if ix, ok := ast.Unparen(lhs).(*ast.IndexExpr); ok {
					if v := c.rootVar(ix.X); v != nil {
						c.elemSets[v] = append(c.elemSets[v], n.Rhs[i])
					}
				}
			}
		}
		for i, lhs := range n.Lhs {
			sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
			if !ok {
				continue
			}
			fs := &fieldSet{stmt: n, lhs: sel}
			if len(n.Lhs) == len(n.Rhs) && n.Tok == token.ASSIGN {
				fs.rhs = n.Rhs[i]
			}
			fs.root, fs.steps = c.selectorChain(sel)
			c.fieldSets = append(c.fieldSets, fs)
			if s := c.info.Selections[sel]; s != nil && s.Kind() == types.FieldVal && fs.rhs != nil {
				if f := s.Obj().(*types.Var); interesting(f.Type()) {
					c.fieldValues[f] = append(c.fieldValues[f], fs.rhs)
				}
			}
		}
	}
}

func (c *checker) markParams(fl *ast.FieldList) {
	if fl == nil {
		return
	}
	for _, f := range fl.List {
		for _, name := range f.Names {
			if v, ok := c.info.Defs[name].(*types.Var); ok {
				c.params[v] = true
			}
		}
	}
}

func identsToExprs(ids []*ast.Ident) []ast.Expr {
	out := make([]ast.Expr, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}

// bind records lhs[i] = rhs[i] (or lhs[i] = rhs[0] result i).
func (c *checker) bind(lhs, rhs []ast.Expr) {
	for i, l := range lhs {
		id, ok := ast.Unparen(l).(*ast.Ident)
		if !ok {
			continue
		}
		v := c.varOf(id)
		if v == nil {
			continue
		}
		var ref valueRef
		switch {
		case len(rhs) == len(lhs):
			ref = valueRef{expr: rhs[i], index: -1}
		case len(rhs) == 1:
			ref = valueRef{expr: rhs[0], index: i}
		default:
			continue
		}
		c.assigns[v] = append(c.assigns[v], ref)
		if ref.index < 0 {
			if src, ok := ast.Unparen(ref.expr).(*ast.Ident); ok {
				if w := c.varOf(src); w != nil {
					c.aliases[w] = append(c.aliases[w], v)
				}
			}
		}
	}
}

// varOf returns the variable an identifier defines or uses.
func (c *checker) varOf(id *ast.Ident) *types.Var {
	if id == nil || id.Name == "_" {
		return nil
	}
	obj := c.info.Defs[id]
	if obj == nil {
		obj = c.info.Uses[id]
	}
	v, _ := obj.(*types.Var)
	if v != nil && v.IsField() {
		return nil
	}
	return v
}

// rootVar returns the variable an expression names (v or pkg.V).
func (c *checker) rootVar(e ast.Expr) *types.Var {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return c.varOf(e)
	case *ast.SelectorExpr:
		if v, ok := c.info.Uses[e.Sel].(*types.Var); ok && !v.IsField() {
			return v
		}
	}
	return nil
}

// noteWritable records that the variable at the root of x (v, v.f.g) may
// be written through the expression by.
func (c *checker) noteWritable(x ast.Expr, by ast.Expr) {
	var v *types.Var
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		v = c.varOf(x)
	case *ast.SelectorExpr:
		v, _ = c.selectorChain(x)
	}
	if v != nil {
		c.writable[v] = append(c.writable[v], by)
	}
}

func pointerRecv(obj types.Object) bool {
	sig, ok := obj.Type().(*types.Signature)
	return ok && sig.Recv() != nil && isPointer(sig.Recv().Type())
}

func isPointer(t types.Type) bool {
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Pointer)
	return ok
}

// selectorChain splits a.b.c into its root variable and field steps.
func (c *checker) selectorChain(sel *ast.SelectorExpr) (*types.Var, []*ast.SelectorExpr) {
	var steps []*ast.SelectorExpr
	var x ast.Expr = sel
	for {
		switch e := x.(type) {
		case *ast.SelectorExpr:
			if s := c.info.Selections[e]; s == nil || s.Kind() != types.FieldVal {
				// A package-qualified variable (pkg.Var) is a root.
				if v, ok := c.info.Uses[e.Sel].(*types.Var); ok && len(steps) > 0 {
					slices.Reverse(steps)
					return v, steps
				}
				return nil, nil
			}
			steps = append(steps, e)
			x = e.X
		case *ast.ParenExpr:
			x = e.X
		case *ast.StarExpr:
			x = e.X
		case *ast.UnaryExpr:
			x = e.X
		case *ast.Ident:
			slices.Reverse(steps)
			return c.varOf(e), steps
		default:
			slices.Reverse(steps)
			return nil, steps
		}
	}
}

// staticCallee returns the function a call statically invokes, if any.
func (c *checker) staticCallee(call *ast.CallExpr) *types.Func {
	var id *ast.Ident
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		id = fun
	case *ast.SelectorExpr:
		if s := c.info.Selections[fun]; s != nil {
			if s.Kind() != types.MethodVal {
				return nil
			}
			fn, _ := s.Obj().(*types.Func)
			if fn == nil || types.IsInterface(s.Recv()) {
				return nil
			}
			return fn
		}
		id = fun.Sel
	case *ast.IndexExpr: // generic instantiation f[T](...)
		return c.staticCallee(&ast.CallExpr{Fun: fun.X})
	case *ast.IndexListExpr:
		return c.staticCallee(&ast.CallExpr{Fun: fun.X})
	default:
		return nil
	}
	fn, _ := c.info.Uses[id].(*types.Func)
	if fn != nil {
		fn = fn.Origin()
	}
	return fn
}

// isPkgFunc reports whether fn is a package-level function named name in
// one of pkgs.
func isPkgFunc(fn *types.Func, pkgs []string, name string) bool {
	if fn == nil || fn.Pkg() == nil || fn.Name() != name {
		return false
	}
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		return false
	}
	return slices.Contains(pkgs, fn.Pkg().Path())
}

// optionsTypeOf returns the table row for t (or *t).
func (c *checker) optionsTypeOf(t types.Type) *optionsType {
	if t == nil {
		return nil
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return nil
	}
	path, name := named.Obj().Pkg().Path(), named.Obj().Name()
	for i := range optionsTypes {
		ot := &optionsTypes[i]
		if ot.name == name && slices.Contains(ot.pkgs, path) {
			if ot.tls != "" && !hasField(named, ot.tls) {
				return nil // not the version the row describes
			}
			return ot
		}
	}
	return nil
}

func hasField(t types.Type, name string) bool {
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i).Name() == name {
			return true
		}
	}
	return false
}

// isTLSConfig reports whether t is crypto/tls.Config or a pointer to it.
func isTLSConfig(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	return ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == "crypto/tls" && named.Obj().Name() == "Config"
}

// isNil reports whether e is provably nil: the nil literal, or a local
// variable only ever assigned nil (or never assigned).
func (c *checker) isNil(e ast.Expr) bool {
	e = ast.Unparen(e)
	if tv, ok := c.info.Types[e]; ok && tv.IsNil() {
		return true
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	v := c.varOf(id)
	if v == nil || v.Parent() == nil || v.Parent() == c.pass.Pkg.Scope() || c.isParam(v) {
		return false
	}
	for _, ref := range c.assigns[v] {
		if ref.index >= 0 || !c.isNil(ref.expr) {
			return false
		}
	}
	return !c.changedInPlace(v, nil)
}

// isParam reports whether v is a parameter, result or receiver.
func (c *checker) isParam(v *types.Var) bool { return c.params[v] }

// constBool returns e's constant boolean value.
func (c *checker) constBool(e ast.Expr) (val, ok bool) {
	tv, found := c.info.Types[e]
	if !found || tv.Value == nil {
		return false, false
	}
	if tv.Value.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(tv.Value), true
}

// constString returns e's constant string value.
func (c *checker) constString(e ast.Expr) (string, bool) {
	tv, found := c.info.Types[e]
	if !found || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}
