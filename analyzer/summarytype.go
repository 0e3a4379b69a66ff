package analyzer

// Clients built later from an object's fields: a type T whose methods
// build a client from the receiver's fields (go-zero's *redis.Redis dials
// on first use from r.Addr, with TLS when r.tls), and the functions that
// construct a T. A constructor's summary is the type's clients with the
// receiver's fields replaced by what the constructor stores in them: its
// parameters, or the functional options applied to the value.

import (
	"github.com/redistlslint/redistlslint/internal/flow"
	"go/ast"
	"go/types"
)

// recvOnly reports whether every input of cl is a field of the receiver.
func recvOnly(cl SummaryClient) bool {
	if cl.URL != nil {
		return false
	}
	ins := append([]SummaryInput(nil), cl.Addrs...)
	if cl.Network != nil {
		ins = append(ins, *cl.Network)
	}
	if cl.Whole != nil {
		ins = append(ins, *cl.Whole)
	}
	for _, w := range cl.Ways {
		ins = append(ins, w.In)
	}
	n := 0
	for _, in := range ins {
		switch {
		case in.Param == ParamFixed:
		case in.Param == ParamRecv && len(in.Path) > 0:
			n++
		default:
			return false
		}
	}
	return n > 0
}

// usesRecv reports whether some input of cl is the receiver.
func usesRecv(cl SummaryClient) bool {
	ins := append([]SummaryInput(nil), cl.Addrs...)
	if cl.URL != nil {
		ins = append(ins, *cl.URL)
	}
	if cl.Network != nil {
		ins = append(ins, *cl.Network)
	}
	if cl.Whole != nil {
		ins = append(ins, *cl.Whole)
	}
	for _, w := range cl.Ways {
		ins = append(ins, w.In)
	}
	for _, in := range ins {
		if in.Param == ParamRecv {
			return true
		}
	}
	return false
}

// typeClients returns the clients the methods of named struct type t
// build from the receiver's fields.
func (s *summarizer) typeClients(t *types.Named) []SummaryClient {
	if s.typeSums == nil {
		s.typeSums = map[*types.Named][]SummaryClient{}
	}
	if cls, ok := s.typeSums[t]; ok {
		return cls
	}
	s.typeSums[t] = nil // recursion
	var out []SummaryClient
	seen := map[string]bool{}
	for _, d := range s.decls {
		fn, _ := s.c.info.Defs[d.Name].(*types.Func)
		if fn == nil || flow.RecvNamed(fn) != t {
			continue
		}
		sum := s.summary(fn)
		if sum == nil {
			continue
		}
		for _, cl := range sum.Clients {
			if key := cl.String(); recvOnly(cl) && !seen[key] {
				seen[key] = true
				out = append(out, cl)
			}
		}
	}
	s.typeSums[t] = out
	return out
}

// constructorClients returns the clients of the value fn (declared in
// decl) constructs and returns: a T or *T of this package whose methods
// build clients from its fields.
func (s *summarizer) constructorClients(fn *types.Func, decl *ast.FuncDecl) []SummaryClient {
	c := s.c
	sig := fn.Type().(*types.Signature)
	if sig.Results().Len() == 0 || decl.Body == nil {
		return nil
	}
	rt := sig.Results().At(0).Type()
	if p, ok := rt.Underlying().(*types.Pointer); ok {
		rt = p.Elem()
	}
	named, ok := types.Unalias(rt).(*types.Named)
	if !ok || named.Obj().Pkg() != c.pass.Pkg || flow.StructOf(named) == nil {
		return nil
	}
	cls := s.typeClients(named)
	if len(cls) == 0 {
		return nil
	}
	// The value returned: one literal, or one local variable bound to one.
	var ret ast.Expr
	ok = true
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) == 0 {
				ok = false
				return false
			}
			r := ast.Unparen(n.Results[0])
			if c.ix.IsNil(r) {
				return false
			}
			if ret == nil {
				ret = r
			} else if id, isID := r.(*ast.Ident); !isID || c.ix.VarOf(id) == nil || c.ix.VarOf(id) != c.ix.VarOf(identOf(ret)) {
				ok = false
			}
		}
		return ok
	})
	if !ok || ret == nil {
		return nil
	}
	if id, isID := ret.(*ast.Ident); isID {
		if v := c.ix.VarOf(id); v == nil || len(c.ix.Assigns[v]) != 1 || c.ix.Assigns[v][0].Index >= 0 {
			return nil
		}
	}
	s.recv = ret
	defer func() { s.recv = nil }()
	var out []SummaryClient
	for _, cl := range cls {
		if composed, ok := s.calls().judgeClient(nil, fn, cl, decl); ok {
			composed.Via = composed.Via[1:] // the constructor itself
			out = append(out, composed)
		}
	}
	return out
}

// recvOptionWays returns the functional options that set field f of the
// value being constructed (s.recv), when it is a local variable only
// those options modify.
func (s *summarizer) recvOptionWays(f string, decl *ast.FuncDecl) ([]SummaryWay, bool) {
	id, ok := s.recv.(*ast.Ident)
	if !ok {
		return nil, false
	}
	return s.optionFieldWays(&ast.SelectorExpr{X: id, Sel: ast.NewIdent(f)}, decl)
}
