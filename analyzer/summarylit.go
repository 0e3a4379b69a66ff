package analyzer

// Types whose methods connect lazily from their own fields, built by a
// struct literal (issue 21, class 6): s := &lib.Store{Addr: a}, and later
// a method builds redis.NewClient(&redis.Options{Addr: s.Addr, TLSConfig:
// s.TLS}). The type's clients (summarytype.go) are exported as a fact on
// the type's name, and every literal of the type is judged as a
// constructor's value is (the literal is the receiver), and reported
// where it is written.

import (
	"fmt"
	"github.com/redistlslint/redistlslint/internal/clients"
	"github.com/redistlslint/redistlslint/internal/flow"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// exportTypeSummaries exports the clients of the package's exported types
// that a literal of them decides, and returns the types' names.
func (s *summarizer) exportTypeSummaries() []string {
	c := s.c
	var names []string
	seen := map[*types.Named]bool{}
	for _, d := range s.decls {
		fn, _ := c.info.Defs[d.Name].(*types.Func)
		t := flow.RecvNamed(fn)
		if t == nil || seen[t] || !t.Obj().Exported() {
			continue
		}
		seen[t] = true
		if cls := s.literalClients(t); len(cls) > 0 {
			c.pass.ExportObjectFact(t.Obj(), &FuncSummary{Clients: cls})
			names = append(names, t.Obj().Name())
		}
	}
	return names
}

// literalClients returns the clients t's methods build from fields of
// the value that the package never writes on a value it did not make (a
// method setting s.TLS, a function given a *T): those fields keep what
// a literal gives them.
//
// Only clients built by pointer methods count: a method that connects
// lazily keeps the client in the value (s.client = redis.NewClient(...));
// a value method that returns one (RedisConf.NewRedis()) is a factory,
// and its configuration is judged where it is called.
func (s *summarizer) literalClients(t *types.Named) []SummaryClient {
	lazy := map[string]bool{}
	for _, d := range s.decls {
		fn, _ := s.c.info.Defs[d.Name].(*types.Func)
		if fn == nil || flow.RecvNamed(fn) != t || !flow.IsPointer(fn.Type().(*types.Signature).Recv().Type()) {
			continue
		}
		if sum := s.summary(fn); sum != nil {
			for _, cl := range sum.Clients {
				lazy[cl.String()] = true
			}
		}
	}
	var out []SummaryClient
	for _, cl := range s.typeClients(t) {
		kept := lazy[cl.String()]
		for _, f := range recvFields(t, cl) {
			kept = kept && !s.writtenElsewhere(f, nil)
		}
		if kept {
			out = append(out, cl)
		}
	}
	return out
}

// recvFields returns the fields of t that cl's receiver inputs read.
func recvFields(t *types.Named, cl SummaryClient) []*types.Var {
	ins := append([]SummaryInput(nil), cl.Addrs...)
	for _, w := range cl.Ways {
		ins = append(ins, w.In)
	}
	for _, n := range cl.Needs {
		ins = append(ins, n.In)
	}
	for _, in := range []*SummaryInput{cl.Network, cl.Whole, cl.URL} {
		if in != nil {
			ins = append(ins, *in)
		}
	}
	var out []*types.Var
	for _, in := range ins {
		if in.Param != ParamRecv || len(in.Path) == 0 {
			continue
		}
		if f, ok := fieldNamed(t, in.Path[0]); ok {
			out = append(out, f)
		}
	}
	return out
}

// fieldNamed returns t's field name.
func fieldNamed(t *types.Named, name string) (*types.Var, bool) {
	obj, _, _ := types.LookupFieldOrMethod(t, true, t.Obj().Pkg(), name)
	f, ok := obj.(*types.Var)
	return f, ok && f.IsField()
}

// writtenElsewhere reports whether the package assigns field f (x.f = v,
// x.f.g = v) on a value other than a local variable, or on v itself or
// its aliases.
func (s *summarizer) writtenElsewhere(f *types.Var, v *types.Var) bool {
	c := s.c
	for _, fs := range c.ix.FieldSets {
		sets := false
		for _, step := range fs.Steps {
			if sel := c.info.Selections[step]; sel != nil && sel.Obj() == f {
				sets = true
			}
		}
		if !sets {
			continue
		}
		if fs.Root == nil || !c.ix.IsLocal(fs.Root) || v != nil && (fs.Root == v || isAlias(c, v, fs.Root)) {
			return true
		}
	}
	return false
}

func isAlias(c *checker, v, w *types.Var) bool {
	for _, a := range c.ix.Aliases[v] {
		if a == w {
			return true
		}
	}
	return false
}

// judgeTypeLits judges the literals of types whose methods connect from
// their fields: this package's types, and other packages' by their facts.
func (s *summarizer) judgeTypeLits() {
	c := s.c
	byType := map[*types.Named][]SummaryClient{}
	for _, lit := range c.ix.Lits {
		t := flow.NamedOf(c.info.TypeOf(lit))
		if t == nil || t.Obj().Pkg() == nil || flow.IsPointer(c.info.TypeOf(lit)) || t.NumMethods() == 0 {
			continue
		}
		cls, ok := byType[t]
		if !ok {
			if t.Obj().Pkg() == c.pass.Pkg {
				cls = s.literalClients(t)
			} else if sum := new(FuncSummary); c.pass.ImportObjectFact(t.Obj(), sum) {
				cls = sum.Clients
			}
			byType[t] = cls
		}
		if len(cls) == 0 || !s.literalDecides(lit, t, cls) {
			continue
		}
		var e ast.Expr = lit
		if un, ok := c.ix.Parent(lit).(*ast.UnaryExpr); ok && un.Op == token.AND {
			e = un
		}
		decl := s.declAt(lit.Pos())
		s.recv, s.litAt = e, lit
		for _, cl := range cls {
			s.calls().judgeClient(nil, t.Method(0), cl, decl)
		}
		s.recv, s.litAt = nil, nil
	}
}

// literalDecides reports whether a literal of t tells what t's clients
// (cls) are built with: keyed, not handing over a client of its own (the
// lazy construction may never run), and not changed afterwards where
// the clients read (v.TLS = cfg on the variable holding it).
func (s *summarizer) literalDecides(lit *ast.CompositeLit, t *types.Named, cls []SummaryClient) bool {
	c := s.c
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return false
		}
		ft := c.info.TypeOf(kv.Value)
		if clients.IsClientPackage(flow.PkgPathOf(flow.ElemOf(ft))) && clients.OptionsTypeOf(ft) == nil && !c.ix.IsNil(kv.Value) {
			return false
		}
	}
	var held *types.Var
	var e ast.Node = lit
	if un, ok := c.ix.Parent(lit).(*ast.UnaryExpr); ok && un.Op == token.AND {
		e = un
	}
	switch p := c.ix.Parent(e).(type) {
	case *ast.AssignStmt:
		if len(p.Lhs) == len(p.Rhs) {
			for i, r := range p.Rhs {
				if r == e {
					held = c.ix.RootVar(p.Lhs[i])
				}
			}
		}
	case *ast.ValueSpec:
		for i, val := range p.Values {
			if val == e && i < len(p.Names) {
				held = c.ix.VarOf(p.Names[i])
			}
		}
	}
	for _, cl := range cls {
		for _, f := range recvFields(t, cl) {
			if s.writtenElsewhere(f, held) {
				return false
			}
		}
	}
	return true
}

// reportLit reports a client that a literal of a type that connects
// lazily (s.litAt) builds without TLS.
func (s callRule) reportLit(fn *types.Func, cl SummaryClient, nonlocal []string) {
	c := s.c
	lit := s.litAt
	t := flow.NamedOf(c.info.TypeOf(lit))
	pkg := t.Obj().Pkg()
	if cl.Reported && (pkg == c.pass.Pkg || c.sameModule(pkg.Path())) {
		return // reported in the method itself
	}
	name := t.Obj().Name()
	if pkg != c.pass.Pkg {
		q := c.qualifierFor(lit.Pos(), []string{pkg.Path()})
		if q == "" {
			q = pkg.Name()
		}
		name = q + "." + name
	}
	state := "without TLS"
	var advice []string
	for _, w := range cl.Ways {
		field := strings.Join(w.In.Path, ".")
		switch {
		case w.In.Param != ParamRecv:
		case w.Kind == WayGuard:
			advice = append(advice, "set "+field+" to true")
		case w.Kind == WayConfig:
			advice = append(advice, "set "+field+" to a *tls.Config")
		}
	}
	if len(cl.Ways) == 0 {
		state = "that can never use TLS"
		advice = append(advice, "build the client yourself with TLS")
	}
	if len(advice) == 0 {
		return
	}
	why := plaintextWhy(nonlocal)
	// The location, then why plaintext is wrong, then the hosts give way.
	msg := fitSummaryMessage([]messageVariant{{false, true, true, 60}, {false, true, false, 60}, {false, false, false, 60}, {false, false, false, 30}, {false, false, false, 12}}, func(v messageVariant) string {
		built := cl.Built
		if v.at {
			built += " at " + place(cl.Where)
		}
		msg := fmt.Sprintf("%s connects on first use (%s) to %s %s", name, built, shorten(strings.Join(nonlocal, ", "), v.hosts), state)
		if v.why {
			msg += ": " + why
		}
		return msg + "; " + strings.Join(advice, ", or ")
	})
	f := finding{pos: lit.Pos(), end: lit.Lbrace, category: CategoryMissingTLS, message: msg}
	if fi := c.fileAt(lit.Pos()); fi != nil && !fi.generated && len(cl.Ways) == 1 && cl.Ways[0].Kind == WayConfig && len(cl.Ways[0].In.Path) == 1 {
		if edits := c.addTLSField(lit, cl.Ways[0].In.Path[0]); edits != nil {
			f.fixes = []analysis.SuggestedFix{{Message: "Turn TLS on with MinVersion TLS 1.2", TextEdits: edits}}
		}
	}
	c.report(f)
}
