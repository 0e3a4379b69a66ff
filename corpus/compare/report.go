package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// report is the outcome of comparing a run with the expectations.
type report struct {
	errors   []string
	newF     []finding
	missing  []expectation
	changed  [][2]string // expected, found
	silent   []string
	verdicts map[bool]map[string]int // test file? -> verdict -> count, over found findings
	byModule map[string][2]int       // module -> findings outside, inside tests
}

func (r *report) differs() bool {
	return len(r.errors)+len(r.newF)+len(r.missing)+len(r.changed)+len(r.silent) > 0
}

// compare matches the run's findings with the expectations by place and
// category (several findings may share one).
func compare(runs []moduleRun, exp []expectation, sil []silence) *report {
	r := &report{
		verdicts: map[bool]map[string]int{false: {}, true: {}},
		byModule: map[string][2]int{},
	}
	ran := map[string]bool{}
	want := map[string][]expectation{}
	for _, e := range exp {
		want[e.key()] = append(want[e.key()], e)
	}
	var found []finding
	for _, m := range runs {
		ran[m.Module] = true
		r.byModule[m.Module] = [2]int{}
		if msg := runError(m); msg != "" {
			r.errors = append(r.errors, m.Module+": "+msg)
		}
		for _, f := range m.Findings {
			if f.Category == "error" {
				r.errors = append(r.errors, fmt.Sprintf("%s: analyzer error in %s: %s", m.Module, f.File, oneLine(f.Message)))
				continue
			}
			found = append(found, f)
			c := r.byModule[m.Module]
			if f.test() {
				c[1]++
			} else {
				c[0]++
			}
			r.byModule[m.Module] = c
		}
	}
	var unexpected []finding
	for _, f := range found {
		k := f.key()
		if es := want[k]; len(es) > 0 {
			r.verdicts[f.test()][es[0].Verdict]++
			want[k] = es[1:]
			continue
		}
		unexpected = append(unexpected, f)
	}
	var gone []expectation
	for _, e := range exp {
		if es := want[e.key()]; len(es) > 0 && es[0] == e {
			want[e.key()] = es[1:]
			if !ran[e.Module] {
				continue // reported once below
			}
			gone = append(gone, e)
		}
	}
	for _, e := range exp {
		if !ran[e.Module] {
			r.errors = append(r.errors, e.Module+": expected findings, but the module was not run")
			ran[e.Module] = true
		}
	}
	// A missing and a new finding at the same place is a changed category.
	byPlace := map[string][]int{}
	for i, f := range unexpected {
		byPlace[f.place()] = append(byPlace[f.place()], i)
	}
	used := map[int]bool{}
	for _, e := range gone {
		if is := byPlace[e.place()]; len(is) > 0 {
			i := is[0]
			byPlace[e.place()] = is[1:]
			used[i] = true
			r.changed = append(r.changed, [2]string{e.key(), unexpected[i].key() + ": " + unexpected[i].Message})
			continue
		}
		r.missing = append(r.missing, e)
	}
	for i, f := range unexpected {
		if !used[i] {
			r.newF = append(r.newF, f)
		}
	}
	for _, s := range sil {
		for _, f := range found {
			if f.Module == s.Module && f.File == s.File && f.Line == s.Line {
				r.silent = append(r.silent, fmt.Sprintf("%s (must stay silent: %s): %s", f.key(), s.Reason, f.Message))
			}
		}
	}
	return r
}

// runError describes a module run that did not complete: a crash, an
// internal error, or an exit status other than 0 (clean) or 3 (findings).
func runError(m moduleRun) string {
	switch {
	case strings.Contains(m.Stderr, "panic:") || strings.Contains(m.Stderr, "internal error"):
		return "crashed: " + firstLines(m.Stderr, 3)
	case m.Exit == 0 || m.Exit == 3:
		return ""
	case m.Exit == -1:
		return "not run (no exit status recorded)"
	}
	return fmt.Sprintf("exit status %d: %s", m.Exit, firstLines(m.Stderr, 3))
}

func firstLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = append(lines[:n], "...")
	}
	return strings.Join(lines, " | ")
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func (r *report) print(w io.Writer) {
	for _, e := range r.errors {
		fmt.Fprintln(w, "ERROR  ", e)
	}
	for _, f := range r.newF {
		fmt.Fprintf(w, "NEW     %s: %s\n", f.key(), f.Message)
	}
	for _, e := range r.missing {
		fmt.Fprintf(w, "MISSING %s %s %s\n", e.key(), e.Verdict, e.Reason)
	}
	for _, c := range r.changed {
		fmt.Fprintf(w, "CHANGED %s -> %s\n", c[0], c[1])
	}
	for _, s := range r.silent {
		fmt.Fprintln(w, "SILENT ", s)
	}
	var mods []string
	for m := range r.byModule {
		mods = append(mods, m)
	}
	sort.Strings(mods)
	fmt.Fprintln(w, "findings per module (outside tests, in tests):")
	for _, m := range mods {
		fmt.Fprintf(w, "  %-50s %3d %3d\n", m, r.byModule[m][0], r.byModule[m][1])
	}
	for _, test := range []bool{false, true} {
		v := r.verdicts[test]
		where := "outside tests"
		if test {
			where = "in _test.go files"
		}
		fmt.Fprintf(w, "precision %s: %s (TP %d, FP %d, unreviewed %d)\n", where, precision(v["TP"], v["FP"]), v["TP"], v["FP"], v["??"])
	}
	if r.differs() {
		fmt.Fprintf(w, "corpus differs from the expectations: %d new, %d missing, %d changed, %d silent places reported, %d errors\n",
			len(r.newF), len(r.missing), len(r.changed), len(r.silent), len(r.errors))
	} else {
		fmt.Fprintln(w, "corpus matches the expectations")
	}
}

func precision(tp, fp int) string {
	if tp+fp == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%d/%d = %.0f%%", tp, tp+fp, 100*float64(tp)/float64(tp+fp))
}

// writeDraft writes the run's findings as an expectation list, keeping
// the verdict and reason of reviewed entries at the same place and
// category, and marking the others "??".
func writeDraft(name string, runs []moduleRun, exp []expectation) error {
	old := map[string][]expectation{}
	for _, e := range exp {
		old[e.key()] = append(old[e.key()], e)
	}
	var b strings.Builder
	b.WriteString(expectedHeader)
	last := ""
	for _, m := range runs {
		for _, f := range m.Findings {
			if f.Category == "error" {
				continue
			}
			if m.Module != last {
				fmt.Fprintf(&b, "\n# %s\n", m.Module)
				last = m.Module
			}
			verdict, reason := "??", oneLine(f.Message)
			if es := old[f.key()]; len(es) > 0 {
				verdict, reason = es[0].Verdict, es[0].Reason
				old[f.key()] = es[1:]
			}
			fmt.Fprintf(&b, "%s %s:%d %s %s %s\n", f.Module, f.File, f.Line, f.Category, verdict, reason)
		}
	}
	return os.WriteFile(name, []byte(b.String()), 0o644)
}

const expectedHeader = `# Reviewed findings of redistlslint on the corpus (corpus/modules.txt).
# One finding a line: module@version file:line category verdict reason
#   verdict: TP (the finding is right), FP (it is wrong), ?? (not reviewed)
# corpus/check.sh compares a fresh run with this list.
`
