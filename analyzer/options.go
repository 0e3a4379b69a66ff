package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// optionsFlow is what the code does with one options value: whether TLS
// (or a custom dialer) may be set on it anywhere, and the addresses given.
type optionsFlow struct {
	c        *checker
	ot       *optionsType
	pkg      string // import path of the options type
	seen     map[any]bool
	tls      bool // TLSConfig may be non-nil
	unknown  bool // the value reaches code we cannot follow, or a custom dialer
	consumed bool // the value reaches a client library (a constructor)
	// tlsValues are the values TLS is set to (nil: set by code we cannot
	// see), for function summaries (summary.go).
	tlsValues    []ast.Expr
	returnedFrom bool // the value is returned from a function (summary.go)
	addrs        []ast.Expr
	networks     []ast.Expr
}

// checkOptions reports options values built without TLS (missing-tls):
// composite literals, new(T) and var v T.
func (c *checker) checkOptions() {
	for _, lit := range c.lits {
		ot := c.optionsTypeOf(c.info.TypeOf(lit))
		if ot == nil || ot.tlsOnly {
			continue
		}
		fl := c.newFlow(ot)
		fl.pkg = typePkgPath(c.info.TypeOf(lit))
		fl.literal(lit)
		fl.from(lit, 0)
		pos := lit.Pos()
		if c.inTestFile(pos) && !fl.consumed {
			continue // a test's expected value, compared rather than used to connect
		}
		if fl.missingTLS() {
			c.reportMissingTLS(fl, pos, lit.Lbrace+1, func() []analysis.TextEdit { return c.addTLSField(lit) })
		}
	}
	for _, call := range c.calls {
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); !ok || id.Name != "new" || len(call.Args) != 1 {
			continue
		}
		if _, ok := c.info.Uses[ast.Unparen(call.Fun).(*ast.Ident)].(*types.Builtin); !ok {
			continue
		}
		ot := c.optionsTypeOf(c.info.TypeOf(call.Args[0]))
		if ot == nil || ot.tlsOnly {
			continue
		}
		fl := c.newFlow(ot)
		fl.pkg = typePkgPath(c.info.TypeOf(call.Args[0]))
		fl.from(call, 0)
		if fl.missingTLS() {
			c.reportMissingTLS(fl, call.Pos(), call.End(), func() []analysis.TextEdit { return c.setTLSAfter(call) })
		}
	}
	for _, spec := range c.varDecls {
		if len(spec.Values) != 0 {
			continue
		}
		for _, name := range spec.Names {
			v, ok := c.info.Defs[name].(*types.Var)
			if !ok {
				continue
			}
			if _, isPtr := v.Type().Underlying().(*types.Pointer); isPtr {
				continue // a nil pointer builds nothing
			}
			ot := c.optionsTypeOf(v.Type())
			if ot == nil || ot.tlsOnly {
				continue
			}
			fl := c.newFlow(ot)
			fl.pkg = typePkgPath(v.Type())
			fl.variable(v, 0)
			if fl.missingTLS() {
				c.reportMissingTLS(fl, name.Pos(), name.End(), func() []analysis.TextEdit { return c.setTLSAfter(name) })
			}
		}
	}
}

func (c *checker) newFlow(ot *optionsType) *optionsFlow {
	return &optionsFlow{c: c, ot: ot, seen: map[any]bool{}}
}

// missingTLS reports whether the value certainly has no TLS and its
// address is not provably local.
func (fl *optionsFlow) missingTLS() bool {
	if fl.tls || fl.unknown {
		return false
	}
	for _, n := range fl.networks {
		if s, ok := fl.c.constString(n); ok && s == "unix" {
			return false
		}
	}
	for _, a := range fl.addrs {
		if !fl.c.addrLocal(a, fl.ot, 0) {
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
	case name == ot.tls:
		if value == nil || !fl.c.isNil(value) {
			fl.tls = true
			fl.tlsValues = append(fl.tlsValues, value)
		}
	case slices.Contains(ot.dialers, name):
		if value == nil || !fl.c.isNil(value) {
			fl.unknown = true
		}
	case slices.Contains(ot.addrs, name) && plain && value != nil:
		fl.addrs = append(fl.addrs, value)
	case name == ot.network && ot.network != "" && plain && value != nil:
		fl.networks = append(fl.networks, value)
	}
}

// from follows where the value of e (an expression denoting the options
// value) goes.
func (fl *optionsFlow) from(e ast.Expr, depth int) {
	c := fl.c
	if depth > maxDepth || fl.unknown {
		return
	}
	p := c.parentOf(e)
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
			fl.unknown = true // an element of a map: followed no further
			return
		}
		fl.field(field, depth+1)
	case *ast.CompositeLit:
		fl.unknown = true // an element of a slice or array
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

// selected judges opt.F: an assignment to a field of the value.
func (fl *optionsFlow) selected(sel *ast.SelectorExpr) {
	c := fl.c
	// Climb to the whole assigned chain: opt.TLSConfig.InsecureSkipVerify.
	top := ast.Node(sel)
	for {
		p := c.parentOf(top)
		if ps, ok := p.(*ast.SelectorExpr); ok && ps.X == top {
			top = ps
			continue
		}
		if pp, ok := p.(*ast.ParenExpr); ok {
			top = pp
			continue
		}
		break
	}
	as, ok := c.parentOf(top).(*ast.AssignStmt)
	if !ok || !containsExpr(as.Lhs, top) {
		if un, ok := c.parentOf(top).(*ast.UnaryExpr); ok && un.Op == token.AND {
			fl.set(sel.Sel.Name, nil, false) // &opt.F may be written through
		}
		return
	}
	var rhs ast.Expr
	if len(as.Lhs) == len(as.Rhs) && as.Tok == token.ASSIGN {
		for i, l := range as.Lhs {
			if l == top {
				rhs = as.Rhs[i]
			}
		}
	}
	fl.set(sel.Sel.Name, rhs, top == sel)
}

func containsExpr(list []ast.Expr, n ast.Node) bool {
	for _, e := range list {
		if ast.Node(e) == n {
			return true
		}
	}
	return false
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
		if v := c.varOf(l); v != nil {
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
	if fl.seen[v] || depth > maxDepth {
		return
	}
	fl.seen[v] = true
	if v.Pkg() != fl.c.pass.Pkg {
		fl.unknown = true
		return
	}
	for _, u := range fl.c.uses[v] {
		fl.from(u, depth+1)
	}
}

// field follows every use of a struct field holding the value.
func (fl *optionsFlow) field(f *types.Var, depth int) {
	if fl.seen[f] || depth > maxDepth {
		return
	}
	fl.seen[f] = true
	if f.Pkg() != nil && IsClientPackage(f.Pkg().Path()) {
		fl.consumed = true // a client library's own settings (asynq.PeriodicTaskManagerOpts)
		return
	}
	if f.Pkg() != fl.c.pass.Pkg {
		fl.unknown = true
		return
	}
	for _, sel := range fl.c.fieldUses[f] {
		fl.from(sel, depth+1)
	}
}

// argument follows a value passed to a function.
func (fl *optionsFlow) argument(call *ast.CallExpr, arg ast.Expr, depth int) {
	c := fl.c
	if call.Fun == arg {
		return
	}
	fn := c.staticCallee(call)
	switch {
	case fn == nil:
		if tv, ok := c.info.Types[call.Fun]; ok && tv.IsType() {
			return // a conversion
		}
		fl.unknown = true
	case fn.Pkg() == nil: // builtin (append): followed no further
		fl.unknown = true
	case fn.Pkg() == c.pass.Pkg:
		param := paramFor(fn, call, arg)
		if param == nil {
			fl.unknown = true
			return
		}
		fl.variable(param, depth)
	case IsClientPackage(fn.Pkg().Path()):
		fl.consumed = true
	case isStd(fn.Pkg().Path()):
		// The standard library does not set TLS.
	default:
		fl.unknown = true // another package's helper may set TLS
	}
}

// paramFor returns the parameter of fn that receives arg.
func paramFor(fn *types.Func, call *ast.CallExpr, arg ast.Expr) *types.Var {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return nil
	}
	for i, a := range call.Args {
		if a != arg {
			continue
		}
		if sig.Variadic() && i >= sig.Params().Len()-1 {
			return nil
		}
		if i < sig.Params().Len() {
			return sig.Params().At(i)
		}
	}
	return nil
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
	decl, ok := c.enclosingFuncDecl(ret).(*ast.FuncDecl)
	if !ok || index < 0 {
		fl.unknown = true // returned from a closure
		return
	}
	fn, _ := c.info.Defs[decl.Name].(*types.Func)
	if fn == nil || fl.seen[fn] {
		return
	}
	fl.seen[fn] = true
	inTest := c.inTestFile(decl.Pos())
	for _, call := range c.callers[fn] {
		if c.inTestFile(call.Pos()) && !inTest {
			continue // a test checking what the function returns does not configure it
		}
		if len(ret.Results) == 1 {
			fl.from(call, depth+1)
			continue
		}
		// o, err := f(): the value is the index-th variable.
		switch p := c.parentOf(call).(type) {
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

// enclosingFuncDecl returns the innermost function (declaration or
// literal) containing n.
func (c *checker) enclosingFuncDecl(n ast.Node) ast.Node {
	for p := c.parentOf(n); p != nil; p = c.parentOf(p) {
		switch p.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return p
		}
	}
	return nil
}

// stdRoots are the first path elements of the standard library.
var stdRoots = map[string]bool{}

func init() {
	for _, r := range strings.Fields(`archive bufio builtin bytes cmp compress container context crypto
		database debug embed encoding errors expvar flag fmt go hash html image index io iter log maps
		math mime net os path plugin reflect regexp runtime slices sort strconv strings structs sync
		syscall testing text time unicode unique unsafe weak`) {
		stdRoots[r] = true
	}
}

// isStd reports whether path is in the standard library.
func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return stdRoots[first]
}

// addrLocal reports whether an address expression is provably local (or
// on the plaintext allow-list).
func (c *checker) addrLocal(e ast.Expr, ot *optionsType, depth int) bool {
	if depth > maxDepth {
		return false
	}
	e = ast.Unparen(e)
	if s, ok := c.constString(e); ok {
		if ot != nil && ot.unixAddr && strings.HasPrefix(s, "/") {
			return true
		}
		return c.cfg.plaintextOK(s)
	}
	switch e := e.(type) {
	case *ast.CompositeLit: // []string{...} or map[string]string{...}
		for _, elt := range e.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			if !c.addrLocal(elt, ot, depth+1) {
				return false
			}
		}
		return true
	case *ast.Ident:
		v := c.varOf(e)
		if def, ok := c.testFlagDefault(e, v); ok {
			return c.addrLocal(def, ot, depth+1)
		}
		if v == nil || c.isParam(v) || v.Pkg() != c.pass.Pkg || len(c.assigns[v]) == 0 {
			return false
		}
		inTest := c.inTestFile(e.Pos())
		local := 0
		for _, ref := range c.assigns[v] {
			switch {
			case inTest && c.envRef(ref):
				// In a test, the environment may name another Redis (a CI
				// service); the local fallback says it is the test's own.
			case ref.index > 0 || ref.index == 0 && !c.localCall(ref.expr, depth+1) || ref.index < 0 && !c.addrLocal(ref.expr, ot, depth+1):
				return false
			default:
				local++
			}
		}
		return local > 0
	case *ast.StarExpr: // *addr from addr := flag.String(...)
		if id, ok := ast.Unparen(e.X).(*ast.Ident); ok {
			if def, ok := c.testFlagDefault(id, c.varOf(id)); ok {
				return c.addrLocal(def, ot, depth+1)
			}
		}
		return false
	case *ast.CallExpr:
		if fn := c.staticCallee(e); isPkgFunc(fn, []string{"strings"}, "Split") && len(e.Args) == 2 {
			list, ok1 := c.constString(e.Args[0])
			sep, ok2 := c.constString(e.Args[1])
			if def, ok := c.testFlagDefaultExpr(e.Args[0]); ok && ok2 {
				list, ok1 = def, true
			}
			if !ok1 || !ok2 || sep == "" {
				return false
			}
			for _, part := range strings.Split(list, sep) {
				if !c.cfg.plaintextOK(part) {
					return false
				}
			}
			return true
		}
		return c.localCall(e, depth+1)
	case *ast.BinaryExpr: // "localhost:" + port: the host is written out
		if e.Op != token.ADD {
			return false
		}
		prefix, ok := c.constString(leftmost(e))
		return ok && c.hostInPrefixLocal(prefix)
	}
	return false
}

// testFlagDefaultExpr is testFlagDefault for an identifier or *identifier.
func (c *checker) testFlagDefaultExpr(e ast.Expr) (string, bool) {
	e = ast.Unparen(e)
	if star, ok := e.(*ast.StarExpr); ok {
		e = ast.Unparen(star.X)
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return "", false
	}
	def, ok := c.testFlagDefault(id, c.varOf(id))
	if !ok {
		return "", false
	}
	return c.constString(def)
}

// testFlagDefault returns the default of a command-line flag bound to v
// (flag.StringVar(&v, name, def, usage) or v := flag.String(name, def,
// usage)), when use is in a _test.go file: there the default names the
// test's own Redis server. Outside tests a flag's default says nothing
// about where the program runs.
func (c *checker) testFlagDefault(use *ast.Ident, v *types.Var) (ast.Expr, bool) {
	if v == nil || v.Pkg() != c.pass.Pkg {
		return nil, false
	}
	if !c.inTestFile(use.Pos()) {
		return nil, false
	}
	if refs := c.assigns[v]; len(refs) == 1 && refs[0].index < 0 {
		if call, ok := ast.Unparen(refs[0].expr).(*ast.CallExpr); ok && len(call.Args) == 3 && isFlagFunc(c.staticCallee(call), "String") {
			return call.Args[1], true
		}
		return nil, false
	}
	for _, call := range c.calls {
		if len(call.Args) != 4 || !isFlagFunc(c.staticCallee(call), "StringVar") {
			continue
		}
		if addr, ok := ast.Unparen(call.Args[0]).(*ast.UnaryExpr); ok && addr.Op == token.AND {
			if id, ok := ast.Unparen(addr.X).(*ast.Ident); ok && c.varOf(id) == v {
				return call.Args[2], true
			}
		}
	}
	return nil, false
}

// isFlagFunc reports whether fn is flag.name or (*flag.FlagSet).name.
func isFlagFunc(fn *types.Func, name string) bool {
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "flag" && fn.Name() == name
}

// leftmost returns the first operand of a chain of + operations.
func leftmost(e *ast.BinaryExpr) ast.Expr {
	for {
		l, ok := ast.Unparen(e.X).(*ast.BinaryExpr)
		if !ok || l.Op != token.ADD {
			return e.X
		}
		e = l
	}
}

// hostInPrefixLocal reports whether the start of an address, up to the
// port separator, names a local (or allowed) host: "localhost:", "[::1]:".
func (c *checker) hostInPrefixLocal(prefix string) bool {
	host, _, found := strings.Cut(prefix, ":")
	if strings.HasPrefix(prefix, "[") {
		host, _, found = strings.Cut(prefix[1:], "]")
	}
	return found && !strings.Contains(host, "%") && c.cfg.plaintextOK(host)
}

// localCall reports whether a call yields a local address: an in-process
// test server's Addr(), net.JoinHostPort with a local host, or
// fmt.Sprintf with a local host written in the format.
func (c *checker) localCall(e ast.Expr, depth int) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := c.staticCallee(call)
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && fn == nil {
		if s := c.info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
			fn, _ = s.Obj().(*types.Func) // an interface method (testcontainers.Container)
		}
	}
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	for _, m := range localAddrMethods {
		if fn.Name() == m.name && fn.Pkg().Path() == m.pkg && recvNamed(fn) == m.recv {
			return true
		}
	}
	switch {
	case isPkgFunc(fn, []string{"net"}, "JoinHostPort") && len(call.Args) == 2:
		return c.addrLocal(call.Args[0], nil, depth+1)
	case isPkgFunc(fn, []string{"cmp"}, "Or") && len(call.Args) > 0:
		// cmp.Or(os.Getenv("REDIS_ADDR"), "localhost:6379"): local in a
		// test when every other operand is.
		inTest, local := c.inTestFile(call.Pos()), 0
		for _, arg := range call.Args {
			switch {
			case inTest && c.envValue(arg):
			case !c.addrLocal(arg, nil, depth+1):
				return false
			default:
				local++
			}
		}
		return local > 0
	case isPkgFunc(fn, []string{"fmt"}, "Sprintf") && len(call.Args) > 0:
		format, ok := c.constString(call.Args[0])
		if !ok {
			return false
		}
		// fmt.Sprintf("%s:%d", host, port): the host is the first operand.
		for _, verb := range []string{"%s:", "%v:"} {
			if strings.HasPrefix(format, verb) && len(call.Args) > 1 {
				return c.addrLocal(call.Args[1], nil, depth+1)
			}
		}
		return c.hostInPrefixLocal(format)
	}
	return c.returnsLocalAddr(fn, depth+1)
}

// returnsLocalAddr reports whether every return of fn gives a local
// address as its first result: read from fn's body in this package, from
// a LocalAddrFact for another package's function.
func (c *checker) returnsLocalAddr(fn *types.Func, depth int) bool {
	if depth > maxDepth {
		return false
	}
	if fn.Pkg() != c.pass.Pkg {
		return c.pass.ImportObjectFact(fn, new(LocalAddrFact))
	}
	if known, ok := c.localAddrFuncs[fn]; ok {
		return known // false also while fn is being judged (recursion)
	}
	if c.localAddrFuncs == nil {
		c.localAddrFuncs = make(map[*types.Func]bool)
	}
	c.localAddrFuncs[fn] = false
	local := c.bodyReturnsLocalAddr(fn, depth)
	c.localAddrFuncs[fn] = local
	return local
}

func (c *checker) bodyReturnsLocalAddr(fn *types.Func, depth int) bool {
	decl := c.decls[fn]
	if decl == nil || decl.Body == nil {
		return false
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Results().Len() == 0 || !isString(sig.Results().At(0).Type()) {
		return false
	}
	// In a test helper, returning the environment's address when it is set
	// is allowed next to a local fallback (see addrLocal).
	inTest := c.inTestFile(decl.Pos())
	returns, local := 0, true
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its returns are not fn's
		case *ast.ReturnStmt:
			switch {
			case len(n.Results) != sig.Results().Len():
				local = false // a bare return or return g()
			case inTest && c.envValue(n.Results[0]):
			case c.addrLocal(n.Results[0], nil, depth+1):
				returns++
			default:
				local = false
			}
		}
		return local
	})
	return returns > 0 && local
}

func (c *checker) inTestFile(pos token.Pos) bool {
	fi := c.fileAt(pos)
	return fi != nil && fi.test
}

// envRef reports whether ref binds a value read from the environment:
// os.Getenv(...), or the value of os.LookupEnv(...).
func (c *checker) envRef(ref valueRef) bool {
	call, ok := ast.Unparen(ref.expr).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := c.staticCallee(call)
	return ref.index < 0 && isPkgFunc(fn, []string{"os"}, "Getenv") || ref.index == 0 && isPkgFunc(fn, []string{"os"}, "LookupEnv")
}

// envValue reports whether e is a value read from the environment: an
// os.Getenv call, or a local variable bound only to such reads.
func (c *checker) envValue(e ast.Expr) bool {
	e = ast.Unparen(e)
	if c.envRef(valueRef{expr: e, index: -1}) {
		return true
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	v := c.varOf(id)
	if v == nil || v.Pkg() != c.pass.Pkg || c.isParam(v) || len(c.assigns[v]) == 0 {
		return false
	}
	for _, ref := range c.assigns[v] {
		if !c.envRef(ref) {
			return false
		}
	}
	return true
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.String
}

// typePkgPath returns the import path of a named type (or pointer to one).
func typePkgPath(t types.Type) string {
	if t == nil {
		return ""
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
		return n.Obj().Pkg().Path()
	}
	return ""
}

func recvNamed(fn *types.Func) string {
	t := recvType(fn)
	if t == nil {
		return ""
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

// describeAddrs renders the addresses for a message.
func (c *checker) describeAddrs(addrs []ast.Expr) string {
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
	if len(parts) > 3 {
		parts = append(parts[:3], "...")
	}
	return strings.Join(parts, ", ")
}

func (c *checker) describeAddr(a ast.Expr) string {
	if s, ok := c.constString(a); ok {
		return fmt.Sprintf("%q", s)
	}
	return shorten(types.ExprString(a))
}

func shorten(s string) string {
	if len(s) > 60 {
		return s[:57] + "..."
	}
	return s
}

func (c *checker) reportMissingTLS(fl *optionsFlow, pos, end token.Pos, fix func() []analysis.TextEdit) {
	typeName := fl.ot.name
	if pkgName := c.qualifierFor(pos, []string{fl.pkg}); pkgName != "" {
		typeName = pkgName + "." + typeName
	}
	f := finding{pos: pos, end: end, category: CategoryMissingTLS,
		message: fmt.Sprintf("Redis client without TLS: %s for %s has no TLSConfig, so commands and the AUTH password cross the network in plaintext (managed Redis requires TLS); set TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}, or list the host in -plaintext-hosts if the network is trusted",
			typeName, c.describeAddrs(fl.addrs))}
	if c.fileAt(pos) != nil && !c.fileAt(pos).generated {
		if edits := fix(); edits != nil {
			f.fixes = []analysis.SuggestedFix{{Message: "Add TLSConfig with MinVersion TLS 1.2", TextEdits: edits}}
		}
	}
	c.report(f)
}

// qualifierFor returns the name under which the file at pos imports one
// of pkgs ("" if it does not).
func (c *checker) qualifierFor(pos token.Pos, pkgs []string) string {
	fi := c.fileAt(pos)
	if fi == nil {
		return ""
	}
	for _, imp := range fi.file.Imports {
		path := strings.Trim(imp.Path.Value, "`\"")
		if !slices.Contains(pkgs, path) {
			continue
		}
		if imp.Name != nil {
			return imp.Name.Name
		}
		for _, p := range c.pass.Pkg.Imports() {
			if p.Path() == path {
				return p.Name()
			}
		}
	}
	return ""
}
