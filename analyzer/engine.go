package analyzer

// This file is the engine's backward half: one resolver that follows an
// expression back to every place its value can be made, for every rule
// (TLS configs, addresses, URLs, dial options). The forward half, where
// an options value goes, is optionsFlow (options.go). Both read the index
// that checker.index builds in one walk over the package.
//
// The resolver works on the typed syntax tree rather than SSA: the rules
// report and fix at syntax (a field of a literal, a comment next to it),
// and building SSA for every package that imports crypto/tls would cost
// more than the whole analysis does now (see the README's design notes).

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
)

// A valueVisitor is told what the resolver finds.
type valueVisitor interface {
	// leaf is an expression the resolver does not see through: a
	// literal, a constant, an operation, a call it cannot enter (another
	// package's function, the standard library), another package's
	// variable, or a parameter with no call being followed.
	leaf(r *resolver, e ast.Expr)
	// enter and exit bracket the sources of a variable that holds the
	// value: settings made through the variable are the visitor's.
	enter(r *resolver, v *types.Var)
	exit(r *resolver, v *types.Var)
}

// resolver follows values back through variables (assignments, range
// loops, aliases), parameters (to the arguments of the call being
// followed), function results (this package's functions, methods and
// closures; other packages' generic pass-through helpers), container
// elements (literals, m[k] = v, append, variadic arguments), field paths
// (x.f.g given in a literal or assigned) and Clone().
type resolver struct {
	c      *checker
	visit  valueVisitor
	seen   map[any]bool
	frames []frame // calls followed into a body, innermost last
	depth  int
	// keepCalls makes every call a leaf: functional options are judged
	// by the function that makes them, not by the closure it returns.
	keepCalls bool
	// inputs makes a parameter's field path (cfg.Redis.TLS) a leaf when
	// no call maps the parameter: a summary's input, which the caller
	// decides (summary.go).
	inputs bool
}

// frame is one call followed into a function body.
type frame struct {
	call  *ast.CallExpr
	ftype *ast.FuncType
}

const maxDepth = 16

func (c *checker) resolver(vis valueVisitor) *resolver {
	return &resolver{c: c, visit: vis, seen: map[any]bool{}}
}

// deeper guards recursion: it reports false past maxDepth.
func (r *resolver) deeper() bool {
	r.depth++
	return r.depth <= maxDepth
}

func (r *resolver) back() { r.depth-- }

// expr follows the values e can have.
func (r *resolver) expr(e ast.Expr) {
	if e == nil {
		return
	}
	defer r.back()
	if !r.deeper() {
		return
	}
	c := r.c
	switch e := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			r.expr(e.X)
			return
		}
	case *ast.StarExpr:
		r.expr(e.X)
		return
	case *ast.Ident:
		if v := c.varOf(e); v != nil {
			r.variable(v, e)
			return
		}
	case *ast.SelectorExpr:
		if v, ok := c.info.Uses[e.Sel].(*types.Var); ok {
			switch {
			case r.inputs && r.unmappedParamPath(e):
				r.visit.leaf(r, e)
			case v.IsField():
				r.fieldOf(e, v)
			default:
				r.variable(v, e) // pkg.Var
			}
			return
		}
	case *ast.IndexExpr:
		if c.isContainer(e.X) {
			r.elements(e.X)
			return
		}
	case *ast.TypeAssertExpr:
		r.expr(e.X)
		return
	case *ast.CallExpr:
		if !r.keepCalls && r.call(e, -1) {
			return
		}
	}
	r.visit.leaf(r, e)
}

// variable follows the values bound to v.
func (r *resolver) variable(v *types.Var, use ast.Expr) {
	c := r.c
	if v.Pkg() != nil && v.Pkg() != c.pass.Pkg {
		if use != nil {
			r.visit.leaf(r, use)
		}
		return
	}
	if c.isParam(v) {
		if !r.param(v, false) && use != nil {
			r.visit.leaf(r, use)
		}
		r.reassigned(v, false)
		return
	}
	if r.seen[v] {
		return
	}
	r.seen[v] = true
	r.visit.enter(r, v)
	r.boundValues(v, false)
	for _, w := range c.aliases[v] {
		r.variable(w, use)
	}
	r.visit.exit(r, v)
}

// reassigned follows the values a function body assigns to its own
// parameter (or named result): if cfg == nil { cfg = defaultTLS() }.
func (r *resolver) reassigned(v *types.Var, elements bool) {
	key := [3]any{v, "assigned", elements}
	if r.seen[key] {
		return
	}
	r.seen[key] = true
	r.boundValues(v, elements)
}

// boundValues follows every value bound to v (assigned, declared, ranged
// over), or with elements the values each holds and those stored into v
// by index. A container it cannot see into (a result of a multi-value
// call, an element of a range loop) is handed over as a leaf, so that a
// visitor asking what a slice holds knows it has not seen everything.
func (r *resolver) boundValues(v *types.Var, elements bool) {
	for _, ref := range r.c.assigns[v] {
		switch {
		case ref.elem && elements:
			r.visit.leaf(r, ref.expr)
		case ref.elem:
			r.elements(ref.expr)
		case ref.index >= 0:
			if call, ok := ast.Unparen(ref.expr).(*ast.CallExpr); !ok || elements || !r.call(call, ref.index) {
				r.visit.leaf(r, ref.expr)
			}
		case elements:
			r.elements(ref.expr)
		default:
			r.expr(ref.expr)
		}
	}
	if elements {
		for _, val := range r.c.elemSets[v] {
			r.expr(val)
		}
	}
}

// unmappedParamPath reports whether sel is a field path of a parameter
// that no call being followed gives a value.
func (r *resolver) unmappedParamPath(sel *ast.SelectorExpr) bool {
	root, steps := r.c.selectorChain(sel)
	if root == nil || len(steps) == 0 || !r.c.isParam(root) {
		return false
	}
	for _, fr := range r.frames {
		if args, _, _ := r.c.argsFor(fr, root); args != nil {
			return false
		}
	}
	return true
}

// param follows a parameter to the argument(s) of the innermost call
// being followed into its function, if any. With elements, it follows
// the elements of the parameter (a slice, or a variadic parameter).
func (r *resolver) param(v *types.Var, elements bool) bool {
	for i := len(r.frames) - 1; i >= 0; i-- {
		args, variadic, spread := r.c.argsFor(r.frames[i], v)
		if args == nil {
			continue
		}
		saved := r.frames
		r.frames = r.frames[:i] // the arguments are the caller's expressions
		for _, a := range args {
			switch {
			case !elements, variadic && !spread:
				r.expr(a)
			default:
				r.elements(a)
			}
		}
		r.frames = saved
		return true
	}
	return false
}

// call follows what a call returns (result index, -1 for the only one);
// it reports false for a call it cannot enter.
func (r *resolver) call(call *ast.CallExpr, index int) bool {
	c := r.c
	if lit := c.funcLitOf(call.Fun, 0); lit != nil {
		r.results(call, lit.Type, lit.Body, max(index, 0))
		return true
	}
	fn := c.staticCallee(call)
	if fn == nil {
		return false
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && isClone(fn) {
		r.expr(sel.X) // a copy of its receiver
		return true
	}
	if fn.Pkg() != c.pass.Pkg {
		return r.generic(fn, call, index)
	}
	decl := c.decls[fn]
	if decl == nil || r.inside(decl.Type) {
		return false // a recursive call: the visitor judges it as a call
	}
	r.results(call, decl.Type, decl.Body, max(index, 0))
	return true
}

// inside reports whether a call of the function with type ftype is being
// followed.
func (r *resolver) inside(ftype *ast.FuncType) bool {
	for _, fr := range r.frames {
		if fr.ftype == ftype {
			return true
		}
	}
	return false
}

// isClone reports whether fn is a Clone method returning a copy of its
// receiver's type (tls.Config.Clone).
func isClone(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	return ok && fn.Name() == "Clone" && sig.Recv() != nil && sig.Results().Len() == 1 &&
		types.Identical(sig.Recv().Type(), sig.Results().At(0).Type())
}

// generic follows a call of another package's generic function whose
// result has the type of a type parameter: such a function can only
// return what it is given (or the zero value), so its result is one of
// the arguments of that type (Must(v, err), FirstNonNil(a, b)).
func (r *resolver) generic(fn *types.Func, call *ast.CallExpr, index int) bool {
	params, ok := passThroughParams(fn, max(index, 0))
	if !ok {
		return false
	}
	sig := fn.Type().(*types.Signature)
	if len(call.Args) == 1 && sig.Params().Len() > 1 {
		// Must(f()): the results of f are the arguments.
		if inner, ok := ast.Unparen(call.Args[0]).(*ast.CallExpr); ok {
			for _, j := range params {
				if !r.call(inner, j) {
					r.visit.leaf(r, inner)
				}
			}
			return true
		}
	}
	for _, j := range params {
		args, spread := callArgs(call, j, sig.Variadic() && j == sig.Params().Len()-1)
		for _, a := range args {
			if spread {
				r.elements(a)
			} else {
				r.expr(a)
			}
		}
	}
	return true
}

// passThroughParams returns the parameters of a generic function whose
// type (the element type, for a variadic one) is the type parameter that
// result i has: the arguments it can return. ok is false when result i's
// type is no type parameter.
func passThroughParams(fn *types.Func, i int) (params []int, ok bool) {
	sig, isSig := fn.Type().(*types.Signature)
	if !isSig || sig.TypeParams().Len() == 0 || i >= sig.Results().Len() {
		return nil, false
	}
	tp := typeParamOf(sig.Results().At(i).Type())
	if tp == nil {
		return nil, false
	}
	for j := 0; j < sig.Params().Len(); j++ {
		pt := sig.Params().At(j).Type()
		if sig.Variadic() && j == sig.Params().Len()-1 {
			pt = pt.(*types.Slice).Elem()
		}
		if typeParamOf(pt) == tp {
			params = append(params, j)
		}
	}
	return params, true
}

// results follows result i of a function body, with call's arguments
// standing for its parameters (call nil: no caller in view).
func (r *resolver) results(call *ast.CallExpr, ftype *ast.FuncType, body *ast.BlockStmt, i int) {
	r.returned(call, ftype, body, i, false)
}

// returned follows result i of a function body: the value, or with
// elements the values it holds.
func (r *resolver) returned(call *ast.CallExpr, ftype *ast.FuncType, body *ast.BlockStmt, i int, elements bool) {
	c := r.c
	key := [4]any{body, call, i, elements}
	follow := r.expr
	if elements {
		follow = r.elements
	}
	if body == nil || r.seen[key] {
		return
	}
	r.seen[key] = true
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
				if named := resultVar(c, ftype, i); named != nil {
					r.variable(named, nil)
				}
			case len(n.Results) == 1 && nresults > 1:
				if call, ok := ast.Unparen(n.Results[0]).(*ast.CallExpr); !ok || !r.call(call, i) {
					r.visit.leaf(r, n.Results[0])
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
func (r *resolver) elements(e ast.Expr) {
	defer r.back()
	if e == nil || !r.deeper() {
		return
	}
	c := r.c
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		for _, elt := range e.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			r.expr(elt)
		}
		return
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			r.elements(e.X)
			return
		}
	case *ast.Ident:
		if v := c.varOf(e); v != nil {
			r.elementsOfVar(v, e)
			return
		}
	case *ast.SelectorExpr:
		if v, ok := c.info.Uses[e.Sel].(*types.Var); ok && !v.IsField() {
			r.elementsOfVar(v, e)
			return
		}
	case *ast.CallExpr:
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok && id.Name == "append" && len(e.Args) > 0 {
			if _, builtin := c.info.Uses[id].(*types.Builtin); builtin {
				r.elements(e.Args[0])
				for i, a := range e.Args[1:] {
					if e.Ellipsis.IsValid() && i == len(e.Args)-2 {
						r.elements(a)
					} else {
						r.expr(a)
					}
				}
				return
			}
		}
		// A slice returned by a function of this package or a closure.
		if lit := c.funcLitOf(e.Fun, 0); lit != nil {
			r.returned(e, lit.Type, lit.Body, 0, true)
			return
		}
		if fn := c.staticCallee(e); fn != nil && c.decls[fn] != nil && !r.inside(c.decls[fn].Type) {
			r.returned(e, c.decls[fn].Type, c.decls[fn].Body, 0, true)
			return
		}
	}
	r.visit.leaf(r, e)
}

// elementsOfVar follows the elements of a container variable.
func (r *resolver) elementsOfVar(v *types.Var, use ast.Expr) {
	c := r.c
	if v.Pkg() != nil && v.Pkg() != c.pass.Pkg {
		r.visit.leaf(r, use)
		return
	}
	if c.isParam(v) {
		if !r.param(v, true) {
			r.visit.leaf(r, use)
		}
		r.reassigned(v, true)
		return
	}
	key := [2]any{v, "elements"}
	if r.seen[key] {
		return
	}
	r.seen[key] = true
	r.boundValues(v, true)
	for _, w := range c.aliases[v] {
		r.elementsOfVar(w, use)
	}
}

// fieldOf follows sel (x.f.g): the values given to that field path on
// the same root variable (in its literal or by assignment), and, for a
// field of this package's types, every value this package stores in it.
func (r *resolver) fieldOf(sel *ast.SelectorExpr, f *types.Var) {
	c := r.c
	root, steps := c.selectorChain(sel)
	found := false
	if root != nil && len(steps) > 0 {
		path := make([]string, len(steps))
		for i, s := range steps {
			path[i] = s.Sel.Name
		}
		group := append([]*types.Var{root}, c.aliases[root]...)
		for _, fs := range c.fieldSets {
			if fs.rhs != nil && slices.Contains(group, fs.root) && sameFieldPath(fs.steps, path) {
				r.expr(fs.rhs)
				found = true
			}
		}
		if root.Pkg() == c.pass.Pkg && !c.isParam(root) {
			for _, ref := range c.assigns[root] {
				if ref.index < 0 && !ref.elem {
					if val := literalField(ref.expr, path); val != nil {
						r.expr(val)
						found = true
					}
				}
			}
		}
	}
	if f.Pkg() == c.pass.Pkg {
		if !r.seen[f] {
			r.seen[f] = true
			for _, val := range c.fieldValues[f] {
				r.expr(val)
			}
		}
		return
	}
	if !found {
		r.visit.leaf(r, sel)
	}
}

// isContainer reports whether e is a map, slice or array (so e[i] is one
// of its elements, not a generic instantiation).
func (c *checker) isContainer(e ast.Expr) bool {
	t := c.info.TypeOf(e)
	if t == nil {
		return false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	switch t.Underlying().(type) {
	case *types.Map, *types.Slice, *types.Array:
		return true
	}
	return false
}

// argsFor returns the arguments of fr's call that parameter v receives:
// one, or for a variadic parameter all the trailing ones (spread: the
// call passes a slice with ...).
func (c *checker) argsFor(fr frame, v *types.Var) (args []ast.Expr, variadic, spread bool) {
	i := 0
	for _, f := range fr.ftype.Params.List {
		if len(f.Names) == 0 {
			i++
			continue
		}
		for _, name := range f.Names {
			if c.info.Defs[name] != v {
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

// funcLitOf returns the function literal e denotes: written in place, or
// the only value of a local variable.
func (c *checker) funcLitOf(e ast.Expr, depth int) *ast.FuncLit {
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return e
	case *ast.Ident:
		v := c.varOf(e)
		if v == nil || depth > maxDepth || v.Pkg() != c.pass.Pkg || c.isParam(v) || len(c.assigns[v]) != 1 {
			return nil
		}
		if ref := c.assigns[v][0]; ref.index < 0 && !ref.elem {
			return c.funcLitOf(ref.expr, depth+1)
		}
	}
	return nil
}

// typeParamOf returns the type parameter t is, or points to.
func typeParamOf(t types.Type) *types.TypeParam {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	tp, _ := t.(*types.TypeParam)
	return tp
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
			if kv, ok := elt.(*ast.KeyValueExpr); ok && isIdent(kv.Key, name) {
				e = kv.Value
			}
		}
		if e == nil {
			return nil
		}
	}
	return e
}

func resultVar(c *checker, ftype *ast.FuncType, i int) *types.Var {
	k := 0
	for _, f := range ftype.Results.List {
		for _, name := range f.Names {
			if k == i {
				v, _ := c.info.Defs[name].(*types.Var)
				return v
			}
			k++
		}
	}
	return nil
}

// leafCollector gathers the leaves a value comes from.
type leafCollector struct{ leaves []ast.Expr }

func (l *leafCollector) leaf(_ *resolver, e ast.Expr) { l.leaves = append(l.leaves, e) }
func (l *leafCollector) enter(*resolver, *types.Var)  {}
func (l *leafCollector) exit(*resolver, *types.Var)   {}

// onlySource returns the one expression e's value is made by, when there
// is exactly one (a URL built in a variable or returned by a helper).
func (c *checker) onlySource(e ast.Expr) (ast.Expr, bool) {
	return c.only(c.resolver(&leafCollector{}), e)
}

// onlyInput is onlySource stopping at a parameter or a field path of one
// (cfg.Redis.TLS): what decides e when a caller decides it.
func (c *checker) onlyInput(e ast.Expr) (ast.Expr, bool) {
	r := c.resolver(&leafCollector{})
	r.inputs = true
	return c.only(r, e)
}

func (c *checker) only(r *resolver, e ast.Expr) (ast.Expr, bool) {
	r.expr(e)
	l := r.visit.(*leafCollector)
	if len(l.leaves) != 1 {
		return nil, false
	}
	return l.leaves[0], true
}

// structValue returns the one composite literal a struct value is made
// by (through variables, helpers and closures), when no variable on the
// way is changed field by field or through a pointer; ok with a nil
// literal is a zero value (var conf T). Options structs, url.URL and dial
// option structs are read this way.
func (c *checker) structValue(e ast.Expr) (lit *ast.CompositeLit, ok bool) {
	sv := &structVisitor{start: ast.Unparen(e)}
	c.resolver(sv).expr(e)
	if sv.changed || sv.zero+len(sv.leaves) != 1 {
		return nil, false
	}
	if sv.zero == 1 {
		return nil, true
	}
	lit, ok = ast.Unparen(sv.leaves[0]).(*ast.CompositeLit)
	return lit, ok
}

// structVisitor collects the leaves of a struct value and notes whether a
// variable holding it is changed in place.
type structVisitor struct {
	leafCollector
	start   ast.Expr // &v here is the use being judged, not a change
	zero    int
	changed bool
}

func (sv *structVisitor) enter(r *resolver, v *types.Var) {
	c := r.c
	if c.changedInPlace(v, sv.start) || v.Exported() && v.Parent() == c.pass.Pkg.Scope() {
		sv.changed = true // another package may write an exported variable
	}
	if len(c.assigns[v]) == 0 && len(c.aliases[v]) == 0 && structOf(v.Type()) != nil && !isPointer(v.Type()) {
		sv.zero++
	}
}

// changedInPlace reports whether v is changed other than by assigning it:
// v.F = x, or &v taken elsewhere than at except.
func (c *checker) changedInPlace(v *types.Var, except ast.Expr) bool {
	for _, fs := range c.fieldSets {
		if fs.root == v {
			return true
		}
	}
	return c.addressTaken(v, except)
}

// addressTaken reports whether v may be written through a pointer taken
// elsewhere than at except (&v, &v.f, a pointer method called on v).
func (c *checker) addressTaken(v *types.Var, except ast.Expr) bool {
	for _, by := range c.writable[v] {
		if by != except {
			return true
		}
	}
	return false
}
