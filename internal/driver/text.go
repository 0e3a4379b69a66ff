package driver

import (
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/redistlslint/redistlslint/internal/findings"
)

// This file prints findings and errors as go vet does: one line per
// finding, "file:line:col: message (category)", with file names relative
// to the working directory; load and type errors once each.

// textPrinter prints the text output.
type textPrinter struct {
	w       io.Writer
	cwd     string
	context int // lines of context (-c), or -1
	// files maps "import/path/file.go" to a file's path, for messages
	// that name a position in another package by import path.
	files map[string]string
	seen  map[string]bool
}

func newTextPrinter(w io.Writer, context int) *textPrinter {
	cwd, _ := os.Getwd()
	return &textPrinter{w: w, cwd: cwd, context: context, seen: make(map[string]bool)}
}

// indexFiles records the files of pkgs and of all they import, so that
// positions given in messages as import-path/file.go:line can be printed
// as file paths.
func (tp *textPrinter) indexFiles(pkgs []*packages.Package) {
	tp.files = make(map[string]string)
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, list := range [][]string{p.GoFiles, p.CompiledGoFiles} {
			for _, f := range list {
				key := p.PkgPath + "/" + filepath.Base(f)
				if _, ok := tp.files[key]; !ok {
					tp.files[key] = f
				}
			}
		}
	})
}

// rel returns filename relative to the working directory if it lies
// below it, else unchanged.
func (tp *textPrinter) rel(filename string) string {
	if tp.cwd == "" || !filepath.IsAbs(filename) {
		return filename
	}
	if r, err := filepath.Rel(tp.cwd, filename); err == nil && filepath.IsLocal(r) {
		return r
	}
	return filename
}

// position renders a position as file:line:col with a relative file.
func (tp *textPrinter) position(p token.Position) string {
	if !p.IsValid() {
		return "-"
	}
	p.Filename = tp.rel(p.Filename)
	return p.String()
}

// goFileRef matches a reference to a Go file with a line in a message:
// an absolute path or an import path followed by /file.go:line.
var goFileRef = regexp.MustCompile(`[^\s(),;:'"]+\.go:\d+`)

// message rewrites the file references in a message: absolute paths
// below the working directory and import-path references to files the
// load saw become paths relative to the working directory.
func (tp *textPrinter) message(msg string) string {
	return goFileRef.ReplaceAllStringFunc(msg, func(ref string) string {
		i := strings.LastIndex(ref, ":")
		file, line := ref[:i], ref[i:]
		if f, ok := tp.files[file]; ok {
			return tp.rel(f) + line
		}
		return tp.rel(file) + line
	})
}

// diagnostic prints one finding, once (a file in both p and p.test is
// analysed twice).
func (tp *textPrinter) diagnostic(fset *token.FileSet, d analysis.Diagnostic) {
	posn := fset.Position(d.Pos)
	end := fset.Position(d.End)
	key := fmt.Sprintf("%s\x00%s\x00%s\x00%s", posn, end, d.Category, d.Message)
	if tp.seen[key] {
		return
	}
	tp.seen[key] = true
	msg := tp.message(d.Message)
	if d.Category != "" && !strings.HasSuffix(msg, "("+d.Category+")") {
		msg += " (" + d.Category + ")"
	}
	tp.line(posn, end, msg)
	for _, rel := range d.Related {
		tp.line(fset.Position(rel.Pos), fset.Position(rel.End), "\t"+tp.message(rel.Message))
	}
}

// accepted prints a finding the code accepted (-show-accepted).
func (tp *textPrinter) accepted(fset *token.FileSet, s findings.Suppression) {
	posn := fset.Position(s.Pos)
	key := fmt.Sprintf("accepted\x00%s\x00%s\x00%s", posn, s.Category, s.Message)
	if tp.seen[key] {
		return
	}
	tp.seen[key] = true
	kind := s.Kind
	if kind == "" {
		kind = "accepted"
	}
	fmt.Fprintf(tp.w, "%s: accepted %s: %s (%s)\n", tp.position(posn), s.Category, oneLine(s.Reason), kind)
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func (tp *textPrinter) line(posn, end token.Position, msg string) {
	fmt.Fprintf(tp.w, "%s: %s\n", tp.position(posn), msg)
	if tp.context < 0 {
		return
	}
	if !end.IsValid() {
		end = posn
	}
	data, _ := os.ReadFile(posn.Filename)
	lines := strings.Split(string(data), "\n")
	for i := posn.Line - tp.context; i <= end.Line+tp.context; i++ {
		if 1 <= i && i <= len(lines) {
			fmt.Fprintf(tp.w, "%d\t%s\n", i, lines[i-1])
		}
	}
}

// printUnits prints the roots' findings (and, with showAccepted, the
// findings the code accepted) and the errors of analyses that ran on a
// well-typed package. It returns the number of findings and of errors.
func (tp *textPrinter) printUnits(a *analysis.Analyzer, units []*unit, showAccepted bool) (diags, errs int) {
	for _, u := range units {
		act := u.actions[a]
		if act.err != nil {
			errs++
			if !u.illTyped && u.loadErr == nil && len(u.pkg.Errors) == 0 {
				// Errors of ill-typed packages were printed as load
				// errors already.
				fmt.Fprintf(tp.w, "%s: %v\n", a.Name, act.err)
			}
			continue
		}
		for _, d := range act.diagnostics {
			tp.diagnostic(u.fset, d)
			diags++
		}
		if !showAccepted {
			continue
		}
		if res, ok := act.result.(*findings.Result); ok && res != nil {
			for _, s := range res.Suppressed {
				tp.accepted(u.fset, s)
			}
		}
	}
	return diags, errs
}

// printLoadErrors prints the errors of the packages and their
// dependencies as go vet does: for a package that does not parse or
// type-check, a "# package" line and its first error; errors from go list
// (a missing module, a bad pattern) as go list prints them. A package
// whose dependency has errors gets no line of its own ("could not
// import"). Each line is printed once. It returns the number of root
// packages with errors.
func (tp *textPrinter) printLoadErrors(roots []*packages.Package) int {
	printed := make(map[string]bool)
	emit := func(s string) {
		if !printed[s] {
			printed[s] = true
			fmt.Fprintln(tp.w, s)
		}
	}
	broken := make(map[*packages.Package]bool) // it or a dependency has errors
	packages.Visit(roots, nil, func(p *packages.Package) {
		depBroken := false
		for _, imp := range p.Imports {
			depBroken = depBroken || broken[imp]
		}
		broken[p] = depBroken || len(p.Errors) > 0
		if len(p.Errors) == 0 {
			return
		}
		var list, code []packages.Error
		for _, e := range p.Errors {
			if e.Kind == packages.ListError && !strings.HasPrefix(e.Msg, "# ") {
				list = append(list, e)
			} else if e.Kind == packages.ParseError || e.Kind == packages.TypeError {
				code = append(code, e)
			}
		}
		switch {
		case len(list) > 0:
			for _, e := range list {
				emit(tp.loadError(e))
			}
		case depBroken:
			// The dependency's error says it all.
		case len(code) > 0:
			// go vet: "# path" and the first error.
			emit("# " + p.PkgPath + "\n" + tp.loadError(code[0]))
		default:
			for _, e := range p.Errors {
				emit(tp.loadError(e))
			}
		}
	})
	n := 0
	for _, r := range roots {
		if broken[r] {
			n++
		}
	}
	return n
}

// loadError renders a load error without go/packages' "-: " for errors
// that have no position.
func (tp *textPrinter) loadError(e packages.Error) string {
	msg := strings.TrimRight(e.Msg, "\n")
	if e.Pos == "" || e.Pos == "-" {
		return msg
	}
	pos := e.Pos
	if i := strings.Index(pos, ".go:"); i >= 0 {
		pos = tp.rel(pos[:i+3]) + pos[i+3:]
	}
	return pos + ": " + msg
}
