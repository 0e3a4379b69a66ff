package analyzer

import (
	"fmt"
	"github.com/redistlslint/redistlslint/internal/clients"
	"github.com/redistlslint/redistlslint/internal/flow"
	"go/ast"
	"go/constant"
	"go/token"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// checkURLs judges constant URLs given to the libraries' parsers.
func (c urlRule) checkURLs() {
	for _, call := range c.ix.Calls {
		p := clients.URLParserOf(c.ix.Callee(call))
		if p == nil || p.URLArg >= len(call.Args) {
			continue
		}
		arg := call.Args[p.URLArg]
		b, ok := c.urlOf(arg, 0)
		if !ok {
			continue // read at run time: cannot be judged
		}
		switch u := b.url; {
		case slices.Contains(p.Plain, u.Scheme):
			c.checkPlainURL(call, p, arg, b)
		case slices.Contains(p.Secure, u.Scheme) && p.SkipVerifyOn(u):
			c.reportURLSkipVerify(arg, b, p)
		}
	}
}

// builtURL is a connection URL as far as the code writes it: a constant,
// or a scheme (and query) written as constants with run-time parts
// (fmt.Sprintf("redis://%s:%d", h, p), "redis://" + host,
// url.URL{Scheme: "redis", Host: h}.String()). Its scheme and query are
// certain; a run-time host is not provably local.
type builtURL struct {
	url     clients.URL
	display string        // as the message shows it
	lit     *ast.BasicLit // the literal that holds the scheme, to edit
}

// runtimeHost stands for a part of a URL read at run time.
const runtimeHost = "runtime.invalid"

// urlOf resolves a URL expression; ok is false when its scheme is not
// written in the code.
func (c urlRule) urlOf(e ast.Expr, depth int) (builtURL, bool) {
	if depth > flow.MaxDepth {
		return builtURL{}, false
	}
	e = ast.Unparen(e)
	if s, ok := flow.ConstString(c.info, e); ok {
		u, ok := clients.ParseURL(s)
		return builtURL{url: u, display: s, lit: c.constLit(e)}, ok
	}
	var text, display string
	var lit *ast.BasicLit
	switch e := e.(type) {
	case *ast.BinaryExpr: // "redis://" + host + ":6379"
		if e.Op != token.ADD {
			return builtURL{}, false
		}
		for i, part := range flattenAdd(e) {
			if s, ok := flow.ConstString(c.info, part); ok {
				text += s
				display += s
				if i == 0 {
					lit = c.constLit(part)
				}
				continue
			}
			text += c.runtimePart(part, depth)
			display += "…"
		}
	case *ast.CallExpr:
		fn := c.ix.Callee(e)
		switch {
		case flow.IsPkgFunc(fn, []string{"fmt"}, "Sprintf") && len(e.Args) > 0:
			format, ok := flow.ConstString(c.info, e.Args[0])
			if !ok {
				return builtURL{}, false
			}
			text, display, lit = c.sprintf(format, e.Args[1:], depth), format, c.constLit(e.Args[0])
		case fn != nil && fn.Name() == "String" && flow.IsNamed(flow.RecvType(fn), "net/url", "URL"):
			sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
			if !ok {
				return builtURL{}, false
			}
			return c.urlStruct(sel.X, depth+1)
		default:
			if src, ok := c.ix.OnlySource(e); ok && src != ast.Expr(e) {
				return c.urlOf(src, depth+1)
			}
			return builtURL{}, false
		}
	default:
		// A variable, a helper's result: the one place the URL is made.
		if src, ok := c.ix.OnlySource(e); ok && src != e {
			return c.urlOf(src, depth+1)
		}
		return builtURL{}, false
	}
	u, ok := parseBuiltURL(text)
	return builtURL{url: u, display: display, lit: lit}, ok
}

// urlStruct resolves a url.URL literal (or a variable holding one).
func (c urlRule) urlStruct(e ast.Expr, depth int) (builtURL, bool) {
	lit, _ := c.ix.StructValue(e)
	if lit == nil || depth > flow.MaxDepth {
		return builtURL{}, false
	}
	var scheme, host, query string
	var schemeLit *ast.BasicLit
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return builtURL{}, false
		}
		val, isConst := flow.ConstString(c.info, kv.Value)
		switch identOf(kv.Key).Name {
		case "Scheme":
			if !isConst {
				return builtURL{}, false
			}
			scheme, schemeLit = val, c.constLit(kv.Value)
		case "Host":
			host = val
			if !isConst {
				host = c.runtimePart(kv.Value, depth)
			}
		case "RawQuery":
			query = val
		}
	}
	if scheme == "" {
		return builtURL{}, false
	}
	text := scheme + "://" + host
	if query != "" {
		text += "?" + query
	}
	u, ok := parseBuiltURL(text)
	return builtURL{url: u, display: scheme + "://…", lit: schemeLit}, ok
}

// runtimePart stands in for a run-time part of a URL: a provably local
// value keeps the URL local.
func (c urlRule) runtimePart(e ast.Expr, depth int) string {
	if c.addrLocal(e, false, depth+1) {
		return "localhost"
	}
	return runtimeHost
}

// sprintf renders a format with constant operands written in and the
// others as run-time parts.
func (c urlRule) sprintf(format string, args []ast.Expr, depth int) string {
	var b strings.Builder
	arg := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			b.WriteByte(format[i])
			continue
		}
		j := i + 1
		for j < len(format) && strings.IndexByte("+-# 0123456789.[]*", format[j]) >= 0 {
			j++
		}
		if j >= len(format) {
			break
		}
		if format[j] == '%' {
			b.WriteByte('%')
		} else if arg < len(args) {
			if tv, ok := c.info.Types[args[arg]]; ok && tv.Value != nil {
				b.WriteString(constText(tv.Value))
			} else {
				b.WriteString(c.runtimePart(args[arg], depth))
			}
			arg++
		}
		i = j
	}
	return b.String()
}

// constText renders a constant operand as %v would (a host, a port).
func constText(v constant.Value) string {
	if v.Kind() == constant.String {
		return constant.StringVal(v)
	}
	return v.ExactString()
}

// flattenAdd returns the operands of a chain of + operations.
func flattenAdd(e *ast.BinaryExpr) []ast.Expr {
	var out []ast.Expr
	if l, ok := ast.Unparen(e.X).(*ast.BinaryExpr); ok && l.Op == token.ADD {
		out = flattenAdd(l)
	} else {
		out = []ast.Expr{e.X}
	}
	return append(out, e.Y)
}

// parseBuiltURL reads the scheme, hosts and query of a URL with run-time
// parts (which url.Parse may reject, e.g. in the port).
func parseBuiltURL(s string) (clients.URL, bool) {
	scheme, rest, found := strings.Cut(strings.TrimSpace(s), "://")
	if !found || scheme == "" || strings.Contains(scheme, runtimeHost) || strings.ContainsAny(scheme, "/?#") {
		return clients.URL{}, false
	}
	r := clients.URL{Scheme: strings.ToLower(scheme)}
	authority := rest
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		authority = rest[:i]
	}
	if _, q, ok := strings.Cut(rest, "?"); ok {
		q, _, _ = strings.Cut(q, "#")
		r.Query, _ = url.ParseQuery(q)
	}
	if i := strings.LastIndex(authority, "@"); i >= 0 {
		authority = authority[i+1:]
	}
	r.Hosts = strings.Split(authority, ",")
	r.Hosts = append(r.Hosts, r.Query["addr"]...)
	return r, true
}

func (c urlRule) checkPlainURL(call *ast.CallExpr, p *clients.URLParser, arg ast.Expr, b builtURL) {
	s, u, lit := b.display, b.url, b.lit
	local := true
	for _, h := range u.Hosts {
		local = local && c.cfg.plaintextOK(h)
	}
	if local {
		return
	}
	if !p.SchemeDecidesTLS {
		// The options the URL yields may get TLS afterwards.
		if fl := c.parsedFlow(call, p); fl == nil || fl.tls || fl.unknown {
			return
		}
	}
	f := finding{pos: arg.Pos(), end: arg.End(), category: CategoryMissingTLS}
	if lit != nil {
		f.pos, f.end = lit.Pos(), lit.End() // where the URL (its scheme) is written
	}
	if slices.Contains(p.NoFix, u.Scheme) {
		f.message = fmt.Sprintf("the %s:// URL %q never uses TLS: %s; set TLSConfig on the options it returns", u.Scheme, shorten(redactURL(s), 48), plaintextWhy(u.Hosts))
	} else {
		secure := u.Scheme + "s"
		f.message = fmt.Sprintf("the URL %q uses %s://: %s; use %s://", shorten(redactURL(s), 60), u.Scheme, plaintextWhy(u.Hosts), secure)
		if lit != nil && (strings.HasPrefix(lit.Value[1:], u.Scheme+"://") || lit.Value[1:] == u.Scheme+lit.Value[:1]) && c.fileAt(lit.Pos()) != nil && !c.fileAt(lit.Pos()).generated {
			if edits := c.secureSchemeEdits(call, p, lit, u); edits != nil {
				f.fixes = []analysis.SuggestedFix{{Message: "Use " + secure + "://", TextEdits: edits}}
			}
		}
	}
	c.report(f)
}

// secureSchemeEdits switches the URL literal lit (of scheme u.Scheme) to
// the secure scheme. The fix turns on verified TLS: a skip_verify (or
// redigo DialTLSSkipVerify(true)) that the plain scheme ignored would take
// effect under the secure one, so it goes too unless the code accepts it.
// It returns nil when no such fix can be built.
func (c urlRule) secureSchemeEdits(call *ast.CallExpr, p *clients.URLParser, lit *ast.BasicLit, u clients.URL) []analysis.TextEdit {
	at := lit.Pos() + 1 + token.Pos(len(u.Scheme))
	edits := []analysis.TextEdit{{Pos: at, End: at, NewText: []byte("s")}}
	if p.SkipVerifyOn(u) && !c.accepted(lit.Pos()) && c.skipFixOK(u.Hosts, true) {
		fixed, ok := dropQueryParam(lit.Value, p.SkipVerify)
		if !ok || !strings.HasPrefix(fixed[1:], u.Scheme+"://") {
			return nil
		}
		n := 1 + len(u.Scheme)
		edits = []analysis.TextEdit{{Pos: lit.Pos(), End: lit.End(), NewText: []byte(fixed[:n] + "s" + fixed[n:])}}
	}
	if p.DialOpts >= 0 {
		opts, _ := c.dials().dialOptionsOf(call, p.DialOpts)
		edits = c.dials().withoutSkipVerifyOptions(opts, edits, u.Hosts, true)
	}
	return edits
}

func (c urlRule) reportURLSkipVerify(arg ast.Expr, b builtURL, p *clients.URLParser) {
	lit := b.lit
	pos, end := arg.Pos(), arg.End()
	if lit != nil {
		pos, end = lit.Pos(), lit.End()
	}
	f := finding{pos: pos, end: end, category: CategorySkipVerify, justifiable: true,
		message: fmt.Sprintf("%s in the URL turns off Redis certificate checks; %s", p.SkipVerify, skipAdvice(b.url.Hosts))}
	if lit != nil && c.skipFixOK(b.url.Hosts, true) {
		if fixed, ok := dropQueryParam(lit.Value, p.SkipVerify); ok {
			f.fixes = []analysis.SuggestedFix{{Message: "Drop " + p.SkipVerify + " from the URL", TextEdits: []analysis.TextEdit{{Pos: lit.Pos(), End: lit.End(), NewText: []byte(fixed)}}}}
		}
	}
	c.report(f)
}

// constLit returns the string literal to edit for a constant URL: the
// argument itself, or the literal of a constant declared in this package.
func (c urlRule) constLit(e ast.Expr) *ast.BasicLit {
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		if e.Kind == token.STRING {
			return e
		}
	case *ast.Ident:
		obj := c.info.Uses[e]
		if obj == nil || obj.Pkg() != c.pass.Pkg {
			return nil
		}
		for _, spec := range c.ix.VarDecls {
			for i, name := range spec.Names {
				if c.info.Defs[name] == obj && i < len(spec.Values) {
					return c.constLit(spec.Values[i])
				}
			}
		}
	}
	return nil
}

// dropQueryParam removes every name=... parameter from a quoted URL
// literal, keeping the rest of it as written.
func dropQueryParam(quoted, name string) (string, bool) {
	s, err := strconv.Unquote(quoted)
	if err != nil {
		return "", false
	}
	base, query, found := strings.Cut(s, "?")
	if !found {
		return "", false
	}
	frag := ""
	if i := strings.Index(query, "#"); i >= 0 {
		query, frag = query[:i], query[i:]
	}
	var kept []string
	for _, kv := range strings.Split(query, "&") {
		k, _, _ := strings.Cut(kv, "=")
		if k != name {
			kept = append(kept, kv)
		}
	}
	out := base
	if len(kept) > 0 {
		out += "?" + strings.Join(kept, "&")
	}
	out += frag
	if quoted[0] == '`' && !strings.Contains(out, "`") {
		return "`" + out + "`", true
	}
	return strconv.Quote(out), true
}

// redactURL hides a password in a URL shown in a message.
func redactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.User == nil {
		return s
	}
	if _, has := u.User.Password(); has {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

// parsedFlow follows the options a URL parser's call returns (the parser
// being p): whether TLS is set on them afterwards. nil when the table
// names no options type for p.
func (c *checker) parsedFlow(call *ast.CallExpr, p *clients.URLParser) *optionsFlow {
	ot := p.ParsedOptions(c.ix.Callee(call).Pkg().Path())
	if ot == nil {
		return nil // the table says nothing of them: cannot judge
	}
	return c.resultFlow(call, ot)
}

// resultFlow follows the options value a call returns (first of its
// results).
func (c *checker) resultFlow(call *ast.CallExpr, ot *clients.OptionsType) *optionsFlow {
	fl := c.newFlow(ot)
	switch parent := c.ix.Parent(call).(type) {
	case *ast.AssignStmt:
		if len(parent.Rhs) == 1 && len(parent.Lhs) > 1 {
			fl.storedIn(parent.Lhs[0], 0)
		} else {
			fl.from(call, 0)
		}
	case *ast.ValueSpec:
		if len(parent.Values) == 1 && len(parent.Names) > 1 {
			fl.storedIn(parent.Names[0], 0)
		} else {
			fl.from(call, 0)
		}
	default:
		fl.from(call, 0)
	}
	return fl
}
