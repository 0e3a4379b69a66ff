package analyzer

// The address rule: is every value an address expression can have local?
// A query on the resolver (engine.go), like every rule.

import (
	"github.com/redistlslint/redistlslint/internal/clients"
	"github.com/redistlslint/redistlslint/internal/flow"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// addrEval counts the places an address can come from, by what they say
// about where the server is.
type addrEval struct {
	c      *checker
	unix   bool // an address starting with "/" is a unix socket
	inTest bool // the address is used in a _test.go file
	local  int  // provably local (or allowed) values
	other  int  // values that may name another host
}

// addrLocal reports whether an address expression is provably local (or
// on the plaintext allow-list): every value it can have is.
func (c *checker) addrLocal(e ast.Expr, unix bool, depth int) bool {
	a := &addrEval{c: c, unix: unix, inTest: c.inTestFile(e.Pos())}
	r := c.ix.NewResolver(a)
	r.SetDepth(depth)
	r.Expr(e)
	return a.local > 0 && a.other == 0
}

// returnsLocalAddr reports whether every return of fn gives a local
// address as its first result: read from fn's body in this package, from
// a LocalAddr for another package's function.
func (c *checker) returnsLocalAddr(fn *types.Func) bool {
	if fn.Pkg() != c.pass.Pkg {
		return c.pass.ImportObjectFact(fn, new(LocalAddr))
	}
	if known, ok := c.localAddrFuncs[fn]; ok {
		return known // false also while fn is being judged (recursion)
	}
	decl := c.ix.Decls[fn]
	if decl == nil || decl.Body == nil {
		return false
	}
	c.localAddrFuncs[fn] = false
	a := &addrEval{c: c, inTest: c.inTestFile(decl.Pos())}
	c.ix.NewResolver(a).Results(nil, decl.Type, decl.Body, 0)
	local := a.local > 0 && a.other == 0
	c.localAddrFuncs[fn] = local
	return local
}

func (a *addrEval) judge(local bool) {
	if local {
		a.local++
	} else {
		a.other++
	}
}

func (a *addrEval) Leaf(r *flow.Resolver, e ast.Expr) {
	c := a.c
	e = ast.Unparen(e)
	if s, ok := flow.ConstString(c.info, e); ok {
		a.judge(a.unix && strings.HasPrefix(s, "/") || c.cfg.plaintextOK(s))
		return
	}
	switch e := e.(type) {
	case *ast.CompositeLit: // []string{...} or map[string]string{...}
		if len(e.Elts) == 0 {
			a.local++
			return
		}
		r.Elements(e)
	case *ast.BinaryExpr: // "localhost:" + port: the host is written out
		prefix, ok := "", false
		if e.Op == token.ADD {
			prefix, ok = flow.ConstString(c.info, leftmost(e))
		}
		a.judge(ok && c.hostInPrefixLocal(prefix))
	case *ast.CallExpr:
		a.call(r, e)
	default:
		a.other++
	}
}

// enter: in a test, a variable bound by flag.StringVar(&v, name, def, ...)
// holds its default, which names the test's own Redis server.
func (a *addrEval) Enter(r *flow.Resolver, v *types.Var) {
	if !a.inTest {
		return
	}
	for _, call := range a.c.ix.Calls {
		if len(call.Args) != 4 || !isFlagFunc(a.c.ix.Callee(call), "StringVar") {
			continue
		}
		if addr, ok := ast.Unparen(call.Args[0]).(*ast.UnaryExpr); ok && addr.Op == token.AND {
			if id, ok := ast.Unparen(addr.X).(*ast.Ident); ok && a.c.ix.VarOf(id) == v {
				r.Expr(call.Args[2])
			}
		}
	}
}

func (a *addrEval) Exit(*flow.Resolver, *types.Var) {}

// call judges a call the resolver does not enter: in-process test
// servers' Addr(), net.JoinHostPort and fmt.Sprintf with a local host,
// cmp.Or, strings.Split of a constant list, a test flag's default, the
// environment in a test, and other packages' functions with a
// LocalAddr.
func (a *addrEval) call(r *flow.Resolver, call *ast.CallExpr) {
	c := a.c
	fn := c.ix.Callee(call)
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && fn == nil {
		if s := c.info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
			fn, _ = s.Obj().(*types.Func) // an interface method (testcontainers.Container)
		}
	}
	if fn == nil || fn.Pkg() == nil {
		a.other++
		return
	}
	if clients.IsLocalAddrMethod(fn) {
		a.local++
		return
	}
	switch {
	case a.inTest && isEnvRead(fn):
		// In a test, the environment may name another Redis (a CI
		// service); a local fallback next to it says it is the test's own.
	case a.inTest && isFlagFunc(fn, "String") && len(call.Args) == 3:
		r.Expr(call.Args[1]) // addr := flag.String(name, def, usage)
	case flow.IsPkgFunc(fn, []string{"net"}, "JoinHostPort") && len(call.Args) == 2:
		r.Expr(call.Args[0])
	case flow.IsPkgFunc(fn, []string{"cmp"}, "Or") && len(call.Args) > 0:
		for _, arg := range call.Args {
			r.Expr(arg)
		}
	case flow.IsPkgFunc(fn, []string{"fmt"}, "Sprintf") && len(call.Args) > 0:
		format, ok := flow.ConstString(c.info, call.Args[0])
		if !ok {
			a.other++
			return
		}
		// fmt.Sprintf("%s:%d", host, port): the host is the first operand.
		for _, verb := range []string{"%s:", "%v:"} {
			if strings.HasPrefix(format, verb) && len(call.Args) > 1 {
				r.Expr(call.Args[1])
				return
			}
		}
		a.judge(c.hostInPrefixLocal(format))
	case flow.IsPkgFunc(fn, []string{"strings"}, "Split") && len(call.Args) == 2:
		a.judge(a.splitLocal(call))
	default:
		a.judge(c.returnsLocalAddr(fn))
	}
}

// splitLocal judges strings.Split(list, sep) of a constant list (or, in a
// test, a flag's constant default).
func (a *addrEval) splitLocal(call *ast.CallExpr) bool {
	c := a.c
	sep, ok := flow.ConstString(c.info, call.Args[1])
	if !ok || sep == "" {
		return false
	}
	list, ok := flow.ConstString(c.info, call.Args[0])
	if !ok && a.inTest {
		list, ok = c.flagDefault(call.Args[0])
	}
	if !ok {
		return false
	}
	for _, part := range strings.Split(list, sep) {
		if !c.cfg.plaintextOK(part) {
			return false
		}
	}
	return true
}

// flagDefault returns the constant default of the flag an expression
// reads (v or *v, bound by flag.String or flag.StringVar).
func (c *checker) flagDefault(e ast.Expr) (string, bool) {
	p := &flagProbe{addrEval: &addrEval{c: c, inTest: true}}
	c.ix.NewResolver(p).Expr(e)
	return p.def, p.found && p.other == 0
}

// flagProbe finds a flag's constant default through the resolver (its
// addrEval follows flag.StringVar bindings).
type flagProbe struct {
	*addrEval
	def   string
	found bool
}

func (p *flagProbe) Leaf(r *flow.Resolver, e ast.Expr) {
	if s, ok := flow.ConstString(p.c.info, e); ok {
		p.def, p.found = s, true
		return
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && isFlagFunc(p.c.ix.Callee(call), "String") && len(call.Args) == 3 {
		r.Expr(call.Args[1])
		return
	}
	p.other++
}

func (c *reporter) inTestFile(pos token.Pos) bool {
	fi := c.fileAt(pos)
	return fi != nil && fi.test
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

// envValue reports whether e is a value read from the environment: every
// place it comes from is an os.Getenv or os.LookupEnv call, or another
// package's helper that reads one (EnvGetter).
func (c *checker) envValue(e ast.Expr) bool {
	l := &flow.Collector{}
	c.ix.NewResolver(l).Expr(e)
	for _, leaf := range l.Leaves {
		call, ok := ast.Unparen(leaf).(*ast.CallExpr)
		if !ok {
			return false
		}
		if _, helper := c.env().envLeaf(call); !helper && !isEnvRead(c.ix.Callee(call)) {
			return false
		}
	}
	return len(l.Leaves) > 0
}

// isEnvRead reports whether fn reads the environment (os.Getenv, os.LookupEnv).
func isEnvRead(fn *types.Func) bool {
	return flow.IsPkgFunc(fn, []string{"os"}, "Getenv") || flow.IsPkgFunc(fn, []string{"os"}, "LookupEnv")
}
