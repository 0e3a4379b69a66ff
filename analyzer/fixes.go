package analyzer

import (
	"bytes"
	"github.com/redistlslint/redistlslint/internal/flow"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// The suggested fixes are small text edits that keep the user's layout;
// the drivers (go vet -fix, the checker's -fix, analysistest) gofmt the
// result, which realigns fields.

const secureTLSConfig = "&%s.Config{MinVersion: %s.VersionTLS12}"

// tlsName returns the name to use for crypto/tls at pos and, if the file
// does not import it, the edit that adds the import. ok is false when no
// safe name exists.
func (c *checker) tlsName(pos token.Pos) (name string, edits []analysis.TextEdit, ok bool) {
	fi := c.fileAt(pos)
	if fi == nil {
		return "", nil, false
	}
	for _, imp := range fi.file.Imports {
		if strings.Trim(imp.Path.Value, "`\"") != "crypto/tls" {
			continue
		}
		switch {
		case imp.Name == nil:
			name = "tls"
		case imp.Name.Name == "_" || imp.Name.Name == ".":
			continue
		default:
			name = imp.Name.Name
		}
		// The import must not be shadowed where the fix writes it.
		if obj := c.lookup(pos, name); obj != nil {
			if pn, isPkg := obj.(*types.PkgName); !isPkg || pn.Imported().Path() != "crypto/tls" {
				return "", nil, false
			}
		}
		return name, nil, true
	}
	// One name per file, so that all fixes in it add the same import.
	for _, candidate := range []string{"tls", "cryptotls", "stdtls"} {
		if !c.fileDeclares(fi.file, candidate) {
			name = candidate
			break
		}
	}
	if name == "" {
		return "", nil, false
	}
	edit, ok := c.addImport(fi, name, "crypto/tls")
	if !ok {
		return "", nil, false
	}
	return name, []analysis.TextEdit{edit}, true
}

// lookup finds name in the scope at pos.
func (c *checker) lookup(pos token.Pos, name string) types.Object {
	scope := c.pass.Pkg.Scope().Innermost(pos)
	if scope == nil {
		return nil
	}
	_, obj := scope.LookupParent(name, pos)
	return obj
}

// fileDeclares reports whether any scope in the file declares name (an
// import added at file level must not be shadowed anywhere it is used,
// and must not collide with a package-level name).
func (c *checker) fileDeclares(f *ast.File, name string) bool {
	if c.pass.Pkg.Scope().Lookup(name) != nil {
		return true
	}
	for node, scope := range c.info.Scopes {
		if node.Pos() >= f.FileStart && node.End() <= f.FileEnd && scope.Lookup(name) != nil {
			if _, isPkgName := scope.Lookup(name).(*types.PkgName); !isPkgName {
				return true
			}
		}
	}
	for _, imp := range f.Imports {
		if imp.Name != nil && imp.Name.Name == name {
			return true
		}
		if imp.Name == nil {
			path := strings.Trim(imp.Path.Value, "`\"")
			if path == name || strings.HasSuffix(path, "/"+name) {
				return true
			}
		}
	}
	return false
}

// addImport returns an edit importing path (as name when it differs from
// the last path element), placed where gofmt keeps it: in sorted order
// within the standard-library group of the import block.
func (c *checker) addImport(fi *fileInfo, name, path string) (analysis.TextEdit, bool) {
	spec := strconv.Quote(path)
	if name != "tls" {
		spec = name + " " + spec
	}
	var block *ast.GenDecl
	for _, d := range fi.file.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
			if gd.Lparen.IsValid() && block == nil {
				block = gd
			}
		}
	}
	if block == nil {
		// No parenthesized block: add a declaration after the imports
		// (or the package clause).
		at := fi.file.Name.End()
		for _, imp := range fi.file.Imports {
			if imp.End() > at {
				at = imp.End()
			}
		}
		return analysis.TextEdit{Pos: at, End: at, NewText: []byte("\n\nimport " + spec)}, true
	}
	// Find the standard-library group: specs on consecutive lines.
	var std []*ast.ImportSpec
	prevLine := -1
	inStd := false
	for _, s := range block.Specs {
		is := s.(*ast.ImportSpec)
		line := fi.tf.Line(is.Pos())
		if line != prevLine+1 {
			if inStd {
				break
			}
			std = nil
		}
		prevLine = fi.tf.Line(is.End())
		if isStd(strings.Trim(is.Path.Value, "`\"")) {
			inStd = true
		}
		std = append(std, is)
	}
	if !inStd {
		at := block.Lparen + 1
		return analysis.TextEdit{Pos: at, End: at, NewText: []byte("\n\t" + spec + "\n")}, true
	}
	for _, is := range std {
		if strings.Trim(is.Path.Value, "`\"") > path {
			before := is.Pos()
			if is.Doc != nil {
				before = is.Doc.Pos()
			}
			if !c.startsLine(fi, c.source(fi), before) {
				// import ("os" ...): gofmt puts each spec on its own line.
				return analysis.TextEdit{Pos: before, End: before, NewText: []byte(spec + "\n")}, true
			}
			at := fi.tf.LineStart(fi.tf.Line(before))
			return analysis.TextEdit{Pos: at, End: at, NewText: []byte("\t" + spec + "\n")}, true
		}
	}
	at := std[len(std)-1].End()
	return analysis.TextEdit{Pos: at, End: at, NewText: []byte("\n\t" + spec)}, true
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
	edit, ok := c.addKeyedField(lit, field+": "+value)
	if !ok {
		return nil
	}
	return append(edits, edit)
}

// addKeyedField adds "Key: value" (field) to a keyed struct literal,
// keeping its layout: on a line of its own when the fields are.
func (c *checker) addKeyedField(lit *ast.CompositeLit, field string) (analysis.TextEdit, bool) {
	fi := c.fileAt(lit.Pos())
	src := c.source(fi)
	if src == nil {
		return analysis.TextEdit{}, false
	}
	if n := len(lit.Elts); n > 0 {
		if _, keyed := lit.Elts[n-1].(*ast.KeyValueExpr); !keyed {
			return analysis.TextEdit{}, false // positional fields: adding a keyed one would not compile
		}
	}
	switch {
	case len(lit.Elts) == 0:
		return analysis.TextEdit{Pos: lit.Lbrace + 1, End: lit.Lbrace + 1, NewText: []byte(field)}, true
	case fi.tf.Line(lit.Rbrace) > fi.tf.Line(lit.Elts[len(lit.Elts)-1].End()):
		// One field per line: add a line before the closing brace.
		last := lit.Elts[len(lit.Elts)-1]
		indent := lineIndent(fi, src, last.Pos())
		at := fi.tf.LineStart(fi.tf.Line(lit.Rbrace))
		return analysis.TextEdit{Pos: at, End: at, NewText: []byte(indent + field + ",\n")}, true
	default:
		at := lit.Elts[len(lit.Elts)-1].End()
		return analysis.TextEdit{Pos: at, End: at, NewText: []byte(", " + field)}, true
	}
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
	fi := c.fileAt(stmt.Pos())
	src := c.source(fi)
	if src == nil {
		return nil
	}
	tlsName, edits, ok := c.tlsName(stmt.End())
	if !ok {
		return nil
	}
	indent := lineIndent(fi, src, stmt.Pos())
	text := "\n" + indent + name + "." + field + " = " + strings.ReplaceAll(secureTLSConfig, "%s", tlsName)
	// After the statement's line, so a trailing comment stays with it.
	off := fi.tf.Offset(stmt.End())
	eol := bytes.IndexByte(src[off:], '\n')
	if eol < 0 {
		return nil
	}
	at := stmt.End() + token.Pos(eol)
	return append(edits, analysis.TextEdit{Pos: at, End: at, NewText: []byte(text)})
}

// removeTLSSetting removes an InsecureSkipVerify setting: the field of a
// literal, or the assignment statement.
func (c *checker) removeTLSSetting(is tlsIssue) []analysis.TextEdit {
	switch n := is.node.(type) {
	case *ast.KeyValueExpr:
		if is.lit == nil {
			return nil
		}
		for i, elt := range is.lit.Elts {
			if elt == n {
				return c.removeListItem(is.lit.Elts, i)
			}
		}
	case *ast.AssignStmt:
		if len(n.Lhs) != 1 || c.onlyUseOfLocal(n) {
			return nil
		}
		switch c.ix.Parent(n).(type) {
		case *ast.BlockStmt, *ast.CaseClause:
			return c.removeLines(n)
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

// removeListItem deletes list[i] from a comma-separated list (literal
// elements or call arguments): its whole line when it stands alone on it.
func (c *checker) removeListItem(list []ast.Expr, i int) []analysis.TextEdit {
	item := list[i]
	fi := c.fileAt(item.Pos())
	src := c.source(fi)
	if src == nil {
		return nil
	}
	if edits := c.removeLines(item); edits != nil {
		return edits
	}
	switch {
	case i+1 < len(list):
		return []analysis.TextEdit{{Pos: item.Pos(), End: list[i+1].Pos()}}
	case i > 0:
		return []analysis.TextEdit{{Pos: list[i-1].End(), End: item.End()}}
	default:
		end := item.End()
		off := fi.tf.Offset(end)
		if off < len(src) && src[off] == ',' {
			end++
		}
		return []analysis.TextEdit{{Pos: item.Pos(), End: end}}
	}
}

// removeLines deletes the lines of n when nothing but n (a trailing comma
// and a comment) is on them.
func (c *checker) removeLines(n ast.Node) []analysis.TextEdit {
	fi := c.fileAt(n.Pos())
	src := c.source(fi)
	if src == nil || !c.startsLine(fi, src, n.Pos()) {
		return nil
	}
	endLine := fi.tf.Line(n.End())
	off := fi.tf.Offset(n.End())
	eol := bytes.IndexByte(src[off:], '\n')
	if eol < 0 {
		return nil
	}
	rest := strings.TrimSpace(string(src[off : off+eol]))
	rest = strings.TrimSpace(strings.TrimPrefix(rest, ","))
	if rest != "" && !strings.HasPrefix(rest, "//") {
		return nil
	}
	start := fi.tf.LineStart(fi.tf.Line(n.Pos()))
	var end token.Pos
	if endLine < fi.tf.LineCount() {
		end = fi.tf.LineStart(endLine + 1)
	} else {
		end = token.Pos(fi.tf.Base() + fi.tf.Size())
	}
	return []analysis.TextEdit{{Pos: start, End: end}}
}

// lineIndent returns the white space that starts pos's line.
func lineIndent(fi *fileInfo, src []byte, pos token.Pos) string {
	start := fi.tf.Offset(fi.tf.LineStart(fi.tf.Line(pos)))
	end := start
	for end < len(src) && (src[end] == ' ' || src[end] == '\t') {
		end++
	}
	return string(src[start:end])
}
