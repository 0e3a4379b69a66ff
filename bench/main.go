// Command bench measures what redistlslint costs its users.
//
// It fetches pinned real-world modules through the Go module proxy, and on
// each measures wall time, CPU time (user+sys) and peak RSS over several runs
// of:
//
//   - redistlslint ./... (standalone);
//   - the floor: bench/cmd/noop ./..., a do-nothing analyzer run by the same
//     checker, i.e. what loading and type-checking cost anyway;
//   - gosec -include=G402 ./... at a pinned version;
//   - go list alone: the package query both checkers start with, the most
//     any checker built on go list could gain on gosec;
//   - go vet -vettool=redistlslint and -vettool=noop with a warm build cache
//     (every package compiled, no vet result cached) and a cold one (an empty
//     GOCACHE: the standard library and all dependencies compile too);
//   - golangci-lint built with the plugin, on the modules named by
//     -golangci (default go-zero): the standard linters with and without
//     redistlslint, and redistlslint alone against a trivial type-aware
//     linter alone, with a cold and a warm golangci-lint cache.
//
// It prints one table with ratios to the floor and to gosec and writes it,
// with the machine and date, to bench/results.md. On the largest module it also
// records the analyzer's own share of the run (CPU profile, -debug=tp).
//
// It is a benchmark, not a test: nothing asserts a time. -smoke runs one
// small module once, to check that the pipeline works.
//
// Usage (from anywhere in the repository):
//
//	bench/run.sh [-runs=5] [-large-runs=3] [-cold-runs=3] [-smoke] [-out=FILE]
//	bench/run.sh -golangci-only [-golangci=go-zero] [-golangci-runs=2]
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// gosecVersion is the gosec release measured against; update it deliberately.
const gosecVersion = "v2.30.0"

type options struct {
	work      string // downloads, binaries, build caches and logs
	out       string // results file ("" for none)
	runs      int    // measured runs per tool on a normal module
	largeRuns int    // measured runs on large modules
	coldRuns  int    // cold-cache go vet runs on modules marked cold
	coldAll   bool   // cold runs on every module, the large one included
	modules   string // comma-separated substrings selecting corpus modules
	smoke     bool
	profile   bool // analyzer share on the largest module

	golangci     string // comma-separated substrings selecting modules for golangci-lint
	golangciRuns int    // measured golangci-lint runs per configuration, cold and warm
	golangciOnly bool   // only the golangci-lint measurements
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("bench: ")
	opts := parseFlags()
	if err := run(opts); err != nil {
		log.Fatal(err)
	}
}

func parseFlags() options {
	var o options
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	flag.StringVar(&o.work, "work", filepath.Join(cache, "redistlslint-bench"), "work `dir` (outside the repository) for corpus copies, tools, caches and logs")
	flag.StringVar(&o.out, "out", "", "results `file` (default bench/results.md; with -smoke, none)")
	flag.IntVar(&o.runs, "runs", 5, "measured runs per tool and module")
	flag.IntVar(&o.largeRuns, "large-runs", 3, "measured runs per tool on large modules (warm go vet gets -runs)")
	flag.IntVar(&o.coldRuns, "cold-runs", 3, "cold-cache go vet runs per tool on the modules marked cold (0: skip); single cold runs vary by about 10%")
	flag.BoolVar(&o.coldAll, "cold-all", false, "cold-cache go vet runs on every module (the large one takes many minutes)")
	flag.StringVar(&o.modules, "modules", "", "comma-separated substrings of path@version selecting corpus modules, measured in that order (default: all)")
	flag.BoolVar(&o.smoke, "smoke", false, "one small module, one run of each tool, no profile; writes no results unless -out is set")
	flag.BoolVar(&o.profile, "profile", true, "measure the analyzer's own share on the largest module")
	flag.StringVar(&o.golangci, "golangci", "go-zero", "comma-separated substrings of path@version selecting the modules measured under golangci-lint (\"\": none)")
	flag.IntVar(&o.golangciRuns, "golangci-runs", 2, "measured golangci-lint runs per configuration, cold and warm")
	flag.BoolVar(&o.golangciOnly, "golangci-only", false, "measure only golangci-lint (on the -golangci modules); writes bench/results-golangci.md")
	flag.Parse()
	if flag.NArg() > 0 {
		log.Fatalf("unexpected arguments: %s", strings.Join(flag.Args(), " "))
	}
	return o
}

func run(o options) error {
	start := time.Now()
	root, err := repoRoot()
	if err != nil {
		return err
	}
	if o.golangciOnly {
		return runGolangciOnly(root, o, start)
	}
	mods := selectCorpus(o)
	if len(mods) == 0 {
		return fmt.Errorf("no corpus module matches -modules=%q", o.modules)
	}
	if o.smoke {
		o.runs, o.largeRuns, o.profile, o.golangci = 1, 1, false, ""
	} else if o.out == "" {
		o.out = filepath.Join(root, "bench", "results.md")
	}
	buildCache = filepath.Join(o.work, "gocache", "main")
	if err := os.MkdirAll(buildCache, 0o755); err != nil {
		return err
	}

	t, err := buildTools(root, o.work)
	if err != nil {
		return err
	}
	var results []moduleResult
	for _, m := range mods {
		dir, err := fetch(m, o.work)
		if err != nil {
			log.Printf("dropping %s@%s: %v", m.Path, m.Version, err)
			continue
		}
		r, err := benchModule(m, dir, t, o)
		if err != nil {
			return fmt.Errorf("%s: %v", m.Path, err)
		}
		results = append(results, r)
		// Write what we have, so that a failure later leaves a partial table.
		if o.out != "" {
			partial := renderResults(results, nil, describeMachine(root), o, time.Since(start))
			if err := os.WriteFile(o.out, []byte(partial), 0o644); err != nil {
				return err
			}
		}
	}
	if len(results) == 0 {
		return fmt.Errorf("no corpus module could be measured")
	}

	var share *shareResult
	if o.profile {
		// On the largest module measured: where a cost per package shows most.
		var largest *moduleResult
		for i, r := range results {
			if r.mod.Large && (largest == nil || r.packages > largest.packages) {
				largest = &results[i]
			}
		}
		if largest != nil {
			share = analyzerShare(*largest, t, o.work)
		}
	}
	var gci []golangciResult
	if o.golangci != "" {
		if gci, err = measureGolangci(root, o); err != nil {
			return err
		}
	}
	machine := describeMachine(root)
	report := renderResults(results, share, machine, o, time.Since(start))
	if len(gci) > 0 {
		report += "\n" + renderGolangciResults(gci)
	}
	fmt.Println(renderTable(results))
	fmt.Print(renderTargets(results))
	if len(gci) > 0 {
		fmt.Println()
		fmt.Print(renderGolangci(gci))
	}
	if o.out != "" {
		if err := os.WriteFile(o.out, []byte(report), 0o644); err != nil {
			return err
		}
		log.Printf("wrote %s (total %s)", o.out, time.Since(start).Round(time.Second))
	}
	return nil
}

// measureGolangci builds golangci-lint with the plugin and measures it on
// the -golangci modules.
func measureGolangci(root string, o options) ([]golangciResult, error) {
	mods := selectModules(o.golangci)
	if len(mods) == 0 {
		return nil, fmt.Errorf("no corpus module matches -golangci=%q", o.golangci)
	}
	bin, err := buildGolangci(root, o.work)
	if err != nil {
		return nil, err
	}
	var results []golangciResult
	for _, m := range mods {
		dir, err := fetch(m, o.work)
		if err != nil {
			log.Printf("dropping %s@%s: %v", m.Path, m.Version, err)
			continue
		}
		r, err := benchGolangci(m, dir, bin, o)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", m.Path, err)
		}
		results = append(results, r)
	}
	return results, nil
}

// runGolangciOnly measures golangci-lint alone and writes its table to
// bench/results-golangci.md (or -out).
func runGolangciOnly(root string, o options, start time.Time) error {
	if o.out == "" {
		o.out = filepath.Join(root, "bench", "results-golangci.md")
	}
	buildCache = filepath.Join(o.work, "gocache", "main")
	if err := os.MkdirAll(buildCache, 0o755); err != nil {
		return err
	}
	results, err := measureGolangci(root, o)
	if err != nil {
		return err
	}
	if len(results) == 0 {
		return fmt.Errorf("no module could be measured")
	}
	m := describeMachine(root)
	var b strings.Builder
	b.WriteString("# Benchmark results: golangci-lint\n\n")
	b.WriteString("Generated by `bench/run.sh -golangci-only` (do not edit by hand; rerun it).\n\n")
	fmt.Fprintf(&b, "Machine: %d CPUs (%s), %s memory, %s, %s. Date: %s. Whole run: %s. Load average at the end: %s. redistlslint: %s.\n\n",
		m.cpus, m.cpu, m.memory, m.kernel, m.goVersion, m.date, time.Since(start).Round(time.Second), m.load, m.revision)
	b.WriteString(strings.TrimPrefix(renderGolangciResults(results), "## golangci-lint\n\n"))
	fmt.Print(renderGolangci(results))
	if err := os.WriteFile(o.out, []byte(b.String()), 0o644); err != nil {
		return err
	}
	log.Printf("wrote %s (total %s)", o.out, time.Since(start).Round(time.Second))
	return nil
}

func selectCorpus(o options) []module {
	if o.smoke && o.modules == "" {
		return []module{smokeModule}
	}
	if o.modules == "" {
		return corpus
	}
	return selectModules(o.modules)
}

// selectModules returns the corpus modules matching the comma-separated
// substrings, in their order, so that the most wanted come first.
func selectModules(list string) []module {
	var sel []module
	for _, s := range strings.Split(list, ",") {
		for _, m := range corpus {
			if s != "" && strings.Contains(m.String(), s) && !contains(sel, m) {
				sel = append(sel, m)
			}
		}
	}
	return sel
}

func contains(ms []module, m module) bool {
	for _, x := range ms {
		if x.Path == m.Path {
			return true
		}
	}
	return false
}
