package analyzer

import (
	"fmt"
	"github.com/redistlslint/redistlslint/internal/clients"
	"github.com/redistlslint/redistlslint/internal/edit"
	"github.com/redistlslint/redistlslint/internal/flow"
	"go/ast"
	"go/types"
	"golang.org/x/tools/go/ast/edge"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// dialOpt is one option given to a dial-style call (see dialAPI).
type dialOpt struct {
	kind clients.OptionKind
	call *ast.CallExpr
	list []ast.Expr // the argument list or slice literal holding it
	idx  int
	// For the fields of a receiver struct (call is nil): the field, and
	// the literal holding it. Every literal read has an entry, with a nil
	// field when none of its fields matter.
	field *ast.KeyValueExpr
	in    *ast.CompositeLit
}

// value is what the option is given: its argument or the field's value.
func (o dialOpt) value() ast.Expr {
	switch {
	case o.field != nil:
		return o.field.Value
	case o.call != nil && len(o.call.Args) == 1:
		return o.call.Args[0]
	}
	return nil
}

// tlsConfigOption returns the *tls.Config a dial option call gives TLS
// (DialTLSConfig(cfg), radix v3 DialUseTLS(cfg)), or nil.
func (c dialRule) tlsConfigOption(call *ast.CallExpr) ast.Expr {
	if k := clients.DialOptionKindOf(c.ix.Callee(call)); (k == clients.OptTLSConfig || k == clients.OptUseTLSConfig) && len(call.Args) == 1 {
		return call.Args[0]
	}
	return nil
}

// dialHosts returns the constant addresses a dial-style call connects to.
func (c dialRule) dialHosts(call *ast.CallExpr, d *clients.DialAPI) ([]string, bool) {
	if d.Addr < 0 || d.Addr >= len(call.Args) {
		return nil, false
	}
	return c.constHosts(call.Args[d.Addr : d.Addr+1])
}

// optionHosts returns the constant addresses of the dial-style call that
// a dial option is written in (redis.Dial("tcp", addr, opt)); unknown
// when the option is built elsewhere.
func (c dialRule) optionHosts(opt *ast.CallExpr) ([]string, bool) {
	call, ok := c.ix.Parent(opt).(*ast.CallExpr)
	if !ok {
		return nil, false
	}
	if d := clients.DialAPIOf(c.ix.Callee(call), len(call.Args)); d != nil {
		return c.dialHosts(call, d)
	}
	if p := clients.URLParserOf(c.ix.Callee(call)); p != nil && p.URLArg < len(call.Args) {
		return c.constHosts(call.Args[p.URLArg : p.URLArg+1])
	}
	return nil, false
}

// receiverOptions collects the options held in the fields of a method
// call's receiver: a struct literal, directly or through a local variable
// assigned once and never changed; complete is false otherwise.
func (c dialRule) receiverOptions(call *ast.CallExpr, opts *[]dialOpt) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	lit, _ := c.ix.StructValue(sel.X)
	return lit != nil && c.fieldOptions(lit, opts, 0)
}

// fieldOptions collects the dialFields set in a literal, reading nested
// option structs in turn.
func (c dialRule) fieldOptions(lit *ast.CompositeLit, opts *[]dialOpt, depth int) bool {
	named, ok := types.Unalias(c.info.TypeOf(lit)).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || depth > flow.MaxDepth {
		return false
	}
	path, typeName := named.Obj().Pkg().Path(), named.Obj().Name()
	*opts = append(*opts, dialOpt{kind: clients.OptOther, in: lit})
	complete := true
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return false
		}
		key, _ := kv.Key.(*ast.Ident)
		if key == nil {
			return false
		}
		for _, f := range clients.DialFields {
			if f.In != typeName || f.Name != key.Name || !slices.Contains(f.Pkgs, path) {
				continue
			}
			if f.Kind == clients.OptNested {
				inner, _ := c.ix.StructValue(kv.Value)
				complete = inner != nil && c.fieldOptions(inner, opts, depth+1) && complete
				continue
			}
			*opts = append(*opts, dialOpt{kind: f.Kind, field: kv, in: lit})
		}
	}
	return complete
}

// netDialerState says what a net dialer value does for TLS.
func (c dialRule) netDialerState(e ast.Expr) tlsState {
	if e == nil || c.ix.IsNil(e) {
		return tlsOff
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(call.Args) == 1 {
		if flow.BuiltinCall(c.info, call, "new") {
			e = call.Args[0] // new(net.Dialer): a type
		}
	}
	t := c.info.TypeOf(e)
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	switch {
	case flow.IsNamed(t, "crypto/tls", "Dialer"):
		return tlsOn
	case flow.IsNamed(t, "net", "Dialer"):
		return tlsOff
	}
	return tlsMaybe
}

// netDialerConfigs returns the TLS configs of the *tls.Dialer values
// given to optNetDialer fields: each is a Redis client's TLS config.
func (c dialRule) netDialerConfigs() []ast.Expr {
	var cfgs []ast.Expr
	for _, lit := range c.ix.Lits {
		named, ok := types.Unalias(c.info.TypeOf(lit)).(*types.Named)
		if !ok || named.Obj().Pkg() == nil {
			continue
		}
		for _, f := range clients.DialFields {
			if f.Kind != clients.OptNetDialer || f.In != named.Obj().Name() || !slices.Contains(f.Pkgs, named.Obj().Pkg().Path()) {
				continue
			}
			for _, elt := range lit.Elts {
				kv, ok := elt.(*ast.KeyValueExpr)
				if !ok || !flow.IsIdent(kv.Key, f.Name) {
					continue
				}
				dl, _ := c.ix.StructValue(kv.Value)
				if dl == nil || !flow.IsNamed(c.info.TypeOf(dl), "crypto/tls", "Dialer") {
					continue
				}
				for _, e := range dl.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok && flow.IsIdent(kv.Key, "Config") {
						cfgs = append(cfgs, kv.Value)
					}
				}
			}
		}
	}
	return cfgs
}

// dialOptionsOf collects the options of a dial call from argument start
// on; complete is false when some option cannot be seen. The resolver
// finds where each option value is made (in place, in a variable, in a
// slice built with literals and append, returned by a helper).
func (c dialRule) dialOptionsOf(call *ast.CallExpr, start int) (opts []dialOpt, complete bool) {
	if start > len(call.Args) {
		return nil, true
	}
	col := &optionCollector{c: c.checker, opts: &opts, complete: true}
	r := c.ix.NewResolver(col)
	for i := start; i < len(call.Args); i++ {
		if call.Ellipsis.IsValid() && i == len(call.Args)-1 {
			r.Elements(call.Args[i])
		} else {
			r.Expr(call.Args[i])
		}
	}
	return opts, col.complete
}

// optionCollector gathers the dial options an option value is made by.
type optionCollector struct {
	c        *checker
	opts     *[]dialOpt
	complete bool
}

// leaf takes an option constructor call; anything else is an option that
// cannot be seen. Where the option is written in a list (the call's
// arguments, a slice literal, append's arguments) the fix can remove it.
func (o *optionCollector) Leaf(r *flow.Resolver, e ast.Expr) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		o.complete = false
		return
	}
	k := clients.DialOptionKindOf(o.c.ix.Callee(call))
	if k < 0 {
		o.complete = false
		return
	}
	opt := dialOpt{kind: k, call: call, idx: -1}
	// Where it stands, so that a fix can remove it.
	switch p, k, i := o.c.ix.Edge(e); k {
	case edge.CompositeLit_Elts:
		opt.list, opt.idx = p.(*ast.CompositeLit).Elts, i
	case edge.CallExpr_Args:
		opt.list, opt.idx = p.(*ast.CallExpr).Args, i
	}
	*o.opts = append(*o.opts, opt)
}

func (o *optionCollector) Enter(*flow.Resolver, *types.Var) {}
func (o *optionCollector) Exit(*flow.Resolver, *types.Var)  {}

// ineffectiveTLSOptions returns the TLS config options (redigo
// DialTLSConfig) of dial calls that certainly connect in plaintext: the
// config never takes effect, so its settings are not judged (the
// plaintext connection is the finding).
func (c dialRule) ineffectiveTLSOptions() map[*ast.CallExpr]bool {
	out := map[*ast.CallExpr]bool{}
	for _, call := range c.ix.Calls {
		d := clients.DialAPIOf(c.ix.Callee(call), len(call.Args))
		if d == nil {
			continue
		}
		state, opts, complete := c.dialState(call, d, 0)
		if state != tlsOff || !complete {
			continue
		}
		for _, o := range opts {
			if o.kind == clients.OptTLSConfig && o.call != nil {
				out[o.call] = true
			}
		}
	}
	return out
}

// tlsState is what a set of options says about TLS.
type tlsState int

const (
	tlsOff tlsState = iota
	tlsOn
	tlsMaybe
)

// checkDials judges dial-style calls: a connection without an option
// that turns TLS on, and a skip-verify option where it takes effect.
func (c dialRule) checkDials() {
	for _, call := range c.ix.Calls {
		if d := clients.DialAPIOf(c.ix.Callee(call), len(call.Args)); d != nil {
			c.checkDial(call, d)
		}
		if p := clients.URLParserOf(c.ix.Callee(call)); p != nil && p.DialOpts >= 0 && p.URLArg < len(call.Args) {
			state := tlsMaybe
			hosts, known := c.constHosts(call.Args[p.URLArg : p.URLArg+1])
			if s, ok := flow.ConstString(c.info, call.Args[p.URLArg]); ok {
				if u, ok := clients.ParseURL(s); ok {
					state = tlsOff
					if slices.Contains(p.Secure, u.Scheme) {
						state = tlsOn
					}
				}
			}
			opts, complete := c.dialOptionsOf(call, p.DialOpts)
			c.checkSkipVerifyOption(opts, complete, state, hosts, known)
		}
	}
}

// dialState says what a dial-style call does for TLS, from its options in
// order (the last one that decides wins).
func (c dialRule) dialState(call *ast.CallExpr, d *clients.DialAPI, depth int) (state tlsState, opts []dialOpt, complete bool) {
	complete = true
	if d.Opts >= 0 {
		opts, complete = c.dialOptionsOf(call, d.Opts)
	}
	if d.Recv != "" {
		complete = c.receiverOptions(call, &opts) && complete
	}
	state = tlsOff
	for _, o := range opts {
		switch o.kind {
		case clients.OptUseTLS:
			if len(o.call.Args) != 1 {
				continue
			}
			if v, ok := flow.ConstBool(c.info, o.call.Args[0]); !ok {
				state = tlsMaybe
			} else if v {
				state = tlsOn
			} else {
				state = tlsOff
			}
		case clients.OptUseTLSConfig:
			state = tlsOn
		case clients.OptDialer:
			if o.field == nil || !c.ix.IsNil(o.field.Value) {
				state = tlsMaybe
			}
		case clients.OptNetDialer:
			state = c.netDialerState(o.value())
		case clients.OptConnFunc:
			state = tlsMaybe
			if len(o.call.Args) == 1 {
				state = c.connFuncState(o.call.Args[0], depth+1)
			}
		}
	}
	return state, opts, complete
}

// plainDial reports whether a dial-style call certainly connects in
// plaintext to an address that is not provably local: the finding.
func (c dialRule) plainDial(call *ast.CallExpr, d *clients.DialAPI, depth int) bool {
	state, _, complete := c.dialState(call, d, depth)
	if state != tlsOff || !complete {
		return false
	}
	if d.Network >= 0 {
		if network, ok := flow.ConstString(c.info, call.Args[d.Network]); !ok || network == "unix" {
			return false
		}
	}
	return !c.dialAddrLocal(call.Args[d.Addr], d)
}

// dialAddrLocal is addrLocal for a dial-style call's address argument,
// which may be a URL (dialAPI.addrURLs).
func (c dialRule) dialAddrLocal(addr ast.Expr, d *clients.DialAPI) bool {
	if s, ok := flow.ConstString(c.info, addr); ok && len(d.AddrURLs) > 0 {
		if u, ok := clients.ParseURL(s); ok && slices.Contains(d.AddrURLs, u.Scheme) {
			for _, h := range u.Hosts {
				if !c.cfg.plaintextOK(h) {
					return false
				}
			}
			return true
		}
	}
	return c.addrLocal(addr, false, 0)
}

// connFuncState says what a function that makes connections does for
// TLS: a dial-style API itself (radix.Dial as a ConnFunc), or a function
// (literal, same-package declaration, local variable) whose every
// connection comes from dial-style calls. A plain dial that is reported
// on its own makes the function undecided here, so that one mistake is
// reported once.
func (c dialRule) connFuncState(e ast.Expr, depth int) tlsState {
	if depth > flow.MaxDepth {
		return tlsMaybe
	}
	funcs := &flow.Collector{}
	c.ix.NewResolver(funcs).Expr(e)
	ce := &connEval{c: c.checker, depth: depth + 1}
	for _, f := range funcs.Leaves {
		var id *ast.Ident
		switch f := ast.Unparen(f).(type) {
		case *ast.FuncLit:
			ce.body(f.Type, f.Body)
			continue
		case *ast.Ident:
			id = f
		case *ast.SelectorExpr:
			id = f.Sel
		}
		fn, _ := c.info.Uses[id].(*types.Func)
		switch {
		case fn == nil:
			ce.unknown = true
		case clients.IsDialFunc(fn):
			ce.merge(tlsOff) // called with no options
		case fn.Pkg() == c.pass.Pkg && c.ix.Decls[fn] != nil:
			ce.body(c.ix.Decls[fn].Type, c.ix.Decls[fn].Body)
		default:
			ce.unknown = true
		}
	}
	if ce.unknown || !ce.found {
		return tlsMaybe
	}
	return ce.state
}

// connEval judges the connections a function returns (its first
// result): each must come from a dial-style call, or be nil.
type connEval struct {
	c              *checker
	depth          int
	state          tlsState
	found, unknown bool
}

func (ce *connEval) body(ftype *ast.FuncType, body *ast.BlockStmt) {
	r := ce.c.ix.NewResolver(ce)
	r.SetDepth(ce.depth)
	r.Results(nil, ftype, body, 0)
}

func (ce *connEval) merge(s tlsState) {
	switch {
	case !ce.found:
		ce.state, ce.found = s, true
	case s != ce.state:
		ce.state = tlsMaybe
	}
}

func (ce *connEval) Leaf(r *flow.Resolver, e ast.Expr) {
	c := ce.c
	if tv, ok := c.info.Types[e]; ok && tv.IsNil() {
		return
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	d := (*clients.DialAPI)(nil)
	if ok {
		d = clients.DialAPIOf(c.ix.Callee(call), len(call.Args))
	}
	if d == nil {
		ce.unknown = true
		return
	}
	if c.dials().plainDial(call, d, ce.depth+1) {
		ce.merge(tlsMaybe) // reported at that call
		return
	}
	s, _, complete := c.dials().dialState(call, d, ce.depth+1)
	if !complete {
		s = tlsMaybe
	}
	ce.merge(s)
}

func (ce *connEval) Enter(*flow.Resolver, *types.Var) {}
func (ce *connEval) Exit(*flow.Resolver, *types.Var)  {}

func (c dialRule) checkDial(call *ast.CallExpr, d *clients.DialAPI) {
	state, opts, complete := c.dialState(call, d, 0)
	hosts, known := c.dialHosts(call, d)
	c.checkSkipVerifyOption(opts, complete, state, hosts, known)
	c.env().recordDialEnv(call, d, state, opts, complete)
	if !c.plainDial(call, d, 0) {
		return
	}
	pkgName := c.pass.Pkg.Name()
	if fn := c.ix.Callee(call); fn != nil {
		pkgName = fn.Pkg().Name()
	}
	// The client package's name where the call is written ("" when it
	// is not written as pkg.F: no fix then).
	qual, written := pkgName, ""
	if name := c.importedAs(call.Pos(), d.Pkgs); name != "" {
		qual, written = name, name
	}
	callee := qual + "." + d.Name
	if d.Recv != "" {
		callee = qual + "." + d.Recv + "." + d.Name
	}
	say := d.Hint
	if say == "" {
		say = d.Fix
	}
	say = fmt.Sprintf(say, qual, "tls")
	addr := []ast.Expr{call.Args[d.Addr]}
	msg := c.fitAddrs(addr, func(a string) string {
		return fmt.Sprintf("%s to %s without %s: %s", callee, a, say, plaintextWhy(hosts))
	}, func(a string) string {
		return fmt.Sprintf("%s to %s without %s", callee, a, say)
	})
	f := finding{pos: call.Pos(), end: call.Lparen, category: CategoryMissingTLS, message: msg}
	if written != "" && d.Fix != "" && !call.Ellipsis.IsValid() && c.fileAt(call.Pos()) != nil && !c.fileAt(call.Pos()).generated {
		if edits := c.dialFixEdits(call, d, opts, written, hosts, known); edits != nil {
			f.fixes = []analysis.SuggestedFix{{Message: "Turn TLS on: " + say, TextEdits: edits}}
		}
	}
	c.report(f)
}

// dialFixEdits turns verified TLS on in a plain dial-style call, as the
// row's fix says (importing crypto/tls when it needs it), and removes the
// skip-verify options TLS would then honour.
// useTLSFalse returns the last option that turns TLS on or off, when it
// is a constant false written in place (DialUseTLS(false)).
func (c dialRule) useTLSFalse(opts []dialOpt) *dialOpt {
	for i := len(opts) - 1; i >= 0; i-- {
		o := opts[i]
		if o.kind != clients.OptUseTLS || o.call == nil || len(o.call.Args) != 1 {
			continue
		}
		if v, ok := flow.ConstBool(c.info, o.call.Args[0]); ok && !v && o.list != nil {
			return &opts[i]
		}
		return nil
	}
	return nil
}

func (c dialRule) dialFixEdits(call *ast.CallExpr, d *clients.DialAPI, opts []dialOpt, qual string, hosts []string, known bool) []analysis.TextEdit {
	var edits []analysis.TextEdit
	tlsName := "tls"
	if strings.Contains(d.Fix+d.FixWrap+d.FixOuter, "%[2]s") {
		name, imp, ok := c.tlsName(call.Pos())
		if !ok {
			return nil
		}
		tlsName, edits = name, imp
	}
	render := func(tmpl string, orig ast.Expr) string {
		if orig != nil {
			fi := c.fileAt(orig.Pos())
			src := c.source(fi)
			if src == nil {
				return ""
			}
			return fmt.Sprintf(tmpl, qual, tlsName, src[fi.tf.Offset(orig.Pos()):fi.tf.Offset(orig.End())])
		}
		return fmt.Sprintf(tmpl, qual, tlsName)
	}
	switch {
	case d.Opts >= 0 && c.useTLSFalse(opts) != nil:
		// UseTLS(false) written in the call: flip it.
		arg := c.useTLSFalse(opts).call.Args[0]
		edits = append(edits, analysis.TextEdit{Pos: arg.Pos(), End: arg.End(), NewText: []byte("true")})
	case d.Opts >= 0:
		at := call.Args[len(call.Args)-1].End()
		edits = append(edits, analysis.TextEdit{Pos: at, End: at, NewText: []byte(", " + render(d.Fix, nil))})
	case d.Recv != "":
		edit, ok := c.structFixEdit(d, opts, render)
		if !ok {
			return nil
		}
		edits = append(edits, edit)
	default:
		edits = append(edits, analysis.TextEdit{Pos: call.Fun.Pos(), End: call.Fun.End(), NewText: []byte(render(d.Fix, nil))})
	}
	return c.withVerifiedConfig(opts, c.withoutSkipVerifyOptions(opts, edits, hosts, known), hosts, known)
}

// withVerifiedConfig adds to a fix that turns TLS on the repair of the
// TLS config options that TLS would then apply (DialTLSConfig with
// InsecureSkipVerify or a weak version), so the fix yields verified TLS;
// what a comment accepts stays, and so does InsecureSkipVerify unless
// skipFixOK. It returns nil when one cannot be repaired.
func (c dialRule) withVerifiedConfig(opts []dialOpt, edits []analysis.TextEdit, hosts []string, known bool) []analysis.TextEdit {
	if edits == nil {
		return nil
	}
	for _, o := range opts {
		if o.kind != clients.OptTLSConfig || o.value() == nil {
			continue
		}
		for _, is := range c.tls().tlsIssues(o.value()) {
			if is.remote != "" || is.switched || c.accepted(is.pos) {
				if is.remote != "" {
					return nil
				}
				continue
			}
			if is.category == CategorySkipVerify && !c.skipFixOK(hosts, known) {
				continue // reported on its own, without a fix
			}
			var fix []analysis.TextEdit
			if is.category == CategoryWeakTLS && is.field == "MinVersion" {
				fix = c.raiseMinVersion(is)
			} else {
				fix = c.removeTLSSetting(is)
			}
			if fix == nil {
				return nil
			}
			edits = append(edits, fix...)
		}
	}
	return edits
}

// structFixEdit sets the row's fix field in the receiver's fixIn literal:
// replacing a plain value (wrapped by fixWrap), or adding the field; or,
// without such a literal, adds fixOuter to the receiver literal.
func (c dialRule) structFixEdit(d *clients.DialAPI, opts []dialOpt, render func(string, ast.Expr) string) (analysis.TextEdit, bool) {
	var recvLit, inLit *ast.CompositeLit
	for _, o := range opts {
		if o.in == nil {
			continue
		}
		if recvLit == nil {
			recvLit = o.in
		}
		if named, ok := types.Unalias(c.info.TypeOf(o.in)).(*types.Named); ok && named.Obj().Name() == d.FixIn && inLit == nil {
			inLit = o.in
		}
	}
	switch {
	case inLit != nil:
		for _, elt := range inLit.Elts {
			kv := elt.(*ast.KeyValueExpr) // fieldOptions accepted keyed literals only
			if !flow.IsIdent(kv.Key, d.FixField) {
				continue
			}
			if c.ix.IsNil(kv.Value) {
				return analysis.TextEdit{Pos: kv.Value.Pos(), End: kv.Value.End(), NewText: []byte(render(d.Fix, nil))}, true
			}
			if d.FixWrap == "" {
				return analysis.TextEdit{}, false
			}
			wrapped := render(d.FixWrap, kv.Value)
			if wrapped == "" {
				return analysis.TextEdit{}, false
			}
			return analysis.TextEdit{Pos: kv.Value.Pos(), End: kv.Value.End(), NewText: []byte(wrapped)}, true
		}
		return edit.AddKeyedField(c.editFile(inLit.Pos()), inLit, d.FixField+": "+render(d.Fix, nil))
	case recvLit != nil && d.FixOuter != "":
		key, _, _ := strings.Cut(d.FixOuter, ":")
		for _, elt := range recvLit.Elts {
			if flow.IsIdent(elt.(*ast.KeyValueExpr).Key, key) {
				return analysis.TextEdit{}, false // set to something the fix cannot see into
			}
		}
		return edit.AddKeyedField(c.editFile(recvLit.Pos()), recvLit, render(d.FixOuter, nil))
	}
	return analysis.TextEdit{}, false
}

// checkSkipVerifyOption reports DialTLSSkipVerify(true) where it takes
// effect: TLS may be on, and no DialTLSConfig replaces it.
func (c dialRule) checkSkipVerifyOption(opts []dialOpt, complete bool, state tlsState, hosts []string, known bool) {
	if state == tlsOff || !complete {
		return
	}
	for _, o := range skipVerifyOptions(opts) {
		v, isConst := flow.ConstBool(c.info, o.call.Args[0])
		if isConst && !v {
			continue
		}
		if (!isConst || c.tls().underVerifySwitch(o.call)) && !c.cfg.ReportSwitches {
			continue
		}
		f := finding{pos: o.call.Pos(), end: o.call.End(), category: CategorySkipVerify, justifiable: true,
			message: shorten(types.ExprString(o.call), 40) + " turns off Redis certificate checks; " + skipAdvice(hosts)}
		if o.list != nil && o.idx >= 0 && c.skipFixOK(hosts, known) {
			if edits := edit.RemoveListItem(c.editFile(o.list[0].Pos()), o.list, o.idx); edits != nil {
				f.fixes = []analysis.SuggestedFix{{Message: "Remove " + types.ExprString(o.call.Fun) + " so the server's certificate is verified", TextEdits: edits}}
			}
		}
		c.report(f)
	}
}

// withoutSkipVerifyOptions adds to a fix that turns TLS on the removal of
// the DialTLSSkipVerify(true) options TLS would then honour, so the fix
// yields verified TLS; a justified one stays. It returns nil when one
// cannot be removed. Unless skipFixOK, they all stay (each is reported).
func (c dialRule) withoutSkipVerifyOptions(opts []dialOpt, edits []analysis.TextEdit, hosts []string, known bool) []analysis.TextEdit {
	if !c.skipFixOK(hosts, known) {
		return edits
	}
	for _, o := range skipVerifyOptions(opts) {
		if v, ok := flow.ConstBool(c.info, o.call.Args[0]); !ok || !v {
			continue // false, or an operator's switch: not the fix's business
		}
		if c.accepted(o.call.Pos()) {
			continue // the team decided it: the fix leaves it
		}
		if o.list == nil || o.idx < 0 {
			return nil
		}
		rm := edit.RemoveListItem(c.editFile(o.list[0].Pos()), o.list, o.idx)
		if rm == nil {
			return nil
		}
		edits = append(edits, rm...)
	}
	return edits
}

// skipVerifyOptions returns the DialTLSSkipVerify(x) options that take
// effect once TLS is on: none when a DialTLSConfig replaces them.
func skipVerifyOptions(opts []dialOpt) []dialOpt {
	var skips []dialOpt
	for _, o := range opts {
		switch {
		case o.kind == clients.OptTLSConfig:
			return nil
		case o.kind == clients.OptSkipVerify && len(o.call.Args) == 1:
			skips = append(skips, o)
		}
	}
	return skips
}
