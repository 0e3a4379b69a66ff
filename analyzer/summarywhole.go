package analyzer

// Options handed over whole (issue 21, class 5): a library that gives the
// options value it receives to the client library unchanged, as the
// client library's interface (asynqmon.New(asynqmon.Options{RedisConnOpt:
// opt}) calls asynq.NewInspector(opts.RedisConnOpt)), in a field of its
// own configuration (redis.NewClient(cfg.Redis)) or as a parameter. The
// summary records that input (SummaryClient.Whole); at a call, the
// caller's options literal is judged as if it were given to the client
// constructor, and reported where it is written.

import (
	"github.com/redistlslint/redistlslint/internal/clients"
	"github.com/redistlslint/redistlslint/internal/flow"
	"go/ast"
	"go/types"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// wholeClients returns the clients decl builds from an options value that
// one of its inputs holds and that reaches a client library unchanged:
// an argument of the library's function, or the receiver of its method
// (opts.RedisConnOpt.MakeRedisClient()).
func (s *summarizer) wholeClients(fn *types.Func, decl *ast.FuncDecl) []SummaryClient {
	c := s.c
	if decl.Body == nil {
		return nil
	}
	var out []SummaryClient
	seen := map[string]bool{}
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		callee := c.ix.Callee(call)
		sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if m := c.info.Selections[sel]; callee == nil && isSel && m != nil && m.Kind() == types.MethodVal {
			callee, _ = m.Obj().(*types.Func) // a method of the library's interface
		}
		if callee == nil || callee.Pkg() == nil || !clients.IsClientPackage(callee.Pkg().Path()) {
			return true
		}
		vals := slices.Clip(call.Args)
		if isSel && flow.RecvType(callee) != nil {
			vals = append(vals, sel.X) // opts.RedisConnOpt.MakeRedisClient()
		}
		for _, v := range vals {
			t := c.info.TypeOf(v)
			if !wholeOptionsType(t) {
				continue
			}
			in, ok := s.inputOf(v, decl, 0)
			if !ok || seen[in.String()] || !s.handedUnchanged(in, decl, nil) {
				continue
			}
			seen[in.String()] = true
			built := types.TypeString(flow.Deref(t), func(p *types.Package) string { return p.Name() })
			out = append(out, SummaryClient{Built: built, Where: c.where(call.Pos()), Lib: callee.Pkg().Path(), Whole: &in, Needs: s.needsAt(call, decl)})
		}
		return true
	})
	return out
}

// wholeOptionsType reports whether a value of type t is a client's options
// as a whole: an options type (or a pointer to one), or an interface of a
// client library that options types implement (asynq.RedisConnOpt).
func wholeOptionsType(t types.Type) bool {
	if ot := clients.OptionsTypeOf(t); ot != nil {
		return !ot.TLSOnly
	}
	n := flow.NamedOf(t)
	return n != nil && types.IsInterface(n) && n.Obj().Pkg() != nil && clients.IsClientPackage(n.Obj().Pkg().Path())
}

// handedUnchanged reports whether the options value that input in of decl
// holds reaches a client library (or handover, where it is passed to a
// summarized function) with nothing in the package setting its TLS
// config, dialer, address or network, nor replacing it before: what the
// caller gives is what connects.
func (s *summarizer) handedUnchanged(in SummaryInput, decl *ast.FuncDecl, handover ast.Expr) bool {
	c := s.c
	fn, _ := c.info.Defs[decl.Name].(*types.Func)
	if fn == nil || in.Field != "" || in.Param == ParamFixed {
		return false
	}
	sig := fn.Type().(*types.Signature)
	var v *types.Var
	switch {
	case in.Param == ParamRecv:
		v = sig.Recv()
	case in.Param < sig.Params().Len():
		v = sig.Params().At(in.Param)
	}
	if v == nil || len(in.Path) > 0 && in.Path[0] == variadicElem {
		return false
	}
	// Replaced in the body: only a default given under a condition
	// (if cfg.Redis == nil { cfg.Redis = ... }) leaves the caller's value.
	for _, fs := range c.ix.FieldSets {
		if fs.Root != v || !pathsOverlap(fs.Steps, in.Path) {
			continue
		}
		if len(fs.Steps) != len(in.Path) || c.ix.Unconditional(fs.Stmt, v) {
			return false
		}
	}
	var st types.Type = v.Type()
	var field *types.Var
	for _, name := range in.Path {
		obj, _, _ := types.LookupFieldOrMethod(st, true, c.pass.Pkg, name)
		f, ok := obj.(*types.Var)
		if !ok || !f.IsField() {
			return false
		}
		field, st = f, f.Type()
	}
	ot := clients.OptionsTypeOf(st)
	if ot == nil {
		if !wholeOptionsType(st) {
			return false
		}
		// An interface: its fields are set only after a type assertion,
		// which the flow does not follow.
		ot = &clients.OptionsType{Name: flow.NamedOf(st).Obj().Name()}
	}
	fl := c.newFlow(ot)
	fl.handover = handover
	if field != nil {
		fl.field(field, 0)
	} else {
		fl.variable(v, 0)
	}
	return fl.consumed && !fl.tls && !fl.unknown && len(fl.addrs) == 0 && len(fl.networks) == 0
}

// pathsOverlap reports whether an assignment to steps writes the value
// at path, or a value it is part of, or a part of it.
func pathsOverlap(steps []*ast.SelectorExpr, path []string) bool {
	for i := 0; i < min(len(steps), len(path)); i++ {
		if steps[i].Sel.Name != path[i] {
			return false
		}
	}
	return true
}

// judgeWhole judges at call a client fn builds from an options value it is
// handed whole: the caller's options literal, as if it were given to the
// client constructor. It returns the client for the caller's summary when
// the caller hands over an input of its own.
func (s callRule) judgeWhole(call *ast.CallExpr, fn *types.Func, cl SummaryClient, decl *ast.FuncDecl) (SummaryClient, bool) {
	out := cl
	out.Via = append([]string{flow.FuncName(fn)}, cl.Via...)
	needs, off := s.callNeeds(call, fn, cl.Needs, decl)
	if off {
		return out, false
	}
	out.Needs = needs
	e := s.wholeValue(call, fn, *cl.Whole)
	if e == nil {
		return out, false
	}
	if in, ok := s.inputOf(e, decl, 0); ok {
		if !s.handedUnchanged(in, decl, e) {
			return out, false
		}
		out.Whole = &in
		return out, decl != nil
	}
	if len(needs) == 0 && (call != nil || s.litAt != nil) {
		s.judgeHanded(fn, cl, e)
	}
	return out, false
}

// wholeValue returns the expression a call (or, for the receiver, the
// value being judged: s.recv) gives for input in, nil when it is not
// written there.
func (s callRule) wholeValue(call *ast.CallExpr, fn *types.Func, in SummaryInput) ast.Expr {
	var e ast.Expr
	path := in.Path
	switch {
	case in.Param == ParamRecv && s.recv != nil:
		e = s.recv
	case call == nil:
		return nil
	case in.Param == ParamRecv:
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		e = sel.X
	case in.Param >= 0:
		sig := fn.Type().(*types.Signature)
		variadic := sig.Variadic() && in.Param == sig.Params().Len()-1
		switch {
		case !variadic && in.Param < len(call.Args):
			e = call.Args[in.Param]
		case variadic && len(path) > 0 && path[0] == variadicElem && !call.Ellipsis.IsValid() && len(call.Args) == in.Param+1:
			e, path = call.Args[in.Param], path[1:]
		default:
			return nil
		}
	default:
		return nil
	}
	for _, name := range path {
		next, absent, ok := s.fieldOf(e, name)
		if absent || !ok {
			return nil
		}
		e = next
	}
	return e
}

// judgeHanded judges the options value e a caller hands to fn, which gives
// it to the client library unchanged: its one literal, followed as for a
// direct construction, with the hand-over as the client's constructor.
func (s callRule) judgeHanded(fn *types.Func, cl SummaryClient, e ast.Expr) {
	c := s.c
	src, ok := c.ix.OnlySource(e)
	if !ok {
		return
	}
	lit, ok := ast.Unparen(src).(*ast.CompositeLit)
	if !ok {
		return
	}
	ot := clients.OptionsTypeOf(c.info.TypeOf(lit))
	if ot == nil || ot.TLSOnly {
		return
	}
	follow := func(handover ast.Expr) *optionsFlow {
		fl := c.newFlow(ot)
		fl.pkg = flow.PkgPathOf(c.info.TypeOf(lit))
		fl.handover = handover
		fl.literal(lit)
		fl.from(lit, 0)
		return fl
	}
	if !follow(nil).unknown {
		return // judged where it is written (checkOptions)
	}
	fl := follow(e)
	if !fl.missingTLS() {
		return
	}
	name := flow.FuncName(fn)
	if q := c.qualifierFor(lit.Pos(), []string{fn.Pkg().Path()}); q != "" && fn.Pkg() != c.pass.Pkg {
		name = q + strings.TrimPrefix(name, fn.Pkg().Name())
	}
	fl.handedName = name
	fl.handedAt = path.Base(filepath.ToSlash(cl.Where))
	c.reportMissingTLS(fl, lit.Pos(), lit.Lbrace+1, func() []analysis.TextEdit { return c.addTLSField(lit, ot.TLS) })
}
