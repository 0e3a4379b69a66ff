// Package edit makes the text edits of redistlslint's suggested fixes:
// small edits that keep the user's layout (the drivers gofmt the result,
// which realigns fields), and imports added where gofmt keeps them.
package edit

import (
	"bytes"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// File is one source file with its text.
type File struct {
	AST *ast.File
	TF  *token.File
	Src []byte // nil when the text could not be read: no edits then
}

// Line returns pos's line.
func (f *File) Line(pos token.Pos) int { return f.TF.Line(pos) }

// StartsLine reports whether only white space precedes pos on its line.
func (f *File) StartsLine(pos token.Pos) bool {
	if f.Src == nil {
		return false
	}
	off := f.TF.Offset(pos)
	start := f.TF.Offset(f.TF.LineStart(f.TF.Line(pos)))
	return len(bytes.TrimSpace(f.Src[start:off])) == 0
}

// LineIndent returns the white space that starts pos's line.
func (f *File) LineIndent(pos token.Pos) string {
	start := f.TF.Offset(f.TF.LineStart(f.TF.Line(pos)))
	end := start
	for end < len(f.Src) && (f.Src[end] == ' ' || f.Src[end] == '\t') {
		end++
	}
	return string(f.Src[start:end])
}

// EndOfLine returns the position of the newline that ends pos's line.
func (f *File) EndOfLine(pos token.Pos) (token.Pos, bool) {
	if f.Src == nil {
		return token.NoPos, false
	}
	off := f.TF.Offset(pos)
	eol := bytes.IndexByte(f.Src[off:], '\n')
	if eol < 0 {
		return token.NoPos, false
	}
	return pos + token.Pos(eol), true
}

// IsStd reports whether an import path is the standard library's, as
// gofmt and goimports group imports: no dot in the first element.
func IsStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// ImportName returns the name under which the file can refer to the
// package path at pos and, if the file does not import it, the edit that
// adds the import (as the first of candidates that nothing in the file
// declares). ok is false when no safe name exists.
func ImportName(f *File, pkg *types.Package, info *types.Info, path string, pos token.Pos, candidates ...string) (name string, edits []analysis.TextEdit, ok bool) {
	for _, imp := range f.AST.Imports {
		pn := info.PkgNameOf(imp)
		if pn == nil || pn.Imported().Path() != path || pn.Name() == "_" || pn.Name() == "." {
			continue
		}
		// The import must not be shadowed where the fix writes it.
		if obj := lookup(pkg, pos, pn.Name()); obj != nil && obj != types.Object(pn) {
			return "", nil, false
		}
		return pn.Name(), nil, true
	}
	// One name per file, so that all fixes in it add the same import.
	for _, c := range candidates {
		if !declares(f, pkg, info, c) {
			name = c
			break
		}
	}
	if name == "" {
		return "", nil, false
	}
	e, ok := AddImport(f, name, path)
	if !ok {
		return "", nil, false
	}
	return name, []analysis.TextEdit{e}, true
}

// lookup finds name in the scope at pos.
func lookup(pkg *types.Package, pos token.Pos, name string) types.Object {
	scope := pkg.Scope().Innermost(pos)
	if scope == nil {
		return nil
	}
	_, obj := scope.LookupParent(name, pos)
	return obj
}

// declares reports whether any scope in the file declares name (an
// import added at file level must not be shadowed anywhere it is used,
// and must not collide with a package-level name or another import).
func declares(f *File, pkg *types.Package, info *types.Info, name string) bool {
	if pkg.Scope().Lookup(name) != nil {
		return true
	}
	for node, scope := range info.Scopes {
		if node.Pos() >= f.AST.FileStart && node.End() <= f.AST.FileEnd && scope.Lookup(name) != nil {
			if _, isPkgName := scope.Lookup(name).(*types.PkgName); !isPkgName {
				return true
			}
		}
	}
	for _, imp := range f.AST.Imports {
		if pn := info.PkgNameOf(imp); pn != nil && pn.Name() == name {
			return true
		}
	}
	return false
}

// AddImport returns an edit importing path (as name when it differs from
// the last path element), placed where gofmt keeps it: in sorted order
// within the standard-library group of the import block.
func AddImport(f *File, name, path string) (analysis.TextEdit, bool) {
	spec := strconv.Quote(path)
	if last := path[strings.LastIndex(path, "/")+1:]; name != last {
		spec = name + " " + spec
	}
	var block *ast.GenDecl
	for _, d := range f.AST.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT && gd.Lparen.IsValid() {
			block = gd
			break
		}
	}
	if block == nil {
		// No parenthesized block: add a declaration after the imports
		// (or the package clause).
		at := f.AST.Name.End()
		for _, imp := range f.AST.Imports {
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
		line := f.TF.Line(is.Pos())
		if line != prevLine+1 {
			if inStd {
				break
			}
			std = nil
		}
		prevLine = f.TF.Line(is.End())
		if IsStd(strings.Trim(is.Path.Value, "`\"")) {
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
			if !f.StartsLine(before) {
				// import ("os" ...): gofmt puts each spec on its own line.
				return analysis.TextEdit{Pos: before, End: before, NewText: []byte(spec + "\n")}, true
			}
			at := f.TF.LineStart(f.TF.Line(before))
			return analysis.TextEdit{Pos: at, End: at, NewText: []byte("\t" + spec + "\n")}, true
		}
	}
	at := std[len(std)-1].End()
	return analysis.TextEdit{Pos: at, End: at, NewText: []byte("\n\t" + spec)}, true
}

// AddKeyedField adds "Key: value" (field) to a keyed struct literal,
// keeping its layout: on a line of its own when the fields are.
func AddKeyedField(f *File, lit *ast.CompositeLit, field string) (analysis.TextEdit, bool) {
	if f.Src == nil {
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
	case f.TF.Line(lit.Rbrace) > f.TF.Line(lit.Elts[len(lit.Elts)-1].End()):
		// One field per line: add a line before the closing brace.
		last := lit.Elts[len(lit.Elts)-1]
		indent := f.LineIndent(last.Pos())
		at := f.TF.LineStart(f.TF.Line(lit.Rbrace))
		return analysis.TextEdit{Pos: at, End: at, NewText: []byte(indent + field + ",\n")}, true
	default:
		at := lit.Elts[len(lit.Elts)-1].End()
		return analysis.TextEdit{Pos: at, End: at, NewText: []byte(", " + field)}, true
	}
}

// InsertLineAfter adds a line of text after the line holding n's end,
// indented as n's first line, so that a trailing comment stays with n.
func InsertLineAfter(f *File, n ast.Node, text string) (analysis.TextEdit, bool) {
	if f.Src == nil {
		return analysis.TextEdit{}, false
	}
	at, ok := f.EndOfLine(n.End())
	if !ok {
		return analysis.TextEdit{}, false
	}
	return analysis.TextEdit{Pos: at, End: at, NewText: []byte("\n" + f.LineIndent(n.Pos()) + text)}, true
}

// RemoveListItem deletes list[i] from a comma-separated list (literal
// elements or call arguments): its whole line when it stands alone on it.
func RemoveListItem(f *File, list []ast.Expr, i int) []analysis.TextEdit {
	item := list[i]
	if f.Src == nil {
		return nil
	}
	if edits := RemoveLines(f, item); edits != nil {
		return edits
	}
	switch {
	case i+1 < len(list):
		return []analysis.TextEdit{{Pos: item.Pos(), End: list[i+1].Pos()}}
	case i > 0:
		return []analysis.TextEdit{{Pos: list[i-1].End(), End: item.End()}}
	default:
		end := item.End()
		off := f.TF.Offset(end)
		if off < len(f.Src) && f.Src[off] == ',' {
			end++
		}
		return []analysis.TextEdit{{Pos: item.Pos(), End: end}}
	}
}

// RemoveLines deletes the lines of n when nothing but n (a trailing comma
// and a comment) is on them.
func RemoveLines(f *File, n ast.Node) []analysis.TextEdit {
	if f.Src == nil || !f.StartsLine(n.Pos()) {
		return nil
	}
	endLine := f.TF.Line(n.End())
	off := f.TF.Offset(n.End())
	eol := bytes.IndexByte(f.Src[off:], '\n')
	if eol < 0 {
		return nil
	}
	rest := strings.TrimSpace(string(f.Src[off : off+eol]))
	rest = strings.TrimSpace(strings.TrimPrefix(rest, ","))
	if rest != "" && !strings.HasPrefix(rest, "//") {
		return nil
	}
	start := f.TF.LineStart(f.TF.Line(n.Pos()))
	var end token.Pos
	if endLine < f.TF.LineCount() {
		end = f.TF.LineStart(endLine + 1)
	} else {
		end = token.Pos(f.TF.Base() + f.TF.Size())
	}
	return []analysis.TextEdit{{Pos: start, End: end}}
}
