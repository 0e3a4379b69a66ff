package analyzer

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
)

// dialOpt is one redigo DialOption given to a dial call.
type dialOpt struct {
	kind dialOptionKind
	call *ast.CallExpr
	list []ast.Expr // the argument list or slice literal holding it
	idx  int
}

// dialOptionKind classifies a call to a redigo option constructor.
func (c *checker) dialOptionKind(call *ast.CallExpr) dialOptionKind {
	fn := c.staticCallee(call)
	if fn == nil || fn.Pkg() == nil || recvType(fn) != nil {
		return -1
	}
	for _, o := range dialOptions {
		if isPkgFunc(fn, o.pkgs, o.name) {
			return o.kind
		}
	}
	if slices.Contains(redigo, fn.Pkg().Path()) {
		return optOther
	}
	return -1
}

// dialOptionsOf collects the options of a dial call from argument start
// on; complete is false when some option cannot be seen.
func (c *checker) dialOptionsOf(call *ast.CallExpr, start int) (opts []dialOpt, complete bool) {
	complete = true
	args := call.Args
	if start > len(args) {
		return nil, true
	}
	if call.Ellipsis.IsValid() {
		last := args[len(args)-1]
		args = args[:len(args)-1]
		complete = c.optionSlice(last, &opts, 0)
	}
	for i := start; i < len(args); i++ {
		complete = c.option(args[i], args, i, &opts, 0) && complete
	}
	return opts, complete
}

func (c *checker) option(e ast.Expr, list []ast.Expr, idx int, opts *[]dialOpt, depth int) bool {
	if depth > maxDepth {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		k := c.dialOptionKind(e)
		if k < 0 {
			return false
		}
		*opts = append(*opts, dialOpt{kind: k, call: e, list: list, idx: idx})
		return true
	case *ast.Ident:
		v := c.varOf(e)
		if v == nil || c.isParam(v) || v.Pkg() != c.pass.Pkg || len(c.assigns[v]) != 1 || c.assigns[v][0].index >= 0 {
			return false
		}
		return c.option(c.assigns[v][0].expr, nil, -1, opts, depth+1)
	}
	return false
}

// optionSlice collects options from a []DialOption expression: a
// literal, a local variable built from literals and append.
func (c *checker) optionSlice(e ast.Expr, opts *[]dialOpt, depth int) bool {
	if depth > maxDepth {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		ok := true
		for i, elt := range e.Elts {
			ok = c.option(elt, e.Elts, i, opts, depth+1) && ok
		}
		return ok
	case *ast.Ident:
		v := c.varOf(e)
		if v == nil || c.isParam(v) || v.Pkg() != c.pass.Pkg || len(c.assigns[v]) == 0 {
			return false
		}
		if c.visiting[v] {
			return true // opts = append(opts, ...): already being collected
		}
		c.visiting[v] = true
		defer delete(c.visiting, v)
		ok := true
		for _, ref := range c.assigns[v] {
			ok = ref.index < 0 && c.optionSlice(ref.expr, opts, depth+1) && ok
		}
		// Elements written through v[i] = ... are not followed.
		return ok
	case *ast.CallExpr:
		if id, isID := ast.Unparen(e.Fun).(*ast.Ident); isID && id.Name == "append" && len(e.Args) > 0 {
			if _, builtin := c.info.Uses[id].(*types.Builtin); builtin {
				ok := c.optionSlice(e.Args[0], opts, depth+1)
				if e.Ellipsis.IsValid() {
					return ok && len(e.Args) == 2 && c.optionSlice(e.Args[1], opts, depth+1)
				}
				for i := 1; i < len(e.Args); i++ {
					ok = c.option(e.Args[i], e.Args, i, opts, depth+1) && ok
				}
				return ok
			}
		}
	}
	return false
}

// tlsState is what a set of options says about TLS.
type tlsState int

const (
	tlsOff tlsState = iota
	tlsOn
	tlsMaybe
)

// checkDials judges redigo dial calls: Dial and DialContext without
// DialUseTLS(true), and DialTLSSkipVerify(true) where it takes effect.
func (c *checker) checkDials() {
	for _, call := range c.calls {
		fn := c.staticCallee(call)
		if fn == nil {
			continue
		}
		for _, d := range dialFuncs {
			if isPkgFunc(fn, d.pkgs, d.name) && d.addr < len(call.Args) {
				c.checkDial(call, d)
			}
		}
		if p := c.urlParserOf(call); p != nil && p.dialOpts >= 0 && p.urlArg < len(call.Args) {
			state := tlsMaybe
			if s, ok := c.constString(call.Args[p.urlArg]); ok {
				if u, ok := parseRedisURL(s); ok {
					state = tlsOff
					if slices.Contains(p.secure, u.scheme) {
						state = tlsOn
					}
				}
			}
			opts, complete := c.dialOptionsOf(call, p.dialOpts)
			c.checkSkipVerifyOption(opts, complete, state)
		}
	}
}

func (c *checker) checkDial(call *ast.CallExpr, d dialFunc) {
	opts, complete := c.dialOptionsOf(call, d.opts)
	state := tlsOff
	for _, o := range opts {
		switch o.kind {
		case optUseTLS:
			if len(o.call.Args) != 1 {
				continue
			}
			if v, ok := c.constBool(o.call.Args[0]); !ok {
				state = tlsMaybe
			} else if v {
				state = tlsOn
			} else {
				state = tlsOff
			}
		case optDialer:
			state = tlsMaybe
		}
	}
	c.checkSkipVerifyOption(opts, complete, state)
	if state != tlsOff || !complete {
		return
	}
	if network, ok := c.constString(call.Args[d.network]); !ok || network == "unix" {
		return
	}
	addr := call.Args[d.addr]
	if c.addrLocal(addr, nil, 0) {
		return
	}
	qual := "redis"
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if id, ok := sel.X.(*ast.Ident); ok {
			qual = id.Name
		}
	}
	f := finding{pos: call.Pos(), end: call.Lparen, category: CategoryMissingTLS,
		message: fmt.Sprintf("Redis client without TLS: %s.%s to %s without %s.DialUseTLS(true) sends commands and the AUTH password in plaintext (managed Redis requires TLS); add %s.DialUseTLS(true), or list the host in -plaintext-hosts if the network is trusted",
			qual, d.name, c.describeAddrs([]ast.Expr{addr}), qual, qual)}
	if !call.Ellipsis.IsValid() {
		at := call.Args[len(call.Args)-1].End()
		edits := []analysis.TextEdit{{Pos: at, End: at, NewText: []byte(", " + qual + ".DialUseTLS(true)")}}
		if edits = c.withoutSkipVerifyOptions(opts, edits); edits != nil {
			f.fixes = []analysis.SuggestedFix{{Message: "Add " + qual + ".DialUseTLS(true)", TextEdits: edits}}
		}
	}
	c.report(f)
}

// checkSkipVerifyOption reports DialTLSSkipVerify(true) where it takes
// effect: TLS may be on, and no DialTLSConfig replaces it.
func (c *checker) checkSkipVerifyOption(opts []dialOpt, complete bool, state tlsState) {
	if state == tlsOff || !complete {
		return
	}
	for _, o := range skipVerifyOptions(opts) {
		v, isConst := c.constBool(o.call.Args[0])
		if isConst && !v {
			continue
		}
		if (!isConst || c.underVerifySwitch(o.call)) && !c.cfg.ReportSwitches {
			continue
		}
		f := finding{pos: o.call.Pos(), end: o.call.End(), category: CategorySkipVerify, justifiable: true,
			message: "Redis TLS without certificate verification: " + types.ExprString(o.call) + " makes this Redis client accept any certificate; " + skipAdvice}
		if o.list != nil && o.idx >= 0 {
			if edits := c.removeListItem(o.list, o.idx); edits != nil {
				f.fixes = []analysis.SuggestedFix{{Message: "Remove DialTLSSkipVerify so the server's certificate is verified", TextEdits: edits}}
			}
		}
		c.report(f)
	}
}

// withoutSkipVerifyOptions adds to a fix that turns TLS on the removal of
// the DialTLSSkipVerify(true) options TLS would then honour, so the fix
// yields verified TLS; a justified one stays. It returns nil when one
// cannot be removed.
func (c *checker) withoutSkipVerifyOptions(opts []dialOpt, edits []analysis.TextEdit) []analysis.TextEdit {
	for _, o := range skipVerifyOptions(opts) {
		if v, ok := c.constBool(o.call.Args[0]); !ok || !v {
			continue // false, or an operator's switch: not the fix's business
		}
		if c.accepted(o.call.Pos()) {
			continue // the team decided it: the fix leaves it
		}
		if o.list == nil || o.idx < 0 {
			return nil
		}
		rm := c.removeListItem(o.list, o.idx)
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
		case o.kind == optTLSConfig:
			return nil
		case o.kind == optSkipVerify && len(o.call.Args) == 1:
			skips = append(skips, o)
		}
	}
	return skips
}
