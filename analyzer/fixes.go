package analyzer

import (
	"github.com/redistlslint/redistlslint/internal/edit"
	"github.com/redistlslint/redistlslint/internal/flow"
	"go/ast"
	"go/token"
	"go/types"
	"golang.org/x/tools/go/ast/edge"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// The suggested fixes are small text edits that keep the user's layout;
// the drivers (go vet -fix, the checker's -fix, analysistest) gofmt the
// result, which realigns fields.

const secureTLSConfig = "&%s.Config{MinVersion: %s.VersionTLS12}"

// editFile returns the file holding pos, with its text, for edits; nil
// when it is not one of the package's files.
func (c *reporter) editFile(pos token.Pos) *edit.File {
	fi := c.fileAt(pos)
	if fi == nil {
		return nil
	}
	return &edit.File{AST: fi.file, TF: fi.tf, Src: c.source(fi)}
}

// tlsName returns the name to use for crypto/tls at pos and, if the file
// does not import it, the edit that adds the import. ok is false when no
// safe name exists.
func (c *checker) tlsName(pos token.Pos) (name string, edits []analysis.TextEdit, ok bool) {
	f := c.editFile(pos)
	if f == nil {
		return "", nil, false
	}
	return edit.ImportName(f, c.pass.Pkg, c.info, "crypto/tls", pos, "tls", "cryptotls", "stdtls")
}

// addTLSField adds field: &tls.Config{MinVersion: tls.VersionTLS12} (field
// is the row's TLS field, e.g. TLSConfig) to an options literal.
func (c *checker) addTLSField(lit *ast.CompositeLit, field string) []analysis.TextEdit {
	fi := c.fileAt(lit.Pos())
	src := c.source(fi)
	if src == nil {
		return nil
	}
	name, edits, ok := c.tlsName(lit.Lbrace)
	if !ok {
		return nil
	}
	value := strings.ReplaceAll(secureTLSConfig, "%s", name)
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok && flow.IsIdent(kv.Key, field) {
			// TLSConfig: nil, or a variable that is always nil.
			if id, ok := ast.Unparen(kv.Value).(*ast.Ident); ok && c.ix.VarOf(id) != nil {
				return c.initNilVar(c.ix.VarOf(id), kv.Value, value, edits)
			}
			return append(edits, analysis.TextEdit{Pos: kv.Value.Pos(), End: kv.Value.End(), NewText: []byte(value)})
		}
	}
	edit, ok := edit.AddKeyedField(c.editFile(lit.Pos()), lit, field+": "+value)
	if !ok {
		return nil
	}
	return append(edits, edit)
}

// initNilVar fixes TLSConfig: v where v is a local variable that is
// always nil. Where the field is v's only use, replacing it would leave v
// declared and not used, so v's declaration gets the value instead
// (var v *tls.Config → var v = &tls.Config{...}).
func (c *checker) initNilVar(v *types.Var, use ast.Expr, value string, edits []analysis.TextEdit) []analysis.TextEdit {
	for _, u := range c.ix.Uses[v] {
		if u.Pos() != use.Pos() {
			// Used elsewhere too: replacing this use keeps it used.
			return append(edits, analysis.TextEdit{Pos: use.Pos(), End: use.End(), NewText: []byte(value)})
		}
	}
	if len(c.ix.Assigns[v]) > 0 {
		return nil
	}
	for _, spec := range c.ix.VarDecls {
		if len(spec.Names) == 1 && len(spec.Values) == 0 && spec.Type != nil && c.info.Defs[spec.Names[0]] == v {
			return append(edits, analysis.TextEdit{Pos: spec.Names[0].End(), End: spec.Type.End(), NewText: []byte(" = " + value)})
		}
	}
	return nil
}

// setTLSAfter adds "v.TLSConfig = &tls.Config{...}" (field: the row's TLS
// field) after the statement that declares v (var v T, or v := new(T)).
func (c *checker) setTLSAfter(n ast.Node, field string) []analysis.TextEdit {
	var stmt ast.Stmt
	var name string
	switch n := n.(type) {
	case *ast.Ident: // var v T
		spec, ok := c.ix.Parent(n).(*ast.ValueSpec)
		if !ok || len(spec.Names) != 1 {
			return nil
		}
		ds, ok := c.ix.Parent(c.ix.Parent(spec)).(*ast.DeclStmt)
		if !ok {
			return nil
		}
		stmt, name = ds, n.Name
	case *ast.CallExpr: // v := new(T)
		as, ok := c.ix.Parent(n).(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			return nil
		}
		id, ok := as.Lhs[0].(*ast.Ident)
		if !ok {
			return nil
		}
		stmt, name = as, id.Name
	default:
		return nil
	}
	if _, inBlock := c.ix.Parent(stmt).(*ast.BlockStmt); !inBlock {
		return nil
	}
	tlsName, edits, ok := c.tlsName(stmt.End())
	if !ok {
		return nil
	}
	// After the statement's line, so a trailing comment stays with it.
	e, ok := edit.InsertLineAfter(c.editFile(stmt.Pos()), stmt, name+"."+field+" = "+strings.ReplaceAll(secureTLSConfig, "%s", tlsName))
	if !ok {
		return nil
	}
	return append(edits, e)
}

// qualifierFor returns the name under which the file at pos imports one
// of pkgs ("" if it does not; "_" or "." as written).
func (c *checker) qualifierFor(pos token.Pos, pkgs []string) string {
	if pn := c.importOf(pos, pkgs); pn != nil {
		return pn.Name()
	}
	return ""
}

func (c *checker) importOf(pos token.Pos, pkgs []string) *types.PkgName {
	fi := c.fileAt(pos)
	if fi == nil {
		return nil
	}
	for _, imp := range fi.file.Imports {
		if pn := c.info.PkgNameOf(imp); pn != nil && slices.Contains(pkgs, pn.Imported().Path()) {
			return pn
		}
	}
	return nil
}

// importedAs is qualifierFor for code a fix writes at pos: "" also when
// the import is blank, a dot import, or shadowed at pos.
func (c *checker) importedAs(pos token.Pos, pkgs []string) string {
	pn := c.importOf(pos, pkgs)
	if pn == nil || pn.Name() == "_" || pn.Name() == "." {
		return ""
	}
	if scope := c.pass.Pkg.Scope().Innermost(pos); scope != nil {
		if _, obj := scope.LookupParent(pn.Name(), pos); obj != types.Object(pn) {
			return ""
		}
	}
	return pn.Name()
}

// removeTLSSetting removes an InsecureSkipVerify setting: the field of a
// literal, or the assignment statement.
func (c *checker) removeTLSSetting(is tlsIssue) []analysis.TextEdit {
	switch n := is.node.(type) {
	case *ast.KeyValueExpr:
		if is.lit == nil {
			return nil
		}
		if p, k, i := c.ix.Edge(n); p == is.lit && k == edge.CompositeLit_Elts {
			return edit.RemoveListItem(c.editFile(n.Pos()), is.lit.Elts, i)
		}
	case *ast.AssignStmt:
		if len(n.Lhs) != 1 || c.onlyUseOfLocal(n) {
			return nil
		}
		switch c.ix.Parent(n).(type) {
		case *ast.BlockStmt, *ast.CaseClause:
			return edit.RemoveLines(c.editFile(n.Pos()), n)
		}
	}
	return nil
}

// onlyUseOfLocal reports whether as (v.F = x) is the only use of a local
// variable v: removing it would leave v declared and not used.
func (c *checker) onlyUseOfLocal(as *ast.AssignStmt) bool {
	sel, ok := ast.Unparen(as.Lhs[0]).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	root, _ := c.ix.SelectorChain(sel)
	if root == nil || root.Parent() == nil || root.Parent() == c.pass.Pkg.Scope() || c.ix.IsParam(root) {
		return false
	}
	for _, u := range c.ix.Uses[root] {
		if u.Pos() < as.Pos() || u.End() > as.End() {
			return false
		}
	}
	return true
}

// raiseMinVersion replaces a weak MinVersion value with tls.VersionTLS12.
func (c *checker) raiseMinVersion(is tlsIssue) []analysis.TextEdit {
	if is.value == nil {
		return nil
	}
	name, edits, ok := c.tlsName(is.value.Pos())
	if !ok {
		return nil
	}
	return append(edits, analysis.TextEdit{Pos: is.value.Pos(), End: is.value.End(), NewText: []byte(name + ".VersionTLS12")})
}
