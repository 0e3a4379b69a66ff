package analyzer

import (
	"bytes"
	"github.com/redistlslint/redistlslint/internal/findings"
	"go/ast"
	"go/parser"
	"go/token"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// fileInfo is what the checks need to know about one file.
type fileInfo struct {
	file      *ast.File
	tf        *token.File
	generated bool
	cgo       bool // rewritten by cgo: findings, but no fixes
	test      bool
	src       []byte // read on demand
	srcErr    bool
}

func (c *checker) fileAt(pos token.Pos) *fileInfo {
	return c.files[c.pass.Fset.File(pos)]
}

// source returns the file's text, or nil if it cannot be read.
func (c *checker) source(fi *fileInfo) []byte {
	if fi == nil {
		return nil
	}
	if fi.src == nil && !fi.srcErr {
		src, err := c.pass.ReadFile(fi.tf.Name())
		if err != nil || len(src) != fi.tf.Size() {
			fi.srcErr = true
			return nil
		}
		fi.src = src
	}
	return fi.src
}

const directivePrefix = "redistlslint:"

// parseIgnoreDirective parses the text of a // comment (without the
// slashes). ok reports whether it is a redistlslint:ignore directive;
// reason is what follows it, "" when missing.
func parseIgnoreDirective(text string) (reason string, ok bool) {
	rest, found := strings.CutPrefix(text, directivePrefix+"ignore")
	if !found || rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return "", false
	}
	// A trailing "// ..." is a comment on the directive, not its reason.
	rest, _, _ = strings.Cut(rest, "//")
	return strings.TrimSpace(rest), true
}

// justification returns the reason a comment gives, or false if the
// comment is a tool directive rather than prose written by a person.
func justification(c *ast.Comment) (string, bool) {
	text := c.Text
	switch {
	case strings.HasPrefix(text, "//"):
		text = text[2:]
	case strings.HasPrefix(text, "/*"):
		text = strings.TrimSuffix(text[2:], "*/")
	}
	if strings.HasPrefix(text, "go:") || strings.HasPrefix(text, "lint:") ||
		strings.HasPrefix(text, directivePrefix) || strings.HasPrefix(text, "line ") {
		return "", false
	}
	text = strings.TrimSpace(text)
	// A test expectation (analysistest) is not a justification.
	if strings.HasPrefix(text, "want ") || strings.HasPrefix(text, "want\t") {
		return "", false
	}
	// "//nolint:gosec // reason" and "// #nosec G402 -- reason" justify
	// only through their reason.
	if strings.HasPrefix(text, "nolint") || strings.HasPrefix(text, "#nosec") {
		_, after, found := strings.Cut(text, "//")
		if !found {
			_, after, found = strings.Cut(text, "--")
		}
		if !found {
			return "", false
		}
		return justification(&ast.Comment{Text: "//" + after})
	}
	if commentedOutCode(text) {
		return "", false // "// InsecureSkipVerify: false," is old code, not a reason
	}
	return text, text != ""
}

// commentedOutCode reports whether a comment's text is Go code put out of
// action: a struct field (InsecureSkipVerify: false,), an assignment to a
// field (cfg.InsecureSkipVerify = false) or a call (redis.DialUseTLS(true)).
func commentedOutCode(text string) bool {
	text = strings.TrimRight(strings.TrimSpace(text), ",;")
	if text == "" {
		return false
	}
	if e, err := parser.ParseExpr("T{" + text + "}"); err == nil {
		elts := e.(*ast.CompositeLit).Elts
		fields := len(elts) > 0
		for _, elt := range elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			fields = fields && ok && ast.IsExported(identName(kv.Key)) && codeValue(kv.Value)
		}
		if fields {
			return true
		}
	}
	if e, err := parser.ParseExpr(text); err == nil {
		_, isCall := e.(*ast.CallExpr)
		return isCall && !strings.Contains(text, " ")
	}
	f, err := parser.ParseFile(token.NewFileSet(), "", "package p; func _() {\n"+text+"\n}", 0)
	if err != nil {
		return false
	}
	body := f.Decls[0].(*ast.FuncDecl).Body.List
	for _, st := range body {
		as, ok := st.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 || !codeValue(as.Rhs[0]) {
			return false
		}
		if _, ok := as.Lhs[0].(*ast.SelectorExpr); !ok {
			return false
		}
	}
	return len(body) > 0
}

func identName(e ast.Expr) string {
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// codeValue reports whether e looks like a value written in code rather
// than words: a literal, a name, a selector, a call or an address.
func codeValue(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.BasicLit, *ast.Ident, *ast.SelectorExpr, *ast.CallExpr, *ast.CompositeLit:
		return true
	case *ast.UnaryExpr:
		return e.Op == token.AND || e.Op == token.NOT
	}
	return false
}

// commentsNear returns the comments on line, and the standalone comment
// group ending on the line above (a trailing comment of the previous line
// belongs to that line's code, not to this one).
func (c *checker) commentsNear(fi *fileInfo, line int) (same []*ast.Comment, above []*ast.Comment) {
	src := c.source(fi)
	for _, cg := range fi.file.Comments {
		startLine := fi.tf.Line(cg.Pos())
		endLine := fi.tf.Line(cg.End())
		switch {
		case startLine <= line && line <= endLine:
			for _, cm := range cg.List {
				if fi.tf.Line(cm.Pos()) <= line && line <= fi.tf.Line(cm.End()) {
					same = append(same, cm)
				}
			}
		case endLine == line-1 && c.startsLine(fi, src, cg.Pos()):
			above = cg.List
		}
	}
	return same, above
}

// startsLine reports whether only white space precedes pos on its line.
func (c *checker) startsLine(fi *fileInfo, src []byte, pos token.Pos) bool {
	if src == nil {
		return false
	}
	off := fi.tf.Offset(pos)
	start := fi.tf.Offset(fi.tf.LineStart(fi.tf.Line(pos)))
	return len(bytes.TrimSpace(src[start:off])) == 0
}

// checkDirectives reports redistlslint directives that are malformed.
func (c *checker) checkDirectives() {
	for _, fi := range c.files {
		if fi.generated {
			continue
		}
		for _, cg := range fi.file.Comments {
			for _, cm := range cg.List {
				text, ok := strings.CutPrefix(cm.Text, "//"+directivePrefix)
				if !ok {
					continue
				}
				reason, isIgnore := parseIgnoreDirective(directivePrefix + text)
				switch {
				case !isIgnore:
					c.pending = append(c.pending, analysis.Diagnostic{Pos: cm.Pos(), End: cm.End(), Category: CategoryBadDirective,
						Message: "redistlslint:ignore needs a reason: unknown directive //" + directivePrefix + text + "; the only directive is //redistlslint:ignore <reason>"})
				case reason == "":
					c.pending = append(c.pending, analysis.Diagnostic{Pos: cm.Pos(), End: cm.End(), Category: CategoryBadDirective,
						Message: "redistlslint:ignore needs a reason: write why the finding is accepted, e.g. //redistlslint:ignore local development only; without one it suppresses nothing"})
				}
			}
		}
	}
}

// finding is a diagnostic about to be reported.
type finding struct {
	pos, end    token.Pos
	category    string
	message     string
	fixes       []analysis.SuggestedFix
	justifiable bool      // a comment next to justifyAt accepts it
	justifyAt   token.Pos // where verification is turned off (default pos)
}

// report reports f unless the code accepts it: generated files, test
// files under -skip-tests, an ignore directive with a reason, or (for
// skip-verify) a comment saying why.
func (c *checker) report(f finding) {
	if !f.pos.IsValid() || c.reported[f.pos] {
		return
	}
	c.reported[f.pos] = true
	fi := c.fileAt(f.pos)
	if fi == nil || fi.generated || c.cfg.SkipTests && fi.test {
		return
	}
	if reason, ok := c.ignoredAt(f.pos); ok {
		c.suppress(f, findings.Directive, reason)
		return
	}
	if f.justifiable {
		at := f.justifyAt
		if !at.IsValid() {
			at = f.pos
		}
		if reason, ok := c.justifiedAt(at); ok {
			c.suppress(f, findings.Justification, reason)
			return
		}
	}
	if fi.cgo {
		f.fixes = nil
	}
	c.pending = append(c.pending, analysis.Diagnostic{Pos: f.pos, End: f.end, Category: f.category, Message: f.message, SuggestedFixes: f.fixes})
}

// flush reports the findings in source order, whatever order the checks
// found them in.
func (c *checker) flush() {
	sort.SliceStable(c.pending, func(i, j int) bool { return c.pending[i].Pos < c.pending[j].Pos })
	for _, d := range c.pending {
		c.pass.Report(d)
	}
}

// ignoredAt returns the reason an ignore directive on pos's line, or on
// the line directly above, gives; a directive without one ignores nothing.
func (c *checker) ignoredAt(pos token.Pos) (string, bool) {
	return c.reasonNear(pos, func(cm *ast.Comment) (string, bool) {
		text, ok := strings.CutPrefix(cm.Text, "//")
		if !ok {
			return "", false
		}
		reason, ok := parseIgnoreDirective(text)
		return reason, ok && reason != ""
	})
}

// justifiedAt returns the reason a comment on pos's line, or on the line
// directly above, gives for turning verification off there.
func (c *checker) justifiedAt(pos token.Pos) (string, bool) {
	return c.reasonNear(pos, justification)
}

// reasonNear returns the first reason that reasonOf finds in a comment on
// pos's line or on the line directly above.
func (c *checker) reasonNear(pos token.Pos, reasonOf func(*ast.Comment) (string, bool)) (string, bool) {
	fi := c.fileAt(pos)
	if fi == nil {
		return "", false
	}
	same, above := c.commentsNear(fi, fi.tf.Line(pos))
	for _, cm := range append(same, above...) {
		if reason, ok := reasonOf(cm); ok {
			return reason, true
		}
	}
	return "", false
}

func (c *checker) suppress(f finding, kind findings.Acceptance, reason string) {
	c.res.Suppressed = append(c.res.Suppressed, Suppression{Pos: f.pos, Category: f.category, Message: f.message, Kind: kind, Reason: reason})
}
