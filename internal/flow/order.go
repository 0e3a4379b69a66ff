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

	"golang.org/x/tools/go/ast/astutil"
)

// Reaching returns the values bound to v that can reach use, an
// identifier reading v (nil: all of them). It walks down to the nodes it
// needs (astutil.PathEnclosingInterval) rather than building the
// package's inspector: it is asked in packages that otherwise never need
// parents.
func (ix *Index) Reaching(v *types.Var, use ast.Expr) []ValueRef {
	refs := ix.Assigns[v]
	id, ok := use.(*ast.Ident)
	if len(refs) < 2 || !ok || ix.Info.Uses[id] != v || !ix.IsLocal(v) || ix.AddressTaken(v, nil) {
		return refs
	}
	usePath := ix.pathOf(id)
	fn := enclosingFunc(usePath)
	if fn == nil || !contains(fn, v.Pos()) || ix.hasGoto(fn) {
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
		if reaches(bindings[i], bindings, usePath) {
			out = append(out, ref)
		}
	}
	return out
}

// pathOf returns the nodes enclosing n in its file, innermost first.
func (ix *Index) pathOf(n ast.Node) []ast.Node {
	for _, f := range ix.astFiles {
		if f.FileStart <= n.Pos() && n.End() <= f.FileEnd {
			path, _ := astutil.PathEnclosingInterval(f, n.Pos(), n.End())
			return path
		}
	}
	return nil
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
func (ix *Index) bindingOf(value ast.Expr, fn ast.Node) (binding, bool) {
	path := ix.pathOf(value)
	for i, n := range path {
		if i == 0 {
			continue // the value itself (or a node of the same extent)
		}
		parent := func(k int) ast.Node {
			if i+k < len(path) {
				return path[i+k]
			}
			return nil
		}
		switch st := n.(type) {
		case *ast.AssignStmt:
			b := binding{stmt: st, at: st.End(), parent: parent(1)}
			b.hides = isStmtList(b.parent)
			return b, enclosingFunc(path[i:]) == fn
		case *ast.ValueSpec:
			decl := parent(2) // GenDecl, then DeclStmt
			b := binding{stmt: decl, at: st.End(), parent: parent(3)}
			b.hides = decl != nil && isStmtList(b.parent)
			return b, decl != nil && enclosingFunc(path[i:]) == fn
		case *ast.RangeStmt:
			return binding{stmt: st, at: st.Body.Pos()}, enclosingFunc(path[i:]) == fn
		case ast.Stmt, *ast.FuncLit:
			return binding{}, false
		}
	}
	return binding{}, false
}

// reaches reports whether the value bound by b can reach the use.
func reaches(b binding, all []binding, usePath []ast.Node) bool {
	pos := usePath[0].Pos()
	// from is where the paths from b to the use start: b itself, or, for
	// a value bound after the use, the innermost loop around both.
	from := b.stmt.Pos()
	if b.at > pos {
		loop := loopAround(usePath, b.stmt)
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
func loopAround(usePath []ast.Node, n ast.Node) ast.Node {
	for _, p := range usePath[1:] {
		switch l := p.(type) {
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

// enclosingFunc returns the innermost function declaration or literal
// on a path.
func enclosingFunc(path []ast.Node) ast.Node {
	for _, n := range path {
		switch n.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return n
		}
	}
	return nil
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

// hasGoto reports whether a function has a goto (then order is not
// followed in it), once per function.
func (ix *Index) hasGoto(fn ast.Node) bool {
	if found, ok := ix.gotos[fn]; ok {
		return found
	}
	if ix.gotos == nil {
		ix.gotos = map[ast.Node]bool{}
	}
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		if br, ok := n.(*ast.BranchStmt); ok && br.Tok == token.GOTO {
			found = true
		}
		return !found
	})
	ix.gotos[fn] = found
	return found
}
