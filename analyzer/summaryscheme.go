package analyzer

// TLS decided inside a function by a URL it is given (issue 21, class 7):
// the function parses an input (u, _ := url.Parse(cfg.URL)) or tests its
// prefix (strings.HasPrefix(addr, "rediss://")), and sets the TLS config
// (or a dialer) only under conditions on the URL's scheme or query:
// u.Scheme == "rediss", switch u.Scheme, strings.HasPrefix(u.Scheme,
// "rediss"), u.Query().Get("tls_enabled") == "true". The conditions are
// evaluated for each scheme the code compares with (and the standard
// Redis schemes), so the summary says which schemes give TLS, which give
// none, and which query parameters turn TLS on or verification off; the
// call is judged by the URL it gives.

import (
	"github.com/redistlslint/redistlslint/internal/clients"
	"github.com/redistlslint/redistlslint/internal/flow"
	"go/ast"
	"go/token"
	"go/types"
	"golang.org/x/tools/go/ast/edge"
	"slices"
	"strconv"
	"strings"
)

// tri is a condition's value when the code cannot always tell.
type tri int8

const (
	triNo tri = iota
	triYes
	triMaybe
)

func (a tri) and(b tri) tri {
	switch {
	case a == triNo || b == triNo:
		return triNo
	case a == triYes && b == triYes:
		return triYes
	}
	return triMaybe
}

func (a tri) or(b tri) tri { return a.not().and(b.not()).not() }

func (a tri) not() tri {
	switch a {
	case triNo:
		return triYes
	case triYes:
		return triNo
	}
	return triMaybe
}

func triOf(b bool) tri {
	if b {
		return triYes
	}
	return triNo
}

// urlEnv is one URL the conditions are evaluated for: its scheme ("" for
// an address given without one, host:port) and query.
type urlEnv struct {
	scheme string
	query  map[string]string
	// assume: a condition that does not read the URL counts as true (the
	// code takes the path the URL leads to); for what a scheme gives when
	// it gives anything.
	assume bool
}

// bareMark stands for the text after the scheme of a URL, and for a whole
// address given without a scheme: no constant prefix matches it.
const bareMark = "\x00"

// urlDecider evaluates, in decl and the helpers the options pass through
// (via), the conditions on one URL input.
type urlDecider struct {
	s        *summarizer
	decl     *ast.FuncDecl
	via      map[*types.Func]*ast.CallExpr
	in       SummaryInput
	tlsField string
	schemes  map[string]bool // compared with the scheme
	keys     map[string]bool // query parameters read
	depth    int
	read     bool // the condition evaluated reads the URL
}

// urlDecider finds the one URL input whose scheme the code tests, nil
// when there is none (or more than one).
func (s *summarizer) urlDecider(decl *ast.FuncDecl, via map[*types.Func]*ast.CallExpr, tlsField string) *urlDecider {
	d := &urlDecider{s: s, decl: decl, via: via, tlsField: tlsField, schemes: map[string]bool{}, keys: map[string]bool{}}
	var found []SummaryInput
	for _, body := range d.bodies() {
		ast.Inspect(body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			fn := s.c.ix.Callee(call)
			arg := call.Args[0]
			switch {
			case flow.IsPkgFunc(fn, []string{"net/url"}, "Parse"), flow.IsPkgFunc(fn, []string{"net/url"}, "ParseRequestURI"):
			case d.parser(call) != nil:
				arg = call.Args[d.parser(call).URLArg]
			case flow.IsPkgFunc(fn, []string{"strings"}, "HasPrefix") && len(call.Args) == 2:
				if p, ok := flow.ConstString(s.c.info, call.Args[1]); !ok || !strings.Contains(p, "://") {
					return true
				}
			default:
				return true
			}
			if in, ok := d.input(arg, 0); ok && !slices.ContainsFunc(found, func(f SummaryInput) bool { return f.String() == in.String() }) {
				found = append(found, in)
			}
			return true
		})
	}
	if len(found) != 1 {
		return nil
	}
	d.in = found[0]
	return d
}

// bodies are the bodies of decl and of the helpers the options enter.
func (d *urlDecider) bodies() []*ast.BlockStmt {
	out := []*ast.BlockStmt{d.decl.Body}
	for fn := range d.via {
		if hd := d.s.c.ix.Decls[fn]; hd != nil && hd != d.decl {
			out = append(out, hd.Body)
		}
	}
	return out
}

// input resolves e to an input of decl, through the parameters of the
// helpers the options entered (their arguments at the call followed).
func (d *urlDecider) input(e ast.Expr, depth int) (SummaryInput, bool) {
	c := d.s.c
	if depth > flow.MaxDepth {
		return SummaryInput{}, false
	}
	if in, ok := d.s.inputOf(e, d.decl, 0); ok {
		return in, true
	}
	if in, ok := d.s.defaultedParam(e, d.decl); ok {
		return in, true
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		if src, ok := c.ix.OnlyInput(e); ok && src != ast.Unparen(e) {
			return d.input(src, depth+1)
		}
		return SummaryInput{}, false
	}
	v := c.ix.VarOf(id)
	if v == nil || !c.ix.IsParam(v) || len(c.ix.Assigns[v]) > 0 {
		if src, ok := c.ix.OnlyInput(e); ok && src != ast.Unparen(e) {
			return d.input(src, depth+1)
		}
		return SummaryInput{}, false
	}
	hd, _ := c.ix.EnclosingFunc(id).(*ast.FuncDecl)
	if hd == nil {
		return SummaryInput{}, false
	}
	fn, _ := c.info.Defs[hd.Name].(*types.Func)
	call := d.via[fn]
	i, ok := d.s.paramIndex(hd, v)
	if call == nil || !ok || i < 0 || i >= len(call.Args) || fn.Type().(*types.Signature).Variadic() {
		return SummaryInput{}, false
	}
	return d.input(call.Args[i], depth+1)
}

// isURL reports whether e is the URL input itself.
func (d *urlDecider) isURL(e ast.Expr) bool {
	in, ok := d.input(e, 0)
	return ok && in.String() == d.in.String()
}

// parsed reports whether e is the URL input parsed: url.Parse(in).
func (d *urlDecider) parsed(e ast.Expr) bool {
	c := d.s.c
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v := c.ix.VarOf(e)
		if v == nil || !c.ix.IsLocal(v) || len(c.ix.Assigns[v]) != 1 || c.ix.AddressTaken(v, nil) {
			return false
		}
		ref := c.ix.Assigns[v][0]
		if ref.Index > 0 || ref.Elem {
			return false
		}
		return d.parsed(ref.Expr)
	case *ast.CallExpr:
		fn := c.ix.Callee(e)
		return len(e.Args) == 1 && (flow.IsPkgFunc(fn, []string{"net/url"}, "Parse") || flow.IsPkgFunc(fn, []string{"net/url"}, "ParseRequestURI")) && d.isURL(e.Args[0])
	}
	return false
}

// query reports whether e is the parsed URL's query: u.Query().
func (d *urlDecider) query(e ast.Expr) bool {
	c := d.s.c
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v := c.ix.VarOf(e)
		if v == nil || !c.ix.IsLocal(v) || len(c.ix.Assigns[v]) != 1 || c.ix.Assigns[v][0].Index >= 0 {
			return false
		}
		return d.query(c.ix.Assigns[v][0].Expr)
	case *ast.CallExpr:
		sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
		fn := c.ix.Callee(e)
		return ok && fn != nil && fn.Name() == "Query" && flow.IsNamed(flow.RecvType(fn), "net/url", "URL") && d.parsed(sel.X)
	}
	return false
}

// str evaluates a string operand for env: ok false when unknown;
// scheme when it is the URL's scheme (what it is compared with joins the
// schemes evaluated).
func (d *urlDecider) str(e ast.Expr, env urlEnv) (val string, ok, scheme bool) {
	c := d.s.c
	if d.depth > flow.MaxDepth {
		return "", false, false
	}
	d.depth++
	defer func() { d.depth-- }()
	if v, ok := flow.ConstString(c.info, e); ok {
		return v, true, false
	}
	if d.isURL(e) {
		d.read = true
		if env.scheme == "" {
			return bareMark, true, false
		}
		return env.scheme + "://" + bareMark, true, false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		if e.Sel.Name == "Scheme" && flow.IsNamed(c.info.TypeOf(e.X), "net/url", "URL") || e.Sel.Name == "Scheme" && flow.IsNamed(flow.Deref(c.info.TypeOf(e.X)), "net/url", "URL") {
			if d.parsed(e.X) {
				d.read = true
				return env.scheme, true, true
			}
		}
	case *ast.CallExpr:
		fn := c.ix.Callee(e)
		if fn == nil || len(e.Args) != 1 {
			return "", false, false
		}
		if sel, isSel := ast.Unparen(e.Fun).(*ast.SelectorExpr); isSel && fn.Name() == "Get" && flow.IsNamed(flow.RecvType(fn), "net/url", "Values") && d.query(sel.X) {
			if k, ok := flow.ConstString(c.info, e.Args[0]); ok {
				d.keys[k], d.read = true, true
				return env.query[k], true, false
			}
		}
		if flow.IsPkgFunc(fn, []string{"strings"}, "ToLower") || flow.IsPkgFunc(fn, []string{"strings"}, "TrimSpace") {
			v, ok, sch := d.str(e.Args[0], env)
			if fn.Name() == "ToLower" {
				v = strings.ToLower(v)
			} else {
				v = strings.TrimSpace(v)
			}
			return v, ok, sch
		}
	case *ast.Ident:
		v := c.ix.VarOf(e)
		if v != nil && c.ix.IsLocal(v) && len(c.ix.Assigns[v]) == 1 && c.ix.Assigns[v][0].Index < 0 && !c.ix.Assigns[v][0].Elem && !c.ix.AddressTaken(v, nil) {
			return d.str(c.ix.Assigns[v][0].Expr, env)
		}
	}
	return "", false, false
}

// equal compares two string operands, noting constants compared with the
// scheme.
func (d *urlDecider) equal(a, b ast.Expr, env urlEnv) tri {
	x, okX, schX := d.str(a, env)
	y, okY, schY := d.str(b, env)
	if schX && okY && !schY {
		d.schemes[y] = true
	}
	if schY && okX && !schX {
		d.schemes[x] = true
	}
	if !okX || !okY {
		return triMaybe
	}
	return triOf(x == y)
}

// eval evaluates a bool condition for env.
func (d *urlDecider) eval(e ast.Expr, env urlEnv) tri {
	c := d.s.c
	if v, ok := flow.ConstBool(c.info, e); ok {
		return triOf(v)
	}
	if d.depth > flow.MaxDepth {
		return triMaybe
	}
	d.depth++
	defer func() { d.depth-- }()
	switch e := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			return d.eval(e.X, env).not()
		}
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LAND:
			return d.eval(e.X, env).and(d.eval(e.Y, env)) // both: every comparison is noted
		case token.LOR:
			return d.eval(e.X, env).or(d.eval(e.Y, env))
		case token.EQL, token.NEQ:
			var t tri
			switch {
			case c.ix.IsNil(e.Y) && d.tlsSetting(e.X), c.ix.IsNil(e.X) && d.tlsSetting(e.Y):
				// if opts.TLSConfig == nil { opts.TLSConfig = ... }: the
				// caller's config is kept when given, so TLS is on either way.
				if e.Op == token.EQL {
					return triYes
				}
				return triMaybe
			case flow.IsBasic(c.info.TypeOf(e.X), types.String):
				t = d.equal(e.X, e.Y, env)
			case flow.IsBasic(c.info.TypeOf(e.X), types.Bool):
				x, y := d.eval(e.X, env), d.eval(e.Y, env)
				if x == triMaybe || y == triMaybe {
					return triMaybe
				}
				t = triOf(x == y)
			default:
				return triMaybe
			}
			if e.Op == token.NEQ {
				return t.not()
			}
			return t
		}
	case *ast.CallExpr:
		fn := c.ix.Callee(e)
		if fn == nil {
			return triMaybe
		}
		if len(e.Args) == 2 && fn.Pkg() != nil && fn.Pkg().Path() == "strings" {
			x, okX, schX := d.str(e.Args[0], env)
			y, okY, _ := d.str(e.Args[1], env)
			if schX && okY && fn.Name() != "Contains" {
				d.schemes[y] = true
			}
			if okY && !schX && strings.HasSuffix(y, "://") {
				d.schemes[strings.TrimSuffix(y, "://")] = true // a prefix of the URL itself
			}
			if !okX || !okY {
				return triMaybe
			}
			switch fn.Name() {
			case "HasPrefix":
				return triOf(strings.HasPrefix(x, y))
			case "HasSuffix":
				return triOf(strings.HasSuffix(x, y))
			case "EqualFold":
				return triOf(strings.EqualFold(x, y))
			case "Contains":
				return triOf(strings.Contains(x, y))
			}
			return triMaybe
		}
		if sel, isSel := ast.Unparen(e.Fun).(*ast.SelectorExpr); isSel && len(e.Args) == 1 && fn.Name() == "Has" && flow.IsNamed(flow.RecvType(fn), "net/url", "Values") && d.query(sel.X) {
			if k, ok := flow.ConstString(c.info, e.Args[0]); ok {
				d.keys[k], d.read = true, true
				_, has := env.query[k]
				return triOf(has)
			}
		}
	case *ast.Ident:
		v := c.ix.VarOf(e)
		if v == nil || !c.ix.IsLocal(v) || len(c.ix.Assigns[v]) != 1 || c.ix.AddressTaken(v, nil) {
			return triMaybe
		}
		ref := c.ix.Assigns[v][0]
		if ref.Elem {
			return triMaybe
		}
		if ref.Index < 0 {
			return d.eval(ref.Expr, env)
		}
		// val, err := strconv.ParseBool(q.Get("tls_enabled"))
		call, ok := ast.Unparen(ref.Expr).(*ast.CallExpr)
		if ok && ref.Index == 0 && len(call.Args) == 1 && flow.IsPkgFunc(c.ix.Callee(call), []string{"strconv"}, "ParseBool") {
			s, ok, _ := d.str(call.Args[0], env)
			if !ok {
				return triMaybe
			}
			b, _ := strconv.ParseBool(s)
			return triOf(b)
		}
	}
	return triMaybe
}

// tlsSetting reports whether e reads the options' TLS config field.
func (d *urlDecider) tlsSetting(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	return ok && sel.Sel.Name == d.tlsField && clients.IsTLSConfig(d.s.c.info.TypeOf(sel))
}

// reached evaluates whether n runs for env: the conditions of the if
// and switch statements around it and, in a helper, those around the
// call that entered it. Early returns before it are not read: most
// return an error (no client at all), and counting a setting as run
// where it may not be only keeps a scheme from being judged.
func (d *urlDecider) reached(n ast.Node, env urlEnv) tri {
	c := d.s.c
	cur, ok := c.ix.Cursor(n)
	if !ok {
		return triMaybe
	}
	t := triYes
	for cur.Parent().Node() != nil {
		kind := cur.ParentEdgeKind()
		parent := cur.Parent()
		switch p := parent.Node().(type) {
		case *ast.FuncLit:
			return t.and(d.guard(func() tri { return triMaybe }, env)) // runs when called
		case *ast.FuncDecl:
			fn, _ := c.info.Defs[p.Name].(*types.Func)
			if call := d.via[fn]; p != d.decl && call != nil {
				if parent, ok = c.ix.Cursor(call); !ok {
					return triMaybe
				}
			} else {
				return t
			}
		case *ast.IfStmt:
			switch kind {
			case edge.IfStmt_Body:
				t = t.and(d.guard(func() tri { return d.eval(p.Cond, env) }, env))
			case edge.IfStmt_Else:
				t = t.and(d.guard(func() tri { return d.eval(p.Cond, env).not() }, env))
			}
		case *ast.CaseClause:
			if kind == edge.CaseClause_Body {
				if sw, ok := parent.Parent().Parent().Node().(*ast.SwitchStmt); ok {
					t = t.and(d.guard(func() tri { return d.clause(sw, p, env) }, env))
				} else {
					t = t.and(d.guard(func() tri { return triMaybe }, env)) // a type switch
				}
			}
		}
		cur = parent
	}
	return t
}

// guard evaluates one condition around a setting; with env.assume, one
// that does not read the URL counts as true.
func (d *urlDecider) guard(cond func() tri, env urlEnv) tri {
	saved := d.read
	d.read = false
	t := cond()
	if t == triMaybe && !d.read && env.assume {
		t = triYes
	}
	d.read = saved || d.read
	return t
}

// clause evaluates whether a switch statement takes clause cc for env.
func (d *urlDecider) clause(sw *ast.SwitchStmt, cc *ast.CaseClause, env urlEnv) tri {
	matches := func(cl *ast.CaseClause) tri {
		t := triNo
		for _, e := range cl.List {
			if sw.Tag == nil {
				t = t.or(d.eval(e, env))
			} else {
				t = t.or(d.equal(sw.Tag, e, env))
			}
		}
		return t
	}
	t, own := triYes, triNo // default: no other clause matches
	for _, st := range sw.Body.List {
		if other, ok := st.(*ast.CaseClause); ok && other != cc {
			t = t.and(matches(other).not()) // every clause: its schemes are noted
		} else if ok && cc.List != nil {
			own = matches(cc)
		}
	}
	if cc.List != nil {
		return own
	}
	return t
}

// fromURL reports whether an address is computed only from the URL input
// (its host, path or query, or the input itself); raw when it is the input
// itself (an address given without a scheme).
func (d *urlDecider) fromURL(e ast.Expr) (ok, raw bool) {
	if d.isURL(e) {
		return true, true
	}
	if lit, isLit := ast.Unparen(e).(*ast.CompositeLit); isLit && len(lit.Elts) > 0 && flow.IsContainerType(d.s.c.info.TypeOf(lit)) {
		// []string{addr}: each address.
		for _, elt := range lit.Elts {
			if kv, isKV := elt.(*ast.KeyValueExpr); isKV {
				elt = kv.Value
			}
			eltOK, eltRaw := d.fromURL(elt)
			if !eltOK {
				return false, false
			}
			raw = raw || eltRaw
		}
		return true, raw
	}
	t := &urlTaint{d: d, ok: true}
	r := d.s.c.ix.NewResolver(t)
	r.Inputs = true
	r.Expr(e)
	return t.ok && t.url, false
}

// urlTaint checks that the values an address is made from come only from
// the URL input and constants.
type urlTaint struct {
	d       *urlDecider
	ok, url bool
}

func (t *urlTaint) Leaf(r *flow.Resolver, e ast.Expr) {
	c := t.d.s.c
	if _, ok := flow.ConstString(c.info, e); ok || c.ix.IsNil(e) {
		return
	}
	if t.d.isURL(e) {
		t.url = true
		return
	}
	seen := false
	ast.Inspect(e, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok && t.ok && t.d.isURL(sel) {
			seen, t.url = true, true
			return false // cfg.URL
		}
		id, ok := n.(*ast.Ident)
		if !ok || !t.ok {
			return t.ok
		}
		v, ok := c.info.Uses[id].(*types.Var)
		if !ok || v.IsField() || v.Pkg() != c.pass.Pkg {
			return true
		}
		seen = true
		switch {
		case t.d.isURL(id):
			t.url = true
		case c.ix.IsParam(v):
			t.ok = false // another input
		case ast.Expr(id) != e:
			r.Expr(id)
		}
		return t.ok
	})
	if !seen {
		t.ok = false // a value of the library's own
	}
}

func (t *urlTaint) Enter(*flow.Resolver, *types.Var) {}
func (t *urlTaint) Exit(*flow.Resolver, *types.Var)  {}

// urlSchemes are the schemes evaluated besides those the code compares
// with: the standard ones of the client libraries' URL parsers.
var urlSchemes = func() []string {
	var out []string
	for _, p := range clients.URLParsers {
		for _, s := range append(slices.Clip(p.Plain), p.Secure...) {
			if !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	return out
}()

// verdicts records in cl what the URL input decides, given the TLS
// configs (tlsVals) and dialers set under conditions on it: the schemes
// that give TLS and those that give none (the others are not judged),
// whether an address given without a scheme is the address itself
// (bareAddr: the input is among the addresses) and gets no TLS, and the
// query parameters that turn TLS on or verification off. It reports
// false when no value given can be judged.
func (d *urlDecider) verdicts(cl *SummaryClient, tlsVals, dialers []ast.Expr, bareAddr bool) bool {
	onAny := func(vals []ast.Expr, env urlEnv) tri {
		t := triNo
		for _, v := range vals {
			t = t.or(d.reached(v, env).and(d.parsedTLS(v, env)))
		}
		return t
	}
	skips := d.skipVerifySets(tlsVals)
	skipOn := func(env urlEnv) tri {
		t := triNo
		for _, sv := range skips {
			t = t.or(d.reached(sv[0], env).and(d.eval(sv[1], env)))
		}
		return t
	}
	// A first pass notes the schemes and parameters the code compares with.
	none := urlEnv{}
	tlsBare, dialBare := onAny(tlsVals, none), onAny(dialers, none)
	skipOn(none)
	schemes := slices.Clone(urlSchemes)
	for s := range d.schemes {
		if s != "" && !strings.ContainsAny(s, ":/?#") && !slices.Contains(schemes, s) {
			schemes = append(schemes, s)
		}
	}
	slices.Sort(schemes)
	cl.Plain, cl.Secure, cl.LocalURL = nil, nil, nil
	for _, x := range schemes {
		env := urlEnv{scheme: x}
		if onAny(dialers, env) != triNo {
			cl.LocalURL = append(cl.LocalURL, x) // its own dialer: not judged
			continue
		}
		switch {
		case onAny(tlsVals, env) == triNo:
			cl.Plain = append(cl.Plain, x)
		case onAny(tlsVals, urlEnv{scheme: x, assume: true}) == triYes:
			cl.Secure = append(cl.Secure, x)
		default:
			cl.LocalURL = append(cl.LocalURL, x)
		}
	}
	cl.BareAddr = bareAddr && tlsBare == triNo && dialBare == triNo
	keys := make([]string, 0, len(d.keys))
	for k := range d.keys {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		set := urlEnv{query: map[string]string{k: "true"}}
		for _, x := range cl.Plain {
			if set.scheme = x; onAny(tlsVals, set) != triNo {
				cl.TLSQuery = append(cl.TLSQuery, k)
				break
			}
		}
		for _, x := range cl.Secure {
			set := urlEnv{scheme: x, query: set.query, assume: true}
			if skipOn(set) == triYes && skipOn(urlEnv{scheme: x}) == triNo {
				cl.SkipQuery = append(cl.SkipQuery, k)
				break
			}
		}
	}
	in := d.in
	cl.URL = &in
	return len(cl.Plain)+len(cl.Secure) > 0 || cl.BareAddr
}

// skipVerifySets returns the settings of InsecureSkipVerify on the TLS
// configs the options get (tlsVals), each as the node that runs and the
// value set: cfg.InsecureSkipVerify = v, opts.TLSConfig.InsecureSkipVerify
// = v, or &tls.Config{InsecureSkipVerify: v}.
func (d *urlDecider) skipVerifySets(tlsVals []ast.Expr) [][2]ast.Expr {
	c := d.s.c
	isVal := func(e ast.Expr) bool {
		for _, v := range tlsVals {
			if id, ok := ast.Unparen(v).(*ast.Ident); ok {
				// tlsCfg := &tls.Config{...}: its one value.
				if x := c.ix.VarOf(id); x != nil && len(c.ix.Assigns[x]) == 1 && c.ix.Assigns[x][0].Index < 0 {
					v = c.ix.Assigns[x][0].Expr
				}
			}
			if v != nil && ast.Unparen(v) == ast.Unparen(e) {
				return true
			}
			if un, ok := ast.Unparen(v).(*ast.UnaryExpr); ok && un.Op == token.AND && ast.Unparen(un.X) == ast.Unparen(e) {
				return true
			}
		}
		return false
	}
	// A variable holding one of the configs.
	holds := func(e ast.Expr) bool {
		if sel, ok := ast.Unparen(e).(*ast.SelectorExpr); ok {
			return sel.Sel.Name == d.tlsField
		}
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return false
		}
		v := c.ix.VarOf(id)
		return v != nil && slices.ContainsFunc(c.ix.Assigns[v], func(ref flow.ValueRef) bool { return ref.Index < 0 && isVal(ref.Expr) })
	}
	var out [][2]ast.Expr
	for _, body := range d.bodies() {
		ast.Inspect(body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
					if ok && sel.Sel.Name == "InsecureSkipVerify" && len(n.Lhs) == len(n.Rhs) && holds(sel.X) {
						out = append(out, [2]ast.Expr{n.Rhs[i], n.Rhs[i]})
					}
				}
			case *ast.CompositeLit:
				if !isVal(n) || !clients.IsTLSConfig(c.info.TypeOf(n)) {
					return true
				}
				for _, elt := range n.Elts {
					if kv, ok := elt.(*ast.KeyValueExpr); ok && flow.IsIdent(kv.Key, "InsecureSkipVerify") {
						out = append(out, [2]ast.Expr{kv.Value, kv.Value})
					}
				}
			}
			return true
		})
	}
	return out
}

// parser returns the client library's URL parser a call makes of the URL
// input (redis.ParseURL(cfg.URL)), nil if none.
func (d *urlDecider) parser(call *ast.CallExpr) *clients.URLParser {
	p := clients.URLParserOf(d.s.c.ix.Callee(call))
	if p == nil || p.SchemeDecidesTLS || p.URLArg >= len(call.Args) || d.in.Name != "" && !d.isURL(call.Args[p.URLArg]) {
		return nil
	}
	return p
}

// parsedTLS evaluates, for a TLS config v the options get, whether it is
// set: the TLS config of a parser's result (parsed.TLSConfig) only for
// the parser's secure schemes; any other whenever it is reached.
func (d *urlDecider) parsedTLS(v ast.Expr, env urlEnv) tri {
	c := d.s.c
	sel, ok := ast.Unparen(v).(*ast.SelectorExpr)
	if !ok {
		return triYes
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return triYes
	}
	x := c.ix.VarOf(id)
	if x == nil || !c.ix.IsLocal(x) || len(c.ix.Assigns[x]) != 1 || c.ix.Assigns[x][0].Index > 0 {
		return triYes
	}
	call, ok := ast.Unparen(c.ix.Assigns[x][0].Expr).(*ast.CallExpr)
	if !ok {
		return triYes
	}
	p := d.parser(call)
	if p == nil {
		return triYes
	}
	if ot := p.ParsedOptions(c.ix.Callee(call).Pkg().Path()); ot == nil || ot.TLS != sel.Sel.Name {
		return triYes
	}
	d.read = true
	for _, s := range p.Secure {
		d.schemes[s] = true
	}
	return triOf(slices.Contains(p.Secure, env.scheme))
}
