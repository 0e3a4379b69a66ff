package analyzer

// The environment rule: which environment variables feed a Redis client,
// and what the code does with their values. It reports nothing itself:
// the driver judges the values that deployment config (manifests,
// compose files, .env) gives those variables (internal/deploy).

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/redistlslint/redistlslint/internal/clients"
	"github.com/redistlslint/redistlslint/internal/findings"
	"github.com/redistlslint/redistlslint/internal/flow"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ast/edge"
)

// envVar is an environment variable a value is read from.
type envVar struct {
	name   string
	pos    token.Pos
	def    string // the default written in code (a struct tag), "" if none
	hasDef bool
	field  *types.Var // the struct field an env library fills, if any
}

// envVars returns the environment variables e's value is read from, and
// whether every place it can come from is one of them or a constant
// (a default: cmp.Or(os.Getenv("X"), "localhost:6379")).
func (c envRule) envVars(e ast.Expr) (vars []envVar, all bool) {
	if v, ok := c.envLeaf(e); ok {
		return []envVar{v}, true // a field an env library fills
	}
	l := &envLeaves{c: c}
	c.ix.NewResolver(l).Expr(e)
	return l.vars, !l.other && len(l.vars) > 0
}

// envLeaves gathers the environment variables a value is read from, and
// whether it can come from anything else than those and constants.
type envLeaves struct {
	c     envRule
	vars  []envVar
	other bool
}

func (l *envLeaves) Leaf(r *flow.Resolver, e ast.Expr) {
	c := l.c
	if _, ok := flow.ConstString(c.info, e); ok {
		return
	}
	if v, ok := c.envLeaf(e); ok {
		l.vars = append(l.vars, v)
		return
	}
	// os.Getenv(key) in a helper of this package: the name is what the
	// call being followed gives key (getenv("REDIS_ADDR", def)), and the
	// read is placed there.
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && isEnvRead(c.ix.Callee(call)) && len(call.Args) == 1 {
		got := &flow.Collector{}
		r.With(got, func() { r.Expr(call.Args[0]) })
		if len(got.Leaves) == 1 {
			if name, ok := flow.ConstString(c.info, got.Leaves[0]); ok && name != "" {
				l.vars = append(l.vars, envVar{name: name, pos: got.Leaves[0].Pos()})
				return
			}
		}
	}
	l.other = true
}

func (l *envLeaves) Enter(*flow.Resolver, *types.Var) {}
func (l *envLeaves) Exit(*flow.Resolver, *types.Var)  {}

// envLeaf reads one place a value comes from as an environment variable:
// os.Getenv("X"), os.LookupEnv("X"), or a struct field that an env
// library fills (caarlos0/env and sethvargo/go-envconfig `env:"X"`,
// kelseyhightower/envconfig `envconfig:"X"`, cleanenv).
func (c envRule) envLeaf(e ast.Expr) (envVar, bool) {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := c.ix.Callee(e)
		if isEnvRead(fn) && len(e.Args) == 1 {
			if name, ok := flow.ConstString(c.info, e.Args[0]); ok && name != "" {
				return envVar{name: name, pos: e.Pos()}, true
			}
		}
		var g EnvGetter
		if fn != nil && fn.Pkg() != c.pass.Pkg && c.pass.ImportObjectFact(fn, &g) {
			return c.gotten(&g, e)
		}
	case *ast.SelectorExpr:
		var g EnvGetter
		if v, ok := c.info.Uses[e.Sel].(*types.Var); ok && !v.IsField() && c.pass.ImportObjectFact(v, &g) {
			return c.gotten(&g, e)
		}
		return c.envField(e)
	}
	return envVar{}, false
}

// gotten is the variable another package's helper reads (EnvGetter) at
// use: its fact's name, or the constant the call gives its parameter.
func (c envRule) gotten(g *EnvGetter, use ast.Expr) (envVar, bool) {
	name := g.Name
	if call, ok := ast.Unparen(use).(*ast.CallExpr); ok && g.Param > 0 {
		if g.Param > len(call.Args) || call.Ellipsis.IsValid() {
			return envVar{}, false
		}
		name, _ = flow.ConstString(c.info, call.Args[g.Param-1])
	}
	return envVar{name: name, pos: use.Pos()}, name != ""
}

// envField names the variable an env library fills the field path sel
// (cfg.Redis.URL) from: the field's tag, after the prefixes of the
// fields on the way (envPrefix:"REDIS_", env:",prefix=REDIS_") and of an
// envconfig.Process("app", &cfg) call.
func (c envRule) envField(sel *ast.SelectorExpr) (envVar, bool) {
	root, steps := c.ix.SelectorChain(sel)
	if len(steps) == 0 {
		return envVar{}, false
	}
	prefix := ""
	var tag reflect.StructTag
	var field *types.Var
	for i, step := range steps {
		s := c.info.Selections[step]
		if s == nil || s.Kind() != types.FieldVal {
			return envVar{}, false
		}
		t := structTag(s)
		if i < len(steps)-1 {
			prefix += envPrefix(t)
			continue
		}
		tag, field = t, s.Obj().(*types.Var)
	}
	name, def, hasDef, lib := envTag(tag)
	if name == "" && len(steps) == 1 && root != nil && field != nil {
		// kelseyhightower/envconfig reads every field of the struct
		// Process fills, untagged ones by their name.
		if _, processed := c.envconfigPrefix(root); processed {
			name, lib = envconfigKey(field.Name(), tag.Get("split_words") == "true"), "envconfig"
			def, hasDef = tag.Lookup("default")
		}
	}
	if name == "" {
		return envVar{}, false
	}
	if lib == "envconfig" {
		name = strings.ToUpper(name) // the library upper-cases keys
		if root != nil {
			if p, _ := c.envconfigPrefix(root); p != "" {
				prefix = strings.ToUpper(p) + "_" + prefix
			}
		}
	}
	return envVar{name: prefix + name, pos: sel.Sel.Pos(), def: def, hasDef: hasDef, field: field}, true
}

// structTag returns the tag of the field a selection selects.
func structTag(s *types.Selection) reflect.StructTag {
	st := flow.StructOf(s.Recv())
	if st == nil {
		return ""
	}
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i) == s.Obj() || st.Field(i).Origin() == s.Obj() {
			return reflect.StructTag(st.Tag(i))
		}
	}
	return ""
}

// envTag reads a field's variable name and default from the tags of the
// env libraries.
func envTag(tag reflect.StructTag) (name, def string, hasDef bool, lib string) {
	if v, ok := tag.Lookup("env"); ok {
		parts := strings.Split(v, ",")
		name = strings.TrimSpace(parts[0])
		for _, p := range parts[1:] {
			if d, ok := strings.CutPrefix(strings.TrimSpace(p), "default="); ok {
				def, hasDef = d, true // sethvargo/go-envconfig
			}
		}
		if d, ok := tag.Lookup("envDefault"); ok {
			def, hasDef = d, true // caarlos0/env
		}
		if d, ok := tag.Lookup("env-default"); ok {
			def, hasDef = d, true // cleanenv
		}
		return name, def, hasDef, "env"
	}
	if v, ok := tag.Lookup("envconfig"); ok {
		name, _, _ = strings.Cut(v, ",")
		def, hasDef = tag.Lookup("default")
		return strings.TrimSpace(name), def, hasDef, "envconfig"
	}
	return "", "", false, ""
}

// envPrefix is the prefix a nested struct's field gives the variables of
// its fields.
func envPrefix(tag reflect.StructTag) string {
	if p, ok := tag.Lookup("envPrefix"); ok {
		return p // caarlos0/env
	}
	if v, ok := tag.Lookup("env"); ok {
		for _, p := range strings.Split(v, ",")[1:] {
			if pre, ok := strings.CutPrefix(strings.TrimSpace(p), "prefix="); ok {
				return pre // sethvargo/go-envconfig
			}
		}
	}
	if v, ok := tag.Lookup("env-prefix"); ok {
		return v // cleanenv
	}
	return ""
}

// envconfigPrefix returns the prefix an envconfig.Process(prefix, &v)
// call of this package gives the variable v.
func (c envRule) envconfigPrefix(v *types.Var) (prefix string, processed bool) {
	for _, call := range c.ix.Calls {
		fn := c.ix.Callee(call)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "github.com/kelseyhightower/envconfig" ||
			(fn.Name() != "Process" && fn.Name() != "MustProcess") || len(call.Args) != 2 {
			continue
		}
		arg := ast.Unparen(call.Args[1])
		if u, ok := arg.(*ast.UnaryExpr); ok && u.Op == token.AND {
			arg = u.X
		}
		if c.ix.RootVar(arg) == v {
			p, _ := flow.ConstString(c.info, call.Args[0])
			return p, true
		}
	}
	return "", false
}

// envconfigKey is the variable kelseyhightower/envconfig reads an
// untagged field from (before the prefix): its name, or with
// split_words:"true" its words joined by "_" (RedisURL: REDIS_URL), by
// the library's own rules.
func envconfigKey(field string, split bool) string {
	if !split {
		return strings.ToUpper(field)
	}
	var words []string
	for _, w := range envconfigWords.FindAllString(field, -1) {
		if m := envconfigAcronym.FindStringSubmatch(w); len(m) == 3 {
			words = append(words, m[1], m[2])
		} else {
			words = append(words, w)
		}
	}
	return strings.ToUpper(strings.Join(words, "_"))
}

var (
	envconfigWords   = regexp.MustCompile("([^A-Z]+|[A-Z]+[^A-Z]+|[A-Z]+)")
	envconfigAcronym = regexp.MustCompile("([A-Z]+)([A-Z][^A-Z]+)")
)

// envMentions returns the environment variables an expression (a
// condition, a bool switch) reads anywhere in it: os.Getenv("X") ==
// "true", strconv.ParseBool(os.Getenv("X")), cfg.RedisTLS.
func (c envRule) envMentions(e ast.Expr) []envVar {
	var out []envVar
	seen := map[ast.Expr]bool{}
	var visit func(e ast.Expr, depth int)
	visit = func(e ast.Expr, depth int) {
		if depth > flow.MaxDepth || seen[e] {
			return
		}
		seen[e] = true
		ast.Inspect(e, func(n ast.Node) bool {
			x, ok := n.(ast.Expr)
			if !ok {
				return true
			}
			if v, ok := c.envLeaf(x); ok {
				out = append(out, v)
				return false
			}
			if id, ok := x.(*ast.Ident); ok {
				if v := c.ix.VarOf(id); c.ix.IsLocal(v) {
					for _, ref := range c.ix.Assigns[v] {
						visit(ref.Expr, depth+1)
					}
				}
			}
			return true
		})
	}
	visit(e, 0)
	return out
}

// envGuards returns the variables read by the conditions of the if
// statements whose body holds n, within its function.
func (c envRule) envGuards(n ast.Node) []envVar {
	cur, ok := c.ix.Cursor(n)
	var out []envVar
	for ; ok && cur.Node() != nil; cur = cur.Parent() {
		switch p := cur.Parent().Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit, nil:
			return out
		case *ast.IfStmt:
			if cur.ParentEdgeKind() == edge.IfStmt_Body {
				out = append(out, c.envMentions(p.Cond)...)
			}
		}
	}
	return out
}

// tlsSwitch returns the variable that switches TLS on for an options
// flow: every value TLS is set to is made under a condition reading it.
func (c envRule) tlsSwitch(fl *optionsFlow) (envVar, bool) {
	var sw envVar
	found := false
	for _, v := range fl.tlsValues {
		if v == nil {
			return envVar{}, false
		}
		for _, leaf := range c.ix.Leaves(v) {
			if c.ix.IsNil(leaf) {
				continue
			}
			guards := c.envGuards(leaf)
			if len(guards) == 0 {
				guards = c.envGuards(v)
			}
			if len(guards) == 0 || found && guards[0].name != sw.name {
				return envVar{}, false
			}
			sw, found = guards[0], true
		}
	}
	return sw, found
}

// recordOptionsEnv records the variables an options value's addresses
// are read from.
func (c envRule) recordOptionsEnv(fl *optionsFlow) {
	if fl.unknown {
		return
	}
	sw, switched := c.tlsSwitch(fl)
	for _, a := range fl.addrs {
		vars, all := c.envVars(a)
		if !all {
			continue
		}
		for _, v := range vars {
			r := findings.EnvRead{Pos: v.pos, Name: v.name, Feeds: findings.FeedAddr, Client: fl.pkg, ForcesTLS: fl.tls && !switched}
			if switched {
				r.TLSSwitch = sw.name
			}
			c.addEnvRead(r)
		}
	}
	if switched {
		c.addEnvRead(findings.EnvRead{Pos: sw.pos, Name: sw.name, Feeds: findings.FeedTLSSwitch, Client: fl.pkg, TLSDefault: envBool(sw)})
	}
}

// recordDialEnv records the variables a dial-style call's address and TLS
// options are read from: redigo.Dial("tcp", os.Getenv("REDIS_ADDR"),
// redigo.DialUseTLS(os.Getenv("REDIS_TLS") == "true")).
func (c envRule) recordDialEnv(call *ast.CallExpr, d *clients.DialAPI, state tlsState, opts []dialOpt, complete bool) {
	if !complete || d.Addr >= len(call.Args) {
		return
	}
	if d.Network >= 0 {
		if network, ok := flow.ConstString(c.info, call.Args[d.Network]); !ok || network == "unix" {
			return
		}
	}
	vars, all := c.envVars(call.Args[d.Addr])
	if !all {
		return
	}
	lib := c.ix.Callee(call).Pkg().Path()
	var sw envVar
	for _, o := range opts {
		if o.kind == clients.OptUseTLS && o.call != nil && len(o.call.Args) == 1 {
			if m := c.envMentions(o.call.Args[0]); len(m) == 1 {
				sw = m[0]
			}
		}
	}
	if state == tlsMaybe && sw.name == "" {
		return // decided by something else than a variable
	}
	if state != tlsMaybe {
		sw = envVar{}
	}
	for _, v := range vars {
		c.addEnvRead(findings.EnvRead{Pos: v.pos, Name: v.name, Feeds: findings.FeedAddr, Client: lib, ForcesTLS: state == tlsOn, TLSSwitch: sw.name})
	}
	if sw.name != "" {
		c.addEnvRead(findings.EnvRead{Pos: sw.pos, Name: sw.name, Feeds: findings.FeedTLSSwitch, Client: lib, TLSDefault: envBool(sw)})
	}
	if state == tlsOff {
		return
	}
	for _, o := range opts {
		if o.kind == clients.OptSkipVerify && o.call != nil && len(o.call.Args) == 1 {
			for _, v := range c.envMentions(o.call.Args[0]) {
				c.addEnvRead(findings.EnvRead{Pos: v.pos, Name: v.name, Feeds: findings.FeedSkipVerifySwitch, Client: lib, TLSDefault: envBool(v)})
			}
		}
	}
}

// recordCASource records the variables a Redis client's CA pool or
// certificates are read from: the value given to RootCAs or Certificates
// (tls.LoadX509KeyPair(os.Getenv("CERT"), ...)), and what is appended to
// a pool it names (pool.AppendCertsFromPEM(pem), pem read from
// os.ReadFile(os.Getenv("REDIS_CA"))).
func (c envRule) recordCASource(value ast.Expr) {
	vars := c.envMentions(value)
	if id, ok := ast.Unparen(value).(*ast.Ident); ok {
		if pool := c.ix.VarOf(id); c.ix.IsLocal(pool) {
			for _, call := range c.ix.Calls {
				sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
				if ok && sel.Sel.Name == "AppendCertsFromPEM" && len(call.Args) == 1 && c.ix.RootVar(sel.X) == pool {
					vars = append(vars, c.envMentions(call.Args[0])...)
				}
			}
		}
	}
	for _, v := range vars {
		c.addEnvRead(findings.EnvRead{Pos: v.pos, Name: v.name, Feeds: findings.FeedCASource})
	}
}

// envBool is a switch's value when its variable is unset.
func envBool(v envVar) bool {
	b, err := strconv.ParseBool(v.def)
	return v.hasDef && err == nil && b
}

// recordURLEnv records the variables URLs given to the parsers are read
// from.
func (c envRule) recordURLEnv() {
	for _, call := range c.ix.Calls {
		fn := c.ix.Callee(call)
		p := clients.URLParserOf(fn)
		if p == nil || p.URLArg >= len(call.Args) {
			continue
		}
		vars, all := c.envVars(call.Args[p.URLArg])
		if !all {
			continue
		}
		r := findings.EnvRead{Feeds: findings.FeedURL, Client: fn.Pkg().Path(), SkipVerifyParam: p.SkipVerify, SkipVerifyEmpty: p.SkipVerifyEmpty}
		if !p.SchemeDecidesTLS {
			fl := c.parsedFlow(call, p)
			if fl == nil || fl.unknown {
				continue
			}
			sw, switched := c.tlsSwitch(fl)
			r.ForcesTLS = fl.tls && !switched
			if switched {
				r.TLSSwitch = sw.name
				c.addEnvRead(findings.EnvRead{Pos: sw.pos, Name: sw.name, Feeds: findings.FeedTLSSwitch, Client: r.Client, TLSDefault: envBool(sw)})
			}
		}
		for _, v := range vars {
			r.Pos, r.Name = v.pos, v.name
			c.addEnvRead(r)
		}
		if !r.ForcesTLS && r.TLSSwitch == "" {
			c.checkURLDefaults(call, p, vars)
		}
	}
}

// checkURLDefaults judges, as code, the defaults a URL read from the
// environment has where the code writes them: a struct tag's default
// (envDefault:"redis://cache.prod:6379") and a constant beside the read
// (cmp.Or(os.Getenv("REDIS_URL"), "redis://cache.prod:6379")).
func (c envRule) checkURLDefaults(call *ast.CallExpr, p *clients.URLParser, vars []envVar) {
	for _, leaf := range c.ix.Leaves(call.Args[p.URLArg]) {
		if s, ok := flow.ConstString(c.info, leaf); ok {
			c.judgeURLDefault(leaf.Pos(), leaf.End(), s, "", p)
		}
	}
	for _, v := range vars {
		if !v.hasDef {
			continue
		}
		if tag := c.fieldTagAt(v); tag != nil {
			c.judgeURLDefault(tag.Pos(), tag.End(), v.def, v.name, p)
		}
	}
}

// fieldTagAt returns the tag literal of the struct field an env library
// fills v from, when this package declares it.
func (c envRule) fieldTagAt(v envVar) *ast.BasicLit {
	if v.field == nil || v.field.Pkg() != c.pass.Pkg {
		return nil
	}
	fi := c.fileAt(v.field.Pos())
	if fi == nil {
		return nil
	}
	path, _ := astutil.PathEnclosingInterval(fi.file, v.field.Pos(), v.field.Pos())
	for _, n := range path {
		if f, ok := n.(*ast.Field); ok {
			return f.Tag
		}
	}
	return nil
}

// judgeURLDefault reports a plaintext URL to a remote host written as a
// default in code.
func (c envRule) judgeURLDefault(pos, end token.Pos, s, name string, p *clients.URLParser) {
	u, ok := clients.ParseURL(s)
	if !ok || !slices.Contains(p.Plain, u.Scheme) {
		return
	}
	for _, h := range u.Hosts {
		if !c.cfg.plaintextOK(h) {
			what := "the default URL"
			if name != "" {
				what = "the default of " + name
			}
			c.report(finding{pos: pos, end: end, category: CategoryMissingTLS,
				message: fmt.Sprintf("%s %q uses %s://: plaintext to a remote Redis; use %ss://", what, shorten(redactURL(s), 60), u.Scheme, u.Scheme)})
			return
		}
	}
}

// recordSkipSwitch records the variables that switch verification off
// for a Redis client's TLS config: InsecureSkipVerify set from them, or
// set under a condition reading them.
func (c envRule) recordSkipSwitch(is tlsIssue) {
	if is.category != CategorySkipVerify || is.value == nil {
		return
	}
	vars := c.envMentions(is.value)
	if v, isConst := flow.ConstBool(c.info, is.value); isConst && v && is.node != nil {
		vars = c.envGuards(is.node)
	}
	for _, v := range vars {
		c.addEnvRead(findings.EnvRead{Pos: v.pos, Name: v.name, Feeds: findings.FeedSkipVerifySwitch, TLSDefault: envBool(v)})
	}
}

// addEnvRead records r, once, unless it is read in a test.
func (c envRule) addEnvRead(r findings.EnvRead) {
	if c.inTestFile(r.Pos) {
		return
	}
	for _, old := range c.res.EnvReads {
		if old == r {
			return
		}
	}
	c.res.EnvReads = append(c.res.EnvReads, r)
}
