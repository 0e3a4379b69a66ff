package analyzer

// Judging a call of a summarized function: each client of the summary is
// judged with the call's arguments, as if the construction were written
// at the call. What the caller's own parameters decide goes into the
// caller's summary.

import (
	"fmt"
	"github.com/redistlslint/redistlslint/internal/clients"
	"github.com/redistlslint/redistlslint/internal/findings"
	"github.com/redistlslint/redistlslint/internal/flow"
	"go/ast"
	"go/token"
	"go/types"
	"golang.org/x/tools/go/ast/edge"
	"path"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// callRule judges a call of a summarized function where it is written:
// the caller's arguments put into the summary's inputs.
type callRule struct{ *summarizer }

func (s *summarizer) calls() callRule { return callRule{s} }

// judgeCall judges a call in decl (nil at package level) of a summarized
// function: it reports the clients decided at the call, and returns those
// that decl's inputs decide.
func (s callRule) judgeCall(call *ast.CallExpr, decl *ast.FuncDecl, caller *types.Func) []SummaryClient {
	fn, sum := s.callee(call)
	if sum == nil || fn == caller {
		return nil
	}
	var out []SummaryClient
	for _, cl := range sum.Clients {
		if usesRecv(cl) {
			continue // judged where the value is constructed (summarytype.go)
		}
		if composed, ok := s.judgeClient(call, fn, cl, decl); ok {
			out = append(out, composed)
		}
	}
	return out
}

// argKind is what a call gives for an input of the callee.
type argKind int

const (
	argAbsent  argKind = iota // a field left out of a literal: its zero value
	argExpr                   // this expression
	argInput                  // an input of the caller
	argUnknown                // not visible
)

// valueAt returns what call passes for fn's input in.
func (s callRule) valueAt(call *ast.CallExpr, fn *types.Func, in SummaryInput, decl *ast.FuncDecl) (argKind, ast.Expr, SummaryInput) {
	if call == nil && (in.Param != ParamRecv || s.recv == nil) {
		return argUnknown, nil, SummaryInput{} // a constructor's value gives only its receiver's fields
	}
	var e ast.Expr
	switch {
	case in.Field != "" && in.Param >= 0:
		return s.optionValue(call, fn, in, decl)
	case in.Param == ParamRecv && s.recv != nil:
		e = s.recv // a constructor's value (summarytype.go)
	case in.Param == ParamRecv:
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return argUnknown, nil, SummaryInput{}
		}
		e = sel.X
	case in.Param >= 0 && len(in.Path) > 0 && in.Path[0] == variadicElem:
		// The one element of a variadic parameter: New(Config{...}).
		sig := fn.Type().(*types.Signature)
		if call == nil || !sig.Variadic() || in.Param != sig.Params().Len()-1 || call.Ellipsis.IsValid() || len(call.Args) > in.Param+1 {
			return argUnknown, nil, SummaryInput{}
		}
		if len(call.Args) == in.Param {
			return argAbsent, nil, SummaryInput{}
		}
		e = call.Args[in.Param]
		in.Path = in.Path[1:]
	case in.Param >= 0:
		sig := fn.Type().(*types.Signature)
		if sig.Variadic() && in.Param >= sig.Params().Len()-1 || in.Param >= len(call.Args) {
			return argUnknown, nil, SummaryInput{}
		}
		e = call.Args[in.Param]
	default:
		return argUnknown, nil, SummaryInput{}
	}
	for i, name := range in.Path {
		next, absent, ok := s.fieldOf(e, name)
		if absent {
			return argAbsent, nil, SummaryInput{}
		}
		if !ok {
			if ci, ok := s.inputOf(e, decl, 0); ok {
				ci.Path = append(ci.Path, in.Path[i:]...)
				ci.Name += "." + strings.Join(in.Path[i:], ".")
				return argInput, nil, ci
			}
			return argUnknown, nil, SummaryInput{}
		}
		e = next
	}
	if ci, ok := s.inputOf(e, decl, 0); ok {
		return argInput, nil, ci
	}
	return argExpr, e, SummaryInput{}
}

// fieldOf returns the value of field name in the struct value e: from
// the one literal it is made by (absent when left out there), or absent
// in a zero value.
func (s callRule) fieldOf(e ast.Expr, name string) (val ast.Expr, absent, ok bool) {
	lit, ok := s.c.ix.StructValue(e)
	switch {
	case !ok:
		return s.filledField(e, name)
	case lit == nil:
		return nil, true, true
	case flow.StructOf(s.c.info.TypeOf(lit)) == nil:
		return nil, false, false
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return nil, false, false
		}
		if flow.IsIdent(kv.Key, name) {
			return kv.Value, false, true
		}
	}
	return nil, true, true
}

// wayState is what a call does with one way to turn TLS on.
type wayState int

const (
	wayOff wayState = iota
	wayOn
	wayPending // the caller's inputs decide
	wayUnknown
)

// judgeClient judges one client of fn's summary at call. It returns the
// client for the caller's summary when the caller's inputs decide it.
func (s callRule) judgeClient(call *ast.CallExpr, fn *types.Func, cl SummaryClient, decl *ast.FuncDecl) (SummaryClient, bool) {
	c := s.c
	if cl.Whole != nil {
		return s.judgeWhole(call, fn, cl, decl)
	}
	out := cl
	out.Addrs, out.Network, out.Ways, out.Needs = nil, nil, nil, nil
	out.Via = append([]string{flow.FuncName(fn)}, cl.Via...)
	if fn.Pkg() != c.pass.Pkg && !c.sameModule(fn.Pkg().Path()) {
		out.Reported = false // reported in another module: not to this one's users
	}
	pending := false
	if cl.Network != nil {
		k, e, in := s.valueAt(call, fn, *cl.Network, decl)
		switch k {
		case argExpr:
			if v, ok := flow.ConstString(c.info, e); ok {
				if v == "unix" {
					return out, false
				}
			} else if cl.Dial {
				return out, false
			}
		case argInput:
			out.Network, pending = &in, true
		case argUnknown:
			if cl.Dial {
				return out, false
			}
		}
	}
	needs, off := s.callNeeds(call, fn, cl.Needs, decl)
	if off {
		return out, false // the switch is off: no such client
	}
	out.Needs, pending = needs, pending || len(needs) > 0
	out.SkipVerify = s.judgeSkipInputs(call, fn, cl, decl)
	if cl.TLSAlways {
		return out, decl != nil && len(out.SkipVerify) > 0
	}
	pending = pending || len(out.SkipVerify) > 0
	var nonlocal []string
	var envAddrs []envVar // addresses the call reads from the environment
	urlAbsent := false    // no URL given: the addresses decide (summarypath.go)
	bare := false         // an address without a scheme given for the URL
	if cl.URL != nil {
		k, e, in := s.valueAt(call, fn, *cl.URL, decl)
		switch k {
		case argAbsent:
			urlAbsent = len(cl.Addrs) > 0
			out.URL = nil // for the caller's summary: the addresses decide
		case argInput:
			out.URL = &in
			return out, decl != nil
		case argExpr:
			str, ok := flow.ConstString(c.info, e)
			if !ok {
				s.recordURLEnv(e, cl)
				return out, false // read at run time
			}
			if cl.BareAddr && !strings.Contains(str, "://") {
				// host:port: the address itself, without TLS.
				out.URL = nil
				if c.addrLocal(e, cl.Unix, 0) {
					s.judgeConfigs(call, fn, cl, decl)
					return out, false
				}
				d := fmt.Sprintf("%q", str)
				nonlocal = append(nonlocal, d)
				out.Addrs = append(out.Addrs, SummaryInput{Param: ParamFixed, Name: d})
				bare = true
				break
			}
			u, ok := clients.ParseURL(str)
			if ok && s.urlTLSOn(cl, u) {
				s.judgeURLSkipVerify(call, fn, cl, u)
				s.judgeConfigs(call, fn, cl, decl)
				return out, false
			}
			if !ok || !slices.Contains(cl.Plain, u.Scheme) {
				return out, false // local or unknown scheme
			}
			for _, h := range u.Hosts {
				if !c.cfg.plaintextOK(h) {
					d := fmt.Sprintf("%q", redactURL(str))
					nonlocal = append(nonlocal, d)
					// Decided here: for the caller's summary, a fixed remote
					// address without TLS.
					out.URL = nil
					out.Addrs = append(out.Addrs, SummaryInput{Param: ParamFixed, Name: d})
					break
				}
			}
		}
		if len(nonlocal) == 0 && !urlAbsent {
			return out, false
		}
	}
	for _, a := range cl.Addrs {
		if a.Param == ParamFixed {
			out.Addrs = append(out.Addrs, a)
			nonlocal = append(nonlocal, a.Name)
			continue
		}
		k, e, in := s.valueAt(call, fn, a, decl)
		switch k {
		case argExpr:
			if vars, all := c.env().envVars(e); all {
				envAddrs = append(envAddrs, vars...)
			}
			if !c.addrLocal(e, cl.Unix, 0) {
				if !s.addrDecided(e) {
					return out, false // e.g. a test server's address handed down
				}
				d := c.describeAddrs([]ast.Expr{e})
				out.Addrs = append(out.Addrs, SummaryInput{Param: ParamFixed, Name: d})
				nonlocal = append(nonlocal, d)
			}
		case argInput:
			out.Addrs, pending = append(out.Addrs, in), true
		case argUnknown:
			return out, false
		}
	}
	if len(out.Addrs) == 0 && (cl.URL == nil || urlAbsent) {
		// Every address is local (or the library's default): a config
		// given is still judged for verification and versions.
		s.judgeConfigs(call, fn, cl, decl)
		return out, false
	}
	for _, w := range cl.Ways {
		st, ways := s.wayAt(call, fn, w, decl)
		switch st {
		case wayOn:
			s.recordAddrEnv(envAddrs, cl, true, envVar{})
			return out, false
		case wayUnknown:
			if sw, ok := s.envSwitch(call, fn, w, decl); ok {
				s.recordAddrEnv(envAddrs, cl, false, sw)
			}
			return out, false
		case wayPending:
			out.Ways, pending = append(out.Ways, ways...), true
		}
	}
	if pending {
		return out, decl != nil
	}
	s.recordAddrEnv(envAddrs, cl, false, envVar{})
	if call == nil {
		if s.litAt != nil {
			s.reportLit(fn, cl, nonlocal) // a literal of a type that connects lazily
		}
		return out, false // a constructor's own value: not a call to report
	}
	if cl.Reported && (fn.Pkg() == c.pass.Pkg || c.sameModule(fn.Pkg().Path())) {
		return out, false // reported in the function itself
	}
	if urlAbsent {
		cl.URL = nil // reported for its address: the advice is the ways
	}
	s.report(call, fn, cl, nonlocal, bare)
	return out, false
}

// recordAddrEnv records the environment variables a call gives a
// summarized client's addresses from, with what the call does for TLS:
// turns it on, or leaves it to the variable sw (a switch).
func (s callRule) recordAddrEnv(vars []envVar, cl SummaryClient, forcesTLS bool, sw envVar) {
	for _, v := range vars {
		s.c.env().addEnvRead(findings.EnvRead{Pos: v.pos, Name: v.name, Feeds: findings.FeedAddr, Client: cl.Lib, ForcesTLS: forcesTLS, TLSSwitch: sw.name})
	}
	if sw.name != "" && len(vars) > 0 {
		s.c.env().addEnvRead(findings.EnvRead{Pos: sw.pos, Name: sw.name, Feeds: findings.FeedTLSSwitch, Client: cl.Lib, TLSDefault: envBool(sw)})
	}
}

// recordURLEnv records the environment variables a call gives a
// summarized client's URL from (its scheme decides TLS).
func (s callRule) recordURLEnv(e ast.Expr, cl SummaryClient) {
	vars, all := s.c.env().envVars(e)
	if !all {
		return
	}
	for _, v := range vars {
		s.c.env().addEnvRead(findings.EnvRead{Pos: v.pos, Name: v.name, Feeds: findings.FeedURL, Client: cl.Lib})
	}
}

// envSwitch returns the environment variable a call's bool for a TLS
// guard reads (os.Getenv("REDIS_TLS") == "true"), when it is one.
func (s callRule) envSwitch(call *ast.CallExpr, fn *types.Func, w SummaryWay, decl *ast.FuncDecl) (envVar, bool) {
	if w.Kind != WayGuard {
		return envVar{}, false
	}
	k, e, _ := s.valueAt(call, fn, w.In, decl)
	if k != argExpr {
		return envVar{}, false
	}
	vars := s.c.env().envMentions(e)
	if len(vars) != 1 {
		return envVar{}, false
	}
	return vars[0], true
}

// callNeeds judges at call the bool inputs that decide whether a client
// is built: off when the call's values rule it out; needs are those the
// caller's own inputs decide.
func (s callRule) callNeeds(call *ast.CallExpr, fn *types.Func, cl []SummaryNeed, decl *ast.FuncDecl) (needs []SummaryNeed, off bool) {
	for _, need := range cl {
		k, e, in := s.valueAt(call, fn, need.In, decl)
		switch k {
		case argAbsent:
			if need.Want {
				return nil, true
			}
		case argExpr:
			if v, ok := flow.ConstBool(s.c.info, e); ok && v != need.Want {
				return nil, true
			}
		case argInput:
			needs = append(needs, SummaryNeed{In: in, Want: need.Want})
		}
	}
	return needs, false
}

// judgeSkipInputs judges at call the bool inputs a summarized client's
// TLS config takes InsecureSkipVerify from: true is reported at the value
// given, a variable read from the environment is recorded as a switch;
// it returns those the caller's own inputs decide. Not when the call
// leaves TLS off (every way a bool that is absent or false).
func (s callRule) judgeSkipInputs(call *ast.CallExpr, fn *types.Func, cl SummaryClient, decl *ast.FuncDecl) []SummarySkip {
	c := s.c
	if len(cl.SkipVerify) == 0 || call == nil && s.recv == nil || s.tlsOffAt(call, fn, cl, decl) {
		return nil
	}
	var pending []SummarySkip
	for _, sk := range cl.SkipVerify {
		k, e, in := s.valueAt(call, fn, sk.In, decl)
		switch k {
		case argInput:
			pending = append(pending, SummarySkip{In: in, Where: sk.Where})
		case argExpr:
			on, isConst := flow.ConstBool(c.info, e)
			if !isConst {
				for _, v := range c.env().envMentions(e) {
					c.env().addEnvRead(findings.EnvRead{Pos: v.pos, Name: v.name, Feeds: findings.FeedSkipVerifySwitch, Client: cl.Lib, TLSDefault: envBool(v)})
				}
			}
			if isConst && !on {
				continue
			}
			is := tlsIssue{category: CategorySkipVerify, pos: e.Pos(), end: e.End(), remote: flow.FuncName(fn), remoteAt: sk.Where, switched: !isConst}
			is.hosts, is.hostsKnown = c.constHosts(s.addrArgs(call, fn, cl, decl))
			c.tls().reportTLSIssue(is)
		}
	}
	return pending
}

// tlsOffAt reports whether a call leaves a client's TLS off: every way
// to turn it on is a bool the call leaves out or gives false.
func (s callRule) tlsOffAt(call *ast.CallExpr, fn *types.Func, cl SummaryClient, decl *ast.FuncDecl) bool {
	if cl.TLSAlways || len(cl.Ways) == 0 {
		return false
	}
	for _, w := range cl.Ways {
		if w.Kind != WayGuard {
			return false
		}
		k, e, _ := s.valueAt(call, fn, w.In, decl)
		if k == argAbsent {
			continue
		}
		if v, ok := flow.ConstBool(s.c.info, e); k != argExpr || !ok || v {
			return false
		}
	}
	return true
}

// addrArgs returns the expressions a call gives a client's addresses.
func (s callRule) addrArgs(call *ast.CallExpr, fn *types.Func, cl SummaryClient, decl *ast.FuncDecl) []ast.Expr {
	var out []ast.Expr
	for _, a := range cl.Addrs {
		if a.Param == ParamFixed {
			continue
		}
		if k, e, _ := s.valueAt(call, fn, a, decl); k == argExpr {
			out = append(out, e)
		}
	}
	return out
}

// A messageVariant says what a summarized client's message keeps: the
// path through other functions, why plaintext is wrong, the library's
// location, and room for the hosts.
type messageVariant struct {
	via, why, at bool
	hosts        int
}

// fitSummaryMessage returns the first variant of a message that fits in
// maxMessage, the variants most detailed first (else the last).
func fitSummaryMessage(variants []messageVariant, build func(v messageVariant) string) string {
	var msg string
	for _, v := range variants {
		if msg = build(v); len(msg) <= maxMessage {
			break
		}
	}
	return msg
}

// judgeConfigs judges the *tls.Config values a call gives a client
// that is not reported for missing TLS (its address is local): skip-verify
// and weak versions are findings wherever the client connects.
func (s callRule) judgeConfigs(call *ast.CallExpr, fn *types.Func, cl SummaryClient, decl *ast.FuncDecl) {
	if call == nil && s.litAt == nil {
		return
	}
	for _, w := range cl.Ways {
		if w.Kind != WayConfig {
			continue
		}
		if k, e, _ := s.valueAt(call, fn, w.In, decl); k == argExpr {
			s.valueState(WayConfig, e, decl)
		}
	}
}

// addrDecided reports whether an address given to a summarized function
// says where the program connects: a constant, or a value read from the
// environment (the deployment's configuration). Any other value (a field
// of a test server's handle, a function's result) leaves the call
// unjudged: the function's own construction would be reported, but at a
// call it is too often a local value handed down.
func (s callRule) addrDecided(e ast.Expr) bool {
	c := s.c
	if _, ok := flow.ConstString(c.info, e); ok || c.envValue(e) {
		return true
	}
	if lit, ok := ast.Unparen(e).(*ast.CompositeLit); ok {
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			if !s.addrDecided(elt) {
				return false
			}
		}
		return len(lit.Elts) > 0
	}
	return false
}

// sameModule reports whether pkgPath is in the module of the package
// being analysed.
func (c *checker) sameModule(pkgPath string) bool {
	m := c.pass.Module
	if m == nil || m.Path == "" {
		return false
	}
	return pkgPath == m.Path || strings.HasPrefix(pkgPath, m.Path+"/")
}

// wayAt judges one way to turn TLS on at call.
func (s callRule) wayAt(call *ast.CallExpr, fn *types.Func, w SummaryWay, decl *ast.FuncDecl) (wayState, []SummaryWay) {
	if w.Kind == WayOption {
		return s.optionAt(call, fn, w, decl)
	}
	k, e, in := s.valueAt(call, fn, w.In, decl)
	if s.recv != nil && w.In.Param == ParamRecv && len(w.In.Path) == 1 && (k == argAbsent || k == argExpr) {
		// A constructor's value: the field's initial value, and the
		// functional options applied to it.
		st, ways := wayOff, []SummaryWay(nil)
		if k == argExpr {
			st, ways = s.valueState(w.Kind, e, decl)
		}
		if opts, ok := s.recvOptionWays(w.In.Path[0], decl); ok && st == wayOff && len(opts) > 0 {
			return wayPending, opts
		}
		return st, ways
	}
	switch k {
	case argAbsent:
		return wayOff, nil
	case argInput:
		return wayPending, []SummaryWay{{Kind: w.Kind, In: in, OptionArg: -1}}
	case argExpr:
		return s.valueState(w.Kind, e, decl)
	}
	return wayUnknown, nil
}

// valueState judges a guard (bool) or config (*tls.Config) value given
// at a call; a config that turns TLS on is judged for verification.
func (s callRule) valueState(kind WayKind, e ast.Expr, decl *ast.FuncDecl) (wayState, []SummaryWay) {
	c := s.c
	if in, ok := s.inputOf(e, decl, 0); ok {
		return wayPending, []SummaryWay{{Kind: kind, In: in, OptionArg: -1}}
	}
	if kind == WayGuard {
		v, ok := flow.ConstBool(c.info, e)
		switch {
		case !ok:
			return wayUnknown, nil
		case v:
			return wayOn, nil
		}
		return wayOff, nil
	}
	if c.ix.IsNil(e) {
		return wayOff, nil
	}
	for _, is := range c.tls().tlsIssues(e) {
		c.tls().reportTLSIssue(is)
	}
	return wayOn, nil
}

// optionAt judges a functional-options way: whether the call's options
// include the one that turns TLS on.
func (s callRule) optionAt(call *ast.CallExpr, fn *types.Func, w SummaryWay, decl *ast.FuncDecl) (wayState, []SummaryWay) {
	c := s.c
	i := w.In.Param
	var elems []ast.Expr
	var params []int
	if call.Ellipsis.IsValid() {
		var ok bool
		elem := fn.Type().(*types.Signature).Params().At(i).Type().(*types.Slice).Elem()
		if elems, params, ok = s.optionElems(call.Args[len(call.Args)-1], elem, decl); !ok || len(call.Args) != i+1 {
			return wayUnknown, nil
		}
	} else if i < len(call.Args) {
		elems = call.Args[i:]
	}
	state := wayOff
	var pend []SummaryWay
	for _, e := range elems {
		if lit := c.ix.FuncLitOf(e); lit != nil {
			// A closure written at the call: what it stores in the field.
			v, known := s.closureSets(lit, w.Field)
			switch {
			case !known || decl != nil && (lit.Pos() < decl.Pos() || lit.End() > decl.End()):
				return wayUnknown, nil
			case v == nil:
				continue
			}
			kind := WayConfig
			if flow.IsBasic(c.info.TypeOf(v), types.Bool) {
				kind = WayGuard
			}
			st, ways := s.valueState(kind, v, decl)
			switch st {
			case wayOn, wayUnknown:
				return st, nil
			case wayPending:
				state, pend = wayPending, append(pend, ways...)
			}
			continue
		}
		if w.Option == "" {
			continue // a closure way: the package's options are other ways
		}
		ce, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return wayUnknown, nil
		}
		of := c.ix.Callee(ce)
		if of == nil || of.Pkg() == nil || of.Pkg().Path() != optionPkg(w.Option) {
			return wayUnknown, nil // an option made elsewhere: what it sets is not known
		}
		if of.Pkg().Path()+"."+of.Name() != w.Option {
			continue
		}
		if decl != nil && (ce.Pos() < decl.Pos() || ce.End() > decl.End()) {
			return wayUnknown, nil // made in a helper: its inputs are not this call's
		}
		st, ways := wayOn, []SummaryWay(nil)
		if w.OptionArg >= 0 && w.OptionArg < len(ce.Args) {
			kind := WayConfig
			if flow.IsBasic(c.info.TypeOf(ce.Args[w.OptionArg]), types.Bool) {
				kind = WayGuard
			}
			st, ways = s.valueState(kind, ce.Args[w.OptionArg], decl)
		}
		if st == wayOn {
			if g, ok := s.guardWays(ce, decl); ok {
				st, ways = wayPending, g
			}
		}
		switch st {
		case wayOn, wayUnknown:
			return st, nil
		case wayPending:
			state, pend = wayPending, append(pend, ways...)
		}
	}
	for _, p := range params {
		state = wayPending
		if w.Option == "" {
			pend = append(pend, SummaryWay{Kind: WayOption, In: SummaryInput{Param: p}, OptionArg: -1, Field: w.Field})
			continue
		}
		pend = append(pend, SummaryWay{Kind: WayOption, In: SummaryInput{Param: p}, Option: w.Option, OptionArg: w.OptionArg})
	}
	return state, pend
}

// optionElems collects the elements (of type elem) of an options slice
// spread into a call, wherever the engine finds them made (a literal,
// append, a helper's result), and decl's own variadic parameter (in
// params: the caller's caller decides). ok is false when a slice the
// engine cannot see into (another package's result) may hold more.
func (s callRule) optionElems(e ast.Expr, elem types.Type, decl *ast.FuncDecl) (elems []ast.Expr, params []int, ok bool) {
	c := s.c
	if decl == nil {
		return nil, nil, false
	}
	l := &flow.Collector{}
	r := c.ix.NewResolver(l)
	r.KeepCalls = true
	r.Elements(e)
	sig := c.info.Defs[decl.Name].(*types.Func).Type().(*types.Signature)
	for _, leaf := range l.Leaves {
		if id, isID := ast.Unparen(leaf).(*ast.Ident); isID {
			if v := c.ix.VarOf(id); v != nil && flow.IsSlice(v.Type()) {
				i, isParam := s.paramIndex(decl, v)
				if !isParam || !sig.Variadic() || i != sig.Params().Len()-1 {
					return nil, nil, false
				}
				if !slices.Contains(params, i) {
					params = append(params, i)
				}
				continue
			}
		}
		if t := c.info.TypeOf(leaf); t == nil || !types.Identical(t, elem) {
			return nil, nil, false // a container, not an element
		}
		elems = append(elems, leaf)
	}
	return elems, params, true
}

// report reports a client that a call builds without TLS.
// With bare, an address was given for the URL: the ways and a secure URL
// are the advice.
func (s callRule) report(call *ast.CallExpr, fn *types.Func, cl SummaryClient, nonlocal []string, bare bool) {
	c := s.c
	name := flow.FuncName(fn)
	if q := c.qualifierFor(call.Pos(), []string{fn.Pkg().Path()}); q != "" && fn.Pkg() != c.pass.Pkg {
		name = q + strings.TrimPrefix(name, fn.Pkg().Name())
	}
	state := " without TLS here"
	var advice, options []string
	urlAdvice := cl.URL != nil && len(cl.Secure) > 0
	if urlAdvice && !bare {
		advice = append(advice, "use a "+strings.Join(cl.Secure, ":// or ")+":// URL")
	} else if len(cl.Ways) == 0 && cl.URL == nil {
		state = " that can never use TLS"
		if cl.WayOut != "" {
			advice = append(advice, "build it with "+cl.WayOut+" from a TLS client")
		} else {
			advice = append(advice, "build the client yourself with TLS")
		}
	} else {
		for _, w := range cl.Ways {
			switch w.Kind {
			case WayGuard:
				advice = append(advice, "set "+w.In.Name+" to true")
			case WayConfig:
				advice = append(advice, "pass a *tls.Config as "+w.In.Name)
			case WayOption:
				if w.Option == "" {
					if len(cl.Ways) == 1 {
						advice = append(advice, "set "+w.Field+" in an option")
					}
					continue
				}
				options = append(options, s.optionName(call, w.Option)+"(...)")
			}
		}
	}
	if len(options) > 0 {
		// One piece of advice for the options: "add the option A(...) or B(...)".
		advice = append(advice, "add the option "+strings.Join(options, " or "))
	}
	if urlAdvice && bare {
		advice = append(advice, "use a "+cl.Secure[0]+":// URL")
	}
	why := plaintextWhy(nonlocal)
	// The path through other functions, then why plaintext is wrong, then
	// the location and the hosts give way.
	msg := fitSummaryMessage([]messageVariant{{true, true, true, 60}, {false, true, true, 60}, {false, false, true, 60}, {false, false, false, 60}, {false, false, false, 30}, {false, false, false, 12}}, func(v messageVariant) string {
		built := cl.Built
		if v.at {
			built += " at " + place(cl.Where)
		}
		if v.via && len(cl.Via) > 0 {
			built += ", through " + strings.Join(cl.Via, ", ")
		}
		msg := fmt.Sprintf("%s builds a Redis client (%s) for %s%s", name, built, shorten(strings.Join(nonlocal, ", "), v.hosts), state)
		if v.why {
			msg += ": " + why
		}
		return msg + "; " + strings.Join(advice, ", or ")
	})
	f := finding{pos: call.Pos(), end: call.Lparen, category: CategoryMissingTLS, message: msg}
	if fi := c.fileAt(call.Pos()); fi != nil && !fi.generated {
		if edits := s.fix(call, fn, cl); edits != nil {
			f.fixes = []analysis.SuggestedFix{{Message: "Turn TLS on with MinVersion TLS 1.2", TextEdits: edits}}
		}
	}
	c.report(f)
}

// optionName renders an option function "pkg/path.WithTLS" as the file
// at call names it.
func (s callRule) optionName(call *ast.CallExpr, option string) string {
	dot := strings.LastIndexByte(option, '.')
	pkgPath, name := option[:dot], option[dot+1:]
	if pkgPath == s.c.pass.Pkg.Path() {
		return name
	}
	if q := s.c.qualifierFor(call.Pos(), []string{pkgPath}); q != "" {
		return q + "." + name
	}
	return path.Base(pkgPath) + "." + name
}

// fix turns TLS on where that is certain and yields verified TLS: a
// config field left out of a literal argument, or a functional option
// that takes the config.
func (s callRule) fix(call *ast.CallExpr, fn *types.Func, cl SummaryClient) []analysis.TextEdit {
	c := s.c
	var ways []SummaryWay
	for _, w := range cl.Ways {
		if w.Kind != WayOption || w.Option != "" {
			ways = append(ways, w) // not a closure way
		}
	}
	if len(ways) > 1 {
		// Several options turn TLS on: the one that takes the config.
		var byArg []SummaryWay
		for _, w := range ways {
			if w.Kind == WayOption && w.OptionArg == 0 {
				byArg = append(byArg, w)
			}
		}
		ways = byArg
	}
	if len(ways) != 1 || len(cl.Via) > 0 {
		return nil
	}
	w := ways[0]
	name, edits, ok := c.tlsName(call.Pos())
	if !ok {
		return nil
	}
	value := strings.ReplaceAll(secureTLSConfig, "%s", name)
	switch w.Kind {
	case WayConfig:
		path := w.In.Path
		if len(path) == 2 && path[0] == variadicElem && !call.Ellipsis.IsValid() && len(call.Args) == w.In.Param+1 {
			path = path[1:] // New(Config{...}): the one element
		}
		if w.In.Param < 0 || w.In.Param >= len(call.Args) || len(path) != 1 {
			return nil
		}
		arg := ast.Unparen(call.Args[w.In.Param])
		if un, ok := arg.(*ast.UnaryExpr); ok && un.Op == token.AND {
			arg = ast.Unparen(un.X)
		}
		lit, ok := arg.(*ast.CompositeLit)
		if !ok || len(lit.Elts) == 0 {
			return nil
		}
		if _, keyed := lit.Elts[0].(*ast.KeyValueExpr); !keyed {
			return nil
		}
		at := lit.Elts[len(lit.Elts)-1].End()
		return append(edits, analysis.TextEdit{Pos: at, End: at, NewText: []byte(", " + path[0] + ": " + value)})
	case WayOption:
		if call.Ellipsis.IsValid() || w.OptionArg != 0 {
			return nil
		}
		dot := strings.LastIndexByte(w.Option, '.')
		if fn.Pkg().Path() != w.Option[:dot] {
			return nil
		}
		opt, _ := fn.Pkg().Scope().Lookup(w.Option[dot+1:]).(*types.Func)
		if opt == nil {
			return nil
		}
		sig := opt.Type().(*types.Signature)
		if sig.Params().Len() != 1 || sig.Variadic() || !clients.IsTLSConfig(sig.Params().At(0).Type()) {
			return nil
		}
		qual := s.optionName(call, w.Option)
		if w.Option[:dot] != c.pass.Pkg.Path() && !strings.Contains(qual, ".") || c.qualifierFor(call.Pos(), []string{w.Option[:dot]}) == "" && w.Option[:dot] != c.pass.Pkg.Path() {
			return nil
		}
		sep := ", "
		if len(call.Args) == 0 {
			sep = ""
		}
		at := call.Rparen
		if len(call.Args) > 0 {
			at = call.Args[len(call.Args)-1].End()
		}
		return append(edits, analysis.TextEdit{Pos: at, End: at, NewText: []byte(sep + qual + "(" + value + ")")})
	}
	return nil
}

// optionArgs returns the functional options a call gives variadic
// parameter i of fn: its arguments, or the elements of a spread slice
// (params: the caller's own variadic parameters spread into it).
func (s callRule) optionArgs(call *ast.CallExpr, fn *types.Func, i int, decl *ast.FuncDecl) (elems []ast.Expr, params []int, ok bool) {
	if call == nil {
		return nil, nil, false
	}
	if call.Ellipsis.IsValid() {
		elem := fn.Type().(*types.Signature).Params().At(i).Type().(*types.Slice).Elem()
		if elems, params, ok = s.optionElems(call.Args[len(call.Args)-1], elem, decl); !ok || len(call.Args) != i+1 {
			return nil, nil, false
		}
		return elems, params, true
	}
	if i < len(call.Args) {
		elems = call.Args[i:]
	}
	return elems, nil, true
}

// optionValue returns what a call's functional options store in the
// field of in (an options input): the argument of the last option in.
// Option among them, or the value a closure written at the call stores.
func (s callRule) optionValue(call *ast.CallExpr, fn *types.Func, in SummaryInput, decl *ast.FuncDecl) (argKind, ast.Expr, SummaryInput) {
	c := s.c
	elems, params, ok := s.optionArgs(call, fn, in.Param, decl)
	if !ok || len(params) > 1 {
		return argUnknown, nil, SummaryInput{}
	}
	var val ast.Expr
	for _, e := range elems {
		if decl != nil && (e.Pos() < decl.Pos() || e.End() > decl.End()) {
			return argUnknown, nil, SummaryInput{} // made in a helper
		}
		if lit := c.ix.FuncLitOf(e); lit != nil {
			v, known := s.closureSets(lit, in.Field)
			if !known || decl != nil && (lit.Pos() < decl.Pos() || lit.End() > decl.End()) {
				return argUnknown, nil, SummaryInput{}
			}
			if v != nil && in.Option == "" {
				val = v
			}
			continue
		}
		ce, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return argUnknown, nil, SummaryInput{}
		}
		if in.Option == "" {
			continue // a closure input: the package's options are other inputs
		}
		of := c.ix.Callee(ce)
		if of == nil || of.Pkg() == nil || of.Pkg().Path() != optionPkg(in.Option) {
			return argUnknown, nil, SummaryInput{} // an option made elsewhere
		}
		if of.Pkg().Path()+"."+of.Name() != in.Option {
			continue
		}
		if in.OptionArg < 0 || in.OptionArg >= len(ce.Args) {
			return argUnknown, nil, SummaryInput{}
		}
		val = ce.Args[in.OptionArg]
	}
	if val == nil && len(params) == 1 {
		// Left to the options decl's own caller passes on
		// (NewOpts(append([]Option{WithDB(1)}, opts...)...)).
		return argInput, nil, SummaryInput{Param: params[0], Field: in.Field, Option: in.Option, OptionArg: in.OptionArg}
	}
	if val == nil {
		return argAbsent, nil, SummaryInput{}
	}
	if ci, ok := s.inputOf(val, decl, 0); ok {
		return argInput, nil, ci
	}
	return argExpr, val, SummaryInput{}
}

// closureSets returns the value a functional option written as a
// closure (func(o *T) { o.F = v }) stores in field (nil: none). known is
// false when the closure does anything else with its parameter than
// setting or reading its fields.
func (s callRule) closureSets(lit *ast.FuncLit, field string) (val ast.Expr, known bool) {
	c := s.c
	params := lit.Type.Params.List
	if len(params) != 1 || len(params[0].Names) != 1 {
		return nil, false
	}
	p := c.ix.VarOf(params[0].Names[0])
	if p == nil {
		return nil, false
	}
	known = true
	cur, ok := c.ix.Cursor(lit.Body)
	if !ok {
		return nil, false
	}
	for id := range cur.Preorder((*ast.Ident)(nil)) {
		if c.info.Uses[id.Node().(*ast.Ident)] != p {
			continue
		}
		sel, isSel := id.Parent().Node().(*ast.SelectorExpr)
		if !isSel || id.ParentEdgeKind() != edge.SelectorExpr_X {
			known = false
			continue
		}
		k, i := id.Parent().ParentEdge()
		as, isAs := id.Parent().Parent().Node().(*ast.AssignStmt)
		if k != edge.AssignStmt_Lhs || !isAs || sel.Sel.Name != field {
			if k == edge.AssignStmt_Lhs && sel.Sel.Name == field {
				known = false
			}
			continue // another field, or a read
		}
		if len(as.Lhs) != len(as.Rhs) || as.Tok != token.ASSIGN {
			known = false
			continue
		}
		val = as.Rhs[i]
	}
	return val, known
}

// filledField returns the value of field name in a struct built empty at
// the caller and filled by assignments (c := new(T); c.Host = h), when
// nothing else is done with the variable: its one assigned value, or
// absent when none is assigned.
func (s callRule) filledField(e ast.Expr, name string) (val ast.Expr, absent, ok bool) {
	c := s.c
	x := ast.Unparen(e)
	if un, isUn := x.(*ast.UnaryExpr); isUn && un.Op == token.AND {
		x = ast.Unparen(un.X)
	}
	id, isID := x.(*ast.Ident)
	if !isID {
		return nil, false, false
	}
	v := c.ix.VarOf(id)
	if v == nil || !c.ix.IsLocal(v) || flow.StructOf(v.Type()) == nil || len(c.ix.Assigns[v]) > 1 || c.ix.AddressTaken(v, ast.Unparen(e)) {
		return nil, false, false
	}
	var body *ast.BlockStmt
	switch f := c.ix.EnclosingFunc(id).(type) {
	case *ast.FuncDecl:
		body = f.Body
	case *ast.FuncLit:
		body = f.Body
	}
	cur, found := c.ix.Cursor(body)
	if body == nil || !found {
		return nil, false, false
	}
	// Every other use sets or reads a field.
	for use := range cur.Preorder((*ast.Ident)(nil)) {
		u := use.Node().(*ast.Ident)
		if u == id || c.info.Uses[u] != v {
			continue
		}
		sel, isSel := use.Parent().Node().(*ast.SelectorExpr)
		if !isSel || use.ParentEdgeKind() != edge.SelectorExpr_X {
			return nil, false, false
		}
		if fs := c.info.Selections[sel]; fs == nil || fs.Kind() != types.FieldVal {
			return nil, false, false // a method may change it
		}
	}
	fv := &fieldValues{}
	r := c.ix.NewResolver(fv)
	r.Field(id, []string{name})
	switch {
	case fv.unknown || len(fv.vals) > 1:
		return nil, false, false
	case len(fv.vals) == 0:
		return nil, true, true
	}
	return fv.vals[0], false, true
}

// fieldValues collects the values a field path can have.
type fieldValues struct {
	vals    []ast.Expr
	unknown bool
}

func (f *fieldValues) Leaf(_ *flow.Resolver, e ast.Expr) { f.vals = append(f.vals, e) }
func (f *fieldValues) PathLeaf(*flow.Resolver, ast.Expr, bool, []string) {
	f.unknown = true
}
func (f *fieldValues) Enter(*flow.Resolver, *types.Var) {}
func (f *fieldValues) Exit(*flow.Resolver, *types.Var)  {}

// optionPkg returns the package path of an option "pkg/path.WithTLS".
func optionPkg(option string) string {
	return option[:max(strings.LastIndexByte(option, '.'), 0)]
}

// urlTLSOn reports whether the URL u given for a summarized client's URL
// input turns TLS on: a secure scheme, or a query parameter that may.
func (s callRule) urlTLSOn(cl SummaryClient, u clients.URL) bool {
	if slices.Contains(cl.Secure, u.Scheme) {
		return true
	}
	if !slices.Contains(cl.Plain, u.Scheme) {
		return false
	}
	for _, k := range cl.TLSQuery {
		if _, ok := u.Query[k]; ok {
			return true
		}
	}
	return false
}

// judgeURLSkipVerify reports a URL whose query turns off verification in
// the summarized function (skip_verify=true).
func (s callRule) judgeURLSkipVerify(call *ast.CallExpr, fn *types.Func, cl SummaryClient, u clients.URL) {
	for _, k := range cl.SkipQuery {
		vals := u.Query[k]
		if len(vals) == 0 || vals[len(vals)-1] != "true" {
			continue
		}
		name := flow.FuncName(fn)
		if q := s.c.qualifierFor(call.Pos(), []string{fn.Pkg().Path()}); q != "" && fn.Pkg() != s.c.pass.Pkg {
			name = q + strings.TrimPrefix(name, fn.Pkg().Name())
		}
		s.c.report(finding{pos: call.Pos(), end: call.Lparen, category: CategorySkipVerify, justifiable: true,
			message: fmt.Sprintf("%s=true in the URL turns off Redis certificate checks in %s; %s", k, name, skipAdvice(u.Hosts))})
		return
	}
}
