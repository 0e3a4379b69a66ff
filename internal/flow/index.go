// Package flow is the value-flow engine under redistlslint's rules: an
// index of one package's syntax built in a single walk, and a resolver
// that follows an expression back to every place its value can be made.
//
// It knows nothing of Redis clients: the rules say which types are worth
// indexing (Index.New's interesting), and visitors judge what the
// resolver finds.
package flow

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// Index holds what the rules and the resolver query about one package,
// built in one walk over its files.
type Index struct {
	Info *types.Info
	Pkg  *types.Package
	Fset *token.FileSet

	// The inspector and the files' cursors are built on the first query
	// that needs a node's parent: many packages analysed only for facts
	// (they import crypto/tls) never ask, and the events cost memory.
	astFiles []*ast.File
	in       *inspector.Inspector
	files    map[*token.File]inspector.Cursor

	// Assigns are the values bound to variables.
	Assigns map[*types.Var][]ValueRef
	// Aliases are the variables assigned another variable: w := v.
	Aliases map[*types.Var][]*types.Var
	// FieldSets are the assignments to field paths: x.f.g = v.
	FieldSets []*FieldSet
	// Uses are the uses of variables of interesting types.
	Uses map[*types.Var][]*ast.Ident
	// Writable are the expressions through which a variable of any type
	// may be written other than by assignment: &v, &v.f, and v.M() for a
	// method with a pointer receiver (flagext.DefaultValues(&cfg),
	// cfg.RegisterFlags(fs)).
	Writable map[*types.Var][]ast.Expr
	// FieldUses are the selections of fields of interesting types.
	FieldUses map[*types.Var][]*ast.SelectorExpr
	// FieldValues are the values stored in fields of interesting types,
	// by literal (T{F: v}) or assignment (x.F = v).
	FieldValues map[*types.Var][]ast.Expr
	// ElemSets are values stored into containers by index: m[k] = v.
	ElemSets map[*types.Var][]ast.Expr
	// Decls are this package's functions and methods with a body, and
	// FuncOrder the same in source order.
	Decls     map[*types.Func]*ast.FuncDecl
	FuncOrder []*types.Func
	// Callers are the calls of this package's functions in it.
	Callers map[*types.Func][]*ast.CallExpr
	params  map[*types.Var]bool

	Lits     []*ast.CompositeLit
	Calls    []*ast.CallExpr
	VarDecls []*ast.ValueSpec

	interesting func(types.Type) bool
	gotos       map[ast.Node]bool // functions with a goto (order.go)
}

// ValueRef is a value bound to a variable: Expr, result Index of a
// multi-value call, or (Elem) an element of the container Expr, as a
// range loop binds it.
type ValueRef struct {
	Expr  ast.Expr
	Index int // -1 for a single value
	Elem  bool
}

// FieldSet is an assignment to a field path rooted at a variable, such as
// opt.TLSConfig.InsecureSkipVerify = true (Root opt, Steps [TLSConfig,
// InsecureSkipVerify]).
type FieldSet struct {
	Stmt  *ast.AssignStmt
	Lhs   *ast.SelectorExpr
	Root  *types.Var // nil when the chain starts elsewhere (a call, an index)
	Steps []*ast.SelectorExpr
	Rhs   ast.Expr // nil when not a plain single assignment
}

// Field is the name of the field assigned.
func (f *FieldSet) Field() string { return f.Lhs.Sel.Name }

// New indexes files. interesting says which variables' and fields' uses
// and stored values are worth recording (those of types the rules judge);
// assignments, calls and literals are recorded for every type.
func New(fset *token.FileSet, files []*ast.File, pkg *types.Package, info *types.Info, interesting func(types.Type) bool) *Index {
	ix := &Index{
		Info:        info,
		Pkg:         pkg,
		Fset:        fset,
		astFiles:    files,
		Assigns:     map[*types.Var][]ValueRef{},
		Aliases:     map[*types.Var][]*types.Var{},
		Uses:        map[*types.Var][]*ast.Ident{},
		Writable:    map[*types.Var][]ast.Expr{},
		FieldUses:   map[*types.Var][]*ast.SelectorExpr{},
		FieldValues: map[*types.Var][]ast.Expr{},
		ElemSets:    map[*types.Var][]ast.Expr{},
		Decls:       map[*types.Func]*ast.FuncDecl{},
		Callers:     map[*types.Func][]*ast.CallExpr{},
		params:      map[*types.Var]bool{},
		interesting: func(t types.Type) bool { return t != nil && interesting(t) },
	}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if n != nil {
				ix.node(n)
			}
			return true
		})
	}
	return ix
}

// inspector returns the inspector of the files, built on first use.
func (ix *Index) inspector() *inspector.Inspector {
	if ix.in == nil {
		ix.in = inspector.New(ix.astFiles)
		ix.files = map[*token.File]inspector.Cursor{}
		for fc := range ix.in.Root().Children() {
			if tf := ix.Fset.File(fc.Node().Pos()); tf != nil {
				ix.files[tf] = fc
			}
		}
	}
	return ix.in
}

func (ix *Index) node(n ast.Node) {
	info := ix.Info
	switch n := n.(type) {
	case *ast.FuncDecl:
		ix.markParams(n.Recv)
		if fn, ok := info.Defs[n.Name].(*types.Func); ok && n.Body != nil {
			ix.Decls[fn] = n
			ix.FuncOrder = append(ix.FuncOrder, fn)
		}
	case *ast.FuncType:
		for _, fl := range []*ast.FieldList{n.TypeParams, n.Params, n.Results} {
			ix.markParams(fl)
		}
	case *ast.CompositeLit:
		ix.Lits = append(ix.Lits, n)
		for _, elt := range n.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					if f, ok := info.Uses[id].(*types.Var); ok && f.IsField() && ix.interesting(f.Type()) {
						ix.FieldValues[f] = append(ix.FieldValues[f], kv.Value)
					}
				}
			}
		}
	case *ast.CallExpr:
		ix.Calls = append(ix.Calls, n)
		if fn := Callee(info, n); fn != nil && fn.Pkg() == ix.Pkg {
			ix.Callers[fn] = append(ix.Callers[fn], n)
		}
	case *ast.SelectorExpr:
		if s := info.Selections[n]; s != nil && s.Kind() == types.FieldVal {
			if f, ok := s.Obj().(*types.Var); ok && ix.interesting(f.Type()) {
				ix.FieldUses[f] = append(ix.FieldUses[f], n)
			}
		} else if s != nil && s.Kind() == types.MethodVal && pointerRecv(s.Obj()) && !IsPointer(info.TypeOf(n.X)) {
			ix.noteWritable(n.X, n.X) // the receiver: u.String() judges u
		}
	case *ast.UnaryExpr:
		if n.Op == token.AND {
			ix.noteWritable(n.X, n)
		}
	case *ast.Ident:
		if v, ok := info.Uses[n].(*types.Var); ok && !v.IsField() && ix.interesting(v.Type()) {
			ix.Uses[v] = append(ix.Uses[v], n)
		}
	case *ast.ValueSpec:
		ix.VarDecls = append(ix.VarDecls, n)
		lhs := make([]ast.Expr, len(n.Names))
		for i, id := range n.Names {
			lhs[i] = id
		}
		ix.bind(lhs, n.Values)
	case *ast.RangeStmt:
		if id, ok := n.Value.(*ast.Ident); ok && (n.Tok == token.ASSIGN || n.Tok == token.DEFINE) {
			if v := ix.VarOf(id); v != nil {
				ix.Assigns[v] = append(ix.Assigns[v], ValueRef{Expr: n.X, Index: -1, Elem: true})
			}
		}
	case *ast.AssignStmt:
		ix.assign(n)
	}
}

func (ix *Index) assign(n *ast.AssignStmt) {
	plain := len(n.Lhs) == len(n.Rhs) && n.Tok == token.ASSIGN
	if n.Tok == token.ASSIGN || n.Tok == token.DEFINE {
		ix.bind(n.Lhs, n.Rhs)
	}
	for i, lhs := range n.Lhs {
		switch lhs := ast.Unparen(lhs).(type) {
		case *ast.IndexExpr:
			if plain {
				if v := ix.RootVar(lhs.X); v != nil {
					ix.ElemSets[v] = append(ix.ElemSets[v], n.Rhs[i])
				}
			}
		case *ast.SelectorExpr:
			fs := &FieldSet{Stmt: n, Lhs: lhs}
			if plain {
				fs.Rhs = n.Rhs[i]
			}
			fs.Root, fs.Steps = ix.SelectorChain(lhs)
			ix.FieldSets = append(ix.FieldSets, fs)
			if s := ix.Info.Selections[lhs]; s != nil && s.Kind() == types.FieldVal && fs.Rhs != nil {
				if f := s.Obj().(*types.Var); ix.interesting(f.Type()) {
					ix.FieldValues[f] = append(ix.FieldValues[f], fs.Rhs)
				}
			}
		}
	}
}

func (ix *Index) markParams(fl *ast.FieldList) {
	if fl == nil {
		return
	}
	for _, f := range fl.List {
		for _, name := range f.Names {
			if v, ok := ix.Info.Defs[name].(*types.Var); ok {
				ix.params[v] = true
			}
		}
	}
}

// bind records lhs[i] = rhs[i] (or lhs[i] = rhs[0] result i).
func (ix *Index) bind(lhs, rhs []ast.Expr) {
	for i, l := range lhs {
		id, ok := ast.Unparen(l).(*ast.Ident)
		if !ok {
			continue
		}
		v := ix.VarOf(id)
		if v == nil {
			continue
		}
		var ref ValueRef
		switch {
		case len(rhs) == len(lhs):
			ref = ValueRef{Expr: rhs[i], Index: -1}
		case len(rhs) == 1:
			ref = ValueRef{Expr: rhs[0], Index: i}
		default:
			continue
		}
		ix.Assigns[v] = append(ix.Assigns[v], ref)
		if ref.Index < 0 {
			if src, ok := ast.Unparen(ref.Expr).(*ast.Ident); ok {
				if w := ix.VarOf(src); w != nil {
					ix.Aliases[w] = append(ix.Aliases[w], v)
				}
			}
		}
	}
}

// noteWritable records that the variable at the root of x (v, v.f.g) may
// be written through the expression by.
func (ix *Index) noteWritable(x ast.Expr, by ast.Expr) {
	var v *types.Var
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		v = ix.VarOf(x)
	case *ast.SelectorExpr:
		v, _ = ix.SelectorChain(x)
	}
	if v != nil {
		ix.Writable[v] = append(ix.Writable[v], by)
	}
}

func pointerRecv(obj types.Object) bool {
	sig, ok := obj.Type().(*types.Signature)
	return ok && sig.Recv() != nil && IsPointer(sig.Recv().Type())
}

// VarOf returns the variable (not a field) an identifier defines or uses.
func (ix *Index) VarOf(id *ast.Ident) *types.Var {
	if id == nil || id.Name == "_" {
		return nil
	}
	v, _ := ix.Info.ObjectOf(id).(*types.Var)
	if v != nil && v.IsField() {
		return nil
	}
	return v
}

// RootVar returns the variable an expression names (v or pkg.V).
func (ix *Index) RootVar(e ast.Expr) *types.Var {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return ix.VarOf(e)
	case *ast.SelectorExpr:
		if v, ok := ix.Info.Uses[e.Sel].(*types.Var); ok && !v.IsField() {
			return v
		}
	}
	return nil
}

// SelectorChain splits a.b.c into its root variable and field steps.
func (ix *Index) SelectorChain(sel *ast.SelectorExpr) (*types.Var, []*ast.SelectorExpr) {
	var steps []*ast.SelectorExpr
	var x ast.Expr = sel
	for {
		switch e := x.(type) {
		case *ast.SelectorExpr:
			if s := ix.Info.Selections[e]; s == nil || s.Kind() != types.FieldVal {
				// A package-qualified variable (pkg.Var) is a root.
				if v, ok := ix.Info.Uses[e.Sel].(*types.Var); ok && len(steps) > 0 {
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
			return ix.VarOf(e), steps
		default:
			slices.Reverse(steps)
			return nil, steps
		}
	}
}

// IsParam reports whether v is a parameter, result or receiver.
func (ix *Index) IsParam(v *types.Var) bool { return ix.params[v] }

// IsLocal reports whether v is a variable declared in a function body
// (not a parameter, result or package variable).
func (ix *Index) IsLocal(v *types.Var) bool {
	return v != nil && v.Parent() != nil && v.Parent() != ix.Pkg.Scope() && !ix.IsParam(v)
}

// Cursor returns the cursor of n, a node of the indexed files.
func (ix *Index) Cursor(n ast.Node) (inspector.Cursor, bool) {
	ix.inspector()
	fc, ok := ix.files[ix.Fset.File(n.Pos())]
	if !ok {
		return inspector.Cursor{}, false
	}
	// Narrow to the top-level declaration holding n: most of a package
	// lies outside it.
	start := fc
	f := fc.Node().(*ast.File)
	if i := sort.Search(len(f.Decls), func(i int) bool { return f.Decls[i].End() >= n.End() }); i < len(f.Decls) && f.Decls[i].Pos() <= n.Pos() {
		start = fc.ChildAt(edge.File_Decls, i)
	}
	cur, ok := start.FindByPos(n.Pos(), n.End())
	for ok && cur.Node() != n {
		if p := cur.Parent(); p.Node() != nil && p.Node().Pos() == n.Pos() && p.Node().End() == n.End() {
			cur = p
			continue
		}
		cur, ok = start.FindNode(n)
		break
	}
	return cur, ok
}

// Parent returns the node that contains n, nil if none.
func (ix *Index) Parent(n ast.Node) ast.Node {
	cur, ok := ix.Cursor(n)
	if !ok {
		return nil
	}
	return cur.Parent().Node()
}

// EnclosingFunc returns the function declaration or literal around n.
func (ix *Index) EnclosingFunc(n ast.Node) ast.Node {
	cur, ok := ix.Cursor(n)
	if !ok {
		return nil
	}
	for fc := range cur.Parent().Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return fc.Node()
	}
	return nil
}

// ChangedInPlace reports whether v is changed other than by assigning it:
// v.F = x, or &v taken elsewhere than at except.
func (ix *Index) ChangedInPlace(v *types.Var, except ast.Expr) bool {
	for _, fs := range ix.FieldSets {
		if fs.Root == v {
			return true
		}
	}
	return ix.AddressTaken(v, except)
}

// AddressTaken reports whether v may be written through a pointer taken
// elsewhere than at except (&v, &v.f, a pointer method called on v).
func (ix *Index) AddressTaken(v *types.Var, except ast.Expr) bool {
	for _, by := range ix.Writable[v] {
		if by != except {
			return true
		}
	}
	return false
}

// IsContainer reports whether e is a map, slice or array (so e[i] is one
// of its elements, not a generic instantiation).
func (ix *Index) IsContainer(e ast.Expr) bool {
	return IsContainerType(ix.Info.TypeOf(e))
}

// FuncLitOf returns the function literal e denotes: written in place, or
// the only value of a local variable.
func (ix *Index) FuncLitOf(e ast.Expr) *ast.FuncLit {
	for depth := 0; depth <= MaxDepth; depth++ {
		switch x := ast.Unparen(e).(type) {
		case *ast.FuncLit:
			return x
		case *ast.Ident:
			v := ix.VarOf(x)
			if v == nil || v.Pkg() != ix.Pkg || ix.IsParam(v) || len(ix.Assigns[v]) != 1 {
				return nil
			}
			ref := ix.Assigns[v][0]
			if ref.Index >= 0 || ref.Elem {
				return nil
			}
			e = ref.Expr
		default:
			return nil
		}
	}
	return nil
}

// IsNil reports whether e is provably nil: the nil literal, or a local
// variable only ever assigned nil (or never assigned).
func (ix *Index) IsNil(e ast.Expr) bool {
	return ix.isNil(e, 0)
}

func (ix *Index) isNil(e ast.Expr, depth int) bool {
	e = ast.Unparen(e)
	if tv, ok := ix.Info.Types[e]; ok && tv.IsNil() {
		return true
	}
	id, ok := e.(*ast.Ident)
	if !ok || depth > MaxDepth {
		return false
	}
	v := ix.VarOf(id)
	if !ix.IsLocal(v) {
		return false
	}
	for _, ref := range ix.Assigns[v] {
		if ref.Index >= 0 || !ix.isNil(ref.Expr, depth+1) {
			return false
		}
	}
	return !ix.ChangedInPlace(v, nil)
}

// Callee returns the function call statically invokes (see [Callee]).
func (ix *Index) Callee(call *ast.CallExpr) *types.Func { return Callee(ix.Info, call) }

// DeclOf returns this package's declaration of the function call invokes.
func (ix *Index) DeclOf(call *ast.CallExpr) *ast.FuncDecl {
	if fn := ix.Callee(call); fn != nil {
		return ix.Decls[fn]
	}
	return nil
}

// Edge returns n's parent, and which of the parent's fields (and which
// element of a list field) holds n; a nil parent when n is not found.
func (ix *Index) Edge(n ast.Node) (parent ast.Node, kind edge.Kind, index int) {
	cur, ok := ix.Cursor(n)
	if !ok {
		return nil, edge.Invalid, -1
	}
	kind, index = cur.ParentEdge()
	return cur.Parent().Node(), kind, index
}

// Unconditional reports whether st stands directly in the body of the
// function that declares parameter v (not under a condition or a loop).
func (ix *Index) Unconditional(st ast.Stmt, v *types.Var) bool {
	cur, ok := ix.Cursor(st)
	if !ok {
		return false
	}
	body := cur.Parent()
	if _, isBlock := body.Node().(*ast.BlockStmt); !isBlock {
		return false
	}
	var ftype *ast.FuncType
	switch fn := body.Parent().Node().(type) {
	case *ast.FuncDecl:
		ftype = fn.Type
		if fn.Recv != nil && fn.Recv.Pos() <= v.Pos() && v.Pos() < fn.Recv.End() {
			return true
		}
	case *ast.FuncLit:
		ftype = fn.Type
	default:
		return false
	}
	return ftype.Pos() <= v.Pos() && v.Pos() < ftype.End()
}

// Overwritten reports whether parameter v is reassigned unconditionally
// in its function's body before use (addr = "127.0.0.1:6379" standing
// in the body): the value the caller passed never reaches use.
func (ix *Index) Overwritten(v *types.Var, use ast.Expr) bool {
	if use == nil {
		return false
	}
	for _, ref := range ix.Assigns[v] {
		if ref.Index >= 0 || ref.Elem {
			continue
		}
		if as, ok := ix.Parent(ref.Expr).(*ast.AssignStmt); ok && as.End() <= use.Pos() && ix.Unconditional(as, v) {
			if ix.EnclosingFunc(use) == ix.EnclosingFunc(as) {
				return true
			}
		}
	}
	return false
}
