package flow

// This file is the engine's backward half: one resolver that follows an
// expression back to every place its value can be made, for every rule
// (TLS configs, addresses, URLs, dial options). The forward half, where
// an options value goes, is the rules' (analyzer/options.go).
//
// The resolver works on the typed syntax tree rather than SSA: the rules
// report and fix at syntax (a field of a literal, a comment next to it),
// and building SSA for every package that imports crypto/tls would cost
// more than the whole analysis does now (docs/design.md).

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
)

// A Visitor is told what the resolver finds.
type Visitor interface {
	// leaf is an expression the resolver does not see through: a
	// literal, a constant, an operation, a call it cannot enter (another
	// package's function, the standard library), another package's
	// variable, or a parameter with no call being followed.
	Leaf(r *Resolver, e ast.Expr)
	// enter and exit bracket the sources of a variable that holds the
	// value: settings made through the variable are the visitor's.
	Enter(r *Resolver, v *types.Var)
	Exit(r *Resolver, v *types.Var)
}

// resolver follows values back through variables (assignments, range
// loops, aliases), parameters (to the arguments of the call being
// followed), function results (this package's functions, methods and
// closures; other packages' generic pass-through helpers), container
// elements (literals, m[k] = v, append, variadic arguments), field paths
// (x.f.g given in a literal or assigned) and Clone().
type Resolver struct {
	ix     *Index
	visit  Visitor
	Seen   map[any]bool
	frames []frame // calls followed into a body, innermost last
	depth  int
	// KeepCalls makes every call a leaf: functional options are judged
	// by the function that makes them, not by the closure it returns.
	KeepCalls bool
	// Inputs makes a parameter's field path (cfg.Redis.TLS) a leaf when
	// no call maps the parameter: a summary's input, which the caller
	// decides (summary.go).
	Inputs bool
	// Paths follows a field read (x.f.g) through the value it is read
	// from: a helper's result, an element of a slice, a variable's
	// literal and the assignments to that path on it, a parameter's
	// arguments; a field left out of a literal gives nothing (its zero
	// value). Without it, a field of this package's types has every value
	// the package stores in it. What it cannot see through goes to a
	// PathVisitor's PathLeaf (to Leaf for other visitors).
	Paths bool
}

// A PathVisitor is told, with Paths, of a value it must read a field
// path of: path of e, or of an element of e (elem).
type PathVisitor interface {
	Visitor
	PathLeaf(r *Resolver, e ast.Expr, elem bool, path []string)
}

// frame is one call followed into a function body.
type frame struct {
	call  *ast.CallExpr
	ftype *ast.FuncType
}

// MaxDepth bounds how deep the resolver and the rules' own recursions go.
const MaxDepth = 16

// SetDepth starts the resolver at depth d, for a rule that has recursed d
// steps already.
func (r *Resolver) SetDepth(d int) { r.depth = d }

// NewResolver returns a resolver over ix that tells vis what it finds.
func (ix *Index) NewResolver(vis Visitor) *Resolver {
	return &Resolver{ix: ix, visit: vis, Seen: map[any]bool{}}
}

// With runs f with vis as the visitor: a visitor asking a question of
// its own about a value it was handed, where the resolver stands (the
// calls being followed still map their parameters).
func (r *Resolver) With(vis Visitor, f func()) {
	saved := r.visit
	r.visit = vis
	defer func() { r.visit = saved }()
	f()
}

// deeper guards recursion: it reports false past MaxDepth.
func (r *Resolver) deeper() bool {
	r.depth++
	return r.depth <= MaxDepth
}

func (r *Resolver) back() { r.depth-- }

// expr follows the values e can have.
func (r *Resolver) Expr(e ast.Expr) {
	if e == nil {
		return
	}
	defer r.back()
	if !r.deeper() {
		return
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			r.Expr(e.X)
			return
		}
	case *ast.StarExpr:
		r.Expr(e.X)
		return
	case *ast.Ident:
		if v := r.ix.VarOf(e); v != nil {
			r.Variable(v, e)
			return
		}
	case *ast.SelectorExpr:
		if v, ok := r.ix.Info.Uses[e.Sel].(*types.Var); ok {
			switch {
			case r.Paths && v.IsField():
				r.project(e.X, []string{e.Sel.Name}, false)
			case r.Inputs && r.unmappedParamPath(e):
				r.visit.Leaf(r, e)
			case v.IsField():
				r.fieldOf(e, v)
			default:
				r.Variable(v, e) // pkg.Var
			}
			return
		}
	case *ast.IndexExpr:
		if r.ix.IsContainer(e.X) {
			r.Elements(e.X)
			return
		}
	case *ast.TypeAssertExpr:
		r.Expr(e.X)
		return
	case *ast.CallExpr:
		if !r.KeepCalls && r.Call(e, -1) {
			return
		}
	}
	r.visit.Leaf(r, e)
}

// variable follows the values bound to v.
func (r *Resolver) Variable(v *types.Var, use ast.Expr) {
	if v.Pkg() != nil && v.Pkg() != r.ix.Pkg {
		if use != nil {
			r.visit.Leaf(r, use)
		}
		return
	}
	if r.ix.IsParam(v) {
		// Entered like a local: what the body does through the parameter
		// (c = c.Clone(); c.InsecureSkipVerify = true) applies to it.
		r.visit.Enter(r, v)
		if !r.ix.Overwritten(v, use) && !r.param(v, false) && use != nil {
			r.visit.Leaf(r, use)
		}
		r.reassigned(v, false)
		r.visit.Exit(r, v)
		return
	}
	// Only the values that can reach this use (order.go); the variable
	// is followed once per use when its uses differ.
	refs := r.ix.Reaching(v, use)
	var key any = v
	if len(refs) < len(r.ix.Assigns[v]) {
		key = [2]any{v, use}
	}
	if r.Seen[key] {
		return
	}
	r.Seen[key] = true
	r.visit.Enter(r, v)
	r.bound(v, refs, false)
	for _, w := range r.ix.Aliases[v] {
		r.Variable(w, use)
	}
	r.visit.Exit(r, v)
}

// reassigned follows the values a function body assigns to its own
// parameter (or named result): if cfg == nil { cfg = defaultTLS() }.
func (r *Resolver) reassigned(v *types.Var, elements bool) {
	key := [3]any{v, "assigned", elements}
	if r.Seen[key] {
		return
	}
	r.Seen[key] = true
	r.boundValues(v, elements)
}

// boundValues follows every value bound to v (assigned, declared, ranged
// over), or with elements the values each holds and those stored into v
// by index. A container it cannot see into (a result of a multi-value
// call, an element of a range loop) is handed over as a leaf, so that a
// visitor asking what a slice holds knows it has not seen everything.
func (r *Resolver) boundValues(v *types.Var, elements bool) {
	r.bound(v, r.ix.Assigns[v], elements)
}

// bound follows the values refs bound to v (see boundValues).
func (r *Resolver) bound(v *types.Var, refs []ValueRef, elements bool) {
	for _, ref := range refs {
		switch {
		case ref.Elem && elements:
			r.visit.Leaf(r, ref.Expr)
		case ref.Elem:
			r.Elements(ref.Expr)
		case ref.Index >= 0:
			if call, ok := ast.Unparen(ref.Expr).(*ast.CallExpr); !ok || elements || !r.Call(call, ref.Index) {
				r.visit.Leaf(r, ref.Expr)
			}
		case elements:
			r.Elements(ref.Expr)
		default:
			r.Expr(ref.Expr)
		}
	}
	if elements {
		for _, val := range r.ix.ElemSets[v] {
			r.Expr(val)
		}
	}
}

// unmappedParamPath reports whether sel is a field path of a parameter
// that no call being followed gives a value.
func (r *Resolver) unmappedParamPath(sel *ast.SelectorExpr) bool {
	root, steps := r.ix.SelectorChain(sel)
	if root == nil || len(steps) == 0 || !r.ix.IsParam(root) {
		return false
	}
	for _, fr := range r.frames {
		if args, _, _ := r.ix.argsFor(fr, root); args != nil {
			return false
		}
	}
	return true
}

// param follows a parameter to the argument(s) of the innermost call
// being followed into its function, if any. With elements, it follows
// the elements of the parameter (a slice, or a variadic parameter).
func (r *Resolver) param(v *types.Var, elements bool) bool {
	for i := len(r.frames) - 1; i >= 0; i-- {
		args, variadic, spread := r.ix.argsFor(r.frames[i], v)
		if args == nil {
			continue
		}
		saved := r.frames
		r.frames = r.frames[:i] // the arguments are the caller's expressions
		for _, a := range args {
			switch {
			case !elements, variadic && !spread:
				r.Expr(a)
			default:
				r.Elements(a)
			}
		}
		r.frames = saved
		return true
	}
	return false
}

// call follows what a call returns (result index, -1 for the only one);
// it reports false for a call it cannot enter.
func (r *Resolver) Call(call *ast.CallExpr, index int) bool {
	if lit := r.ix.FuncLitOf(call.Fun); lit != nil {
		r.Results(call, lit.Type, lit.Body, max(index, 0))
		return true
	}
	fn := r.ix.Callee(call)
	if fn == nil {
		return false
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && IsClone(fn) {
		r.Expr(sel.X) // a copy of its receiver
		return true
	}
	if fn.Pkg() != r.ix.Pkg {
		return r.generic(fn, call, index)
	}
	decl := r.ix.Decls[fn]
	if decl == nil || r.inside(decl.Type) {
		return false // a recursive call: the visitor judges it as a call
	}
	r.Results(call, decl.Type, decl.Body, max(index, 0))
	return true
}

// inside reports whether a call of the function with type ftype is being
// followed.
func (r *Resolver) inside(ftype *ast.FuncType) bool {
	for _, fr := range r.frames {
		if fr.ftype == ftype {
			return true
		}
	}
	return false
}

// generic follows a call of another package's generic function whose
// result has the type of a type parameter: such a function can only
// return what it is given (or the zero value), so its result is one of
// the arguments of that type (Must(v, err), FirstNonNil(a, b)).
func (r *Resolver) generic(fn *types.Func, call *ast.CallExpr, index int) bool {
	params, ok := PassThroughParams(fn, max(index, 0))
	if !ok {
		return false
	}
	sig := fn.Type().(*types.Signature)
	if len(call.Args) == 1 && sig.Params().Len() > 1 {
		// Must(f()): the results of f are the arguments.
		if inner, ok := ast.Unparen(call.Args[0]).(*ast.CallExpr); ok {
			for _, j := range params {
				if !r.Call(inner, j) {
					r.visit.Leaf(r, inner)
				}
			}
			return true
		}
	}
	for _, j := range params {
		args, spread := callArgs(call, j, sig.Variadic() && j == sig.Params().Len()-1)
		for _, a := range args {
			if spread {
				r.Elements(a)
			} else {
				r.Expr(a)
			}
		}
	}
	return true
}

// results follows result i of a function body, with call's arguments
// standing for its parameters (call nil: no caller in view).
func (r *Resolver) Results(call *ast.CallExpr, ftype *ast.FuncType, body *ast.BlockStmt, i int) {
	r.returned(call, ftype, body, i, false)
}

// returned follows result i of a function body: the value, or with
// elements the values it holds.
func (r *Resolver) returned(call *ast.CallExpr, ftype *ast.FuncType, body *ast.BlockStmt, i int, elements bool) {
	key := [4]any{body, call, i, elements}
	follow := r.Expr
	if elements {
		follow = r.Elements
	}
	if body == nil || r.Seen[key] {
		return
	}
	r.Seen[key] = true
	if call != nil {
		r.frames = append(r.frames, frame{call, ftype})
		defer func() { r.frames = r.frames[:len(r.frames)-1] }()
	}
	nresults := ftype.Results.NumFields()
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its returns are not this function's
		case *ast.ReturnStmt:
			switch {
			case len(n.Results) == 0: // bare return of named results
				if named := resultVar(r.ix, ftype, i); named != nil {
					r.Variable(named, nil)
				}
			case len(n.Results) == 1 && nresults > 1:
				if call, ok := ast.Unparen(n.Results[0]).(*ast.CallExpr); !ok || !r.Call(call, i) {
					r.visit.Leaf(r, n.Results[0])
				}
			case i < len(n.Results):
				follow(n.Results[i])
			}
		}
		return true
	})
}

// elements follows every value a container can hold: the elements of
// its literals, values stored by index, appended values, and the
// arguments given to a variadic parameter.
func (r *Resolver) Elements(e ast.Expr) {
	defer r.back()
	if e == nil || !r.deeper() {
		return
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		for _, elt := range e.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			r.Expr(elt)
		}
		return
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			r.Elements(e.X)
			return
		}
	case *ast.Ident:
		if v := r.ix.VarOf(e); v != nil {
			r.ElementsOfVar(v, e)
			return
		}
	case *ast.SelectorExpr:
		if v, ok := r.ix.Info.Uses[e.Sel].(*types.Var); ok && !v.IsField() {
			r.ElementsOfVar(v, e)
			return
		}
	case *ast.CallExpr:
		if BuiltinCall(r.ix.Info, e, "append") && len(e.Args) > 0 {
			r.Elements(e.Args[0])
			for i, a := range e.Args[1:] {
				if e.Ellipsis.IsValid() && i == len(e.Args)-2 {
					r.Elements(a)
				} else {
					r.Expr(a)
				}
			}
			return
		}
		// A slice returned by a function of this package or a closure.
		if lit := r.ix.FuncLitOf(e.Fun); lit != nil {
			r.returned(e, lit.Type, lit.Body, 0, true)
			return
		}
		if fn := r.ix.Callee(e); fn != nil && r.ix.Decls[fn] != nil && !r.inside(r.ix.Decls[fn].Type) {
			r.returned(e, r.ix.Decls[fn].Type, r.ix.Decls[fn].Body, 0, true)
			return
		}
	}
	r.visit.Leaf(r, e)
}

// elementsOfVar follows the elements of a container variable.
func (r *Resolver) ElementsOfVar(v *types.Var, use ast.Expr) {
	if v.Pkg() != nil && v.Pkg() != r.ix.Pkg {
		r.visit.Leaf(r, use)
		return
	}
	if r.ix.IsParam(v) {
		if !r.param(v, true) {
			r.visit.Leaf(r, use)
		}
		r.reassigned(v, true)
		return
	}
	key := [2]any{v, "elements"}
	if r.Seen[key] {
		return
	}
	r.Seen[key] = true
	r.boundValues(v, true)
	for _, w := range r.ix.Aliases[v] {
		r.ElementsOfVar(w, use)
	}
}

// fieldOf follows sel (x.f.g): the values given to that field path on
// the same root variable (in its literal or by assignment), and, for a
// field of this package's types, every value this package stores in it.
func (r *Resolver) fieldOf(sel *ast.SelectorExpr, f *types.Var) {
	root, steps := r.ix.SelectorChain(sel)
	found := false
	if root != nil && len(steps) > 0 {
		path := make([]string, len(steps))
		for i, s := range steps {
			path[i] = s.Sel.Name
		}
		group := append([]*types.Var{root}, r.ix.Aliases[root]...)
		for _, fs := range r.ix.FieldSets {
			if fs.Rhs != nil && slices.Contains(group, fs.Root) && sameFieldPath(fs.Steps, path) {
				r.Expr(fs.Rhs)
				found = true
			}
		}
		if root.Pkg() == r.ix.Pkg && !r.ix.IsParam(root) {
			for _, ref := range r.ix.Assigns[root] {
				if ref.Index < 0 && !ref.Elem {
					if val := literalField(ref.Expr, path); val != nil {
						r.Expr(val)
						found = true
					}
				}
			}
		}
	}
	if f.Pkg() == r.ix.Pkg {
		if !r.Seen[f] {
			r.Seen[f] = true
			for _, val := range r.ix.FieldValues[f] {
				r.Expr(val)
			}
		}
		return
	}
	if !found {
		r.visit.Leaf(r, sel)
	}
}

// argsFor returns the arguments of fr's call that parameter v receives:
// one, or for a variadic parameter all the trailing ones (spread: the
// call passes a slice with ...).
func (ix *Index) argsFor(fr frame, v *types.Var) (args []ast.Expr, variadic, spread bool) {
	i := 0
	for _, f := range fr.ftype.Params.List {
		if len(f.Names) == 0 {
			i++
			continue
		}
		for _, name := range f.Names {
			if ix.Info.Defs[name] != v {
				i++
				continue
			}
			_, variadic = f.Type.(*ast.Ellipsis)
			args, spread = callArgs(fr.call, i, variadic)
			return args, variadic, spread
		}
	}
	return nil, false, false
}

// callArgs returns the arguments for parameter i (all trailing ones for a
// variadic parameter).
func callArgs(call *ast.CallExpr, i int, variadic bool) ([]ast.Expr, bool) {
	if i >= len(call.Args) {
		return nil, false
	}
	if variadic {
		return call.Args[i:], call.Ellipsis.IsValid()
	}
	return call.Args[i : i+1], false
}

func sameFieldPath(steps []*ast.SelectorExpr, path []string) bool {
	if len(steps) != len(path) {
		return false
	}
	for i, s := range steps {
		if s.Sel.Name != path[i] {
			return false
		}
	}
	return true
}

// literalField returns the value a composite literal (or &literal) gives
// to a field path, nil if none.
func literalField(e ast.Expr, path []string) ast.Expr {
	for _, name := range path {
		e = ast.Unparen(e)
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
			e = ast.Unparen(u.X)
		}
		lit, ok := e.(*ast.CompositeLit)
		if !ok {
			return nil
		}
		e = nil
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok && IsIdent(kv.Key, name) {
				e = kv.Value
			}
		}
		if e == nil {
			return nil
		}
	}
	return e
}

func resultVar(ix *Index, ftype *ast.FuncType, i int) *types.Var {
	if ftype.Results == nil {
		return nil
	}
	k := 0
	for _, f := range ftype.Results.List {
		for _, name := range f.Names {
			if k == i {
				v, _ := ix.Info.Defs[name].(*types.Var)
				return v
			}
			k++
		}
	}
	return nil
}

// Collector is a visitor that gathers the leaves a value comes from.
type Collector struct{ Leaves []ast.Expr }

func (l *Collector) Leaf(_ *Resolver, e ast.Expr) { l.Leaves = append(l.Leaves, e) }
func (l *Collector) Enter(*Resolver, *types.Var)  {}
func (l *Collector) Exit(*Resolver, *types.Var)   {}

// Leaves returns the leaves e's value comes from.
func (ix *Index) Leaves(e ast.Expr) []ast.Expr {
	l := &Collector{}
	ix.NewResolver(l).Expr(e)
	return l.Leaves
}

// OnlySource returns the one expression e's value is made by, when there
// is exactly one (a URL built in a variable or returned by a helper).
func (ix *Index) OnlySource(e ast.Expr) (ast.Expr, bool) {
	return only(ix.NewResolver(&Collector{}), e)
}

// OnlyInput is OnlySource stopping at a parameter or a field path of one
// (cfg.Redis.TLS): what decides e when a caller decides it.
func (ix *Index) OnlyInput(e ast.Expr) (ast.Expr, bool) {
	r := ix.NewResolver(&Collector{})
	r.Inputs = true
	return only(r, e)
}

func only(r *Resolver, e ast.Expr) (ast.Expr, bool) {
	r.Expr(e)
	l := r.visit.(*Collector)
	if len(l.Leaves) != 1 {
		return nil, false
	}
	return l.Leaves[0], true
}

// StructValue returns the one composite literal a struct value is made
// by (through variables, helpers and closures), when no variable on the
// way is changed field by field or through a pointer; ok with a nil
// literal is a zero value (var conf T). Options structs, url.URL and dial
// option structs are read this way.
func (ix *Index) StructValue(e ast.Expr) (lit *ast.CompositeLit, ok bool) {
	sv := &structVisitor{start: ast.Unparen(e)}
	ix.NewResolver(sv).Expr(e)
	if sv.changed || sv.zero+len(sv.Leaves) != 1 {
		return nil, false
	}
	if sv.zero == 1 {
		return nil, true
	}
	lit, ok = ast.Unparen(sv.Leaves[0]).(*ast.CompositeLit)
	return lit, ok
}

// structVisitor collects the leaves of a struct value and notes whether a
// variable holding it is changed in place.
type structVisitor struct {
	Collector
	start   ast.Expr // &v here is the use being judged, not a change
	zero    int
	changed bool
}

func (sv *structVisitor) Enter(r *Resolver, v *types.Var) {
	ix := r.ix
	if ix.ChangedInPlace(v, sv.start) || v.Exported() && v.Parent() == ix.Pkg.Scope() {
		sv.changed = true // another package may write an exported variable
	}
	if len(ix.Assigns[v]) == 0 && len(ix.Aliases[v]) == 0 && StructOf(v.Type()) != nil && !IsPointer(v.Type()) {
		sv.zero++
	}
}

// Field follows field path of e's value, in the Paths mode.
func (r *Resolver) Field(e ast.Expr, path []string) {
	r.Paths = true
	r.project(e, path, false)
}

// project follows field path of e's value (of each element of e with
// elem): the Paths mode of the resolver.
func (r *Resolver) project(e ast.Expr, path []string, elem bool) {
	if len(path) == 0 {
		if elem {
			r.Elements(e)
		} else {
			r.Expr(e)
		}
		return
	}
	defer r.back()
	if e == nil || !r.deeper() {
		return
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			r.project(x.X, path, elem)
			return
		}
	case *ast.StarExpr:
		r.project(x.X, path, elem)
		return
	case *ast.CompositeLit:
		if elem {
			for _, elt := range x.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					elt = kv.Value
				}
				r.project(elt, path, false)
			}
			return
		}
		if StructOf(r.ix.Info.TypeOf(x)) != nil {
			for _, elt := range x.Elts {
				kv, ok := elt.(*ast.KeyValueExpr)
				if !ok {
					break // positional: not read
				}
				if IsIdent(kv.Key, path[0]) {
					r.project(kv.Value, path[1:], false)
					return
				}
			}
			if len(x.Elts) == 0 || isKeyed(x) {
				return // left out: the zero value
			}
		}
	case *ast.Ident:
		if v := r.ix.VarOf(x); v != nil {
			r.projectVar(v, x, path, elem)
			return
		}
	case *ast.SelectorExpr:
		if v, ok := r.ix.Info.Uses[x.Sel].(*types.Var); ok {
			if v.IsField() {
				if !elem {
					r.project(x.X, append([]string{x.Sel.Name}, path...), false)
					return
				}
			} else {
				r.projectVar(v, x, path, elem) // pkg.Var
				return
			}
		}
	case *ast.IndexExpr:
		if !elem && r.ix.IsContainer(x.X) {
			r.project(x.X, path, true)
			return
		}
	case *ast.TypeAssertExpr:
		r.project(x.X, path, elem)
		return
	case *ast.CallExpr:
		if BuiltinCall(r.ix.Info, x, "new") && !elem {
			return // a zero value
		}
		if !r.KeepCalls && !elem {
			if r.projectCall(x, path) {
				return
			}
		}
	}
	r.pathLeaf(e, elem, path)
}

func isKeyed(lit *ast.CompositeLit) bool {
	_, ok := lit.Elts[0].(*ast.KeyValueExpr)
	return ok
}

func (r *Resolver) pathLeaf(e ast.Expr, elem bool, path []string) {
	if pv, ok := r.visit.(PathVisitor); ok {
		pv.PathLeaf(r, e, elem, path)
		return
	}
	r.visit.Leaf(r, e)
}

// projectCall follows field path of what a call returns: a function of
// this package or a closure, or a Clone of its receiver.
func (r *Resolver) projectCall(call *ast.CallExpr, path []string) bool {
	follow := func(e ast.Expr) { r.project(e, path, false) }
	if lit := r.ix.FuncLitOf(call.Fun); lit != nil {
		r.returnedWith(call, lit.Type, lit.Body, 0, follow, path)
		return true
	}
	fn := r.ix.Callee(call)
	if fn == nil {
		return false
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && IsClone(fn) {
		r.project(sel.X, path, false)
		return true
	}
	decl := r.ix.Decls[fn]
	if fn.Pkg() != r.ix.Pkg || decl == nil || r.inside(decl.Type) {
		return false
	}
	if decl.Type.Results.NumFields() != 1 {
		return false
	}
	r.returnedWith(call, decl.Type, decl.Body, 0, follow, path)
	return true
}

// returnedWith follows result i of a function body with follow.
func (r *Resolver) returnedWith(call *ast.CallExpr, ftype *ast.FuncType, body *ast.BlockStmt, i int, follow func(ast.Expr), path []string) {
	key := [4]any{body, call, i, pathKey(path)}
	if body == nil || r.Seen[key] {
		return
	}
	r.Seen[key] = true
	if call != nil {
		r.frames = append(r.frames, frame{call, ftype})
		defer func() { r.frames = r.frames[:len(r.frames)-1] }()
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			switch {
			case len(n.Results) == 0:
				if named := resultVar(r.ix, ftype, i); named != nil {
					r.projectVar(named, nil, path, false)
				}
			case i < len(n.Results):
				follow(n.Results[i])
			}
		}
		return true
	})
}

func pathKey(path []string) string {
	k := ""
	for _, p := range path {
		k += "." + p
	}
	return k
}

// projectVar follows field path of the values of variable v (of its
// elements with elem): the values assigned to that path on v, and the
// path of every value bound to v. For a parameter with no call in view,
// the parameter itself is a path leaf (the caller decides), unless an
// assignment to the path stands unconditionally in the function's body.
func (r *Resolver) projectVar(v *types.Var, use ast.Expr, path []string, elem bool) {
	if v.Pkg() != nil && v.Pkg() != r.ix.Pkg {
		if use != nil {
			r.pathLeaf(use, elem, path)
		}
		return
	}
	key := [3]any{v, pathKey(path), elem}
	if r.ix.IsParam(v) {
		mapped := false
		for i := len(r.frames) - 1; i >= 0 && !mapped; i-- {
			args, variadic, spread := r.ix.argsFor(r.frames[i], v)
			if args == nil {
				continue
			}
			mapped = true
			saved := r.frames
			r.frames = r.frames[:i]
			for _, a := range args {
				switch {
				case variadic && elem && spread:
					r.project(a, path, true)
				case variadic && elem:
					r.project(a, path, false)
				case variadic:
					r.pathLeaf(a, false, path) // the slice itself
				default:
					r.project(a, path, elem)
				}
			}
			r.frames = saved
		}
		overridden := false
		if !elem && !r.Seen[key] {
			r.Seen[key] = true
			overridden = r.pathSets(v, path)
		}
		if !mapped && !overridden && use != nil {
			r.pathLeaf(use, elem, path)
		}
		return
	}
	if r.Seen[key] {
		return
	}
	r.Seen[key] = true
	r.visit.Enter(r, v)
	if !elem {
		r.pathSets(v, path)
	}
	for _, ref := range r.ix.Assigns[v] {
		switch {
		case ref.Elem && !elem:
			r.project(ref.Expr, path, true)
		case ref.Index >= 0 || ref.Elem:
			r.pathLeaf(ref.Expr, elem, path)
		default:
			r.project(ref.Expr, path, elem)
		}
	}
	if elem {
		for _, val := range r.ix.ElemSets[v] {
			r.project(val, path, false)
		}
	}
	if !IsStructValue(v.Type()) {
		// A copy of a pointer (or container) shares what it points to; a
		// copy of a struct value does not.
		for _, w := range r.ix.Aliases[v] {
			r.projectVar(w, use, path, elem)
		}
	}
	r.visit.Exit(r, v)
}

// pathSets follows the values assigned to field path (or a prefix of
// it) on v: v.f = x, v.f.g = y. It reports whether one stands
// unconditionally in the body of the function v is a parameter of (the
// parameter's own value never reaches a later read).
func (r *Resolver) pathSets(v *types.Var, path []string) (overridden bool) {
	for _, fs := range r.ix.FieldSets {
		if fs.Root != v || fs.Rhs == nil || len(fs.Steps) > len(path) {
			continue
		}
		prefix := make([]string, len(fs.Steps))
		for i, st := range fs.Steps {
			prefix[i] = st.Sel.Name
		}
		if !slices.Equal(prefix, path[:len(prefix)]) {
			continue
		}
		r.project(fs.Rhs, path[len(prefix):], false)
		if r.ix.IsParam(v) && r.ix.Unconditional(fs.Stmt, v) {
			overridden = true
		}
	}
	return overridden
}
