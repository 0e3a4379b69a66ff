package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// redisURL is the part of a connection URL that decides TLS.
type redisURL struct {
	scheme string
	hosts  []string
	query  url.Values
}

// parseRedisURL parses a Redis connection URL; ok is false when it is not
// one we can judge.
func parseRedisURL(s string) (redisURL, bool) {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.Scheme == "" || u.Opaque != "" {
		return redisURL{}, false
	}
	r := redisURL{scheme: strings.ToLower(u.Scheme), query: u.Query()}
	for _, h := range strings.Split(u.Host, ",") { // redis-sentinel://h1,h2
		r.hosts = append(r.hosts, h)
	}
	r.hosts = append(r.hosts, r.query["addr"]...) // go-redis cluster URLs
	return r, true
}

func (p *urlParser) match(fn interface {
	Name() string
}, path string) bool {
	return fn.Name() == p.name && slices.Contains(p.pkgs, path)
}

func (c *checker) urlParserOf(call *ast.CallExpr) *urlParser {
	fn := c.staticCallee(call)
	if fn == nil || fn.Pkg() == nil || recvType(fn) != nil {
		return nil
	}
	for i := range urlParsers {
		if urlParsers[i].match(fn, fn.Pkg().Path()) {
			return &urlParsers[i]
		}
	}
	return nil
}

// checkURLs judges constant URLs given to the libraries' parsers.
func (c *checker) checkURLs() {
	for _, call := range c.calls {
		p := c.urlParserOf(call)
		if p == nil || p.urlArg >= len(call.Args) {
			continue
		}
		arg := call.Args[p.urlArg]
		s, ok := c.constString(arg)
		if !ok {
			continue // read at run time: cannot be judged
		}
		u, ok := parseRedisURL(s)
		if !ok {
			continue
		}
		switch {
		case slices.Contains(p.plain, u.scheme):
			c.checkPlainURL(call, p, arg, s, u)
		case slices.Contains(p.secure, u.scheme) && p.skipVerifyOn(u):
			c.reportURLSkipVerify(arg, s, p)
		}
	}
}

func (c *checker) checkPlainURL(call *ast.CallExpr, p *urlParser, arg ast.Expr, s string, u redisURL) {
	local := true
	for _, h := range u.hosts {
		local = local && c.cfg.plaintextOK(h)
	}
	if local {
		return
	}
	if !p.schemeDecidesTLS {
		// The options the URL yields may get TLS afterwards.
		fl := c.newFlow(&optionsType{tls: "TLSConfig"})
		switch parent := c.parentOf(call).(type) {
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
		if fl.tls || fl.unknown {
			return
		}
	}
	f := finding{pos: arg.Pos(), end: arg.End(), category: CategoryMissingTLS}
	if lit := c.constLit(arg); lit != nil {
		f.pos, f.end = lit.Pos(), lit.End() // where the URL is written
	}
	if slices.Contains(p.noFix, u.scheme) {
		f.message = fmt.Sprintf("Redis client without TLS: the %s:// URL %q never uses TLS, so commands and the AUTH password cross the network in plaintext; set TLSConfig on the options it returns", u.scheme, redactURL(s))
	} else {
		secure := u.scheme + "s"
		f.message = fmt.Sprintf("Redis client without TLS: the URL %q uses %s://, so commands and the AUTH password cross the network in plaintext (managed Redis requires TLS); use %s://", redactURL(s), u.scheme, secure)
		if lit := c.constLit(arg); lit != nil && strings.HasPrefix(lit.Value[1:], u.scheme+"://") && c.fileAt(lit.Pos()) != nil && !c.fileAt(lit.Pos()).generated {
			if edits := c.secureSchemeEdits(call, p, lit, u); edits != nil {
				f.fixes = []analysis.SuggestedFix{{Message: "Use " + secure + "://", TextEdits: edits}}
			}
		}
	}
	c.report(f)
}

// secureSchemeEdits switches the URL literal lit (of scheme u.scheme) to
// the secure scheme. The fix turns on verified TLS: a skip_verify (or
// redigo DialTLSSkipVerify(true)) that the plain scheme ignored would take
// effect under the secure one, so it goes too unless the code accepts it.
// It returns nil when no such fix can be built.
func (c *checker) secureSchemeEdits(call *ast.CallExpr, p *urlParser, lit *ast.BasicLit, u redisURL) []analysis.TextEdit {
	at := lit.Pos() + 1 + token.Pos(len(u.scheme))
	edits := []analysis.TextEdit{{Pos: at, End: at, NewText: []byte("s")}}
	if p.skipVerifyOn(u) && !c.accepted(lit.Pos()) {
		fixed, ok := dropQueryParam(lit.Value, p.skipVerify)
		if !ok || !strings.HasPrefix(fixed[1:], u.scheme+"://") {
			return nil
		}
		n := 1 + len(u.scheme)
		edits = []analysis.TextEdit{{Pos: lit.Pos(), End: lit.End(), NewText: []byte(fixed[:n] + "s" + fixed[n:])}}
	}
	if p.dialOpts >= 0 {
		opts, _ := c.dialOptionsOf(call, p.dialOpts)
		edits = c.withoutSkipVerifyOptions(opts, edits)
	}
	return edits
}

func (c *checker) reportURLSkipVerify(arg ast.Expr, s string, p *urlParser) {
	pos, end := arg.Pos(), arg.End()
	if lit := c.constLit(arg); lit != nil {
		pos, end = lit.Pos(), lit.End()
	}
	f := finding{pos: pos, end: end, category: CategorySkipVerify, justifiable: true,
		message: fmt.Sprintf("Redis TLS without certificate verification: %s in the URL %q makes this Redis client accept any certificate; %s", p.skipVerify, redactURL(s), skipAdvice)}
	if lit := c.constLit(arg); lit != nil {
		if fixed, ok := dropQueryParam(lit.Value, p.skipVerify); ok {
			f.fixes = []analysis.SuggestedFix{{Message: "Drop " + p.skipVerify + " from the URL", TextEdits: []analysis.TextEdit{{Pos: lit.Pos(), End: lit.End(), NewText: []byte(fixed)}}}}
		}
	}
	c.report(f)
}

// skipVerifyOn reports whether u asks the parser to turn verification
// off: the last value of its skip-verify query parameter.
func (p *urlParser) skipVerifyOn(u redisURL) bool {
	vals := u.query[p.skipVerify]
	if p.skipVerify == "" || len(vals) == 0 {
		return false
	}
	v := strings.ToLower(vals[len(vals)-1])
	return v == "true" || v == "1" || p.skipVerifyEmpty && v == ""
}

// constLit returns the string literal to edit for a constant URL: the
// argument itself, or the literal of a constant declared in this package.
func (c *checker) constLit(e ast.Expr) *ast.BasicLit {
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
		for _, spec := range c.varDecls {
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
