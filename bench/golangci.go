package main

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/redistlslint/redistlslint/internal/gcl"
)

// golangciVersion is the golangci-lint measured (the one the e2e tests
// and .custom-gcl.yml use).
const golangciVersion = gcl.Version

// trivialLinter is the type-aware linter that redistlslint alone is
// compared with: it needs types for the packages linted (load mode
// typesinfo, like the plugin) but declares no facts and does little.
const trivialLinter = "durationcheck"

// golangci configurations measured, in table order, with the one each is
// compared with.
var golangciConfigs = []struct {
	key, label, base, config string
}{
	{"standard", "standard linters", "", "linters:\n  default: standard\n"},
	{"standard+r", "standard + redistlslint", "standard", "linters:\n  default: standard\n  enable: [redistlslint]\n" + pluginSettings},
	{"trivial", "only " + trivialLinter + " (trivial, type-aware)", "", "linters:\n  default: none\n  enable: [" + trivialLinter + "]\n"},
	{"alone", "only redistlslint", "trivial", "linters:\n  default: none\n  enable: [redistlslint]\n" + pluginSettings},
}

const pluginSettings = `  settings:
    custom:
      redistlslint:
        type: module
        description: Finds Redis clients without TLS or with certificate verification off.
`

// golangciResult holds the golangci-lint measurements on one module.
type golangciResult struct {
	mod      module
	packages int
	runs     int
	stats    map[string]*stats // key: config key + "/cold" or "/warm"
}

// buildGolangci builds golangci-lint with the plugin of the repository at
// root. It uses the user's build cache, not the benchmark's, so that the
// e2e tests' build of the same golangci-lint is reused (a cold build takes
// about 7 minutes on 2 cores); only the plugin recompiles after a change.
func buildGolangci(root, work string) (string, error) {
	dir := filepath.Join(work, "golangci-lint")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	if err := gcl.Write(dir, root, "redistlslint bench"); err != nil {
		return "", err
	}
	env := append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local")
	start := time.Now()
	for _, args := range gcl.Steps {
		if _, err := goCmd(dir, env, args...); err != nil {
			return "", fmt.Errorf("building golangci-lint with the plugin: %v", err)
		}
	}
	log.Printf("golangci-lint %s with the plugin built in %s", golangciVersion, time.Since(start).Round(time.Second))
	return filepath.Join(dir, "golangci-lint"), nil
}

// benchGolangci measures golangci-lint with each configuration on the
// module in dir, with an empty golangci-lint cache (cold) and with the
// cache its previous run left (warm). The Go build cache is warm in both
// (every package compiled): what differs is golangci-lint's own cache of
// facts and results.
func benchGolangci(m module, dir, bin string, o options) (golangciResult, error) {
	r := golangciResult{mod: m, packages: countPackages(dir), runs: o.golangciRuns, stats: map[string]*stats{}}
	logs := filepath.Join(o.work, "logs", strings.ReplaceAll(m.Path, "/", "_"))
	cfgDir := filepath.Join(o.work, "golangci-configs")
	for _, d := range []string{logs, cfgDir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return r, err
		}
	}
	log.Printf("%s: golangci-lint, %d packages, %d runs cold and warm", m, r.packages, r.runs)

	var cold, warm []command
	for _, c := range golangciConfigs {
		file := filepath.Join(cfgDir, c.key+".yml")
		if err := os.WriteFile(file, []byte("version: \"2\"\n"+c.config), 0o644); err != nil {
			return r, err
		}
		args := []string{bin, "run", "--config=" + file, "--allow-parallel-runners", "--show-stats=false",
			"--max-issues-per-linter=0", "--max-same-issues=0", "./..."}
		cold = append(cold, command{key: c.key + "/cold", label: "golangci-lint " + c.label + ", cold", args: args, ok: []int{0, 1},
			prepare: emptyGolangciCache(o.work)})
		cache := filepath.Join(o.work, "golangci-cache", strings.ReplaceAll(m.Path, "/", "_"), c.key)
		if err := os.RemoveAll(cache); err != nil {
			return r, err
		}
		warm = append(warm, command{key: c.key + "/warm", label: "golangci-lint " + c.label + ", warm", args: args, ok: []int{0, 1},
			prepare: func(args []string) ([]string, []string, func(), error) {
				return args, []string{"GOLANGCI_LINT_CACHE=" + cache}, func() {}, nil
			}})
	}
	// One unmeasured run of each fills the Go build cache (export data,
	// test variants) and each configuration's warm golangci-lint cache.
	for _, c := range warm {
		if _, err := runOnce(c, dir, filepath.Join(logs, "golangci-"+strings.ReplaceAll(c.key, "/", "-")+"-warmup.log")); err != nil {
			return r, err
		}
	}
	for _, g := range [][]command{cold, warm} {
		samples := map[string][]sample{}
		for i := range r.runs {
			order := slices.Clone(g)
			if i%2 == 1 {
				slices.Reverse(order)
			}
			for _, c := range order {
				s, err := runOnce(c, dir, filepath.Join(logs, fmt.Sprintf("golangci-%s-%d.log", strings.ReplaceAll(c.key, "/", "-"), i)))
				if err != nil {
					return r, err
				}
				log.Printf("  %-62s run %d: wall %6.2fs cpu %6.2fs rss %5d MiB exit %d", c.label, i+1, s.wall.Seconds(), s.cpu.Seconds(), s.rss>>20, s.exit)
				samples[c.key] = append(samples[c.key], s)
			}
		}
		for _, c := range g {
			r.stats[c.key] = summarise(c, samples[c.key])
		}
	}
	return r, nil
}

// emptyGolangciCache gives a run an empty golangci-lint cache.
func emptyGolangciCache(work string) func([]string) ([]string, []string, func(), error) {
	return func(args []string) ([]string, []string, func(), error) {
		dir, err := os.MkdirTemp(work, "golangci-cold-")
		if err != nil {
			return nil, nil, nil, err
		}
		return args, []string{"GOLANGCI_LINT_CACHE=" + dir}, func() { os.RemoveAll(dir) }, nil
	}
}

// renderGolangci renders the golangci-lint table: each configuration cold
// and warm, with the ratio to the configuration it is compared with.
func renderGolangci(results []golangciResult) string {
	var b strings.Builder
	b.WriteString("| module (packages) | golangci-lint linters | cache | runs | wall s: median (min–max) | CPU s | peak RSS MiB | compared with | wall × | CPU × | RSS × |\n")
	b.WriteString("|---|---|---|--:|--:|--:|--:|---|--:|--:|--:|\n")
	for _, r := range results {
		first := true
		for _, cache := range []string{"cold", "warm"} {
			for _, c := range golangciConfigs {
				st := r.stats[c.key+"/"+cache]
				if st == nil {
					continue
				}
				name := ""
				if first {
					name = fmt.Sprintf("%s (%d)", r.mod.short(), r.packages)
					first = false
				}
				var base *stats
				var baseLabel string
				if c.base != "" {
					base = r.stats[c.base+"/"+cache]
					for _, bc := range golangciConfigs {
						if bc.key == c.base {
							baseLabel = bc.label
						}
					}
				}
				label := c.label
				if st.badExit != 0 {
					label += fmt.Sprintf(" (exit %d!)", st.badExit)
				}
				fmt.Fprintf(&b, "| %s | %s | %s | %d | %s | %.2f | %d | %s | %s | %s | %s |\n",
					name, label, cache, st.n, spread(st.wall, st.wallMin, st.wallMax), st.cpu.Seconds(), st.rss>>20, baseLabel,
					ratio(st, base, func(s *stats) float64 { return s.wall.Seconds() }),
					ratio(st, base, func(s *stats) float64 { return s.cpu.Seconds() }),
					ratio(st, base, func(s *stats) float64 { return float64(s.rss) }))
			}
		}
	}
	return b.String()
}

// renderGolangciResults is the golangci-lint part of the results file.
func renderGolangciResults(results []golangciResult) string {
	var b strings.Builder
	fmt.Fprintf(&b, "## golangci-lint\n\n")
	fmt.Fprintf(&b, "golangci-lint %s built with the plugin (as `golangci-lint custom` would), run as `golangci-lint run ./...` with four configurations: ", golangciVersion)
	b.WriteString("`default: standard` (errcheck, govet, ineffassign, staticcheck, unused), the same plus redistlslint, ")
	fmt.Fprintf(&b, "redistlslint alone (`default: none`), and %s alone, a trivial linter that needs types as the plugin does but declares no analysis facts. ", trivialLinter)
	b.WriteString("*cold*: an empty golangci-lint cache (`GOLANGCI_LINT_CACHE`); *warm*: the cache its previous run left. ")
	b.WriteString("The Go build cache is warm in both (every package compiled, by an unmeasured run). ")
	b.WriteString("CPU is user+sys; peak RSS is golangci-lint's.\n\n")
	b.WriteString(renderGolangci(results))
	return b.String()
}
