package analyzer

// Inputs read through field paths (the resolver's Paths mode): a
// library that normalises its configuration before building the client
// (cfg := configDefault(config...); cfg.Addr), gives a local default only
// when the input is empty (if cfg.Host == "" { cfg.Host = "127.0.0.1" }),
// or composes the address from the host (fmt.Sprintf("%s:%d", cfg.Host,
// cfg.Port)). The caller's value still reaches the client: the summary
// records the input, and the constants the library falls back on are
// defaults.

import (
	"github.com/redistlslint/redistlslint/internal/clients"
	"github.com/redistlslint/redistlslint/internal/flow"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
)

// variadicElem is the path step for the element of a variadic parameter
// (func New(config ...Config): config[0]).
const variadicElem = "[0]"

// pathInput returns the input path of e (of an element of e) in decl:
// a parameter's field path, or the element of decl's variadic parameter.
func (s *summarizer) pathInput(e ast.Expr, elem bool, path []string, decl *ast.FuncDecl) (SummaryInput, bool) {
	var in SummaryInput
	if elem {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return in, false
		}
		v := s.c.ix.VarOf(id)
		i, ok := s.paramIndex(decl, v)
		fn, _ := s.c.info.Defs[decl.Name].(*types.Func)
		if !ok || fn == nil || len(s.c.ix.Assigns[v]) > 0 {
			return in, false
		}
		sig := fn.Type().(*types.Signature)
		if !sig.Variadic() || i != sig.Params().Len()-1 {
			return in, false
		}
		in = SummaryInput{Param: i, Path: []string{variadicElem}, Name: v.Name() + variadicElem}
	} else {
		var ok bool
		if in, ok = s.inputOf(e, decl, 0); !ok {
			return in, false
		}
	}
	in.Path = append(slices.Clip(in.Path), path...)
	if len(path) > 0 {
		in.Name += "." + strings.Join(path, ".")
	}
	return in, true
}

// pathCands gathers what an address (or a TLS value) in decl can be, in
// the resolver's Paths mode: inputs, and constants the library gives.
type pathCands struct {
	s       *summarizer
	decl    *ast.FuncDecl
	host    bool // an address: follow the host of a composed address
	ins     []SummaryInput
	consts  []ast.Expr
	unknown bool
}

func (p *pathCands) Leaf(r *flow.Resolver, e ast.Expr) {
	c := p.s.c
	if in, ok := p.s.pathInput(e, false, nil, p.decl); ok {
		p.add(in)
		return
	}
	if in, ok := p.s.defaultedParam(e, p.decl); ok {
		p.add(in) // its default values are leaves of their own
		return
	}
	if _, ok := flow.ConstString(c.info, e); ok || c.ix.IsNil(e) {
		p.consts = append(p.consts, e)
		return
	}
	if p.host {
		if h := hostOperand(c, e); h != nil {
			r.Expr(h)
			return
		}
		if lit, ok := ast.Unparen(e).(*ast.CompositeLit); ok && flow.IsContainerType(c.info.TypeOf(lit)) {
			r.Elements(lit) // []string{addr}: each address
			return
		}
	}
	p.unknown = true
}

func (p *pathCands) PathLeaf(r *flow.Resolver, e ast.Expr, elem bool, path []string) {
	if in, ok := p.s.pathInput(e, elem, path, p.decl); ok {
		p.add(in)
		return
	}
	if !elem && len(path) == 1 && p.s.parsedField(r, e, path[0], p.decl) {
		return // the address or TLS config a URL parser gives: the URL decides
	}
	p.unknown = true
}

// parsedURL is the URL input whose parsed options a client's address or
// TLS config is copied from (cfg.Addrs = []string{options.Addr}), with
// the parser.
type parsedURL struct {
	in  SummaryInput
	p   *clients.URLParser
	bad bool // more than one URL, or one that is no input
}

// parsedField reports whether e is a call of a URL parser whose result's
// field (its address or TLS config) is read, with a URL that is an
// input of decl; it records that URL in s.parsed.
func (s *summarizer) parsedField(r *flow.Resolver, e ast.Expr, field string, decl *ast.FuncDecl) bool {
	c := s.c
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || s.parsed == nil {
		return false
	}
	fn := c.ix.Callee(call)
	p := clients.URLParserOf(fn)
	if p == nil || p.SchemeDecidesTLS || p.URLArg >= len(call.Args) {
		return false
	}
	ot := p.ParsedOptions(fn.Pkg().Path())
	if ot == nil || field != ot.TLS && !slices.Contains(ot.Addrs, field) {
		return false
	}
	u := &pathCands{s: s, decl: decl}
	r.With(u, func() { r.Expr(call.Args[p.URLArg]) })
	for _, k := range u.consts {
		if v, isStr := flow.ConstString(c.info, k); !isStr || v != "" {
			u.unknown = true // a URL of the library's own
		}
	}
	if u.unknown || len(u.ins) != 1 {
		s.parsed.bad = true
		return true
	}
	if s.parsed.p != nil && s.parsed.in.String() != u.ins[0].String() {
		s.parsed.bad = true
	}
	s.parsed.in, s.parsed.p = u.ins[0], p
	return true
}

func (p *pathCands) add(in SummaryInput) {
	for _, have := range p.ins {
		if have.String() == in.String() {
			return
		}
	}
	p.ins = append(p.ins, in)
}

func (p *pathCands) Enter(r *flow.Resolver, v *types.Var) {
	if p.s.c.ix.AddressTaken(v, nil) {
		p.unknown = true // written through a pointer
	}
}

func (p *pathCands) Exit(*flow.Resolver, *types.Var) {}

// candidates follows e in decl through field paths: the inputs it can
// be, and the constants the library falls back on. ok is false when
// something else may reach it.
func (s *summarizer) candidates(e ast.Expr, decl *ast.FuncDecl, host bool) (ins []SummaryInput, consts []ast.Expr, ok bool) {
	if decl == nil {
		return nil, nil, false
	}
	p := &pathCands{s: s, decl: decl, host: host}
	r := s.c.ix.NewResolver(p)
	r.Inputs, r.Paths = true, true
	if host {
		if h := hostOperand(s.c, e); h != nil {
			e = h
		}
	}
	r.Expr(e)
	return p.ins, p.consts, !p.unknown
}

// hostOperand returns the host of an address composed from it:
// fmt.Sprintf("%s:%d", host, port), net.JoinHostPort(host, port),
// host + ":" + port. The host decides whether the address is local.
func hostOperand(c *checker, e ast.Expr) ast.Expr {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := c.ix.Callee(e)
		if fn == nil {
			return nil
		}
		if flow.IsPkgFunc(fn, []string{"net"}, "JoinHostPort") && len(e.Args) == 2 {
			return e.Args[0]
		}
		if flow.IsPkgFunc(fn, []string{"fmt"}, "Sprintf") && len(e.Args) > 1 {
			if format, ok := flow.ConstString(c.info, e.Args[0]); ok && (strings.HasPrefix(format, "%s:") || strings.HasPrefix(format, "%v:")) {
				return e.Args[1]
			}
		}
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return nil
		}
		l := leftmost(e)
		if _, isConst := flow.ConstString(c.info, l); !isConst && flow.IsBasic(c.info.TypeOf(l), types.String) {
			// host + ":" + port: the next operand must start with ':'.
			if sep, ok := flow.ConstString(c.info, nextOperand(e, l)); ok && strings.HasPrefix(sep, ":") {
				return l
			}
		}
	}
	return nil
}

// nextOperand returns the operand right of l in a chain of +.
func nextOperand(e *ast.BinaryExpr, l ast.Expr) ast.Expr {
	for {
		x, ok := ast.Unparen(e.X).(*ast.BinaryExpr)
		if !ok || x.Op != token.ADD {
			if e.X == l {
				return e.Y
			}
			return nil
		}
		e = x
	}
}

// parsedClient summarizes the options a URL parser returns (p, called at
// parse) when the URL is an input of decl: they reach a client through
// at (the parser's call, or the call of the package's helper that
// returns them), and TLS is what the scheme gives, or the ways of a
// config set on them afterwards.
func (s *summarizer) parsedClient(at, parse *ast.CallExpr, p *clients.URLParser, url ast.Expr, decl *ast.FuncDecl) []SummaryClient {
	c := s.c
	in, ok := s.inputOf(url, decl, 0)
	if !ok {
		ins, consts, found := s.candidates(url, decl, false)
		if !found || len(ins) != 1 || len(consts) > 0 {
			return nil
		}
		in = ins[0]
	}
	lib := c.ix.Callee(parse).Pkg().Path()
	ot := p.ParsedOptions(lib)
	if ot == nil {
		return nil
	}
	fl := c.resultFlow(at, ot)
	if fl.unknown || fl.returnedFrom || !fl.consumed {
		return nil // the options leave the function: its caller may set TLS
	}
	cl := SummaryClient{Built: p.Name, Where: c.where(parse.Pos()), Lib: lib, URL: &in, Plain: p.Plain, Secure: p.Secure, LocalURL: p.Local}
	if name := c.qualifierFor(parse.Pos(), []string{lib}); name != "" {
		cl.Built = name + "." + p.Name
	}
	if fl.tls {
		for _, v := range fl.tlsValues {
			ways, ok := s.tlsWays(v, decl)
			if !ok {
				return nil
			}
			cl.Ways = append(cl.Ways, ways...)
		}
	}
	return []SummaryClient{cl}
}

// helperParsed summarizes a call of this package's function that returns
// what a URL parser returns (func parseOptions(u string) (*redis.Options,
// error) { return redis.ParseURL(u) }): the URL is followed through the
// call into the helper, to decl's input.
func (s *summarizer) helperParsed(call *ast.CallExpr, decl *ast.FuncDecl) []SummaryClient {
	c := s.c
	callee := c.ix.DeclOf(call)
	if callee == nil || decl == nil || callee.Type.Results.NumFields() == 0 || clients.OptionsTypeOf(c.info.TypeOf(call)) == nil && !isOptionsTuple(c, call) {
		return nil // it returns no client options
	}
	h := &parsedHelper{s: s}
	r := c.ix.NewResolver(h)
	r.KeepCalls, r.Inputs = true, true
	r.Results(call, callee.Type, callee.Body, 0)
	if h.other || len(h.urls) != 1 {
		return nil
	}
	return s.parsedClient(call, h.parse, h.p, h.urls[0], decl)
}

// parsedHelper finds the parser calls a helper returns, and the URLs its
// caller gives them.
type parsedHelper struct {
	s     *summarizer
	p     *clients.URLParser
	parse *ast.CallExpr
	urls  []ast.Expr
	other bool
}

func (h *parsedHelper) Leaf(r *flow.Resolver, e ast.Expr) {
	c := h.s.c
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		if !c.ix.IsNil(e) {
			h.other = true
		}
		return
	}
	p := clients.URLParserOf(c.ix.Callee(call))
	if p == nil || p.SchemeDecidesTLS || p.URLArg >= len(call.Args) || h.parse != nil && h.parse != call {
		h.other = true
		return
	}
	h.p, h.parse = p, call
	// The URL as the helper's caller gives it (the call's frame is live).
	r.With(&urlArg{h: h}, func() { r.Expr(call.Args[p.URLArg]) })
}

func (h *parsedHelper) Enter(*flow.Resolver, *types.Var) {}
func (h *parsedHelper) Exit(*flow.Resolver, *types.Var)  {}

// urlArg collects the values a URL argument has, as the caller gives
// them.
type urlArg struct{ h *parsedHelper }

func (u *urlArg) Leaf(_ *flow.Resolver, e ast.Expr) { u.h.urls = append(u.h.urls, e) }
func (u *urlArg) Enter(*flow.Resolver, *types.Var)  {}
func (u *urlArg) Exit(*flow.Resolver, *types.Var)   {}

// defaultedParam returns the input of a parameter of decl that the body
// reassigns only under a condition (if addr == "" { addr = def }): the
// caller's value still reaches the use.
func (s *summarizer) defaultedParam(e ast.Expr, decl *ast.FuncDecl) (SummaryInput, bool) {
	c := s.c
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || decl == nil {
		return SummaryInput{}, false
	}
	v := c.ix.VarOf(id)
	if v == nil {
		return SummaryInput{}, false
	}
	i, ok := s.paramIndex(decl, v)
	if !ok || c.ix.AddressTaken(v, nil) {
		return SummaryInput{}, false
	}
	for _, ref := range c.ix.Assigns[v] {
		as, isAs := c.ix.Parent(ref.Expr).(*ast.AssignStmt)
		if !isAs || ref.Index >= 0 || ref.Elem || c.ix.Unconditional(as, v) {
			return SummaryInput{}, false
		}
	}
	return SummaryInput{Param: i, Name: v.Name()}, true
}

// isOptionsTuple reports whether a call's first result is a client
// options type (opts, err := parse(u)).
func isOptionsTuple(c *checker, call *ast.CallExpr) bool {
	tup, ok := c.info.TypeOf(call).(*types.Tuple)
	return ok && tup.Len() > 0 && clients.OptionsTypeOf(tup.At(0).Type()) != nil
}
