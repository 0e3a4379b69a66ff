package analyzer

// Function summaries: which Redis clients a function builds from its
// parameters, exported as an analysis fact (FuncSummary) and judged
// at every call site as if the construction were written there. This is
// how a wrapper (cache.New(cfg)), a functional-options constructor
// (store.New(addr, store.WithTLS(c))) or a library that dials for its
// caller (a session store) is judged in the caller's code, where the
// deciding values are.
//
// A summary is derived from the code, by the same engine as the direct
// checks: an options value's flow (optionsFlow) or a redigo dial whose
// address, network or TLS setting comes from a parameter is recorded with
// that parameter instead of being left unjudged. Calls to summarized
// functions compose: a wrapper of a wrapper gets the summary of what it
// passes on.

import (
	"fmt"
	"github.com/redistlslint/redistlslint/internal/clients"
	"github.com/redistlslint/redistlslint/internal/edit"
	"github.com/redistlslint/redistlslint/internal/flow"
	"go/ast"
	"go/token"
	"go/types"
	"golang.org/x/tools/go/ast/edge"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// FuncSummary lists the Redis clients a function builds from its
// parameters.
type FuncSummary struct {
	Clients []SummaryClient
}

func (*FuncSummary) AFact() {}

func (f *FuncSummary) String() string {
	var parts []string
	for _, cl := range f.Clients {
		parts = append(parts, cl.String())
	}
	return "clients(" + strings.Join(parts, "; ") + ")"
}

// SummarizedFuncs marks a package that exports ClientSummaryFacts, so
// that an importer that uses no client itself knows to look at its calls.
// It names the summarized functions and methods: an importer whose source
// never mentions one (pkg.Func, x.Method) cannot call them, and go vet
// need not type-check it (internal/driver, vetRelevant).
type SummarizedFuncs struct {
	Package string // the package's name, as importers qualify it
	Funcs   []string
	Methods []string
}

func (*SummarizedFuncs) AFact() {}

// Mentions names what an importer's source must mention to use the
// summaries: the drivers skip importers that mention none (go vet).
func (f *SummarizedFuncs) Mentions() (pkg string, funcs, methods []string) {
	return f.Package, f.Funcs, f.Methods
}

func (f *SummarizedFuncs) String() string {
	return "clientSummaries(" + strings.Join(f.Funcs, " ") + " methods=" + strings.Join(f.Methods, " ") + ")"
}

// SummaryClient is one client a function builds.
type SummaryClient struct {
	Built string   // what builds it: "redis.Options", "redis.Dial"
	Where string   // "pkg/path/file.go:12"
	Via   []string // functions in between, outermost first ("redistore.dialClient")
	Dial  bool     // redigo dial: a non-constant network leaves it unjudged
	Unix  bool     // an address starting with "/" is a unix socket
	// Addrs are the address inputs; a client whose every address is local
	// at the call is not reported.
	Addrs   []SummaryInput
	Network *SummaryInput
	// Ways are the inputs that can turn TLS on; none: it never can.
	Ways []SummaryWay
	// WayOut names the library's own way out when TLS cannot be turned on:
	// a function of the package that takes a client or pool the caller
	// builds ("redistore.NewRediStoreWithPool").
	WayOut string
	// URL is the input holding a connection URL whose scheme decides TLS
	// (redigo's DialURL), with the parser's schemes, or those the
	// function's own conditions on the scheme give (LocalURL: not judged).
	URL                     *SummaryInput
	Plain, Secure, LocalURL []string
	// BareAddr: a URL input given without a scheme (host:port) is the
	// address, without TLS. TLSQuery are query parameters of the URL that
	// may turn TLS on; SkipQuery those that turn verification off when
	// set to "true" (summaryscheme.go).
	BareAddr            bool
	TLSQuery, SkipQuery []string
	// Lib is the import path of the client library the client is built
	// with (the package of its options type, or redigo's).
	Lib string
	// Reported: the library's own code is reported for this construction
	// already; a caller in the same module is not reported again.
	Reported bool
	// Needs are bool inputs that decide whether the client is built at
	// all (if cfg.Enabled { ... }, if !useTLS { return plain }): a call
	// whose values rule it out builds no such client.
	Needs []SummaryNeed
	// Whole is the input that holds the options value itself, handed to
	// the client library unchanged (summarywhole.go): the caller's value
	// is judged as if it were given to the client constructor.
	Whole *SummaryInput
	// SkipVerify are bool inputs the client's TLS config takes
	// InsecureSkipVerify from (&tls.Config{InsecureSkipVerify:
	// cfg.SkipVerify}), and where; TLSAlways: TLS is on whatever the
	// caller passes, only those inputs are the caller's say.
	SkipVerify []SummarySkip
	TLSAlways  bool
}

// A SummarySkip is a bool input that turns verification off, and where
// the function sets it.
type SummarySkip struct {
	In    SummaryInput
	Where string
}

// A SummaryNeed is a bool input that must have the value Want for the
// client to be built.
type SummaryNeed struct {
	In   SummaryInput
	Want bool
}

func (cl SummaryClient) String() string {
	s := fmt.Sprintf("%s at %s addrs=%v", cl.Built, cl.Where, cl.Addrs)
	if cl.URL != nil {
		s += fmt.Sprintf(" url=%v", *cl.URL)
	}
	if cl.BareAddr {
		s += " bare"
	}
	if len(cl.TLSQuery)+len(cl.SkipQuery) > 0 {
		s += fmt.Sprintf(" query(tls=%v skip=%v)", cl.TLSQuery, cl.SkipQuery)
	}
	if cl.Network != nil {
		s += fmt.Sprintf(" network=%v", *cl.Network)
	}
	if cl.Whole != nil {
		return s + fmt.Sprintf(" whole=%v", *cl.Whole)
	}
	if len(cl.Ways) == 0 && cl.URL == nil && !cl.TLSAlways {
		s += " noTLS"
	}
	for _, w := range cl.Ways {
		s += " " + w.String()
	}
	for _, n := range cl.Needs {
		s += fmt.Sprintf(" needs(%v=%v)", n.In, n.Want)
	}
	for _, sk := range cl.SkipVerify {
		s += fmt.Sprintf(" skipVerify(%v)", sk.In)
	}
	if cl.TLSAlways {
		s += " tlsAlways"
	}
	return s
}

// SummaryInput is a value a function receives: a parameter (Param >= 0,
// or ParamRecv for the receiver) or a field of one (Path). ParamFixed
// stands for an address that is not local whatever the caller passes.
type SummaryInput struct {
	Param int
	Path  []string
	Name  string // as written in the function, for messages: "conf.Tls"
	// Field: the value is field Field of the options struct the
	// functional options of variadic parameter Param build: argument
	// OptionArg of the option Option ("pkg/path.WithAddr"), or with no
	// Option, what a closure the caller writes stores in it.
	Field     string
	Option    string
	OptionArg int
}

const (
	ParamFixed = -1
	ParamRecv  = -2
)

func (in SummaryInput) String() string {
	if in.Param == ParamFixed {
		return "fixed"
	}
	if in.Field != "" && in.Option == "" {
		return fmt.Sprintf("%d func.%s", in.Param, in.Field)
	}
	if in.Field != "" {
		return fmt.Sprintf("%d %s", in.Param, in.Option[strings.LastIndexByte(in.Option, '.')+1:])
	}
	return fmt.Sprintf("%d%s", in.Param, strings.Join(append([]string{""}, in.Path...), "."))
}

// A SummaryWay is one way the caller can turn TLS on.
type SummaryWay struct {
	Kind WayKind
	In   SummaryInput // the input; for WayOption, the variadic parameter
	// Option is the functional option that turns TLS on ("pkg/path.WithTLS"),
	// and OptionArg its argument that becomes the TLS config or the bool
	// that turns it on (-1: none, it always does). Field is the field of
	// the options struct it sets; with no Option, the way is a closure the
	// caller writes that sets Field.
	Option    string
	OptionArg int
	Field     string
}

func (w SummaryWay) String() string {
	if w.Kind == WayOption && w.Option == "" {
		return fmt.Sprintf("option(%v func.%s)", w.In, w.Field)
	}
	if w.Kind == WayOption {
		return fmt.Sprintf("option(%v %s arg=%d)", w.In, w.Option, w.OptionArg)
	}
	return fmt.Sprintf("%s(%v)", w.Kind, w.In)
}

// WayKind is what kind of input turns a summarized client's TLS on.
type WayKind string

const (
	WayConfig WayKind = "config" // a *tls.Config
	WayGuard  WayKind = "guard"  // a bool that guards TLS
	WayOption WayKind = "option" // a functional option
)

// summarizer computes the summaries of a package's functions.
type summarizer struct {
	c     *checker
	decls []*ast.FuncDecl // sorted by position
	sites map[*ast.FuncDecl][]ast.Node
	top   []ast.Node // sites outside any function declaration
	sums  map[*types.Func]*FuncSummary
	busy  map[*types.Func]bool
	// optFuncs caches the functional options of the package, by option
	// type and field.
	optFuncs map[string][]SummaryWay
	// typeSums are the clients types build from their fields
	// (summarytype.go); recv is the value a constructor returns, while its
	// type's clients are judged.
	typeSums map[*types.Named][]SummaryClient
	recv     ast.Expr
	// litAt is the literal of such a type being judged at a caller
	// (summarylit.go): its clients are reported there.
	litAt *ast.CompositeLit
	// parsed, while an options value is summarized, is the URL its
	// address or TLS config may be parsed from (summarypath.go).
	parsed *parsedURL
	// byURL, while an options value is summarized, is the URL input whose
	// scheme the code tests (nil: none), and what the addresses take from
	// it (summaryscheme.go).
	byURL             *urlDecider
	urlAddr, bareAddr bool
}

// importsSummaries reports whether a package imported by pass exports
// client summaries.
func importsSummaries(pass *analysis.Pass) bool {
	for _, imp := range pass.Pkg.Imports() {
		if pass.ImportPackageFact(imp, new(SummarizedFuncs)) {
			return true
		}
	}
	return false
}

// summarize computes and exports the summaries of the package's functions
// and judges the calls of summarized functions (this package's and, by
// their facts, other packages').
func (c *checker) summarize() {
	s := &summarizer{c: c, sites: map[*ast.FuncDecl][]ast.Node{}, sums: map[*types.Func]*FuncSummary{}, busy: map[*types.Func]bool{}}
	for _, d := range c.ix.Decls {
		s.decls = append(s.decls, d)
	}
	sort.Slice(s.decls, func(i, j int) bool { return s.decls[i].Pos() < s.decls[j].Pos() })
	add := func(n ast.Node) {
		if d := s.declAt(n.Pos()); d != nil {
			s.sites[d] = append(s.sites[d], n)
		} else {
			s.top = append(s.top, n)
		}
	}
	for _, lit := range c.ix.Lits {
		if ot := clients.OptionsTypeOf(c.info.TypeOf(lit)); ot != nil && !ot.TLSOnly {
			add(lit)
		}
	}
	for _, spec := range c.ix.VarDecls {
		if len(spec.Values) == 0 {
			add(spec)
		}
	}
	for _, call := range c.ix.Calls {
		if s.siteCall(call) {
			add(call)
		}
	}
	var funcs, methods []string
	for _, d := range s.decls {
		fn, _ := c.info.Defs[d.Name].(*types.Func)
		if fn == nil {
			continue
		}
		sum := s.summary(fn)
		if sum != nil && (fn.Exported() || isExportedMethod(fn)) {
			// Clients built from the receiver's fields stay in the package:
			// they are judged where the value is constructed.
			var out FuncSummary
			for _, cl := range sum.Clients {
				if !usesRecv(cl) {
					out.Clients = append(out.Clients, cl)
				}
			}
			if len(out.Clients) > 0 {
				c.pass.ExportObjectFact(fn, &out)
				if flow.RecvType(fn) != nil {
					methods = append(methods, fn.Name())
				} else {
					funcs = append(funcs, fn.Name())
				}
			}
		}
	}
	funcs = append(funcs, s.exportTypeSummaries()...)
	if len(funcs)+len(methods) > 0 {
		slices.Sort(funcs)
		slices.Sort(methods)
		c.pass.ExportPackageFact(&SummarizedFuncs{Package: c.pass.Pkg.Name(), Funcs: funcs, Methods: slices.Compact(methods)})
	}
	for _, n := range s.top {
		if call, ok := n.(*ast.CallExpr); ok {
			s.calls().judgeCall(call, nil, nil)
		}
	}
	s.judgeTypeLits()
}

// declAt returns the function declaration containing pos.
func (s *summarizer) declAt(pos token.Pos) *ast.FuncDecl {
	i := sort.Search(len(s.decls), func(i int) bool { return s.decls[i].End() > pos })
	if i < len(s.decls) && s.decls[i].Pos() <= pos {
		return s.decls[i]
	}
	return nil
}

// siteCall reports whether a call may build a client: new(T) of an
// options type, a redigo dial, or a call of a function that may have a
// summary.
func (s *summarizer) siteCall(call *ast.CallExpr) bool {
	c := s.c
	if flow.BuiltinCall(c.info, call, "new") && len(call.Args) == 1 {
		ot := clients.OptionsTypeOf(c.info.TypeOf(call.Args[0]))
		return ot != nil && !ot.TLSOnly
	}
	fn := c.ix.Callee(call)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	if fn.Pkg() == c.pass.Pkg {
		return c.ix.Decls[fn] != nil
	}
	if clients.IsClientPackage(fn.Pkg().Path()) {
		if p := clients.URLParserOf(c.ix.Callee(call)); p != nil && (p.SchemeDecidesTLS || p.Options != "") && p.URLArg < len(call.Args) {
			return true
		}
		d := clients.DialAPIOf(c.ix.Callee(call), len(call.Args))
		return d != nil && d.Addr < len(call.Args)
	}
	return !edit.IsStd(fn.Pkg().Path())
}

// summary returns fn's summary (nil if it builds no client from its
// parameters), computing it on first use. While it is being computed
// (recursion), it is nil.
func (s *summarizer) summary(fn *types.Func) *FuncSummary {
	if sum, ok := s.sums[fn]; ok || s.busy[fn] {
		return sum
	}
	decl := s.c.ix.Decls[fn]
	if decl == nil {
		return nil
	}
	s.busy[fn] = true
	sum := &FuncSummary{}
	for _, n := range s.sites[decl] {
		clients := s.site(n, decl, fn)
		if len(clients) > 0 {
			needs := s.needsAt(n, decl)
			for i := range clients {
				clients[i].Needs = append(slices.Clip(clients[i].Needs), needs...)
			}
		}
		sum.Clients = append(sum.Clients, clients...)
	}
	sum.Clients = append(sum.Clients, s.constructorClients(fn, decl)...)
	sum.Clients = append(sum.Clients, s.wholeClients(fn, decl)...)
	tlsSwitches(sum.Clients)
	delete(s.busy, fn)
	if len(sum.Clients) == 0 {
		sum = nil
	} else {
		s.addWayOut(fn, sum)
	}
	s.sums[fn] = sum
	return sum
}

// callee returns the function a call invokes and its summary, from this
// package's code or another package's fact.
func (s *summarizer) callee(call *ast.CallExpr) (*types.Func, *FuncSummary) {
	c := s.c
	fn := c.ix.Callee(call)
	if fn == nil || fn.Pkg() == nil {
		return nil, nil
	}
	if fn.Pkg() == c.pass.Pkg {
		return fn, s.summary(fn)
	}
	var sum FuncSummary
	if c.pass.ImportObjectFact(fn, &sum) {
		return fn, &sum
	}
	return fn, nil
}

// site returns the clients built at n (in decl, the code of fn) that
// depend on fn's inputs.
func (s *summarizer) site(n ast.Node, decl *ast.FuncDecl, fn *types.Func) []SummaryClient {
	c := s.c
	switch n := n.(type) {
	case *ast.CompositeLit:
		ot := clients.OptionsTypeOf(c.info.TypeOf(n))
		fl := c.newFlow(ot)
		fl.pkg = flow.PkgPathOf(c.info.TypeOf(n))
		fl.keepDialers = true
		fl.literal(n)
		fl.from(n, 0)
		return s.optionsClient(fl, n, decl)
	case *ast.ValueSpec:
		var out []SummaryClient
		for _, name := range n.Names {
			v, ok := c.info.Defs[name].(*types.Var)
			if !ok {
				continue
			}
			if fl := c.declaredFlow(v); fl != nil {
				out = append(out, s.optionsClient(fl, name, decl)...)
			}
		}
		return out
	case *ast.CallExpr:
		if flow.BuiltinCall(c.info, n, "new") && len(n.Args) == 1 {
			ot := clients.OptionsTypeOf(c.info.TypeOf(n.Args[0]))
			fl := c.newFlow(ot)
			fl.pkg = flow.PkgPathOf(c.info.TypeOf(n.Args[0]))
			fl.keepDialers = true
			fl.from(n, 0)
			return s.optionsClient(fl, n, decl)
		}
		if d := clients.DialAPIOf(c.ix.Callee(n), len(n.Args)); d != nil {
			if d.Recv != "" || d.Addr >= len(n.Args) {
				return nil // options in a receiver struct: not summarized
			}
			return s.dialClient(n, d, decl)
		}
		if p := clients.URLParserOf(c.ix.Callee(n)); p != nil {
			return s.urlClient(n, p, decl)
		}
		if out := s.calls().judgeCall(n, decl, fn); len(out) > 0 {
			return out
		}
		return s.helperParsed(n, decl)
	}
	return nil
}

// where renders a position for a fact: the absolute file name and the
// line, /src/app/tlsconf/tls.go:12. Messages show it through place.
func (c *reporter) where(pos token.Pos) string {
	p := c.pass.Fset.Position(pos)
	name := p.Filename
	if abs, err := filepath.Abs(name); err == nil {
		name = abs
	}
	return fmt.Sprintf("%s:%d", name, p.Line)
}

// place renders a location recorded by where as a path an editor opens:
// relative to the working directory when it lies inside it, else as
// recorded.
func place(where string) string {
	wd, err := os.Getwd()
	if err != nil || !filepath.IsAbs(where) {
		return where
	}
	rel, err := filepath.Rel(wd, where)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		// A dependency in the module cache: module@version/file, which
		// names it and is found under $GOMODCACHE.
		if i := strings.Index(where, string(filepath.Separator)+"pkg"+string(filepath.Separator)+"mod"+string(filepath.Separator)); i >= 0 {
			return filepath.ToSlash(where[i+len("/pkg/mod/"):])
		}
		return where
	}
	return rel
}

// optionsClient summarizes an options value built at n.
func (s *summarizer) optionsClient(fl *optionsFlow, n ast.Node, decl *ast.FuncDecl) []SummaryClient {
	c := s.c
	if fl.unknown || len(fl.addrs) == 0 || fl.returnedFrom || !fl.consumed {
		return nil // the options leave the function: its caller may set TLS
	}
	s.parsed = &parsedURL{}
	savedURL, savedAddr, savedBare := s.byURL, s.urlAddr, s.bareAddr
	s.byURL, s.urlAddr, s.bareAddr = s.urlDecider(decl, fl.via, fl.ot.TLS), false, false
	defer func() { s.parsed, s.byURL, s.urlAddr, s.bareAddr = nil, savedURL, savedAddr, savedBare }()
	cl := SummaryClient{Built: fl.ot.Name, Where: c.where(n.Pos()), Unix: fl.ot.UnixAddr, Lib: fl.pkg}
	if name := c.qualifierFor(n.Pos(), []string{fl.pkg}); name != "" {
		cl.Built = name + "." + fl.ot.Name
	}
	var urlTLS []ast.Expr // TLS configs set under conditions on the URL
	if fl.tls {
		for _, v := range fl.tlsValues {
			cl.SkipVerify = append(cl.SkipVerify, s.skipInputs(v, decl)...)
		}
		for _, v := range fl.tlsValues {
			ways, ok := s.tlsWays(v, decl)
			if !ok && v != nil && s.byURL != nil {
				urlTLS = append(urlTLS, v)
				continue
			}
			if !ok && len(cl.SkipVerify) > 0 && s.byURL == nil {
				// TLS is on whatever the caller passes: only its
				// verification is the caller's.
				cl.Ways, cl.TLSAlways = nil, true
				return []SummaryClient{cl}
			}
			if !ok {
				return nil // TLS may be on whatever the caller passes
			}
			cl.Ways = append(cl.Ways, ways...)
		}
	} else {
		cl.Reported = fl.missingTLS()
	}
	if len(fl.dialerValues) > 0 && s.byURL == nil {
		return nil // a dialer of the library's: TLS is its business
	}
	for _, nw := range fl.networks {
		if v, ok := flow.ConstString(c.info, nw); ok {
			if v == "unix" {
				return nil
			}
			continue
		}
		if in, ok := s.inputOf(nw, decl, 0); ok {
			cl.Network = &in
		}
	}
	if !s.addresses(&cl, fl.addrs, fl.ot, decl) {
		return nil
	}
	if len(urlTLS)+len(fl.dialerValues) > 0 || s.urlAddr {
		// The code decides TLS (or the address) by the URL's scheme.
		if !s.byURL.verdicts(&cl, urlTLS, fl.dialerValues, s.bareAddr) {
			return nil
		}
		cl.Reported = false
	} else if pu := s.parsed; pu.bad {
		return nil
	} else if pu.p != nil {
		// On one branch the options' address and TLS come from a URL
		// the caller gives: its scheme decides when it is given.
		cl.URL, cl.Plain, cl.Secure, cl.LocalURL = &pu.in, pu.p.Plain, pu.p.Secure, pu.p.Local
		cl.Reported = false
	}
	return s.worthIt(cl)
}

// addresses records the address inputs; false when every address is
// local, or one is computed from an input in a way we cannot follow
// (splitAddrs(cfg.Addr)).
func (s *summarizer) addresses(cl *SummaryClient, addrs []ast.Expr, ot *clients.OptionsType, decl *ast.FuncDecl) bool {
	derived := false
	var walk func(a ast.Expr)
	walk = func(a ast.Expr) {
		if s.byURL != nil {
			if ok, raw := s.byURL.fromURL(a); ok {
				s.urlAddr, s.bareAddr = true, s.bareAddr || raw
				return // the URL decides (summaryscheme.go)
			}
		}
		if sel, isSel := ast.Unparen(a).(*ast.SelectorExpr); isSel {
			ways, ok := s.optionFieldWays(sel, decl)
			if !ok {
				ways, ok = s.optionPathWays(sel, decl) // b.config.Addr (summaryoptpath.go)
			}
			if ok {
				// Set by the functional options: each option that sets it.
				for _, w := range ways {
					if w.Option != "" && w.OptionArg < 0 {
						derived = true // an option that sets a fixed address
					}
					cl.Addrs = append(cl.Addrs, SummaryInput{Param: w.In.Param, Name: sel.Sel.Name, Field: w.Field, Option: w.Option, OptionArg: w.OptionArg})
				}
				return
			}
		}
		if _, isLit := ast.Unparen(a).(*ast.CompositeLit); !isLit {
			// Through field paths: the caller's value, and the constants
			// the library falls back on when it is empty (defaults).
			if ins, consts, ok := s.candidates(a, decl, true); ok && len(ins)+len(consts) > 0 {
				cl.Addrs = append(cl.Addrs, ins...)
				if len(ins) == 0 {
					for _, k := range consts {
						if !s.c.addrLocal(k, ot != nil && ot.UnixAddr, 0) {
							cl.Addrs = append(cl.Addrs, SummaryInput{Param: ParamFixed, Name: s.c.describeAddr(k)})
						}
					}
				}
				return
			}
		}
		if in, ok := s.inputOf(a, decl, 0); ok {
			cl.Addrs = append(cl.Addrs, in)
			return
		}
		if lit, ok := ast.Unparen(a).(*ast.CompositeLit); ok {
			for _, elt := range lit.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					elt = kv.Value
				}
				walk(elt)
			}
			return
		}
		if !s.c.addrLocal(a, ot != nil && ot.UnixAddr, 0) {
			derived = derived || s.mentionsInput(a, decl)
			cl.Addrs = append(cl.Addrs, SummaryInput{Param: ParamFixed, Name: s.c.describeAddr(a)})
		}
	}
	for _, a := range addrs {
		walk(a)
	}
	return (len(cl.Addrs) > 0 || s.urlAddr) && !derived
}

// mentionsInput reports whether e's value is computed from a parameter
// (or the receiver) of decl: the engine follows e back, and the operands
// of what it finds (strings.Split(endpoint, ",") in a helper, endpoint
// being the helper's parameter given cfg.Endpoint).
func (s *summarizer) mentionsInput(e ast.Expr, decl *ast.FuncDecl) bool {
	t := &inputTaint{s: s, decl: decl}
	r := s.c.ix.NewResolver(t)
	r.Inputs = true
	r.Expr(e)
	return t.found
}

// inputTaint looks for decl's parameters in the values the resolver finds,
// following the variables a value is computed from in turn.
type inputTaint struct {
	s     *summarizer
	decl  *ast.FuncDecl
	found bool
}

func (t *inputTaint) Leaf(r *flow.Resolver, e ast.Expr) {
	ast.Inspect(e, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if t.found || !ok {
			return !t.found
		}
		v, ok := t.s.c.info.Uses[id].(*types.Var)
		if !ok || v.IsField() {
			return true
		}
		if _, ok := t.s.paramIndex(t.decl, v); ok {
			t.found = true
		} else if ast.Expr(id) != e {
			r.Expr(id) // an operand: what is it made from?
		}
		return !t.found
	})
}

func (t *inputTaint) Enter(*flow.Resolver, *types.Var) {}
func (t *inputTaint) Exit(*flow.Resolver, *types.Var)  {}

// worthIt keeps a client only when the caller has a say in it: an input
// decides its address, network or TLS.
func (s *summarizer) worthIt(cl SummaryClient) []SummaryClient {
	if len(cl.Ways) > 0 || cl.Network != nil || cl.URL != nil || len(cl.SkipVerify) > 0 {
		return []SummaryClient{cl}
	}
	for _, a := range cl.Addrs {
		if a.Param != ParamFixed {
			return []SummaryClient{cl}
		}
	}
	return nil
}

// skipInputs returns the bool inputs of decl that a TLS config value v
// takes InsecureSkipVerify from.
func (s *summarizer) skipInputs(v ast.Expr, decl *ast.FuncDecl) []SummarySkip {
	if v == nil {
		return nil
	}
	var out []SummarySkip
	for _, is := range s.c.tls().tlsIssues(v) {
		if is.category != CategorySkipVerify || is.value == nil || is.remote != "" {
			continue
		}
		if in, ok := s.inputOf(is.value, decl, 0); ok {
			out = append(out, SummarySkip{In: in, Where: s.c.where(is.pos)})
		}
	}
	return out
}

// dialClient summarizes a redigo dial.
func (s *summarizer) dialClient(call *ast.CallExpr, d *clients.DialAPI, decl *ast.FuncDecl) []SummaryClient {
	c := s.c
	var opts []dialOpt
	complete := true
	if d.Opts >= 0 {
		opts, complete = c.dials().dialOptionsOf(call, d.Opts)
	}
	if !complete {
		return nil
	}
	qual := "redis"
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if id, ok := sel.X.(*ast.Ident); ok {
			qual = id.Name
		}
	}
	cl := SummaryClient{Built: qual + "." + d.Name, Where: c.where(call.Pos()), Dial: true, Lib: c.ix.Callee(call).Pkg().Path()}
	for _, o := range opts {
		switch o.kind {
		case clients.OptUseTLS:
			if len(o.call.Args) != 1 {
				return nil
			}
			arg := o.call.Args[0]
			if v, ok := flow.ConstBool(c.info, arg); ok {
				if !v {
					continue
				}
				ways, ok := s.guardWays(o.call, decl)
				if !ok {
					return nil // TLS on
				}
				cl.Ways = append(cl.Ways, ways...)
				continue
			}
			in, ok := s.inputOf(arg, decl, 0)
			if !ok {
				return nil
			}
			cl.Ways = append(cl.Ways, SummaryWay{Kind: WayGuard, In: in, OptionArg: -1})
		case clients.OptOther, clients.OptSkipVerify, clients.OptTLSConfig:
		default:
			return nil // a dialer, a connection function, TLS with a config: not summarized
		}
	}
	if d.Network >= 0 {
		network := call.Args[d.Network]
		if v, ok := flow.ConstString(c.info, network); ok {
			if v == "unix" {
				return nil
			}
		} else if in, ok := s.inputOf(network, decl, 0); ok {
			cl.Network = &in
		} else {
			return nil
		}
	}
	if !s.addresses(&cl, []ast.Expr{call.Args[d.Addr]}, nil, decl) {
		return nil
	}
	cl.Reported = len(cl.Ways) == 0 && cl.Network == nil
	return s.worthIt(cl)
}

// urlClient summarizes a dial with a URL from an input, whose scheme
// decides TLS (redigo's DialURL appends DialUseTLS last).
func (s *summarizer) urlClient(call *ast.CallExpr, p *clients.URLParser, decl *ast.FuncDecl) []SummaryClient {
	c := s.c
	if !p.SchemeDecidesTLS {
		return s.parsedClient(call, call, p, call.Args[p.URLArg], decl)
	}
	in, ok := s.inputOf(call.Args[p.URLArg], decl, 0)
	if !ok {
		return nil
	}
	if p.DialOpts >= 0 {
		opts, complete := c.dials().dialOptionsOf(call, p.DialOpts)
		if !complete {
			return nil
		}
		for _, o := range opts {
			if o.kind == clients.OptDialer {
				return nil
			}
		}
	}
	qual := "redis"
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if id, ok := sel.X.(*ast.Ident); ok {
			qual = id.Name
		}
	}
	return []SummaryClient{{Built: qual + "." + p.Name, Where: c.where(call.Pos()), Lib: c.ix.Callee(call).Pkg().Path(),
		URL: &in, Plain: p.Plain, Secure: p.Secure, LocalURL: p.Local}}
}

// tlsWays classifies a value given to a TLS setting in decl: the ways
// the caller can turn it on. ok is false when TLS may be on whatever the
// caller passes (or the value cannot be followed).
func (s *summarizer) tlsWays(v ast.Expr, decl *ast.FuncDecl) ([]SummaryWay, bool) {
	if ways, ok, decided := s.tlsWaysAt(v, decl); decided {
		return ways, ok
	}
	// A local variable: the ways of every value the engine finds for it.
	w := &waysVisitor{s: s, decl: decl, ok: true}
	r := s.c.ix.NewResolver(w)
	r.Inputs = true
	r.Expr(v)
	if w.ok && w.followed {
		return w.ways, true
	}
	// Through field paths (cfg := configDefault(config...); cfg.TLSConfig):
	// the caller's config, or none.
	if ins, consts, ok := s.candidates(v, decl, false); ok && len(ins) > 0 && clients.IsTLSConfig(s.c.info.TypeOf(v)) {
		for _, k := range consts {
			if !s.c.ix.IsNil(k) {
				return nil, false
			}
		}
		var ways []SummaryWay
		for _, in := range ins {
			ways = append(ways, SummaryWay{Kind: WayConfig, In: in, OptionArg: -1})
		}
		return ways, true
	}
	return w.ways, false
}

// tlsWaysAt classifies v where it stands: nil, guarded by a bool input,
// an input itself, or a field set by functional options. decided is false
// when v must be followed further.
func (s *summarizer) tlsWaysAt(v ast.Expr, decl *ast.FuncDecl) (ways []SummaryWay, ok, decided bool) {
	c := s.c
	if v == nil || decl == nil {
		return nil, false, true
	}
	if c.ix.IsNil(v) {
		return nil, true, true
	}
	if ways, ok := s.guardWays(v, decl); ok {
		return ways, true, true
	}
	if in, ok := s.inputOf(v, decl, 0); ok && clients.IsTLSConfig(c.info.TypeOf(v)) {
		return []SummaryWay{{Kind: WayConfig, In: in, OptionArg: -1}}, true, true
	}
	if sel, ok := ast.Unparen(v).(*ast.SelectorExpr); ok {
		if ways, ok := s.optionFieldWays(sel, decl); ok {
			return ways, true, true
		}
	}
	return nil, false, false
}

// waysVisitor gathers the ways of the values a local variable holds.
type waysVisitor struct {
	s        *summarizer
	decl     *ast.FuncDecl
	ways     []SummaryWay
	ok       bool
	followed bool // a variable was followed: its values are all seen
}

func (w *waysVisitor) Leaf(_ *flow.Resolver, e ast.Expr) {
	ways, ok, _ := w.s.tlsWaysAt(e, w.decl)
	w.ways = append(w.ways, ways...)
	w.ok = w.ok && ok
}

func (w *waysVisitor) Enter(r *flow.Resolver, v *types.Var) {
	w.followed = true
	if v.Pos() < w.decl.Pos() || v.Pos() >= w.decl.End() || w.s.c.ix.AddressTaken(v, nil) {
		w.ok = false // another function's variable, or written through &v
	}
}

func (w *waysVisitor) Exit(*flow.Resolver, *types.Var) {}

// guardWays returns the way that guards n: n lies in the body of an
// "if x" whose condition x is a bool input of decl (or a field set by
// functional options).
func (s *summarizer) guardWays(n ast.Node, decl *ast.FuncDecl) ([]SummaryWay, bool) {
	c := s.c
	cur, ok := c.ix.Cursor(n)
	for ; ok && cur.Node() != nil && cur.Node() != ast.Node(decl); cur = cur.Parent() {
		ifs, isIf := cur.Parent().Node().(*ast.IfStmt)
		if !isIf || cur.ParentEdgeKind() != edge.IfStmt_Body {
			continue
		}
		cond := ast.Unparen(ifs.Cond)
		if !flow.IsBasic(c.info.TypeOf(cond), types.Bool) {
			continue
		}
		if in, ok := s.inputOf(cond, decl, 0); ok {
			return []SummaryWay{{Kind: WayGuard, In: in, OptionArg: -1}}, true
		}
		if sel, ok := cond.(*ast.SelectorExpr); ok {
			if ways, ok := s.optionFieldWays(sel, decl); ok {
				return ways, true
			}
		}
	}
	return nil, false
}

// needsAt returns the bool inputs of decl that decide whether n runs:
// n in the body (or else branch) of "if x" / "if !x", or after
// "if x { return }", x being a bool input. Other conditions are not
// modelled: n counts as run.
func (s *summarizer) needsAt(n ast.Node, decl *ast.FuncDecl) []SummaryNeed {
	c := s.c
	var needs []SummaryNeed
	// cond returns the need that cond == want expresses.
	cond := func(e ast.Expr, want bool) {
		e = ast.Unparen(e)
		if un, ok := e.(*ast.UnaryExpr); ok && un.Op == token.NOT {
			e, want = ast.Unparen(un.X), !want
		}
		if !flow.IsBasic(c.info.TypeOf(e), types.Bool) {
			return
		}
		if in, ok := s.inputOf(e, decl, 0); ok {
			needs = append(needs, SummaryNeed{In: in, Want: want})
		}
	}
	cur, ok := c.ix.Cursor(n)
	for ; ok && cur.Parent().Node() != nil && cur.Parent().Node() != ast.Node(decl); cur = cur.Parent() {
		kind, index := cur.ParentEdge()
		switch p := cur.Parent().Node().(type) {
		case *ast.FuncLit:
			return needs // a closure runs when called, not here
		case *ast.IfStmt:
			if p.Init != nil {
				continue
			}
			switch kind {
			case edge.IfStmt_Body:
				cond(p.Cond, true)
			case edge.IfStmt_Else:
				cond(p.Cond, false)
			}
		case *ast.BlockStmt:
			for _, st := range p.List[:max(index, 0)] {
				if ifs, ok := st.(*ast.IfStmt); ok && ifs.Init == nil && ifs.Else == nil && endsInReturn(ifs.Body) {
					cond(ifs.Cond, false)
				}
			}
		}
	}
	return needs
}

// tlsSwitches gives a client built only while a bool input is false the
// way out of another client of the function that the same input guards:
// if useTLS { return tlsClient }; return plainClient. Setting it to true
// builds the TLS client instead.
func tlsSwitches(clients []SummaryClient) {
	guards := map[string]SummaryWay{}
	for _, cl := range clients {
		for _, w := range cl.Ways {
			if w.Kind == WayGuard {
				guards[w.In.String()] = w
			}
		}
	}
	for i, cl := range clients {
		if len(cl.Ways) > 0 || cl.URL != nil {
			continue
		}
		for _, n := range cl.Needs {
			if w, ok := guards[n.In.String()]; ok && !n.Want {
				clients[i].Ways = append(clients[i].Ways, w)
				clients[i].Reported = false // it can use TLS after all
			}
		}
	}
}

func endsInReturn(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	_, ok := b.List[len(b.List)-1].(*ast.ReturnStmt)
	return ok
}

// inputOf resolves e, in decl, to a parameter or a field path of one:
// cfg, cfg.TLS, or a value the engine follows back to only such a path
// (a local bound to cfg.Redis, then .TLS read from it).
func (s *summarizer) inputOf(e ast.Expr, decl *ast.FuncDecl, depth int) (SummaryInput, bool) {
	c := s.c
	if decl == nil || depth > flow.MaxDepth {
		return SummaryInput{}, false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.StarExpr:
		return s.inputOf(e.X, decl, depth+1)
	case *ast.SelectorExpr:
		if sel := c.info.Selections[e]; sel != nil && sel.Kind() == types.FieldVal {
			in, ok := s.inputOf(e.X, decl, depth+1)
			if !ok {
				return SummaryInput{}, false
			}
			in.Path = append(slices.Clip(in.Path), e.Sel.Name)
			in.Name += "." + e.Sel.Name
			return in, true
		}
	case *ast.Ident:
		if v := c.ix.VarOf(e); v != nil {
			if i, ok := s.paramIndex(decl, v); ok {
				if len(c.ix.Assigns[v]) > 0 {
					return SummaryInput{}, false // reassigned
				}
				return SummaryInput{Param: i, Name: v.Name()}, true
			}
		}
	}
	if src, ok := c.ix.OnlyInput(e); ok && src != ast.Unparen(e) && src.Pos() >= decl.Pos() && src.End() <= decl.End() {
		return s.inputOf(src, decl, depth+1)
	}
	return SummaryInput{}, false
}

// paramIndex returns v's index among decl's parameters (ParamRecv for
// the receiver).
func (s *summarizer) paramIndex(decl *ast.FuncDecl, v *types.Var) (int, bool) {
	fn, _ := s.c.info.Defs[decl.Name].(*types.Func)
	if fn == nil || v == nil {
		return 0, false
	}
	sig := fn.Type().(*types.Signature)
	if sig.Recv() == v {
		return ParamRecv, true
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if sig.Params().At(i) == v {
			return i, true
		}
	}
	return 0, false
}

// optionFieldWays reads o.F where o is a local struct that only the
// functional options of a variadic parameter modify (for _, opt := range
// opts { opt(o) }): the ways are the package's options that set F.
func (s *summarizer) optionFieldWays(sel *ast.SelectorExpr, decl *ast.FuncDecl) ([]SummaryWay, bool) {
	c := s.c
	root, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return nil, false
	}
	o := c.ix.VarOf(root)
	if o == nil || c.ix.IsParam(o) || o.Pos() < decl.Pos() || o.Pos() >= decl.End() {
		return nil, false
	}
	st := flow.StructOf(o.Type())
	if st == nil {
		return nil, false
	}
	// The initial value must leave F unset.
	for _, ref := range c.ix.Assigns[o] {
		if ref.Index >= 0 {
			return nil, false
		}
		e := ast.Unparen(ref.Expr)
		if un, ok := e.(*ast.UnaryExpr); ok && un.Op == token.AND {
			e = ast.Unparen(un.X)
		}
		switch e := e.(type) {
		case *ast.CompositeLit:
			for _, elt := range e.Elts {
				kv, ok := elt.(*ast.KeyValueExpr)
				if !ok || flow.IsIdent(kv.Key, sel.Sel.Name) {
					return nil, false
				}
			}
		case *ast.CallExpr:
			if !flow.BuiltinCall(c.info, e, "new") {
				return nil, false
			}
		default:
			return nil, false
		}
	}
	// Every use of o: a field read, or an option applied to it.
	variadic := -1
	ok = true
	body, found := c.ix.Cursor(decl.Body)
	if !found {
		return nil, false
	}
	for cur := range body.Preorder((*ast.Ident)(nil)) {
		if !ok {
			break
		}
		if c.info.Uses[cur.Node().(*ast.Ident)] != o {
			continue
		}
		if un, isUn := cur.Parent().Node().(*ast.UnaryExpr); isUn && un.Op == token.AND {
			cur = cur.Parent()
		}
		switch pp := cur.Parent().Node().(type) {
		case *ast.SelectorExpr:
			if cur.Parent().ParentEdgeKind() == edge.AssignStmt_Lhs && pp.Sel.Name == sel.Sel.Name {
				ok = false
			}
		case *ast.CallExpr:
			i := s.appliedOption(pp, decl)
			if i < 0 || variadic >= 0 && variadic != i {
				ok = false
			}
			variadic = i
		case *ast.ReturnStmt, *ast.AssignStmt, *ast.ValueSpec, *ast.CompositeLit, *ast.KeyValueExpr:
			// Declared, or passed on as a whole after the options applied.
			if as, isAs := pp.(*ast.AssignStmt); isAs && cur.ParentEdgeKind() == edge.AssignStmt_Lhs && as.Tok != token.DEFINE {
				ok = false
			}
		default:
			ok = false
		}
	}
	if !ok || variadic < 0 {
		return nil, false
	}
	return s.fieldOptions(decl, variadic, sel.Sel.Name), true
}

// fieldOptions returns the ways the functional options of decl's
// variadic parameter set field: the package's options, and a closure the
// caller writes.
func (s *summarizer) fieldOptions(decl *ast.FuncDecl, variadic int, field string) []SummaryWay {
	fn, _ := s.c.info.Defs[decl.Name].(*types.Func)
	sig := fn.Type().(*types.Signature)
	elem := sig.Params().At(variadic).Type().(*types.Slice).Elem()
	ways := s.optionsSetting(elem, field, variadic)
	if token.IsExported(field) && optionTakes(elem) != nil {
		// A closure the caller writes may set the field too.
		ways = append(slices.Clip(ways), SummaryWay{Kind: WayOption, In: SummaryInput{Param: variadic}, OptionArg: -1, Field: field})
	}
	return ways
}

// optionTakes returns the struct type a functional option type (func(*T))
// applies to, nil if it is not one.
func optionTakes(elem types.Type) *types.Struct {
	sig, ok := elem.Underlying().(*types.Signature)
	if !ok || sig.Params().Len() != 1 || sig.Results().Len() != 0 || !flow.IsPointer(sig.Params().At(0).Type()) {
		return nil
	}
	return flow.StructOf(sig.Params().At(0).Type())
}

// appliedOption returns the index of decl's variadic parameter when call
// applies one of its elements (opt(o) in a range loop over it), else -1.
func (s *summarizer) appliedOption(call *ast.CallExpr, decl *ast.FuncDecl) int {
	c := s.c
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return -1
	}
	v := c.ix.VarOf(id)
	if v == nil {
		return -1
	}
	cur, ok := c.ix.Cursor(call)
	if !ok {
		return -1
	}
	for p := range cur.Enclosing((*ast.RangeStmt)(nil)) {
		rs := p.Node().(*ast.RangeStmt)
		if rs.Pos() < decl.Pos() || rs.End() > decl.End() {
			break
		}
		val, _ := rs.Value.(*ast.Ident)
		if val == nil || c.info.Defs[val] != v {
			continue
		}
		x, _ := ast.Unparen(rs.X).(*ast.Ident)
		if x == nil {
			return -1
		}
		pv := c.ix.VarOf(x)
		fn, _ := c.info.Defs[decl.Name].(*types.Func)
		sig := fn.Type().(*types.Signature)
		if i, ok := s.paramIndex(decl, pv); ok && sig.Variadic() && i == sig.Params().Len()-1 && len(c.ix.Assigns[pv]) == 0 {
			return i
		}
		return -1
	}
	return -1
}

// optionsSetting returns the functional options (package functions
// returning the option type elem) whose returned closure sets field.
func (s *summarizer) optionsSetting(elem types.Type, field string, variadic int) []SummaryWay {
	c := s.c
	key := fmt.Sprintf("%s.%s/%d", types.TypeString(elem, nil), field, variadic)
	if ways, ok := s.optFuncs[key]; ok {
		return ways
	}
	if s.optFuncs == nil {
		s.optFuncs = map[string][]SummaryWay{}
	}
	var ways []SummaryWay
	defer func() { s.optFuncs[key] = ways }()
	for fn, decl := range c.ix.Decls {
		sig := fn.Type().(*types.Signature)
		if sig.Recv() != nil || sig.Results().Len() != 1 || !types.Identical(sig.Results().At(0).Type(), elem) {
			continue
		}
		arg, sets := -1, false
		ast.Inspect(decl.Body, func(n ast.Node) bool {
			lit, ok := n.(*ast.FuncLit)
			if !ok {
				return true
			}
			ast.Inspect(lit.Body, func(m ast.Node) bool {
				as, ok := m.(*ast.AssignStmt)
				if !ok || len(as.Lhs) != len(as.Rhs) {
					return true
				}
				for i, l := range as.Lhs {
					if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok && sel.Sel.Name == field {
						rhs := as.Rhs[i]
						if v, ok := flow.ConstBool(c.info, rhs); ok && !v || c.ix.IsNil(rhs) {
							continue
						}
						sets = true
						if in, ok := s.inputOf(rhs, decl, 0); ok && in.Param >= 0 && len(in.Path) == 0 {
							arg = in.Param
						}
					}
				}
				return true
			})
			return false
		})
		if sets {
			ways = append(ways, SummaryWay{Kind: WayOption, In: SummaryInput{Param: variadic}, Option: fn.Pkg().Path() + "." + fn.Name(), OptionArg: arg, Field: field})
		}
	}
	// Options that return another option of the package that sets the
	// field (func WithTLS() Option { return WithTLSConfig(def) }) set it
	// too, with a value of their own (OptionArg -1).
	setters := map[*types.Func]bool{}
	for _, w := range ways {
		setters[c.pass.Pkg.Scope().Lookup(w.Option[strings.LastIndexByte(w.Option, '.')+1:]).(*types.Func)] = true
	}
	for changed := true; changed; {
		changed = false
		for fn, decl := range c.ix.Decls {
			sig := fn.Type().(*types.Signature)
			if setters[fn] || sig.Recv() != nil || sig.Results().Len() != 1 || !types.Identical(sig.Results().At(0).Type(), elem) {
				continue
			}
			delegates := false
			ast.Inspect(decl.Body, func(n ast.Node) bool {
				if ret, ok := n.(*ast.ReturnStmt); ok && len(ret.Results) == 1 {
					if call, ok := ast.Unparen(ret.Results[0]).(*ast.CallExpr); ok && setters[c.ix.Callee(call)] {
						delegates = true
					}
				}
				_, lit := n.(*ast.FuncLit)
				return !lit
			})
			if delegates {
				setters[fn], changed = true, true
				ways = append(ways, SummaryWay{Kind: WayOption, In: SummaryInput{Param: variadic}, Option: fn.Pkg().Path() + "." + fn.Name(), OptionArg: -1, Field: field})
			}
		}
	}
	sort.Slice(ways, func(i, j int) bool { return ways[i].Option < ways[j].Option })
	return ways
}

// addWayOut names, for a client that can never use TLS, the package's
// function that takes a client (or pool) of the same library that the
// caller builds instead.
func (s *summarizer) addWayOut(fn *types.Func, sum *FuncSummary) {
	for i := range sum.Clients {
		if cl := &sum.Clients[i]; len(cl.Ways) == 0 && cl.URL == nil {
			if w := s.wayOut(fn, cl.Lib); w != "" {
				cl.WayOut = w
			}
		}
	}
}

func (s *summarizer) wayOut(fn *types.Func, lib string) string {
	c := s.c
	best, bestLen := "", -1
	for other := range c.ix.Decls {
		if !other.Exported() || flow.RecvType(other) != nil || other == fn {
			continue
		}
		sig := other.Type().(*types.Signature)
		takesClient := false
		for i := 0; i < sig.Params().Len(); i++ {
			if flow.PkgPathOf(sig.Params().At(i).Type()) == lib {
				takesClient = true
			}
		}
		if !takesClient {
			continue
		}
		n := commonPrefix(other.Name(), fn.Name())
		if n > bestLen || n == bestLen && other.Name() < best {
			best, bestLen = other.Name(), n
		}
	}
	if best == "" {
		return ""
	}
	return c.pass.Pkg.Name() + "." + best
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}
