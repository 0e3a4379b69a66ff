package driver

import (
	"bytes"
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"io"
	"log"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// fixWithVet applies (or, with -diff, prints) the suggested fixes by
// running go vet -fix with this program as the vet tool. Go 1.26's go vet
// applies the fixes of all packages at once, skips conflicting edits and
// formats the edited files; doing it through go vet keeps one
// implementation of that logic. Test files are always included, as go vet
// does.
//
// go vet -fix says nothing about what it did, so the findings and their
// fixes are computed here first; after go vet, a fix counts as applied
// if its file changed. One line per applied fix and a summary go to
// standard error, with the findings left and why (no safe automatic fix;
// a cgo file, which gets no fixes).
func fixWithVet(a *analysis.Analyzer, scope Scope, opts *options, patterns []string) int {
	self, err := selfPath()
	if err != nil {
		log.Print(err)
		return 1
	}
	findings := fixFindings(a, scope, opts, patterns)
	before := make(map[string][]byte)
	for _, f := range findings {
		if _, ok := before[f.file]; !ok && f.fix != "" {
			before[f.file], _ = os.ReadFile(f.file)
		}
	}

	args := []string{"vet", "-vettool=" + self, "-fix"}
	if opts.diff {
		args = append(args, "-diff")
	}
	if opts.tags != "" {
		args = append(args, "-tags="+opts.tags)
	}
	args = append(args, opts.analyzerFlags...)
	args = append(args, patterns...)
	cmd := exec.Command("go", args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	code := 0
	if err := cmd.Run(); err != nil {
		var exitErr *exec.ExitError
		if !errors.As(err, &exitErr) {
			log.Print(err)
			return 1
		}
		code = exitErr.ExitCode()
	}

	changed := func(file string) bool {
		if opts.diff {
			return true // shown, not applied
		}
		after, err := os.ReadFile(file)
		return err == nil && !bytes.Equal(before[file], after)
	}
	summarizeFixes(os.Stderr, findings, changed, opts.diff)
	return code
}

// A fixFinding is a finding as -fix sees it.
type fixFinding struct {
	file     string
	posn     string // file:line:col, relative to the working directory
	category string
	fix      string // the suggested fix's message; "" if none
	cgo      bool   // the file uses cgo
}

// fixFindings analyses the packages as go vet -fix will (test files
// included) and returns their findings. Errors are left to go vet to
// report.
func fixFindings(a *analysis.Analyzer, scope Scope, opts *options, patterns []string) []fixFinding {
	roots, err := load(patterns, true, opts.tags)
	if err != nil {
		return nil
	}
	r := newAnalysisRun(a)
	var deps []*packages.Package
	if len(r.factOrder) > 0 {
		deps = scope.factDeps(roots)
	}
	units := buildUnits(roots, deps, len(r.factOrder) > 0)
	r.execAll(units)

	tp := newTextPrinter(io.Discard, -1)
	seen := make(map[string]bool)
	cgo := make(map[string]bool)
	var out []fixFinding
	for _, u := range units {
		act := u.actions[a]
		if act == nil || act.err != nil {
			continue
		}
		for _, d := range act.diagnostics {
			posn := u.fset.Position(d.Pos)
			key := fmt.Sprintf("%s\x00%s\x00%s", posn, d.Category, d.Message)
			if seen[key] {
				continue
			}
			seen[key] = true
			f := fixFinding{file: posn.Filename, posn: tp.position(posn), category: d.Category}
			for _, sf := range d.SuggestedFixes {
				if len(sf.TextEdits) > 0 {
					f.fix = sf.Message
					if f.fix == "" {
						f.fix = "suggested fix"
					}
					break
				}
			}
			uses, ok := cgo[f.file]
			if !ok {
				uses = importsC(f.file)
				cgo[f.file] = uses
			}
			f.cgo = uses
			out = append(out, f)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].posn < out[j].posn })
	return out
}

// importsC reports whether the Go file imports "C" (uses cgo).
func importsC(file string) bool {
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.ImportsOnly)
	if err != nil {
		return false
	}
	for _, imp := range f.Imports {
		if path, err := strconv.Unquote(imp.Path.Value); err == nil && path == "C" {
			return true
		}
	}
	return false
}

// summarizeFixes prints a line per applied fix and the summary.
func summarizeFixes(w io.Writer, findings []fixFinding, changed func(file string) bool, diff bool) {
	verb, summaryVerb := "fixed", "fixed"
	if diff {
		verb, summaryVerb = "would fix", "-diff: would fix"
	}
	fixed, files := 0, make(map[string]bool)
	var noFix, notApplied, cgoLeft int
	cgoFiles := make(map[string]bool)
	for _, f := range findings {
		switch {
		case f.fix != "" && changed(f.file):
			fmt.Fprintf(w, "%s: %s: %s (%s)\n", f.posn, verb, f.fix, f.category)
			fixed++
			files[f.file] = true
		case f.fix != "":
			notApplied++
		case f.cgo:
			cgoLeft++
			cgoFiles[rel(f.posn)] = true
		default:
			noFix++
		}
	}
	var why []string
	if noFix > 0 {
		why = append(why, fmt.Sprintf("%d with no safe automatic fix", noFix))
	}
	if cgoLeft > 0 {
		why = append(why, fmt.Sprintf("%d in cgo files", cgoLeft))
	}
	if notApplied > 0 {
		why = append(why, fmt.Sprintf("%d whose fix go vet did not apply (conflicting edits)", notApplied))
	}
	left := noFix + cgoLeft + notApplied
	msg := fmt.Sprintf("%s %d %s in %d %s", summaryVerb, fixed, plural(fixed, "finding", "findings"), len(files), plural(len(files), "file", "files"))
	if left > 0 {
		msg += fmt.Sprintf("; left %d: %s", left, strings.Join(why, ", "))
	}
	fmt.Fprintln(w, msg)
	if cgoLeft > 0 {
		names := make([]string, 0, len(cgoFiles))
		for n := range cgoFiles {
			names = append(names, n)
		}
		sort.Strings(names)
		fmt.Fprintf(w, "note: %d %s in files that use cgo (%s) %s no automatic fix (the analyzer cannot map edits through cgo's generated files): fix by hand\n",
			cgoLeft, plural(cgoLeft, "finding", "findings"), strings.Join(names, ", "), plural(cgoLeft, "gets", "get"))
	}
}

// rel returns the file part of a file:line:col position.
func rel(posn string) string {
	if i := strings.Index(posn, ".go:"); i >= 0 {
		return posn[:i+3]
	}
	return posn
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
