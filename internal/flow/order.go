package flow

// Order within a function. The engine is flow-insensitive: a variable has
// every value bound to it. For a local variable read in the function that
// declares it, two facts of the syntax are safe to use without a control
// flow graph, and they remove the common false alarm of one variable
// reused for two purposes (a skip-verify config for an HTTP probe, then a
// verified one for Redis):
//
//   - a value bound after the use reaches it only through a loop around
//     both;
//   - an assignment standing directly in a block around the use, before
//     it, hides every value bound before that assignment (every path into
//     the use's statement runs it), and inside the innermost loop around
//     both also the values bound after the use.
//
// Where order cannot be known every value counts: the variable's address
// is taken, a closure reads or assigns it, or the function has a goto.

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// Reaching returns the values bound to v that can reach use, an
// identifier reading v (nil: all of them).
func (ix *Index) Reaching(v *types.Var, use ast.Expr) []ValueRef {
	refs := ix.Assigns[v]
	id, ok := use.(*ast.Ident)
	if len(refs) < 2 || !ok || ix.Info.Uses[id] != v || !ix.IsLocal(v) || ix.AddressTaken(v, nil) {
		return refs
	}
	useCur, ok := ix.Cursor(id)
	if !ok {
		return refs
	}
	fn := enclosingFunc(useCur)
	if fn.Node() == nil || !contains(fn.Node(), v.Pos()) || hasGoto(fn.Node()) {
		return refs // declared outside: the use is in a closure
	}
	bindings := make([]binding, len(refs))
	for i, ref := range refs {
		b, ok := ix.bindingOf(ref.Expr, fn)
		if !ok {
			return refs // bound in a closure, or a form not known here
		}
		bindings[i] = b
	}
	var out []ValueRef
	for i, ref := range refs {
		if reaches(bindings[i], bindings, useCur) {
			out = append(out, ref)
		}
	}
	return out
}

// binding is where a value is bound: the statement, and the position
// from which the variable holds it (after an assignment, at the start of
// a range loop's body).
type binding struct {
	stmt ast.Node
	at   token.Pos
	// hides: the statement stands directly in a statement list (parent)
	// and always binds, so it hides earlier values from later uses
	// inside that list.
	hides  bool
	parent ast.Node
}

// bindingOf returns the binding of a value bound by an assignment, a var
// declaration or a range loop of function fn.
func (ix *Index) bindingOf(value ast.Expr, fn inspector.Cursor) (binding, bool) {
	cur, ok := ix.Cursor(value)
	if !ok {
		return binding{}, false
	}
	for p := cur.Parent(); p.Node() != nil; p = p.Parent() {
		switch st := p.Node().(type) {
		case *ast.AssignStmt:
			b := binding{stmt: st, at: st.End(), parent: p.Parent().Node()}
			b.hides = isStmtList(b.parent)
			return b, enclosingFunc(p) == fn
		case *ast.ValueSpec:
			decl := p.Parent().Parent() // GenDecl, then DeclStmt
			b := binding{stmt: decl.Node(), at: st.End(), parent: decl.Parent().Node()}
			b.hides = isStmtList(b.parent)
			return b, enclosingFunc(p) == fn
		case *ast.RangeStmt:
			return binding{stmt: st, at: st.Body.Pos()}, enclosingFunc(p) == fn
		case ast.Stmt, *ast.FuncLit:
			return binding{}, false
		}
	}
	return binding{}, false
}

// reaches reports whether the value bound by b can reach the use.
func reaches(b binding, all []binding, use inspector.Cursor) bool {
	pos := use.Node().Pos()
	// from is where the paths from b to the use start: b itself, or, for
	// a value bound after the use, the innermost loop around both.
	from := b.stmt.Pos()
	if b.at > pos {
		loop := loopAround(use, b.stmt)
		if loop == nil {
			return false
		}
		from = loop.Pos()
	}
	for _, k := range all {
		if k.stmt != b.stmt && k.hides && k.at <= pos && contains(k.parent, pos) && k.stmt.Pos() > from {
			return false
		}
	}
	return true
}

// loopAround returns the innermost for or range loop, inside the use's
// function, around both the use and n.
func loopAround(use inspector.Cursor, n ast.Node) ast.Node {
	for p := use.Parent(); p.Node() != nil; p = p.Parent() {
		switch l := p.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return nil
		case *ast.ForStmt, *ast.RangeStmt:
			if l.Pos() <= n.Pos() && n.End() <= l.End() {
				return l
			}
		}
	}
	return nil
}

func enclosingFunc(cur inspector.Cursor) inspector.Cursor {
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return fc
	}
	return inspector.Cursor{}
}

func isStmtList(n ast.Node) bool {
	switch n.(type) {
	case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
		return true
	}
	return false
}

func contains(n ast.Node, pos token.Pos) bool {
	return n != nil && n.Pos() <= pos && pos < n.End()
}

func hasGoto(fn ast.Node) bool {
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		if br, ok := n.(*ast.BranchStmt); ok && br.Tok == token.GOTO {
			found = true
		}
		return !found
	})
	return found
}
