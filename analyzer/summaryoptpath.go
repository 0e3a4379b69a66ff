package analyzer

// An address that functional options set on a struct held in a field of
// a local (neoq's Redis backend: b := &RedisBackend{config:
// neoq.NewConfig()}; for _, opt := range opts { opt(b.config) }; then
// asynq.RedisClientOpt{Addr: b.config.ConnectionString}). The struct's
// initial value may be anything (another package's constructor): an
// address it holds before the options run is a default, and a call that
// gives no option setting the field is silent, as for any address left
// out. So this is followed for addresses only, not for TLS settings.

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
)

// optionPathWays reads o.p.F (sel) where o is a local of decl bound once,
// and o.p is modified only by the functional options of decl's variadic
// parameter applied to it: the ways are the options that set F.
func (s *summarizer) optionPathWays(sel *ast.SelectorExpr, decl *ast.FuncDecl) ([]SummaryWay, bool) {
	c := s.c
	held, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
	if !ok || decl == nil || decl.Body == nil {
		return nil, false
	}
	hs := c.info.Selections[held]
	root, isID := ast.Unparen(held.X).(*ast.Ident)
	if hs == nil || hs.Kind() != types.FieldVal || !isID {
		return nil, false
	}
	p := hs.Obj()
	o := c.ix.VarOf(root)
	if o == nil || !c.ix.IsLocal(o) || o.Pos() < decl.Pos() || o.Pos() >= decl.End() || len(c.ix.Assigns[o]) != 1 || c.ix.Assigns[o][0].Index >= 0 {
		return nil, false
	}
	body, found := c.ix.Cursor(decl.Body)
	if !found {
		return nil, false
	}
	variadic := -1
	for cur := range body.Preorder((*ast.Ident)(nil)) {
		if c.info.Uses[cur.Node().(*ast.Ident)] != o {
			continue
		}
		ps, isSel := cur.Parent().Node().(*ast.SelectorExpr)
		if !isSel {
			switch cur.Parent().Node().(type) {
			case *ast.ReturnStmt, *ast.ValueSpec, *ast.KeyValueExpr:
				continue // o handed on as a whole
			case *ast.AssignStmt:
				if cur.ParentEdgeKind() == edge.AssignStmt_Rhs {
					continue
				}
			}
			return nil, false
		}
		if m := c.info.Selections[ps]; m == nil || m.Kind() != types.FieldVal {
			return nil, false // a method may change o.p
		} else if m.Obj() != p {
			continue // another field of o
		}
		at := cur.Parent() // o.p
		switch up := at.Parent().Node().(type) {
		case *ast.SelectorExpr: // o.p.G
			if m := c.info.Selections[up]; m == nil || m.Kind() != types.FieldVal {
				return nil, false
			}
			if at.Parent().ParentEdgeKind() == edge.AssignStmt_Lhs && up.Sel.Name == sel.Sel.Name {
				return nil, false // set here, not by the options
			}
		case *ast.CallExpr:
			i := s.appliedOption(up, decl)
			if at.ParentEdgeKind() != edge.CallExpr_Args || i < 0 || variadic >= 0 && variadic != i {
				return nil, false
			}
			variadic = i
		case *ast.BinaryExpr:
		default:
			return nil, false // o.p replaced, its address taken, or passed on
		}
	}
	if variadic < 0 {
		return nil, false
	}
	return s.fieldOptions(decl, variadic, sel.Sel.Name), true
}
