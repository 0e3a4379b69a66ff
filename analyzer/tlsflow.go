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
// off, or a MinVersion below TLS 1.2.
type tlsIssue struct {
	category string
	pos, end token.Pos
	node     ast.Node // *ast.KeyValueExpr or *ast.AssignStmt here; nil for remote
	lit      *ast.CompositeLit
	value    ast.Expr // the value set
	switched bool     // an operator's switch: non-constant, or under a verification condition
	remote   string   // for a helper in another package: "pkg.Func (where)"
}

// tlsEval follows a *tls.Config expression back to where it is built.
type tlsEval struct {
	c      *checker
	seen   map[any]bool
	issues []tlsIssue
}

const maxDepth = 16

func (c *checker) tlsIssues(e ast.Expr) []tlsIssue {
	ev := &tlsEval{c: c, seen: map[any]bool{}}
	ev.expr(e, 0)
	return ev.issues
}

func (ev *tlsEval) expr(e ast.Expr, depth int) {
	if e == nil || depth > maxDepth {
		return
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			ev.expr(e.X, depth+1)
		}
	case *ast.StarExpr:
		ev.expr(e.X, depth+1)
	case *ast.CompositeLit:
		if isTLSConfig(ev.c.info.TypeOf(e)) {
			ev.literal(e)
		}
	case *ast.Ident:
		if v := ev.c.varOf(e); v != nil {
			ev.variable(v, e, depth+1)
		}
	case *ast.SelectorExpr:
		v, ok := ev.c.info.Uses[e.Sel].(*types.Var)
		switch {
		case !ok:
		case !v.IsField():
			ev.variable(v, e, depth+1) // pkg.Var
		case v.Pkg() == ev.c.pass.Pkg && !ev.seen[v]:
			// cfg.TLS: every value this package stores in the field.
			ev.seen[v] = true
			for _, val := range ev.c.fieldValues[v] {
				ev.expr(val, depth+1)
			}
		}
	case *ast.CallExpr:
		ev.call(e, -1, depth+1)
	}
}

func (ev *tlsEval) literal(lit *ast.CompositeLit) {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok || ev.seen[kv] {
			continue
		}
		ev.seen[kv] = true
		key, _ := kv.Key.(*ast.Ident)
		if key == nil {
			continue
		}
		ev.field(key.Name, kv, lit, kv.Value)
	}
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
			node: node, lit: lit, value: value, switched: !isConst || c.underVerifySwitch(node)})
	case "MinVersion":
		tv, ok := c.info.Types[value]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
			return
		}
		v, exact := constant.Uint64Val(tv.Value)
		if exact && v != 0 && v < 0x0303 {
			ev.issues = append(ev.issues, tlsIssue{category: CategoryWeakTLS, pos: node.Pos(), end: node.End(),
				node: node, lit: lit, value: value})
		}
	}
}

// variable follows the values bound to v and the fields set on it.
func (ev *tlsEval) variable(v *types.Var, use ast.Expr, depth int) {
	c := ev.c
	if v.Pkg() != nil && v.Pkg() != c.pass.Pkg {
		ev.remote(v, use)
		return
	}
	if ev.seen[v] || depth > maxDepth {
		return
	}
	ev.seen[v] = true
	for _, ref := range c.assigns[v] {
		if ref.index >= 0 {
			if call, ok := ast.Unparen(ref.expr).(*ast.CallExpr); ok {
				ev.call(call, ref.index, depth+1)
			}
			continue
		}
		ev.expr(ref.expr, depth+1)
	}
	// Fields set through v or any variable holding the same pointer.
	group := append([]*types.Var{v}, c.aliases[v]...)
	for _, fs := range c.fieldSets {
		if len(fs.steps) != 1 || fs.rhs == nil || !slices.Contains(group, fs.root) || ev.seen[fs.stmt] {
			continue
		}
		if !isTLSConfig(c.info.TypeOf(fs.steps[0].X)) {
			continue
		}
		ev.seen[fs.stmt] = true
		ev.field(fs.last(), fs.stmt, nil, fs.rhs)
	}
	for _, w := range c.aliases[v] {
		ev.variable(w, use, depth+1)
	}
}

// call follows what a call returns (result index, -1 for the only one).
func (ev *tlsEval) call(call *ast.CallExpr, index, depth int) {
	c := ev.c
	fn := c.staticCallee(call)
	if fn == nil || depth > maxDepth {
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
		return
	}
	decl := c.decls[fn]
	key := [2]any{fn, index}
	if decl == nil || ev.seen[key] {
		return
	}
	ev.seen[key] = true
	ev.results(decl, max(index, 0), depth+1)
}

// results follows result i of a function declared in this package.
func (ev *tlsEval) results(decl *ast.FuncDecl, i, depth int) {
	c := ev.c
	nresults := decl.Type.Results.NumFields()
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			switch {
			case len(n.Results) == 0: // bare return of named results
				if named := resultVar(c, decl, i); named != nil {
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

func resultVar(c *checker, decl *ast.FuncDecl, i int) *types.Var {
	k := 0
	for _, f := range decl.Type.Results.List {
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
// made through it (opt.TLSConfig.InsecureSkipVerify = true), and the
// configs given to dial options (redigo DialTLSConfig).
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
				ev := &tlsEval{c: c, seen: map[any]bool{}}
				ev.field(fs.last(), fs.stmt, nil, fs.rhs)
				issues = append(issues, ev.issues...)
			}
		}
	}
	for _, call := range c.calls {
		if cfg := c.tlsConfigOption(call); cfg != nil {
			issues = append(issues, c.tlsIssues(cfg)...)
		}
	}
	for _, cfg := range c.netDialerConfigs() {
		issues = append(issues, c.tlsIssues(cfg)...)
	}
	for _, is := range issues {
		c.reportTLSIssue(is)
	}
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
		f.message = "Redis TLS without certificate verification: " + what + " makes this Redis client accept any certificate; " + skipAdvice
		if edits := c.removeTLSSetting(is); edits != nil {
			f.fixes = []analysis.SuggestedFix{{Message: "Remove InsecureSkipVerify so the server's certificate is verified", TextEdits: edits}}
		}
	case is.remote != "":
		f.message = "Redis TLS allows versions below 1.2: this Redis client's TLS config comes from " + is.remote +
			", which sets MinVersion below tls.VersionTLS12; raise it to tls.VersionTLS12"
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
		for i := 0; i < sig.Results().Len(); i++ {
			if isTLSConfig(sig.Results().At(i).Type()) {
				ev := &tlsEval{c: c, seen: map[any]bool{}}
				ev.results(decl, i, 0)
				mark(fn, ev.issues)
			}
		}
	}
	scope := c.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		if v, ok := scope.Lookup(name).(*types.Var); ok && v.Exported() && isTLSConfig(v.Type()) {
			ev := &tlsEval{c: c, seen: map[any]bool{}}
			ev.variable(v, nil, 0)
			mark(v, ev.issues)
		}
	}
}

func isExportedMethod(fn *types.Func) bool {
	return fn.Exported() && recvType(fn) != nil
}
