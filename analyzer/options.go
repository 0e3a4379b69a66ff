package analyzer

import (
	"fmt"
	"github.com/redistlslint/redistlslint/internal/clients"
	"github.com/redistlslint/redistlslint/internal/edit"
	"github.com/redistlslint/redistlslint/internal/flow"
	"go/ast"
	"go/token"
	"go/types"
	"golang.org/x/tools/go/ast/edge"
	"slices"

	"golang.org/x/tools/go/analysis"
)

// optionsFlow is what the code does with one options value: whether TLS
// (or a custom dialer) may be set on it anywhere, and the addresses given.
type optionsFlow struct {
	c        *checker
	ot       *clients.OptionsType
	pkg      string // import path of the options type
	seen     map[any]bool
	tls      bool // TLSConfig may be non-nil
	unknown  bool // the value reaches code we cannot follow, or a custom dialer
	consumed bool // the value reaches a client library (a constructor)
	// tlsValues are the values TLS is set to (nil: set by code we cannot
	// see), for function summaries (summary.go).
	tlsValues    []ast.Expr
	returnedFrom bool // the value is returned from a function (summary.go)
	// keepDialers, in a summary, records the dialers set (dialerValues)
	// instead of giving up: one set only for some URL schemes leaves the
	// others judged (summaryscheme.go).
	keepDialers  bool
	dialerValues []ast.Expr
	addrs        []ast.Expr
	networks     []ast.Expr
	// via records the call through which the value entered a function of
	// this package: what that function returns goes back to that call
	// only, not to every caller (mustOpts(redis.ParseURL(u))).
	via map[*types.Func]*ast.CallExpr
	// handover is where the value is handed to a summarized function that
	// gives it to the client library unchanged (summarywhole.go): reaching
	// it consumes the value; handedName names that function for the message,
	// handedAt where it builds the client.
	handover   ast.Expr
	handedName string // "asynqmon.New"
	handedAt   string // "handler.go:63"
}

// checkOptions reports options values built without TLS (missing-tls):
// composite literals, new(T) and var v T.
func (c *checker) checkOptions() {
	for _, lit := range c.ix.Lits {
		ot := clients.OptionsTypeOf(c.info.TypeOf(lit))
		if ot == nil || ot.TLSOnly {
			continue
		}
		fl := c.newFlow(ot)
		fl.pkg = flow.PkgPathOf(c.info.TypeOf(lit))
		fl.literal(lit)
		fl.from(lit, 0)
		pos := lit.Pos()
		if c.inTestFile(pos) && !fl.consumed {
			continue // a test's expected value, compared rather than used to connect
		}
		c.env().recordOptionsEnv(fl)
		if fl.missingTLS() {
			c.reportMissingTLS(fl, pos, lit.Lbrace+1, func() []analysis.TextEdit { return c.addTLSField(lit, ot.TLS) })
		}
	}
	for _, call := range c.ix.Calls {
		if !flow.BuiltinCall(c.info, call, "new") || len(call.Args) != 1 {
			continue
		}
		ot := clients.OptionsTypeOf(c.info.TypeOf(call.Args[0]))
		if ot == nil || ot.TLSOnly {
			continue
		}
		fl := c.newFlow(ot)
		fl.pkg = flow.PkgPathOf(c.info.TypeOf(call.Args[0]))
		fl.from(call, 0)
		c.env().recordOptionsEnv(fl)
		if fl.missingTLS() {
			c.reportMissingTLS(fl, call.Pos(), call.End(), func() []analysis.TextEdit { return c.setTLSAfter(call, ot.TLS) })
		}
	}
	for _, spec := range c.ix.VarDecls {
		if len(spec.Values) != 0 {
			continue
		}
		for _, name := range spec.Names {
			v, ok := c.info.Defs[name].(*types.Var)
			if !ok {
				continue
			}
			fl := c.declaredFlow(v)
			if fl == nil {
				continue
			}
			ot := fl.ot
			c.env().recordOptionsEnv(fl)
			if fl.missingTLS() {
				c.reportMissingTLS(fl, name.Pos(), name.End(), func() []analysis.TextEdit { return c.setTLSAfter(name, ot.TLS) })
			}
		}
	}
}

// declaredFlow follows an options value declared without a value (var o
// T); nil when v is not one (a nil pointer builds nothing).
func (c *checker) declaredFlow(v *types.Var) *optionsFlow {
	if _, isPtr := v.Type().Underlying().(*types.Pointer); isPtr {
		return nil
	}
	ot := clients.OptionsTypeOf(v.Type())
	if ot == nil || ot.TLSOnly {
		return nil
	}
	fl := c.newFlow(ot)
	fl.pkg = flow.PkgPathOf(v.Type())
	fl.variable(v, 0)
	return fl
}

func (c *checker) newFlow(ot *clients.OptionsType) *optionsFlow {
	return &optionsFlow{c: c, ot: ot, seen: map[any]bool{}}
}

// missingTLS reports whether the value certainly has no TLS and its
// address is not provably local.
func (fl *optionsFlow) missingTLS() bool {
	if fl.tls || fl.unknown {
		return false
	}
	for _, n := range fl.networks {
		if s, ok := flow.ConstString(fl.c.info, n); ok && s == "unix" {
			return false
		}
	}
	for _, a := range fl.addrs {
		if !fl.c.addrLocal(a, fl.ot.UnixAddr, 0) {
			return true
		}
	}
	return false // no address: the library's localhost default
}

// literal reads the settings written in the literal itself.
func (fl *optionsFlow) literal(lit *ast.CompositeLit) {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		key, _ := kv.Key.(*ast.Ident)
		if key == nil {
			continue
		}
		fl.set(key.Name, kv.Value, true)
	}
}

// set records that field name is set to value (value nil: set by code we
// cannot see, e.g. a deeper assignment through the field).
func (fl *optionsFlow) set(name string, value ast.Expr, plain bool) {
	ot := fl.ot
	switch {
	case name == ot.TLS:
		if value == nil || !fl.c.ix.IsNil(value) {
			fl.tls = true
			fl.tlsValues = append(fl.tlsValues, value)
		}
	case slices.Contains(ot.Dialers, name):
		if value != nil && fl.keepDialers && !fl.c.ix.IsNil(value) {
			fl.dialerValues = append(fl.dialerValues, value)
		} else if value == nil || !fl.c.ix.IsNil(value) {
			fl.unknown = true
		}
	case slices.Contains(ot.Addrs, name) && plain && value != nil:
		fl.addrs = append(fl.addrs, value)
	case name == ot.Network && ot.Network != "" && plain && value != nil:
		fl.networks = append(fl.networks, value)
	}
}

// from follows where the value of e (an expression denoting the options
// value) goes.
func (fl *optionsFlow) from(e ast.Expr, depth int) {
	c := fl.c
	if depth > flow.MaxDepth || fl.unknown {
		return
	}
	if fl.handover != nil && e == ast.Unparen(fl.handover) {
		fl.consumed = true
		return
	}
	p := c.ix.Parent(e)
	switch p := p.(type) {
	case *ast.ParenExpr, *ast.StarExpr:
		fl.from(p.(ast.Expr), depth+1)
	case *ast.UnaryExpr:
		if p.Op == token.AND {
			fl.from(p, depth+1)
		}
	case *ast.SelectorExpr:
		if p.X == e {
			fl.selected(p)
		}
	case *ast.KeyValueExpr:
		if p.Value != e {
			return
		}
		field, ok := c.info.Uses[identOf(p.Key)].(*types.Var)
		if !ok || !field.IsField() {
			if lit, ok := c.ix.Parent(p).(*ast.CompositeLit); ok {
				fl.container(lit, depth+1) // an element of a map
				return
			}
			fl.unknown = true
			return
		}
		fl.field(field, depth+1)
	case *ast.CompositeLit:
		fl.container(p, depth+1) // an element of a slice or array
	case *ast.IndexExpr:
		if p.X == e {
			return // indexing the value itself (it is not a container)
		}
		fl.unknown = true
	case *ast.CallExpr:
		fl.argument(p, e, depth+1)
	case *ast.ReturnStmt:
		fl.returned(p, e, depth+1)
	case *ast.AssignStmt:
		for i, r := range p.Rhs {
			if r != e {
				continue
			}
			if len(p.Lhs) != len(p.Rhs) {
				fl.unknown = true
				return
			}
			fl.storedIn(p.Lhs[i], depth+1)
		}
	case *ast.ValueSpec:
		for i, v := range p.Values {
			if v == e && i < len(p.Names) {
				fl.storedIn(p.Names[i], depth+1)
			}
		}
	case *ast.ExprStmt, *ast.BinaryExpr, *ast.IfStmt, *ast.SwitchStmt, *ast.RangeStmt:
		// used, not stored or passed on
	default:
		fl.unknown = true
	}
}

// container follows a container literal that holds the value: where an
// element is taken from it (m[k], range) the value goes on; anything else
// done with the container is not followed.
func (fl *optionsFlow) container(lit *ast.CompositeLit, depth int) {
	c := fl.c
	if depth > flow.MaxDepth || fl.unknown {
		return
	}
	var v *types.Var
	switch p := c.ix.Parent(lit).(type) {
	case *ast.RangeStmt:
		fl.rangeValue(p, depth+1)
		return
	case *ast.AssignStmt:
		for i, r := range p.Rhs {
			if r == lit && len(p.Lhs) == len(p.Rhs) {
				v = c.ix.RootVar(p.Lhs[i])
			}
		}
	case *ast.ValueSpec:
		for i, val := range p.Values {
			if val == lit && i < len(p.Names) {
				v = c.ix.VarOf(p.Names[i])
			}
		}
	}
	if v == nil || v.Pkg() != c.pass.Pkg || fl.seen[v] {
		fl.unknown = fl.unknown || v == nil || v.Pkg() != c.pass.Pkg
		return
	}
	fl.seen[v] = true
	uses := c.ix.Uses[v] // containers of options are indexed (interesting)
	if len(uses) == 0 {
		fl.unknown = true // a table no code reads here: where it goes is not known
	}
	for _, u := range uses {
		switch p := c.ix.Parent(u).(type) {
		case *ast.IndexExpr:
			if p.X == u {
				fl.from(p, depth+1)
				continue
			}
			fl.unknown = true
		case *ast.RangeStmt:
			if p.X == u {
				fl.rangeValue(p, depth+1)
				continue
			}
			fl.unknown = true
		case *ast.CallExpr: // len(m)
			if flow.BuiltinCall(c.info, p, "len") || flow.BuiltinCall(c.info, p, "cap") {
				continue
			}
			fl.unknown = true
		default:
			fl.unknown = true
		}
	}
}

// rangeValue follows the value variable of a range loop over a container
// holding the value.
func (fl *optionsFlow) rangeValue(r *ast.RangeStmt, depth int) {
	id, ok := r.Value.(*ast.Ident)
	if !ok {
		if r.Value != nil {
			fl.unknown = true
		}
		return
	}
	if v := fl.c.ix.VarOf(id); v != nil {
		fl.variable(v, depth)
	}
}

// selected judges opt.F: an assignment to a field of the value.
func (fl *optionsFlow) selected(sel *ast.SelectorExpr) {
	c := fl.c
	// Climb to the whole assigned chain: opt.TLSConfig.InsecureSkipVerify.
	top, ok := c.ix.Cursor(sel)
	if !ok {
		fl.unknown = true
		return
	}
	for k := top.ParentEdgeKind(); k == edge.SelectorExpr_X || k == edge.ParenExpr_X; k = top.ParentEdgeKind() {
		top = top.Parent()
	}
	k, i := top.ParentEdge()
	if m := c.info.Selections[sel]; m != nil && m.Kind() == types.MethodVal && k == edge.CallExpr_Fun && clients.IsClientPackage(flow.PkgPathOf(m.Recv())) {
		fl.consumed = true // a client library's method: opt.MakeRedisClient()
		return
	}
	if k != edge.AssignStmt_Lhs {
		if un, ok := top.Parent().Node().(*ast.UnaryExpr); ok && un.Op == token.AND {
			fl.set(sel.Sel.Name, nil, false) // &opt.F may be written through
		}
		return
	}
	var rhs ast.Expr
	if as := top.Parent().Node().(*ast.AssignStmt); len(as.Lhs) == len(as.Rhs) && as.Tok == token.ASSIGN {
		rhs = as.Rhs[i]
	}
	fl.set(sel.Sel.Name, rhs, top.Node() == ast.Node(sel))
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := e.(*ast.Ident)
	return id
}

// storedIn follows a value assigned to a variable or a field.
func (fl *optionsFlow) storedIn(lhs ast.Expr, depth int) {
	c := fl.c
	switch l := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		if v := c.ix.VarOf(l); v != nil {
			fl.variable(v, depth)
		}
	case *ast.SelectorExpr:
		if s := c.info.Selections[l]; s != nil && s.Kind() == types.FieldVal {
			fl.field(s.Obj().(*types.Var), depth)
			return
		}
		if v, ok := c.info.Uses[l.Sel].(*types.Var); ok {
			fl.variable(v, depth)
			return
		}
		fl.unknown = true
	default:
		fl.unknown = true
	}
}

// variable follows every use of a variable holding the value.
func (fl *optionsFlow) variable(v *types.Var, depth int) {
	if fl.seen[v] || depth > flow.MaxDepth {
		return
	}
	fl.seen[v] = true
	if v.Pkg() != fl.c.pass.Pkg {
		fl.unknown = true
		return
	}
	for _, u := range fl.c.ix.Uses[v] {
		fl.from(u, depth+1)
	}
}

// field follows every use of a struct field holding the value.
func (fl *optionsFlow) field(f *types.Var, depth int) {
	if fl.seen[f] || depth > flow.MaxDepth {
		return
	}
	fl.seen[f] = true
	if f.Pkg() != nil && clients.IsClientPackage(f.Pkg().Path()) {
		fl.consumed = true // a client library's own settings (asynq.PeriodicTaskManagerOpts)
		return
	}
	if f.Pkg() != fl.c.pass.Pkg {
		fl.unknown = true
		return
	}
	for _, sel := range fl.c.ix.FieldUses[f] {
		fl.from(sel, depth+1)
	}
}

// argument follows a value passed to a function.
func (fl *optionsFlow) argument(call *ast.CallExpr, arg ast.Expr, depth int) {
	c := fl.c
	if call.Fun == arg {
		return
	}
	fn := c.ix.Callee(call)
	switch {
	case fn == nil:
		if tv, ok := c.info.Types[call.Fun]; ok && tv.IsType() {
			return // a conversion
		}
		fl.unknown = true
	case fn.Pkg() == nil: // builtin (append): followed no further
		fl.unknown = true
	case fn.Pkg() == c.pass.Pkg:
		param := paramFor(fn, call, c.argIndex(call, arg))
		if param == nil {
			fl.unknown = true
			return
		}
		if fl.via == nil {
			fl.via = map[*types.Func]*ast.CallExpr{}
		}
		if _, entered := fl.via[fn]; !entered {
			fl.via[fn] = call
		}
		fl.variable(param, depth)
	case clients.IsClientPackage(fn.Pkg().Path()):
		fl.consumed = true
		if vals := c.tlsSetOnClient(call, fl.ot); len(vals) > 0 {
			fl.tls = true
			fl.tlsValues = append(fl.tlsValues, vals...)
		}
	case edit.IsStd(fn.Pkg().Path()):
		// The standard library does not set TLS.
	case passesThrough(fn, call, c.argIndex(call, arg)):
		fl.from(call, depth) // Must(v, err): the result is the argument
	default:
		// Another package's helper may set TLS, unless its fact says it
		// leaves the parameter's TLS alone.
		var fact ParamTLS
		i := c.argIndex(call, arg)
		if i < 0 || !fl.c.pass.ImportObjectFact(fn, &fact) || !slices.Contains(fact.Leaves, i) {
			fl.unknown = true
			return
		}
		if slices.Contains(fact.Consumes, i) {
			fl.consumed = true
		}
	}
}

// argIndex returns the index of arg among call's arguments, -1 if it is
// not one.
func (c *checker) argIndex(call *ast.CallExpr, arg ast.Expr) int {
	if p, k, i := c.ix.Edge(arg); p == call && k == edge.CallExpr_Args {
		return i
	}
	return -1
}

// passesThrough reports whether a generic function returns the argument
// arg: its result's type is a type parameter that arg's parameter has,
// and a generic function can only return values it is given.
func passesThrough(fn *types.Func, call *ast.CallExpr, i int) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Results().Len() != 1 {
		return false
	}
	params, ok := flow.PassThroughParams(fn, 0)
	if !ok || i < 0 {
		return false
	}
	if len(call.Args) == 1 && sig.Params().Len() > 1 {
		i = 0 // f(g()): the first of g's results
	}
	if last := sig.Params().Len() - 1; sig.Variadic() && i > last {
		i = last
	}
	return slices.Contains(params, i)
}

// tlsSetOnClient returns the TLS configs the client a constructor call
// returns gets afterwards through a method that returns its live options
// (go-redis v9: rdb.Options().TLSConfig = cfg; the dialer reads them at
// connect time): through the variable it is stored in, or, for a client
// kept in a struct field (p.client = redis.NewClient(opts)), through that
// field anywhere in the package (p.client.Options().TLSConfig = cfg).
func (c *checker) tlsSetOnClient(call *ast.CallExpr, ot *clients.OptionsType) []ast.Expr {
	var client *types.Var
	var field *types.Var
	var lhs ast.Expr
	var root *types.Var // the variable holding the struct: p of p.client
	switch p := c.ix.Parent(call).(type) {
	case *ast.AssignStmt:
		if len(p.Lhs) >= 1 && len(p.Rhs) == 1 {
			lhs = p.Lhs[0]
			client = c.ix.RootVar(lhs)
		}
	case *ast.ValueSpec:
		if len(p.Names) >= 1 && len(p.Values) == 1 {
			client = c.ix.VarOf(p.Names[0])
		}
	case *ast.KeyValueExpr: // &Store{rdb: redis.NewClient(opts)}
		if p.Value == call {
			if f, ok := c.info.Uses[identOf(p.Key)].(*types.Var); ok && f.IsField() {
				field = f
			}
			if lit, ok := c.ix.Parent(p).(*ast.CompositeLit); ok {
				var holder ast.Expr = lit
				if un, ok := c.ix.Parent(lit).(*ast.UnaryExpr); ok && un.Op == token.AND {
					holder = un
				}
				switch h := c.ix.Parent(holder).(type) {
				case *ast.AssignStmt:
					if len(h.Lhs) == len(h.Rhs) && len(h.Lhs) == 1 {
						root = c.ix.RootVar(h.Lhs[0])
					}
				case *ast.ValueSpec:
					if len(h.Names) == 1 && len(h.Values) == 1 {
						root = c.ix.VarOf(h.Names[0])
					}
				}
			}
		}
	}
	if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && client == nil {
		if s := c.info.Selections[sel]; s != nil && s.Kind() == types.FieldVal {
			field, _ = s.Obj().(*types.Var)
			root, _ = c.ix.SelectorChain(sel)
		}
	}
	if client == nil && field == nil {
		return nil
	}
	encl := c.ix.EnclosingFunc(call)
	var vals []ast.Expr
	for _, fs := range c.ix.FieldSets {
		get, ok := ast.Unparen(fs.Lhs.X).(*ast.CallExpr)
		if !ok || fs.Field() != ot.TLS || fs.Rhs == nil || c.ix.IsNil(fs.Rhs) {
			continue
		}
		sel, ok := ast.Unparen(get.Fun).(*ast.SelectorExpr)
		if !ok || clients.OptionsTypeOf(c.info.TypeOf(get)) == nil {
			continue
		}
		if client != nil && c.ix.RootVar(sel.X) == client {
			vals = append(vals, fs.Rhs)
		}
		if x, isSel := ast.Unparen(sel.X).(*ast.SelectorExpr); isSel && field != nil {
			if s := c.info.Selections[x]; s == nil || s.Obj() != field {
				continue
			}
			// In the same function: on the same variable. Elsewhere:
			// through a parameter or receiver (a method that configures
			// the object later), or a package variable.
			r, _ := c.ix.SelectorChain(x)
			same := c.ix.EnclosingFunc(fs.Stmt) == encl
			if same && r == root || !same && r != nil && !c.ix.IsLocal(r) {
				vals = append(vals, fs.Rhs)
			}
		}
	}
	return vals
}

// paramFor returns the parameter of fn that receives argument i (nil for
// a variadic one).
func paramFor(fn *types.Func, call *ast.CallExpr, i int) *types.Var {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || i < 0 || sig.Variadic() && i >= sig.Params().Len()-1 || i >= sig.Params().Len() {
		return nil
	}
	return sig.Params().At(i)
}

// returned follows a value returned by a function of this package to its
// callers.
func (fl *optionsFlow) returned(ret *ast.ReturnStmt, e ast.Expr, depth int) {
	c := fl.c
	fl.returnedFrom = true
	index := -1
	for i, r := range ret.Results {
		if r == e {
			index = i
		}
	}
	encl := c.ix.EnclosingFunc(ret)
	if lit, ok := encl.(*ast.FuncLit); ok && index >= 0 {
		fl.returnedFromLit(lit, ret, index, depth)
		return
	}
	decl, ok := encl.(*ast.FuncDecl)
	if !ok || index < 0 {
		fl.unknown = true
		return
	}
	fn, _ := c.info.Defs[decl.Name].(*types.Func)
	if fn == nil || fl.seen[fn] {
		return
	}
	fl.seen[fn] = true
	inTest := c.inTestFile(decl.Pos())
	callers := c.ix.Callers[fn]
	if call, ok := fl.via[fn]; ok {
		callers = []*ast.CallExpr{call}
	}
	for _, call := range callers {
		if c.inTestFile(call.Pos()) && !inTest {
			continue // a test checking what the function returns does not configure it
		}
		if len(ret.Results) == 1 && decl.Type.Results.NumFields() <= 1 {
			fl.from(call, depth+1)
			continue
		}
		if len(ret.Results) == 1 {
			index = 0 // return parse(u): the parser's first result is ours
		}
		// o, err := f(): the value is the index-th variable.
		switch p := c.ix.Parent(call).(type) {
		case *ast.AssignStmt:
			if len(p.Rhs) == 1 && index < len(p.Lhs) {
				fl.storedIn(p.Lhs[index], depth+1)
			}
		case *ast.ValueSpec:
			if len(p.Values) == 1 && index < len(p.Names) {
				fl.storedIn(p.Names[index], depth+1)
			}
		case *ast.ReturnStmt:
			fl.returned(p, call, depth+1)
		default:
			fl.unknown = true
		}
	}
}

// returnedFromLit follows a value returned by a function literal to its
// calls: called in place, or through the local variable it is bound to.
func (fl *optionsFlow) returnedFromLit(lit *ast.FuncLit, ret *ast.ReturnStmt, index, depth int) {
	c := fl.c
	if len(ret.Results) != 1 {
		fl.unknown = true // o, err := mk(): not followed
		return
	}
	if call, ok := c.ix.Parent(lit).(*ast.CallExpr); ok && call.Fun == lit {
		fl.from(call, depth+1)
		return
	}
	var v *types.Var
	switch p := c.ix.Parent(lit).(type) {
	case *ast.AssignStmt:
		if len(p.Lhs) == 1 && len(p.Rhs) == 1 {
			v = c.ix.RootVar(p.Lhs[0])
		}
	case *ast.ValueSpec:
		if len(p.Names) == 1 && len(p.Values) == 1 {
			v = c.ix.VarOf(p.Names[0])
		}
	}
	if v == nil || fl.seen[lit] {
		fl.unknown = fl.unknown || v == nil
		return
	}
	fl.seen[lit] = true
	for _, call := range c.ix.Calls {
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && c.info.Uses[id] == v {
			fl.from(call, depth+1)
		}
	}
}

// describeAddrs renders the addresses for a message.
func (c *checker) describeAddrs(addrs []ast.Expr) string {
	return c.describeAddrsIn(addrs, 60)
}

// describeAddrsIn renders the addresses in at most limit characters.
func (c *checker) describeAddrsIn(addrs []ast.Expr, limit int) string {
	var parts []string
	for _, a := range addrs {
		if lit, ok := ast.Unparen(a).(*ast.CompositeLit); ok {
			for _, elt := range lit.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					elt = kv.Value
				}
				parts = append(parts, c.describeAddr(elt))
			}
			continue
		}
		parts = append(parts, c.describeAddr(a))
	}
	// Whole addresses while they fit, then "...".
	out := ""
	for i, p := range parts {
		sep := ""
		if i > 0 {
			sep = ", "
		}
		if len(out)+len(sep)+len(p) > limit || i == 3 {
			if i == 0 {
				return shorten(p, limit)
			}
			return out + ", ..."
		}
		out += sep + p
	}
	return out
}

func (c *checker) describeAddr(a ast.Expr) string {
	if s, ok := flow.ConstString(c.info, a); ok {
		return fmt.Sprintf("%q", s)
	}
	return shorten(types.ExprString(a), 60)
}

// shorten cuts s to at most n bytes, marking the cut with "...".
func shorten(s string, n int) string {
	if len(s) > n {
		return s[:n-3] + "..."
	}
	return s
}

// maxMessage is the length a finding's message keeps within: what is
// wrong and the fix in a few words; the category's help says the rest.
const maxMessage = 160

// fitAddrs builds a message naming addrs: the first of builds (from the
// most detailed) that fits in maxMessage, giving the addresses less room
// until one does (or they are down to a few characters).
func (c *checker) fitAddrs(addrs []ast.Expr, builds ...func(addr string) string) string {
	for limit := 48; ; limit -= 8 {
		desc := c.describeAddrsIn(addrs, limit)
		for _, build := range builds {
			if msg := build(desc); len(msg) <= maxMessage || limit <= 16 {
				return msg
			}
		}
	}
}

func (c *checker) reportMissingTLS(fl *optionsFlow, pos, end token.Pos, fix func() []analysis.TextEdit) {
	typeName := fl.ot.Name
	if pkgName := c.qualifierFor(pos, []string{fl.pkg}); pkgName != "" {
		typeName = pkgName + "." + typeName
	}
	hosts, _ := c.constHosts(fl.addrs)
	why := plaintextWhy(hosts)
	if fl.ot.Upgrade != "" {
		c.report(finding{pos: pos, end: end, category: CategoryMissingTLS,
			message: c.fitAddrs(fl.addrs, func(addr string) string {
				return fmt.Sprintf("%s for %s cannot use TLS in this library version: %s; upgrade to %s", typeName, addr, why, fl.ot.Upgrade)
			})})
		return
	}
	// Handed to a library that builds the client: name it, and where, while
	// that fits.
	handed := []string{""}
	if fl.handedName != "" {
		handed = []string{" (" + fl.handedName + " dials it at " + fl.handedAt + ")", " (used by " + fl.handedName + ")"}
	}
	var builds []func(addr string) string
	for _, h := range handed {
		builds = append(builds, func(addr string) string {
			return fmt.Sprintf("%s for %s has no %s%s: %s; add %s: &tls.Config{MinVersion: tls.VersionTLS12}", typeName, addr, fl.ot.TLS, h, why, fl.ot.TLS)
		}, func(addr string) string {
			return fmt.Sprintf("%s for %s has no %s%s: %s; add a %s", typeName, addr, fl.ot.TLS, h, why, fl.ot.TLS)
		})
	}
	f := finding{pos: pos, end: end, category: CategoryMissingTLS, message: c.fitAddrs(fl.addrs, builds...)}
	if c.fileAt(pos) != nil && !c.fileAt(pos).generated {
		if edits := fix(); edits != nil {
			f.fixes = []analysis.SuggestedFix{{Message: "Add " + fl.ot.TLS + " with MinVersion TLS 1.2", TextEdits: edits}}
		}
	}
	c.report(f)
}
