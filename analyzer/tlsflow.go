package analyzer

import (
	"github.com/redistlslint/redistlslint/internal/clients"
	"github.com/redistlslint/redistlslint/internal/flow"
	"go/ast"
	"go/token"
	"go/types"
	"golang.org/x/tools/go/ast/edge"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// A tlsIssue is a place that weakens a TLS config: verification turned
// off, or a protocol version below TLS 1.2 allowed.
type tlsIssue struct {
	category string
	pos, end token.Pos
	node     ast.Node // *ast.KeyValueExpr or *ast.AssignStmt here; nil for remote
	lit      *ast.CompositeLit
	field    string   // the tls.Config field set (InsecureSkipVerify, MinVersion, MaxVersion)
	value    ast.Expr // the value set
	switched bool     // an operator's switch: non-constant, or under a verification condition
	remote   string   // for a helper in another package: "pkg.Func"
	remoteAt string   // and where it weakens the config (see where)
	hook     string   // a verification hook on the same config that never rejects
	// hosts are the constant addresses of the client using the config;
	// hostsKnown is false when the code does not say them all.
	hosts      []string
	hostsKnown bool
	// param (index+1) is set when the config (or, for a setting, its
	// value) is a parameter of the function whose fact is being computed:
	// the caller decides.
	param int
}

// tlsEval judges the TLS configs a *tls.Config expression can hold: the
// resolver (engine.go) finds where they are made, and tlsEval reads the
// settings there (literals, assignments to fields through any variable
// on the way, helpers in other packages through facts).
type tlsEval struct {
	c      *checker
	r      *flow.Resolver
	issues []tlsIssue
	marks  []int // len(issues) when each variable being followed was entered
	// params, when a fact is being computed for a function, are its
	// parameters: the configs and switches its callers give.
	params []*types.Var
}

func (c tlsRule) newTLSEval() *tlsEval {
	ev := &tlsEval{c: c.checker}
	ev.r = c.ix.NewResolver(ev)
	return ev
}

func (c tlsRule) tlsIssues(e ast.Expr) []tlsIssue {
	ev := c.newTLSEval()
	ev.r.Expr(e)
	return ev.issues
}

func (ev *tlsEval) Leaf(r *flow.Resolver, e ast.Expr) {
	c := ev.c
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		if clients.IsTLSConfig(c.info.TypeOf(e)) {
			ev.literal(e)
		}
	case *ast.CallExpr:
		if fn := c.ix.Callee(e); fn != nil && fn.Pkg() != nil && fn.Pkg() != c.pass.Pkg {
			ev.remote(fn, e)
		}
	case *ast.SelectorExpr:
		if v, ok := c.info.Uses[e.Sel].(*types.Var); ok && !v.IsField() && v.Pkg() != c.pass.Pkg {
			ev.remote(v, e)
		}
	case *ast.Ident:
		if v, ok := c.info.Uses[e].(*types.Var); ok && v.Pkg() != nil && v.Pkg() != c.pass.Pkg {
			ev.remote(v, e) // dot import
		} else if i := ev.paramIndex(e); i > 0 {
			// The caller's config, judged at the call for what the
			// function does not reset (the marks survive overrides only
			// for fields not put right).
			ev.issues = append(ev.issues,
				tlsIssue{category: CategorySkipVerify, field: "InsecureSkipVerify", pos: e.Pos(), end: e.End(), param: i},
				tlsIssue{category: CategoryWeakTLS, field: "MinVersion", pos: e.Pos(), end: e.End(), param: i})
		}
	}
}

// givenBool returns the constant a parameter holds in the call being
// followed into its function (verifyFrom(base, true)).
func (ev *tlsEval) givenBool(e ast.Expr) (given ast.Expr, val, ok bool) {
	id, isIdent := ast.Unparen(e).(*ast.Ident)
	if !isIdent || !ev.c.ix.IsParam(ev.c.ix.VarOf(id)) {
		return nil, false, false
	}
	got := &flow.Collector{}
	ev.r.With(got, func() { ev.r.Expr(id) })
	for i, leaf := range got.Leaves {
		b, isConst := flow.ConstBool(ev.c.info, leaf)
		if !isConst || i > 0 && b != val {
			return nil, false, false
		}
		given, val = leaf, b
	}
	return given, val, given != nil
}

// funcName names a function declaration or literal for a message.
func funcName(fn ast.Node) string {
	if decl, ok := fn.(*ast.FuncDecl); ok {
		return decl.Name.Name
	}
	return "a function literal"
}

// paramIndex returns 1 + the index of the parameter e names, when a fact
// is being computed; 0 otherwise.
func (ev *tlsEval) paramIndex(e ast.Expr) int {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || ev.params == nil {
		return 0
	}
	if v := ev.c.ix.VarOf(id); v != nil && slices.Contains(ev.params, v) {
		i := slices.Index(ev.params, v)
		return i + 1
	}
	return 0
}

func (ev *tlsEval) Enter(r *flow.Resolver, v *types.Var) { ev.marks = append(ev.marks, len(ev.issues)) }

// exit judges the settings made through v (or a variable holding the
// same pointer) on the configs v's sources made. An unconditional setting
// that restores verification (a Clone followed by InsecureSkipVerify =
// false) overrides what v was made from.
func (ev *tlsEval) Exit(r *flow.Resolver, v *types.Var) {
	c := ev.c
	before := ev.marks[len(ev.marks)-1]
	ev.marks = ev.marks[:len(ev.marks)-1]
	group := append([]*types.Var{v}, c.ix.Aliases[v]...)
	var sets []*flow.FieldSet
	var hooks []hookSetting
	for _, fs := range c.ix.FieldSets {
		if len(fs.Steps) != 1 || fs.Rhs == nil || !slices.Contains(group, fs.Root) {
			continue
		}
		if !clients.IsTLSConfig(c.info.TypeOf(fs.Steps[0].X)) {
			continue
		}
		if isVerifyHook(fs.Field()) {
			hooks = append(hooks, hookSetting{fs.Field(), fs.Rhs})
			continue
		}
		sets = append(sets, fs)
	}
	ev.overrides(before, sets)
	for _, fs := range sets {
		if r.Seen[fs.Stmt] {
			continue
		}
		r.Seen[fs.Stmt] = true
		ev.field(fs.Field(), fs.Stmt, nil, fs.Rhs)
	}
	ev.applyHooks(before, hooks)
}

// holdsTLSConfigs reports whether t is a map, slice or array of TLS configs.
func holdsTLSConfigs(t types.Type) bool {
	switch t := t.Underlying().(type) {
	case *types.Map:
		return clients.IsTLSConfig(t.Elem())
	case *types.Slice:
		return clients.IsTLSConfig(t.Elem())
	case *types.Array:
		return clients.IsTLSConfig(t.Elem())
	}
	return false
}

func (ev *tlsEval) literal(lit *ast.CompositeLit) {
	if ev.r.Seen[lit] {
		return
	}
	ev.r.Seen[lit] = true
	before := len(ev.issues)
	var hooks []hookSetting
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		key, _ := kv.Key.(*ast.Ident)
		if key == nil {
			continue
		}
		if isVerifyHook(key.Name) {
			hooks = append(hooks, hookSetting{key.Name, kv.Value})
			continue
		}
		if ev.params == nil && (key.Name == "RootCAs" || key.Name == "Certificates") {
			ev.c.env().recordCASource(kv.Value)
		}
		ev.field(key.Name, kv, lit, kv.Value)
	}
	ev.applyHooks(before, hooks)
}

// hookSetting is a verification hook set on a config.
type hookSetting struct {
	name  string
	value ast.Expr
}

func isVerifyHook(field string) bool {
	return field == "VerifyPeerCertificate" || field == "VerifyConnection"
}

// applyHooks judges the skip-verify issues found since before against the
// config's verification hooks: a hook that can reject a certificate (it
// pins one, or verifies the chain itself, as crypto/tls documents for
// custom verification) means verification is not off; a hook that never
// rejects is named in the finding.
func (ev *tlsEval) applyHooks(before int, hooks []hookSetting) {
	if len(hooks) == 0 {
		return
	}
	name := ""
	for _, h := range hooks {
		if ev.c.ix.IsNil(h.value) {
			continue
		}
		if ev.c.tls().hookRejects(h.value) {
			kept := ev.issues[:before]
			for _, is := range ev.issues[before:] {
				if is.category != CategorySkipVerify {
					kept = append(kept, is)
				}
			}
			ev.issues = kept
			return
		}
		name = h.name
	}
	for i := before; i < len(ev.issues); i++ {
		if ev.issues[i].category == CategorySkipVerify && name != "" {
			ev.issues[i].hook = name
		}
	}
}

// hookRejects reports whether a verification hook can return an error
// (or panic): every function the hook value can be (found by the
// resolver) is read; one we cannot read is given the benefit of the doubt.
func (c tlsRule) hookRejects(e ast.Expr) bool {
	hooks := &flow.Collector{}
	c.ix.NewResolver(hooks).Expr(e)
	if len(hooks.Leaves) == 0 {
		return true
	}
	for _, h := range hooks.Leaves {
		if c.funcRejects(h) {
			return true
		}
	}
	return false
}

// funcRejects reports whether a function value (a literal, or a function
// of this package) can return an error or panic.
func (c tlsRule) funcRejects(e ast.Expr) bool {
	var body *ast.BlockStmt
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		body = e.Body
	case *ast.Ident, *ast.SelectorExpr:
		id, _ := e.(*ast.Ident)
		if sel, ok := e.(*ast.SelectorExpr); ok {
			id = sel.Sel
		}
		fn, ok := c.info.Uses[id].(*types.Func)
		if !ok || c.ix.Decls[fn] == nil {
			return true // a parameter, another package's function: cannot be read
		}
		body = c.ix.Decls[fn].Body
	default:
		return true
	}
	if body == nil {
		return true
	}
	rejects := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				if tv, ok := c.info.Types[r]; !ok || !tv.IsNil() {
					rejects = true
				}
			}
			if len(n.Results) == 0 {
				rejects = true // named result: may hold an error
			}
		case *ast.CallExpr:
			if flow.BuiltinCall(c.info, n, "panic") {
				rejects = true
			}
			if fn := c.ix.Callee(n); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "log" && strings.HasPrefix(fn.Name(), "Fatal") {
				rejects = true
			}
		}
		return !rejects
	})
	return rejects
}

// field judges one setting of a tls.Config field, by literal or assignment.
func (ev *tlsEval) field(name string, node ast.Node, lit *ast.CompositeLit, value ast.Expr) {
	c := ev.c
	switch name {
	case "InsecureSkipVerify":
		val, isConst := flow.ConstBool(c.info, value)
		var given ast.Expr
		if !isConst {
			given, val, isConst = ev.givenBool(value)
		}
		if isConst && !val {
			return
		}
		if given != nil {
			// Decided by the caller's constant: reported there, naming
			// the helper that sets it (verifyFrom(base, true)).
			ev.issues = append(ev.issues, tlsIssue{category: CategorySkipVerify, pos: given.Pos(), end: given.End(),
				remote: funcName(c.ix.EnclosingFunc(node)), remoteAt: c.where(node.Pos())})
			return
		}
		ev.issues = append(ev.issues, tlsIssue{category: CategorySkipVerify, pos: node.Pos(), end: node.End(),
			node: node, lit: lit, field: name, value: value, switched: !isConst || c.tls().underVerifySwitch(node),
			param: ev.paramIndex(value)})
	case "MinVersion", "MaxVersion":
		if v, ok := flow.ConstUint(c.info, value); ok && v != 0 && v < tls12 {
			ev.issues = append(ev.issues, tlsIssue{category: CategoryWeakTLS, pos: node.Pos(), end: node.End(),
				node: node, lit: lit, field: name, value: value})
		}
	}
}

const tls12 = 0x0303

// overrides drops the issues found since before that an unconditional
// assignment among sets puts right.
func (ev *tlsEval) overrides(before int, sets []*flow.FieldSet) {
	c := ev.c
	fixed := map[string]bool{}
	for _, fs := range sets {
		if !c.tls().unconditional(fs.Stmt) {
			continue
		}
		switch fs.Field() {
		case "InsecureSkipVerify":
			if v, ok := flow.ConstBool(c.info, fs.Rhs); ok && !v {
				fixed[fs.Field()] = true
			}
		case "MinVersion", "MaxVersion":
			if v, ok := flow.ConstUint(c.info, fs.Rhs); ok && (v == 0 || v >= tls12) {
				fixed[fs.Field()] = true
			}
		}
	}
	if len(fixed) == 0 {
		return
	}
	kept := ev.issues[:before]
	for _, is := range ev.issues[before:] {
		if !fixed[is.field] {
			kept = append(kept, is)
		}
	}
	ev.issues = kept
}

// unconditional reports whether stmt runs whenever its function does: it
// stands directly in the function's body.
func (c tlsRule) unconditional(stmt ast.Stmt) bool {
	block, ok := c.ix.Parent(stmt).(*ast.BlockStmt)
	if !ok {
		return false
	}
	switch c.ix.Parent(block).(type) {
	case *ast.FuncDecl, *ast.FuncLit:
		return true
	}
	return false
}

// remote reports a helper from another package whose fact says it
// returns an insecure config.
func (ev *tlsEval) remote(obj types.Object, use ast.Expr) {
	if use == nil {
		return
	}
	var fact InsecureTLS
	if !ev.c.pass.ImportObjectFact(obj, &fact) {
		return
	}
	name := obj.Name()
	if obj.Pkg() != nil {
		name = obj.Pkg().Name() + "." + name
	}
	if fact.SkipVerify != "" {
		ev.issues = append(ev.issues, tlsIssue{category: CategorySkipVerify, pos: use.Pos(), end: use.End(),
			remote: name, remoteAt: fact.SkipVerify})
	}
	if fact.WeakMin != "" {
		ev.issues = append(ev.issues, tlsIssue{category: CategoryWeakTLS, pos: use.Pos(), end: use.End(),
			remote: name, remoteAt: fact.WeakMin})
	}
	ev.passedThrough(&fact, name, use)
}

// passedThrough judges the arguments a helper's result is made from (a
// clone-and-modify helper): the base config for what the helper keeps,
// a bool it sets InsecureSkipVerify from.
func (ev *tlsEval) passedThrough(fact *InsecureTLS, name string, use ast.Expr) {
	call, ok := ast.Unparen(use).(*ast.CallExpr)
	if !ok {
		return
	}
	arg := func(i int) ast.Expr {
		if i >= 0 && i < len(call.Args) && !call.Ellipsis.IsValid() {
			return call.Args[i]
		}
		return nil
	}
	keep := func(params []int, category string) {
		for _, i := range params {
			if a := arg(i); a != nil {
				for _, is := range ev.c.tls().tlsIssues(a) {
					if is.category == category {
						ev.issues = append(ev.issues, is)
					}
				}
			}
		}
	}
	keep(fact.KeepSkip, CategorySkipVerify)
	keep(fact.KeepWeak, CategoryWeakTLS)
	if a := arg(fact.SkipParam - 1); a != nil {
		if on, isConst := flow.ConstBool(ev.c.info, a); !isConst || on {
			ev.issues = append(ev.issues, tlsIssue{category: CategorySkipVerify, pos: a.Pos(), end: a.End(),
				remote: name, remoteAt: fact.SkipParamAt, switched: !isConst})
		}
	}
}

// underVerifySwitch reports whether n is set only when a condition about
// verification holds (if cfg.InsecureSkipVerify { ... }): an operator's
// switch, like a non-constant value.
func (c tlsRule) underVerifySwitch(n ast.Node) bool {
	cur, ok := c.ix.Cursor(n)
	for ; ok && cur.Parent().Node() != nil; cur = cur.Parent() {
		switch p := cur.Parent().Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		case *ast.IfStmt:
			if k := cur.ParentEdgeKind(); k != edge.IfStmt_Cond && k != edge.IfStmt_Init && mentionsVerification(p.Cond) {
				return true
			}
		case *ast.CaseClause:
			for _, e := range p.List {
				if mentionsVerification(e) {
					return true
				}
			}
			if sw, ok := cur.Parent().Parent().Parent().Node().(*ast.SwitchStmt); ok && sw.Tag != nil && mentionsVerification(sw.Tag) {
				return true
			}
		}
	}
	return false
}

// mentionsVerification reports whether an expression's names or strings
// speak of skipping verification (REDIS_INSECURE, cfg.SkipVerify, ...).
func mentionsVerification(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		var s string
		switch n := n.(type) {
		case *ast.Ident:
			s = n.Name
		case *ast.BasicLit:
			s = n.Value
		}
		s = strings.ToLower(s)
		if strings.Contains(s, "insecure") || strings.Contains(s, "verif") || strings.Contains(s, "skiptls") || strings.Contains(s, "skip_tls") {
			found = true
		}
		return !found
	})
	return found
}

// checkTLSSinks judges every TLS config that reaches a Redis client:
// the TLS field of an options value (literal or assignment), settings
// made through it (opt.TLSConfig.InsecureSkipVerify = true), and the
// configs given to dial options (redigo DialTLSConfig).
func (c tlsRule) checkTLSSinks() {
	var issues []tlsIssue
	for _, lit := range c.ix.Lits {
		ot := clients.OptionsTypeOf(c.info.TypeOf(lit))
		if ot == nil || c.onlyComparedInTest(lit, ot) {
			continue
		}
		hosts, known := c.optionsHosts(lit, ot)
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok && flow.IsIdent(kv.Key, ot.TLS) {
				issues = append(issues, withHosts(c.tlsIssues(kv.Value), hosts, known)...)
			}
		}
	}
	for _, fs := range c.ix.FieldSets {
		n := len(fs.Steps)
		if n == 0 {
			continue // pkg.Var = v: not a field
		}
		if ot := clients.OptionsTypeOf(c.info.TypeOf(fs.Steps[n-1].X)); ot != nil && fs.Field() == ot.TLS && fs.Rhs != nil {
			issues = append(issues, c.tlsIssues(fs.Rhs)...)
		}
		if n >= 2 && fs.Rhs != nil {
			holder := fs.Steps[n-2]
			if ot := clients.OptionsTypeOf(c.info.TypeOf(holder.X)); ot != nil && holder.Sel.Name == ot.TLS {
				ev := c.newTLSEval()
				ev.field(fs.Field(), fs.Stmt, nil, fs.Rhs)
				issues = append(issues, ev.issues...)
			}
		}
	}
	// t := opt.TLSConfig; t.InsecureSkipVerify = true: settings made
	// through a variable holding an options value's TLS config.
	for _, fs := range c.ix.FieldSets {
		if len(fs.Steps) == 1 && fs.Rhs != nil && fs.Root != nil && c.holdsClientTLS(fs.Root) && clients.IsTLSConfig(c.info.TypeOf(fs.Steps[0].X)) {
			ev := c.newTLSEval()
			ev.field(fs.Field(), fs.Stmt, nil, fs.Rhs)
			issues = append(issues, ev.issues...)
		}
	}
	ineffective := c.dials().ineffectiveTLSOptions()
	for _, call := range c.ix.Calls {
		if cfg := c.dials().tlsConfigOption(call); cfg != nil && !ineffective[call] {
			hosts, known := c.dials().optionHosts(call)
			issues = append(issues, withHosts(c.tlsIssues(cfg), hosts, known)...)
		}
	}
	for _, cfg := range c.dials().netDialerConfigs() {
		issues = append(issues, c.tlsIssues(cfg)...)
	}
	for _, is := range issues {
		c.env().recordSkipSwitch(is)
		c.reportTLSIssue(is)
	}
}

// withHosts records the client's addresses on its config's issues.
func withHosts(issues []tlsIssue, hosts []string, known bool) []tlsIssue {
	for i := range issues {
		issues[i].hosts, issues[i].hostsKnown = hosts, known
	}
	return issues
}

// holdsClientTLS reports whether v is bound to an options value's TLS
// config (t := opt.TLSConfig).
func (c tlsRule) holdsClientTLS(v *types.Var) bool {
	if v.Pkg() != c.pass.Pkg {
		return false
	}
	for _, ref := range c.ix.Assigns[v] {
		sel, ok := ast.Unparen(ref.Expr).(*ast.SelectorExpr)
		if !ok || ref.Index >= 0 || ref.Elem {
			continue
		}
		if ot := clients.OptionsTypeOf(c.info.TypeOf(sel.X)); ot != nil && sel.Sel.Name == ot.TLS {
			return true
		}
	}
	return false
}

// onlyComparedInTest reports whether lit, in a _test.go file, never
// reaches a client: a test table's expected options, which are compared,
// not used to connect.
func (c tlsRule) onlyComparedInTest(lit *ast.CompositeLit, ot *clients.OptionsType) bool {
	if !c.inTestFile(lit.Pos()) || ot.TLSOnly {
		return false
	}
	fl := c.newFlow(ot)
	fl.from(lit, 0)
	return !fl.consumed
}

func (c tlsRule) reportTLSIssue(is tlsIssue) {
	if is.switched && !c.cfg.ReportSwitches {
		return
	}
	f := finding{pos: is.pos, end: is.end, category: is.category, justifiable: is.category == CategorySkipVerify}
	switch {
	case is.category == CategorySkipVerify && is.remote != "":
		f.message = fitPlace(is.remoteAt, func(at string) string {
			return "TLS config from " + is.remote + " (" + at + ") skips verification; " + skipAdvice(is.hosts)
		})
	case is.category == CategorySkipVerify:
		what := "InsecureSkipVerify: true"
		if _, ok := flow.ConstBool(c.info, is.value); !ok {
			what = "InsecureSkipVerify set from " + shorten(types.ExprString(is.value), 30) + " (an operator's switch)"
		}
		if is.hook != "" {
			what += " with a " + is.hook + " that never rejects"
		}
		f.message = what + " turns off Redis certificate checks; " + skipAdvice(is.hosts)
		if c.skipFixOK(is.hosts, is.hostsKnown) {
			if edits := c.removeTLSSetting(is); edits != nil {
				f.fixes = []analysis.SuggestedFix{{Message: "Remove InsecureSkipVerify so the server's certificate is verified", TextEdits: edits}}
			}
		}
	case is.remote != "":
		f.message = fitPlace(is.remoteAt, func(at string) string {
			return "TLS config from " + is.remote + " (" + at + ") allows TLS below 1.2; raise its MinVersion to tls.VersionTLS12"
		})
	case is.field == "MaxVersion":
		f.message = "MaxVersion " + shorten(types.ExprString(is.value), 30) + " allows only TLS below 1.2 for this Redis client; remove it"
		if edits := c.removeTLSSetting(is); edits != nil {
			f.fixes = []analysis.SuggestedFix{{Message: "Remove MaxVersion so TLS 1.2 and 1.3 can be negotiated", TextEdits: edits}}
		}
	default:
		f.message = "MinVersion " + shorten(types.ExprString(is.value), 30) + " allows TLS below 1.2 for this Redis client; raise it to tls.VersionTLS12"
		if edits := c.raiseMinVersion(is); edits != nil {
			f.fixes = []analysis.SuggestedFix{{Message: "Raise MinVersion to tls.VersionTLS12", TextEdits: edits}}
		}
	}
	c.report(f)
}

// accepted reports whether the code at pos says it accepts a weakened
// config: an ignore directive with a reason, or a justification comment.
func (c *reporter) accepted(pos token.Pos) bool {
	_, justified := c.justifiedAt(pos)
	_, ignored := c.ignoredAt(pos)
	return justified || ignored
}

// exportFacts marks functions and package variables of this package that
// yield an insecure *tls.Config, for packages that use them for Redis.
func (c tlsRule) exportFacts() {
	where := func(is tlsIssue) string {
		if is.remote != "" {
			return is.remoteAt // where the setting is, however far
		}
		return c.where(is.pos)
	}
	mark := func(obj types.Object, issues []tlsIssue) {
		var fact InsecureTLS
		for _, is := range issues {
			switch {
			case is.param > 0 && is.node != nil: // InsecureSkipVerify = skip
				if fact.SkipParam == 0 {
					fact.SkipParam, fact.SkipParamAt = is.param, where(is)
				}
				continue
			case is.param > 0 && is.category == CategorySkipVerify:
				fact.KeepSkip = append(fact.KeepSkip, is.param-1)
				continue
			case is.param > 0:
				fact.KeepWeak = append(fact.KeepWeak, is.param-1)
				continue
			}
			if is.switched && !c.cfg.ReportSwitches || is.remote == "" && c.accepted(is.pos) {
				continue
			}
			if is.category == CategorySkipVerify && fact.SkipVerify == "" {
				fact.SkipVerify = where(is)
			}
			if is.category == CategoryWeakTLS && fact.WeakMin == "" {
				fact.WeakMin = where(is)
			}
		}
		if !fact.empty() {
			c.pass.ExportObjectFact(obj, &fact)
		}
	}
	for fn, decl := range c.ix.Decls {
		sig, ok := fn.Type().(*types.Signature)
		if !ok || !fn.Exported() && !isExportedMethod(fn) {
			continue
		}
		if sig.Results().Len() > 0 && flow.IsBasic(sig.Results().At(0).Type(), types.String) && c.returnsLocalAddr(fn) {
			c.pass.ExportObjectFact(fn, new(LocalAddr))
		}
		c.exportParamTLS(fn, decl)
		for i := 0; i < sig.Results().Len(); i++ {
			if clients.IsTLSConfig(sig.Results().At(i).Type()) {
				ev := c.newTLSEval()
				ev.params = flow.ParamVars(c.info, decl.Type)
				ev.r.Results(nil, decl.Type, decl.Body, i)
				mark(fn, ev.issues)
			}
		}
	}
	scope := c.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		v, ok := scope.Lookup(name).(*types.Var)
		if !ok || !v.Exported() {
			continue
		}
		ev := c.newTLSEval()
		switch {
		case clients.IsTLSConfig(v.Type()):
			ev.r.Variable(v, nil)
		case holdsTLSConfigs(v.Type()):
			ev.r.ElementsOfVar(v, nil)
		default:
			continue
		}
		mark(v, ev.issues)
	}
}

func isExportedMethod(fn *types.Func) bool {
	return fn.Exported() && flow.RecvType(fn) != nil
}

// exportParamTLS records which options parameters of fn it leaves without
// TLS (ParamTLS), for callers in other packages.
func (c tlsRule) exportParamTLS(fn *types.Func, decl *ast.FuncDecl) {
	var fact ParamTLS
	i := 0
	for _, field := range decl.Type.Params.List {
		names := field.Names
		if len(names) == 0 {
			names = []*ast.Ident{nil}
		}
		for _, name := range names {
			t := c.info.TypeOf(field.Type)
			if _, isPtr := types.Unalias(t).(*types.Pointer); isPtr && name != nil {
				if ot := clients.OptionsTypeOf(t); ot != nil && !ot.TLSOnly {
					if v, ok := c.info.Defs[name].(*types.Var); ok {
						fl := c.newFlow(ot)
						fl.variable(v, 0)
						if !fl.tls && !fl.unknown {
							fact.Leaves = append(fact.Leaves, i)
							if fl.consumed {
								fact.Consumes = append(fact.Consumes, i)
							}
						}
					}
				}
			}
			i++
		}
	}
	if len(fact.Leaves) > 0 {
		c.pass.ExportObjectFact(fn, &fact)
	}
}

// fitPlace builds a message naming the place where (see place), with only
// the file's directory and name when the whole path would make it longer
// than maxMessage (a helper far from the working directory; go vet runs
// in the package's directory, the standalone binary where it is started).
func fitPlace(where string, build func(at string) string) string {
	at := place(where)
	if msg := build(at); len(msg) <= maxMessage {
		return msg
	}
	dir, file := filepath.Split(at)
	return build(filepath.ToSlash(filepath.Join(filepath.Base(dir), file)))
}
