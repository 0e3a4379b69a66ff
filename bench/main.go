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
//     GOCACHE: the standard library and all dependencies compile too).
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
	mods := selectCorpus(o)
	if len(mods) == 0 {
		return fmt.Errorf("no corpus module matches -modules=%q", o.modules)
	}
	if o.smoke {
		o.runs, o.largeRuns, o.profile = 1, 1, false
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
	machine := describeMachine(root)
	report := renderResults(results, share, machine, o, time.Since(start))
	fmt.Println(renderTable(results))
	fmt.Print(renderTargets(results))
	if o.out != "" {
		if err := os.WriteFile(o.out, []byte(report), 0o644); err != nil {
			return err
		}
		log.Printf("wrote %s (total %s)", o.out, time.Since(start).Round(time.Second))
	}
	return nil
}

func selectCorpus(o options) []module {
	if o.smoke && o.modules == "" {
		return []module{smokeModule}
	}
	if o.modules == "" {
		return corpus
	}
	// In the order of -modules, so that the most wanted come first.
	var sel []module
	for _, s := range strings.Split(o.modules, ",") {
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
