package driver

import (
	"fmt"
	"log"
	"net/url"
	"os"
	"sort"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// check is the standalone checker: load, analyse, print. It returns the
// exit code: 0 clean, 3 with findings (text only), 1 on errors.
func check(a *analysis.Analyzer, scope Scope, opts *options, patterns []string) (exitcode int) {
	exitAtLeast := func(code int) { exitcode = max(exitcode, code) }
	if opts.dbg('v') {
		log.SetFlags(log.Lmicroseconds)
		log.Printf("load %s", patterns)
	}

	var changed *changedLines
	if opts.newFromRev != "" {
		var err error
		if changed, err = gitChanges(workDir(), opts.newFromRev); err != nil {
			log.Print(err)
			return 1
		}
	}

	start := time.Now()
	roots, err := load(patterns, opts.tests, opts.tags)
	if err != nil {
		log.Print(err)
		return 1
	}
	tp := newTextPrinter(os.Stderr, opts.context)
	if n := tp.printLoadErrors(roots); n > 0 {
		exitAtLeast(1)
	}

	r := newAnalysisRun(a)
	r.sequential = opts.dbg('p')
	if opts.dbg('f') {
		r.factLog = log.New(os.Stderr, "", 0)
	}
	var deps []*packages.Package
	if len(r.factOrder) > 0 {
		deps = scope.factDeps(roots)
	}
	if opts.dbg('v') {
		log.Printf("analysing %d packages, and %d dependencies for facts: %s", len(roots), len(deps), packageIDs(deps))
	}
	loaded := time.Now()
	units := buildUnits(roots, deps, len(r.factOrder) > 0)
	r.execAll(units)
	if changed != nil {
		changed.filter(a, units)
	}
	config, configErrs := scanDeploy(a, roots, units, opts.deploy, plaintextMatcher(a))
	for _, err := range configErrs {
		fmt.Fprintf(os.Stderr, "%s\n", tp.message(err.Error()))
		exitAtLeast(1)
	}
	if changed != nil {
		config = changed.filterConfig(config)
	}

	graph := resultGraph(a, units)
	switch {
	case opts.sarif:
		if err := writeSARIF(os.Stdout, a, units, config); err != nil {
			log.Print(err)
			exitAtLeast(1)
		}
	case opts.json:
		if err := printJSON(os.Stdout, a, graph, config); err != nil {
			log.Print(err)
			exitAtLeast(1)
		}
	default:
		tp.indexFiles(roots)
		diags, errs := tp.printUnits(a, units, opts.showAccepted)
		diags += tp.printConfig(config)
		if errs > 0 {
			exitAtLeast(1)
		} else if diags > 0 {
			exitAtLeast(3)
		}
	}
	if opts.dbg('t') {
		log.Printf("load (go list, parse, type-check): %s; analysis: %s", loaded.Sub(start), time.Since(loaded))
		printTimes(units)
	}
	return exitcode
}

// resultGraph presents the roots' results as an x/tools checker graph,
// so that text and JSON output are exactly those of the x/tools drivers.
func resultGraph(a *analysis.Analyzer, units []*unit) *checker.Graph {
	g := new(checker.Graph)
	for _, u := range units {
		act := u.actions[a]
		g.Roots = append(g.Roots, &checker.Action{
			Analyzer:    a,
			Package:     u.pkg,
			IsRoot:      true,
			Result:      act.result,
			Err:         act.err,
			Diagnostics: act.diagnostics,
			Duration:    u.duration,
		})
	}
	return g
}

// resolveURLs fills in each diagnostic's URL from the analyzer's URL and
// the category, as x/tools' drivers do.
func resolveURLs(a *analysis.Analyzer, diags []analysis.Diagnostic) {
	for i, d := range diags {
		if d.URL == "" && d.Category == "" && a.URL == "" {
			continue
		}
		raw := d.URL
		if raw == "" && d.Category != "" {
			raw = "#" + d.Category
		}
		u, err := url.Parse(raw)
		if err != nil {
			continue
		}
		base, err := url.Parse(a.URL)
		if err != nil {
			continue
		}
		diags[i].URL = base.ResolveReference(u).String()
	}
}

func packageIDs(pkgs []*packages.Package) []string {
	ids := make([]string, len(pkgs))
	for i, p := range pkgs {
		ids[i] = p.ID
	}
	return ids
}

// printTimes prints the units that account for 90% of the analysis time.
func printTimes(roots []*unit) {
	var all []*unit
	seen := make(map[*unit]bool)
	var visit func(us []*unit)
	visit = func(us []*unit) {
		for _, u := range us {
			if !seen[u] {
				seen[u] = true
				visit(u.deps)
				all = append(all, u)
			}
		}
	}
	visit(roots)
	var total time.Duration
	for _, u := range all {
		total += u.duration
	}
	sort.Slice(all, func(i, j int) bool { return all[i].duration > all[j].duration })
	var sum time.Duration
	for _, u := range all {
		kind := "root"
		if !u.root {
			kind = "facts"
		}
		fmt.Fprintf(os.Stderr, "%s\t%s\t%s\n", u.duration, kind, u.pkg.ID)
		sum += u.duration
		if sum >= total*9/10 {
			break
		}
	}
	if total > sum {
		fmt.Fprintf(os.Stderr, "%s\tall others\n", total-sum)
	}
}
