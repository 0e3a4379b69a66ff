package analyzer

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// A tlsIssue is a place that weakens a TLS config: verification turned
// off, or a protocol version below TLS 1.2 allowed.
type tlsIssue struct {
	category string
	pos, end token.Pos
	node     ast.Node // *ast.KeyValueExpr or *ast.AssignStmt here; nil for remote
	lit      *ast.CompositeLit
	field    string   // the tls.Config field set (InsecureSkipVerify, MinVersion, MaxVersion)
	value    ast.Expr // the value set
	switched bool     // an operator's switch: non-constant, or under a verification condition
	remote   string   // for a helper in another package: "pkg.Func (where)"
	hook     string   // a verification hook on the same config that never rejects
}

// tlsEval follows a *tls.Config expression back to every place a value
// it can hold is made: literals, assignments to its fields, helpers'
// results (with the arguments of the call being followed), closures,
// container elements and other packages' helpers (through facts).
type tlsEval struct {
	c      *checker
	seen   map[any]bool
	issues []tlsIssue
	// frames are the calls being followed into, innermost last: a
	// parameter of the callee stands for the call's argument.
	frames []frame
}

// frame is one call followed into a function body.
type frame struct {
	call  *ast.CallExpr
	ftype *ast.FuncType
}

const maxDepth = 16

func (c *checker) newTLSEval() *tlsEval { return &tlsEval{c: c, seen: map[any]bool{}} }

func (c *checker) tlsIssues(e ast.Expr) []tlsIssue {
	ev := c.newTLSEval()
	ev.expr(e, 0)
	return ev.issues
}

func (ev *tlsEval) expr(e ast.Expr, depth int) {
	if e == nil || depth > maxDepth {
		return
	}
	c := ev.c
	switch e := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			ev.expr(e.X, depth+1)
		}
	case *ast.StarExpr:
		ev.expr(e.X, depth+1)
	case *ast.CompositeLit:
		if isTLSConfig(c.info.TypeOf(e)) {
			ev.literal(e)
		}
	case *ast.Ident:
		if v := c.varOf(e); v != nil {
			ev.variable(v, e, depth+1)
		}
	case *ast.SelectorExpr:
		v, ok := c.info.Uses[e.Sel].(*types.Var)
		switch {
		case !ok:
		case !v.IsField():
			ev.variable(v, e, depth+1) // pkg.Var
		default:
			ev.fieldOf(e, v, depth+1)
		}
	case *ast.IndexExpr:
		if c.isContainer(e.X) {
			ev.elements(e.X, depth+1)
		}
	case *ast.TypeAssertExpr:
		ev.expr(e.X, depth+1)
	case *ast.CallExpr:
		ev.call(e, -1, depth+1)
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

// elements follows every value a container expression can hold: the
// elements of its literals, values stored by index, appended values, and
// the arguments given to a variadic parameter.
func (ev *tlsEval) elements(e ast.Expr, depth int) {
	c := ev.c
	if e == nil || depth > maxDepth {
		return
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		for _, elt := range e.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			ev.expr(elt, depth+1)
		}
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			ev.elements(e.X, depth+1)
		}
	case *ast.Ident:
		if v := c.varOf(e); v != nil {
			ev.elementsOfVar(v, e, depth+1)
		}
	case *ast.SelectorExpr:
		if v, ok := c.info.Uses[e.Sel].(*types.Var); ok && !v.IsField() {
			ev.elementsOfVar(v, e, depth+1)
		}
	case *ast.CallExpr:
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok && id.Name == "append" && len(e.Args) > 0 {
			if _, builtin := c.info.Uses[id].(*types.Builtin); builtin {
				ev.elements(e.Args[0], depth+1)
				for i, a := range e.Args[1:] {
					if e.Ellipsis.IsValid() && i == len(e.Args)-2 {
						ev.elements(a, depth+1)
					} else {
						ev.expr(a, depth+1)
					}
				}
			}
		}
	}
}

// elementsOfVar follows the elements of a container variable.
func (ev *tlsEval) elementsOfVar(v *types.Var, use ast.Expr, depth int) {
	c := ev.c
	if v.Pkg() != nil && v.Pkg() != c.pass.Pkg {
		ev.remote(v, use)
		return
	}
	key := [2]any{v, "elements"}
	if ev.seen[key] || depth > maxDepth {
		return
	}
	ev.seen[key] = true
	if c.isParam(v) {
		ev.paramElements(v, depth+1)
		return
	}
	for _, ref := range c.assigns[v] {
		if ref.index < 0 && !ref.elem {
			ev.elements(ref.expr, depth+1)
		}
	}
	for _, val := range c.elemSets[v] {
		ev.expr(val, depth+1)
	}
	for _, w := range c.aliases[v] {
		ev.elementsOfVar(w, use, depth+1)
	}
}

// holdsTLSConfigs reports whether t is a map, slice or array of TLS configs.
func holdsTLSConfigs(t types.Type) bool {
	switch t := t.Underlying().(type) {
	case *types.Map:
		return isTLSConfig(t.Elem())
	case *types.Slice:
		return isTLSConfig(t.Elem())
	case *types.Array:
		return isTLSConfig(t.Elem())
	}
	return false
}

func (ev *tlsEval) literal(lit *ast.CompositeLit) {
	if ev.seen[lit] {
		return
	}
	ev.seen[lit] = true
	before := len(ev.issues)
	var hooks []hookSetting
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		key, _ := kv.Key.(*ast.Ident)
		if key == nil {
			continue
		}
		if isVerifyHook(key.Name) {
			hooks = append(hooks, hookSetting{key.Name, kv.Value})
			continue
		}
		ev.field(key.Name, kv, lit, kv.Value)
	}
	ev.applyHooks(before, hooks)
}

// hookSetting is a verification hook set on a config.
type hookSetting struct {
	name  string
	value ast.Expr
}

func isVerifyHook(field string) bool {
	return field == "VerifyPeerCertificate" || field == "VerifyConnection"
}

// applyHooks judges the skip-verify issues found since before against the
// config's verification hooks: a hook that can reject a certificate (it
// pins one, or verifies the chain itself, as crypto/tls documents for
// custom verification) means verification is not off; a hook that never
// rejects is named in the finding.
func (ev *tlsEval) applyHooks(before int, hooks []hookSetting) {
	if len(hooks) == 0 {
		return
	}
	name := ""
	for _, h := range hooks {
		if ev.c.isNil(h.value) {
			continue
		}
		if ev.c.hookRejects(h.value, 0) {
			kept := ev.issues[:before]
			for _, is := range ev.issues[before:] {
				if is.category != CategorySkipVerify {
					kept = append(kept, is)
				}
			}
			ev.issues = kept
			return
		}
		name = h.name
	}
	for i := before; i < len(ev.issues); i++ {
		if ev.issues[i].category == CategorySkipVerify && name != "" {
			ev.issues[i].hook = name
		}
	}
}

// hookRejects reports whether a verification hook can return an error
// (or panic): a function we cannot read is given the benefit of the doubt.
func (c *checker) hookRejects(e ast.Expr, depth int) bool {
	if depth > maxDepth {
		return true
	}
	var body *ast.BlockStmt
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		body = e.Body
	case *ast.Ident, *ast.SelectorExpr:
		var obj types.Object
		if id, ok := e.(*ast.Ident); ok {
			obj = c.info.Uses[id]
		} else {
			obj = c.info.Uses[e.(*ast.SelectorExpr).Sel]
		}
		switch obj := obj.(type) {
		case *types.Func:
			decl := c.decls[obj]
			if decl == nil {
				return true // another package's: cannot be read
			}
			body = decl.Body
		case *types.Var:
			if obj.Pkg() != c.pass.Pkg || c.isParam(obj) || len(c.assigns[obj]) == 0 {
				return true
			}
			for _, ref := range c.assigns[obj] {
				if ref.index >= 0 || ref.elem || c.hookRejects(ref.expr, depth+1) {
					return true
				}
			}
			return false
		default:
			return true
		}
	default:
		return true
	}
	if body == nil {
		return true
	}
	rejects := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				if tv, ok := c.info.Types[r]; !ok || !tv.IsNil() {
					rejects = true
				}
			}
			if len(n.Results) == 0 {
				rejects = true // named result: may hold an error
			}
		case *ast.CallExpr:
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && id.Name == "panic" {
				rejects = true
			}
			if fn := c.staticCallee(n); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "log" && strings.HasPrefix(fn.Name(), "Fatal") {
				rejects = true
			}
		}
		return !rejects
	})
	return rejects
}

// field judges one setting of a tls.Config field, by literal or assignment.
func (ev *tlsEval) field(name string, node ast.Node, lit *ast.CompositeLit, value ast.Expr) {
	c := ev.c
	switch name {
	case "InsecureSkipVerify":
		val, isConst := c.constBool(value)
		if isConst && !val {
			return
		}
		ev.issues = append(ev.issues, tlsIssue{category: CategorySkipVerify, pos: node.Pos(), end: node.End(),
			node: node, lit: lit, field: name, value: value, switched: !isConst || c.underVerifySwitch(node)})
	case "MinVersion", "MaxVersion":
		if v, ok := c.constVersion(value); ok && v != 0 && v < tls12 {
			ev.issues = append(ev.issues, tlsIssue{category: CategoryWeakTLS, pos: node.Pos(), end: node.End(),
				node: node, lit: lit, field: name, value: value})
		}
	}
}

const tls12 = 0x0303

// constVersion returns a constant TLS version value.
func (c *checker) constVersion(value ast.Expr) (uint64, bool) {
	tv, ok := c.info.Types[value]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return 0, false
	}
	v, exact := constant.Uint64Val(tv.Value)
	return v, exact
}

// variable follows the values bound to v and the fields set on it.
func (ev *tlsEval) variable(v *types.Var, use ast.Expr, depth int) {
	c := ev.c
	if v.Pkg() != nil && v.Pkg() != c.pass.Pkg {
		ev.remote(v, use)
		return
	}
	if c.isParam(v) {
		ev.param(v, depth+1)
		return
	}
	if ev.seen[v] || depth > maxDepth {
		return
	}
	ev.seen[v] = true
	before := len(ev.issues)
	for _, ref := range c.assigns[v] {
		switch {
		case ref.elem:
			ev.elements(ref.expr, depth+1)
		case ref.index >= 0:
			if call, ok := ast.Unparen(ref.expr).(*ast.CallExpr); ok {
				ev.call(call, ref.index, depth+1)
			}
		default:
			ev.expr(ref.expr, depth+1)
		}
	}
	// Fields set through v or any variable holding the same pointer. An
	// unconditional setting that restores verification (a Clone followed
	// by InsecureSkipVerify = false) overrides what v was made from.
	group := append([]*types.Var{v}, c.aliases[v]...)
	var sets []*fieldSet
	var hooks []hookSetting
	for _, fs := range c.fieldSets {
		if len(fs.steps) != 1 || fs.rhs == nil || !slices.Contains(group, fs.root) {
			continue
		}
		if !isTLSConfig(c.info.TypeOf(fs.steps[0].X)) {
			continue
		}
		if isVerifyHook(fs.last()) {
			hooks = append(hooks, hookSetting{fs.last(), fs.rhs})
			continue
		}
		sets = append(sets, fs)
	}
	ev.overrides(before, sets)
	for _, fs := range sets {
		if ev.seen[fs.stmt] {
			continue
		}
		ev.seen[fs.stmt] = true
		ev.field(fs.last(), fs.stmt, nil, fs.rhs)
	}
	for _, w := range c.aliases[v] {
		ev.variable(w, use, depth+1)
	}
	ev.applyHooks(before, hooks)
}

// overrides drops the issues found since before that an unconditional
// assignment among sets puts right.
func (ev *tlsEval) overrides(before int, sets []*fieldSet) {
	c := ev.c
	fixed := map[string]bool{}
	for _, fs := range sets {
		if !c.unconditional(fs.stmt) {
			continue
		}
		switch fs.last() {
		case "InsecureSkipVerify":
			if v, ok := c.constBool(fs.rhs); ok && !v {
				fixed[fs.last()] = true
			}
		case "MinVersion", "MaxVersion":
			if v, ok := c.constVersion(fs.rhs); ok && (v == 0 || v >= tls12) {
				fixed[fs.last()] = true
			}
		}
	}
	if len(fixed) == 0 {
		return
	}
	kept := ev.issues[:before]
	for _, is := range ev.issues[before:] {
		if !fixed[is.field] {
			kept = append(kept, is)
		}
	}
	ev.issues = kept
}

// unconditional reports whether stmt runs whenever its function does: it
// stands directly in the function's body.
func (c *checker) unconditional(stmt ast.Stmt) bool {
	block, ok := c.parentOf(stmt).(*ast.BlockStmt)
	if !ok {
		return false
	}
	switch c.parentOf(block).(type) {
	case *ast.FuncDecl, *ast.FuncLit:
		return true
	}
	return false
}

// param follows a parameter to the argument of the call being followed,
// if any: a helper's parameter stands for what its caller passes.
func (ev *tlsEval) param(v *types.Var, depth int) {
	for i := len(ev.frames) - 1; i >= 0; i-- {
		fr := ev.frames[i]
		args, _ := ev.c.argsFor(fr, v)
		if args == nil {
			continue
		}
		saved := ev.frames
		ev.frames = ev.frames[:i] // the arguments are the caller's expressions
		for _, a := range args {
			ev.expr(a, depth+1)
		}
		ev.frames = saved
		return
	}
}

// paramElements follows the elements of a variadic parameter: the
// arguments given to it.
func (ev *tlsEval) paramElements(v *types.Var, depth int) {
	for i := len(ev.frames) - 1; i >= 0; i-- {
		fr := ev.frames[i]
		args, spread := ev.c.argsFor(fr, v)
		if args == nil {
			continue
		}
		saved := ev.frames
		ev.frames = ev.frames[:i]
		for _, a := range args {
			if spread {
				ev.elements(a, depth+1)
			} else {
				ev.expr(a, depth+1)
			}
		}
		ev.frames = saved
		return
	}
}

// argsFor returns the arguments of fr's call that parameter v receives:
// one, or for a variadic parameter all the trailing ones (spread: the
// call passes a slice with ...).
func (c *checker) argsFor(fr frame, v *types.Var) (args []ast.Expr, spread bool) {
	i := 0
	for _, f := range fr.ftype.Params.List {
		names := f.Names
		if len(names) == 0 {
			i++
			continue
		}
		for _, name := range names {
			if c.info.Defs[name] != v {
				i++
				continue
			}
			_, variadic := f.Type.(*ast.Ellipsis)
			return callArgs(fr.call, i, variadic)
		}
	}
	return nil, false
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

// call follows what a call returns (result index, -1 for the only one).
func (ev *tlsEval) call(call *ast.CallExpr, index, depth int) {
	c := ev.c
	if depth > maxDepth {
		return
	}
	if lit := c.funcLitOf(call.Fun, 0); lit != nil {
		ev.results(call, lit.Type, lit.Body, max(index, 0), depth+1)
		return
	}
	fn := c.staticCallee(call)
	if fn == nil {
		return
	}
	if fn.Name() == "Clone" && isTLSConfig(recvType(fn)) {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			ev.expr(sel.X, depth+1)
		}
		return
	}
	if fn.Pkg() != c.pass.Pkg {
		ev.remote(fn, call)
		ev.generic(fn, call, index, depth+1)
		return
	}
	decl := c.decls[fn]
	if decl == nil {
		return
	}
	ev.results(call, decl.Type, decl.Body, max(index, 0), depth+1)
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

// generic follows a call of another package's generic function whose
// result has the type of a type parameter: such a function can only return
// what it is given (or the zero value), so its result is one of the
// arguments of that type (Must(v, err), FirstNonNil(a, b)).
func (ev *tlsEval) generic(fn *types.Func, call *ast.CallExpr, index, depth int) {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.TypeParams().Len() == 0 {
		return
	}
	res := sig.Results()
	i := max(index, 0)
	if i >= res.Len() {
		return
	}
	tp := typeParamOf(res.At(i).Type())
	if tp == nil {
		return
	}
	params := sig.Params()
	for j := 0; j < params.Len(); j++ {
		pt := params.At(j).Type()
		variadic := sig.Variadic() && j == params.Len()-1
		if variadic {
			pt = pt.(*types.Slice).Elem()
		}
		if typeParamOf(pt) != tp {
			continue
		}
		args, spread := callArgs(call, j, variadic)
		for _, a := range args {
			if spread {
				ev.elements(a, depth+1)
			} else {
				ev.expr(a, depth+1)
			}
		}
	}
}

// typeParamOf returns the type parameter t is, or points to.
func typeParamOf(t types.Type) *types.TypeParam {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	tp, _ := t.(*types.TypeParam)
	return tp
}

// results follows result i of a function body, with call's arguments
// standing for its parameters.
func (ev *tlsEval) results(call *ast.CallExpr, ftype *ast.FuncType, body *ast.BlockStmt, i, depth int) {
	c := ev.c
	key := [3]any{body, call, i}
	if body == nil || ev.seen[key] || depth > maxDepth {
		return
	}
	ev.seen[key] = true
	if call != nil {
		ev.frames = append(ev.frames, frame{call, ftype})
		defer func() { ev.frames = ev.frames[:len(ev.frames)-1] }()
	}
	nresults := ftype.Results.NumFields()
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			switch {
			case len(n.Results) == 0: // bare return of named results
				if named := resultVar(c, ftype, i); named != nil {
					ev.variable(named, nil, depth+1)
				}
			case len(n.Results) == 1 && nresults > 1:
				if call, ok := ast.Unparen(n.Results[0]).(*ast.CallExpr); ok {
					ev.call(call, i, depth+1)
				}
			case i < len(n.Results):
				ev.expr(n.Results[i], depth+1)
			}
		}
		return true
	})
}

// fieldOf follows sel (x.f, a field holding a config): the values given
// to that field path on the same root variable (in its literal or by
// assignment), and, for a field of this package's types, every value this
// package stores in it.
func (ev *tlsEval) fieldOf(sel *ast.SelectorExpr, f *types.Var, depth int) {
	c := ev.c
	root, steps := c.selectorChain(sel)
	if root != nil && len(steps) > 0 {
		path := make([]string, len(steps))
		for i, s := range steps {
			path[i] = s.Sel.Name
		}
		group := append([]*types.Var{root}, c.aliases[root]...)
		for _, fs := range c.fieldSets {
			if fs.rhs != nil && slices.Contains(group, fs.root) && sameFieldPath(fs.steps, path) {
				ev.expr(fs.rhs, depth+1)
			}
		}
		if root.Pkg() == c.pass.Pkg && !c.isParam(root) {
			for _, ref := range c.assigns[root] {
				if ref.index < 0 && !ref.elem {
					ev.expr(literalField(ref.expr, path), depth+1)
				}
			}
		}
	}
	if f.Pkg() == c.pass.Pkg && !ev.seen[f] {
		ev.seen[f] = true
		for _, val := range c.fieldValues[f] {
			ev.expr(val, depth+1)
		}
	}
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

func recvType(fn *types.Func) types.Type {
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		return sig.Recv().Type()
	}
	return nil
}

// remote reports a helper from another package whose fact says it
// returns an insecure config.
func (ev *tlsEval) remote(obj types.Object, use ast.Expr) {
	if use == nil {
		return
	}
	var fact InsecureTLSFact
	if !ev.c.pass.ImportObjectFact(obj, &fact) {
		return
	}
	name := obj.Name()
	if obj.Pkg() != nil {
		name = obj.Pkg().Name() + "." + name
	}
	if fact.SkipVerify != "" {
		ev.issues = append(ev.issues, tlsIssue{category: CategorySkipVerify, pos: use.Pos(), end: use.End(),
			remote: fmt.Sprintf("%s (%s)", name, fact.SkipVerify)})
	}
	if fact.WeakMin != "" {
		ev.issues = append(ev.issues, tlsIssue{category: CategoryWeakTLS, pos: use.Pos(), end: use.End(),
			remote: fmt.Sprintf("%s (%s)", name, fact.WeakMin)})
	}
}

// underVerifySwitch reports whether n is set only when a condition about
// verification holds (if cfg.InsecureSkipVerify { ... }): an operator's
// switch, like a non-constant value.
func (c *checker) underVerifySwitch(n ast.Node) bool {
	child := n
	for p := c.parentOf(n); p != nil; child, p = p, c.parentOf(p) {
		switch p := p.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		case *ast.IfStmt:
			if child != p.Cond && child != p.Init && mentionsVerification(p.Cond) {
				return true
			}
		case *ast.CaseClause:
			for _, e := range p.List {
				if mentionsVerification(e) {
					return true
				}
			}
			if sw, ok := c.parentOf(c.parentOf(p)).(*ast.SwitchStmt); ok && sw.Tag != nil && mentionsVerification(sw.Tag) {
				return true
			}
		}
	}
	return false
}

// mentionsVerification reports whether an expression's names or strings
// speak of skipping verification (REDIS_INSECURE, cfg.SkipVerify, ...).
func mentionsVerification(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		var s string
		switch n := n.(type) {
		case *ast.Ident:
			s = n.Name
		case *ast.BasicLit:
			s = n.Value
		}
		s = strings.ToLower(s)
		if strings.Contains(s, "insecure") || strings.Contains(s, "verif") || strings.Contains(s, "skiptls") || strings.Contains(s, "skip_tls") {
			found = true
		}
		return !found
	})
	return found
}

// checkTLSSinks judges every TLS config that reaches a Redis client:
// the TLS field of an options value (literal or assignment), settings
// made through it (opt.TLSConfig.InsecureSkipVerify = true), and redigo's
// DialTLSConfig.
func (c *checker) checkTLSSinks() {
	var issues []tlsIssue
	for _, lit := range c.lits {
		ot := c.optionsTypeOf(c.info.TypeOf(lit))
		if ot == nil || c.onlyComparedInTest(lit, ot) {
			continue
		}
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok && isIdent(kv.Key, ot.tls) {
				issues = append(issues, c.tlsIssues(kv.Value)...)
			}
		}
	}
	for _, fs := range c.fieldSets {
		n := len(fs.steps)
		if n == 0 {
			continue // pkg.Var = v: not a field
		}
		if ot := c.optionsTypeOf(c.info.TypeOf(fs.steps[n-1].X)); ot != nil && fs.last() == ot.tls && fs.rhs != nil {
			issues = append(issues, c.tlsIssues(fs.rhs)...)
		}
		if n >= 2 && fs.rhs != nil {
			holder := fs.steps[n-2]
			if ot := c.optionsTypeOf(c.info.TypeOf(holder.X)); ot != nil && holder.Sel.Name == ot.tls {
				ev := c.newTLSEval()
				ev.field(fs.last(), fs.stmt, nil, fs.rhs)
				issues = append(issues, ev.issues...)
			}
		}
	}
	// t := opt.TLSConfig; t.InsecureSkipVerify = true: settings made
	// through a variable holding an options value's TLS config.
	for _, fs := range c.fieldSets {
		if len(fs.steps) == 1 && fs.rhs != nil && fs.root != nil && c.holdsClientTLS(fs.root) && isTLSConfig(c.info.TypeOf(fs.steps[0].X)) {
			ev := c.newTLSEval()
			ev.field(fs.last(), fs.stmt, nil, fs.rhs)
			issues = append(issues, ev.issues...)
		}
	}
	for _, call := range c.calls {
		if c.dialOptionKind(call) == optTLSConfig && len(call.Args) == 1 {
			issues = append(issues, c.tlsIssues(call.Args[0])...)
		}
	}
	for _, is := range issues {
		c.reportTLSIssue(is)
	}
}

// holdsClientTLS reports whether v is bound to an options value's TLS
// config (t := opt.TLSConfig).
func (c *checker) holdsClientTLS(v *types.Var) bool {
	if v.Pkg() != c.pass.Pkg {
		return false
	}
	for _, ref := range c.assigns[v] {
		sel, ok := ast.Unparen(ref.expr).(*ast.SelectorExpr)
		if !ok || ref.index >= 0 || ref.elem {
			continue
		}
		if ot := c.optionsTypeOf(c.info.TypeOf(sel.X)); ot != nil && sel.Sel.Name == ot.tls {
			return true
		}
	}
	return false
}

// onlyComparedInTest reports whether lit, in a _test.go file, never
// reaches a client: a test table's expected options, which are compared,
// not used to connect.
func (c *checker) onlyComparedInTest(lit *ast.CompositeLit, ot *optionsType) bool {
	if !c.inTestFile(lit.Pos()) || ot.tlsOnly {
		return false
	}
	fl := c.newFlow(ot)
	fl.from(lit, 0)
	return !fl.consumed
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

const skipAdvice = "anyone on the network path can impersonate the server and read the traffic, AUTH password included; trust the provider's CA with tls.Config.RootCAs instead, or, if skipping is deliberate (e.g. a provider's self-signed certificate), say why in a comment on this line or the line above"

func (c *checker) reportTLSIssue(is tlsIssue) {
	if is.switched && !c.cfg.ReportSwitches {
		return
	}
	f := finding{pos: is.pos, end: is.end, category: is.category, justifiable: is.category == CategorySkipVerify}
	switch {
	case is.category == CategorySkipVerify && is.remote != "":
		f.message = "Redis TLS without certificate verification: this Redis client's TLS config comes from " + is.remote +
			", which sets InsecureSkipVerify; " + skipAdvice
	case is.category == CategorySkipVerify:
		what := "InsecureSkipVerify: true"
		if _, ok := c.constBool(is.value); !ok {
			what = "InsecureSkipVerify set from " + types.ExprString(is.value) + " (an operator's switch)"
		}
		if is.hook != "" {
			what += " (and its " + is.hook + " hook never rejects a certificate: it only returns nil)"
		}
		f.message = "Redis TLS without certificate verification: " + what + " makes this Redis client accept any certificate; " + skipAdvice
		if edits := c.removeTLSSetting(is); edits != nil {
			f.fixes = []analysis.SuggestedFix{{Message: "Remove InsecureSkipVerify so the server's certificate is verified", TextEdits: edits}}
		}
	case is.remote != "":
		f.message = "Redis TLS allows versions below 1.2: this Redis client's TLS config comes from " + is.remote +
			", which allows protocol versions below TLS 1.2 (MinVersion or MaxVersion); raise it to tls.VersionTLS12"
	case is.field == "MaxVersion":
		f.message = "Redis TLS allows versions below 1.2: MaxVersion " + types.ExprString(is.value) +
			" on a Redis client's TLS config allows only protocol versions with known weaknesses; remove it (Go then negotiates up to TLS 1.3)"
		if edits := c.removeTLSSetting(is); edits != nil {
			f.fixes = []analysis.SuggestedFix{{Message: "Remove MaxVersion so TLS 1.2 and 1.3 can be negotiated", TextEdits: edits}}
		}
	default:
		f.message = "Redis TLS allows versions below 1.2: MinVersion " + types.ExprString(is.value) +
			" on a Redis client's TLS config allows protocol versions with known weaknesses; raise it to tls.VersionTLS12"
		if edits := c.raiseMinVersion(is); edits != nil {
			f.fixes = []analysis.SuggestedFix{{Message: "Raise MinVersion to tls.VersionTLS12", TextEdits: edits}}
		}
	}
	c.report(f)
}

// accepted reports whether the code at pos says it accepts a weakened
// config: an ignore directive with a reason, or a justification comment.
func (c *checker) accepted(pos token.Pos) bool {
	_, justified := c.justifiedAt(pos)
	_, ignored := c.ignoredAt(pos)
	return justified || ignored
}

// exportFacts marks functions and package variables of this package that
// yield an insecure *tls.Config, for packages that use them for Redis.
func (c *checker) exportFacts() {
	where := func(is tlsIssue) string {
		if is.remote != "" {
			return is.remote
		}
		p := c.pass.Fset.Position(is.pos)
		return fmt.Sprintf("%s/%s:%d", c.pass.Pkg.Path(), filepath.Base(p.Filename), p.Line)
	}
	mark := func(obj types.Object, issues []tlsIssue) {
		var fact InsecureTLSFact
		for _, is := range issues {
			if is.switched && !c.cfg.ReportSwitches || is.remote == "" && c.accepted(is.pos) {
				continue
			}
			if is.category == CategorySkipVerify && fact.SkipVerify == "" {
				fact.SkipVerify = where(is)
			}
			if is.category == CategoryWeakTLS && fact.WeakMin == "" {
				fact.WeakMin = where(is)
			}
		}
		if fact != (InsecureTLSFact{}) {
			c.pass.ExportObjectFact(obj, &fact)
		}
	}
	for fn, decl := range c.decls {
		sig, ok := fn.Type().(*types.Signature)
		if !ok || !fn.Exported() && !isExportedMethod(fn) {
			continue
		}
		if sig.Results().Len() > 0 && isString(sig.Results().At(0).Type()) && c.returnsLocalAddr(fn, 0) {
			c.pass.ExportObjectFact(fn, new(LocalAddrFact))
		}
		c.exportParamTLS(fn, decl)
		for i := 0; i < sig.Results().Len(); i++ {
			if isTLSConfig(sig.Results().At(i).Type()) {
				ev := c.newTLSEval()
				ev.results(nil, decl.Type, decl.Body, i, 0)
				mark(fn, ev.issues)
			}
		}
	}
	scope := c.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		v, ok := scope.Lookup(name).(*types.Var)
		if !ok || !v.Exported() {
			continue
		}
		ev := c.newTLSEval()
		switch {
		case isTLSConfig(v.Type()):
			ev.variable(v, nil, 0)
		case holdsTLSConfigs(v.Type()):
			ev.elementsOfVar(v, nil, 0)
		default:
			continue
		}
		mark(v, ev.issues)
	}
}

func isExportedMethod(fn *types.Func) bool {
	return fn.Exported() && recvType(fn) != nil
}

// exportParamTLS records which options parameters of fn it leaves without
// TLS (ParamTLSFact), for callers in other packages.
func (c *checker) exportParamTLS(fn *types.Func, decl *ast.FuncDecl) {
	var fact ParamTLSFact
	i := 0
	for _, field := range decl.Type.Params.List {
		names := field.Names
		if len(names) == 0 {
			names = []*ast.Ident{nil}
		}
		for _, name := range names {
			t := c.info.TypeOf(field.Type)
			if _, isPtr := types.Unalias(t).(*types.Pointer); isPtr && name != nil {
				if ot := c.optionsTypeOf(t); ot != nil && !ot.tlsOnly {
					if v, ok := c.info.Defs[name].(*types.Var); ok {
						fl := c.newFlow(ot)
						fl.variable(v, 0)
						if !fl.tls && !fl.unknown {
							fact.Leaves = append(fact.Leaves, i)
							if fl.consumed {
								fact.Consumes = append(fact.Consumes, i)
							}
						}
					}
				}
			}
			i++
		}
	}
	if len(fact.Leaves) > 0 {
		c.pass.ExportObjectFact(fn, &fact)
	}
}
