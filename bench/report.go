package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"
)

// machine describes where the benchmark ran.
type machine struct {
	cpus                                 int
	memory, cpu, goVersion, kernel, date string
}

func describeMachine() machine {
	m := machine{cpus: runtime.NumCPU(), date: time.Now().UTC().Format("2006-01-02 15:04 UTC")}
	m.memory = procField("/proc/meminfo", "MemTotal")
	if kb, ok := strings.CutSuffix(m.memory, " kB"); ok {
		var n int64
		fmt.Sscan(kb, &n)
		m.memory = fmt.Sprintf("%.1f GiB", float64(n)/(1<<20))
	}
	m.cpu = procField("/proc/cpuinfo", "model name")
	if out, err := exec.Command("go", "version").Output(); err == nil {
		m.goVersion = strings.TrimPrefix(strings.TrimSpace(string(out)), "go version ")
	}
	if out, err := exec.Command("uname", "-sr").Output(); err == nil {
		m.kernel = strings.TrimSpace(string(out))
	}
	return m
}

// procField returns the value of the first "key: value" line in file.
func procField(file, key string) string {
	f, err := os.Open(file)
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}

// rows lists the table's rows: the measurement and what it is compared with.
var rows = []struct{ key, floor, tool string }{
	{kStandalone, kFloor, "redistlslint"},
	{kFloor, kFloor, "floor (noop)"},
	{kGosec, "", "gosec -include=G402"},
	{kVetWarm, kVetWarmNop, "go vet, warm: redistlslint"},
	{kVetWarmNop, kVetWarmNop, "go vet, warm: noop"},
	{kVetCold, kVetColdNop, "go vet, cold: redistlslint"},
	{kVetColdNop, kVetColdNop, "go vet, cold: noop"},
}

// renderTable renders the results as one Markdown table.
func renderTable(results []moduleResult) string {
	var b strings.Builder
	b.WriteString("| module (packages) | tool | runs | wall s: median (min–max) | CPU s | peak RSS MiB | wall / floor | CPU / floor | RSS / floor | gosec wall / wall |\n")
	b.WriteString("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|\n")
	for _, r := range results {
		first := true
		for _, row := range rows {
			st := r.stats[row.key]
			if st == nil {
				continue
			}
			name := ""
			if first {
				name = fmt.Sprintf("%s (%d)", r.mod.short(), r.packages)
				first = false
			}
			tool := row.tool
			if st.badExit != 0 {
				tool += fmt.Sprintf(" (exit %d!)", st.badExit)
			}
			fmt.Fprintf(&b, "| %s | %s | %d | %s | %s | %s | %s | %s | %s | %s |\n",
				name, tool, st.n,
				spread(st.wall, st.wallMin, st.wallMax),
				fmt.Sprintf("%.2f", st.cpu.Seconds()),
				fmt.Sprintf("%d", st.rss>>20),
				ratio(st, r.stats[row.floor], func(s *stats) float64 { return s.wall.Seconds() }),
				ratio(st, r.stats[row.floor], func(s *stats) float64 { return s.cpu.Seconds() }),
				ratio(st, r.stats[row.floor], func(s *stats) float64 { return float64(s.rss) }),
				gosecRatio(r, row.key),
			)
		}
	}
	return b.String()
}

func spread(med, lo, hi time.Duration) string {
	if lo == hi {
		return fmt.Sprintf("%.2f", med.Seconds())
	}
	return fmt.Sprintf("%.2f (%.2f–%.2f)", med.Seconds(), lo.Seconds(), hi.Seconds())
}

func ratio(st, floor *stats, f func(*stats) float64) string {
	if floor == nil || f(floor) == 0 {
		return ""
	}
	return fmt.Sprintf("%.2f×", f(st)/f(floor))
}

// gosecRatio says how many times faster than gosec a standalone run is.
func gosecRatio(r moduleResult, key string) string {
	g, st := r.stats[kGosec], r.stats[key]
	if g == nil || (key != kStandalone && key != kFloor) {
		return ""
	}
	return fmt.Sprintf("%.1f×", g.wall.Seconds()/st.wall.Seconds())
}

// renderTargets compares the results with the project's targets.
func renderTargets(results []moduleResult) string {
	type worst struct {
		v   float64
		mod string
	}
	maxOf := func(w *worst, v float64, mod string) {
		if v > w.v {
			*w = worst{v, mod}
		}
	}
	var wall, rss, vetWarm, vetCold worst
	slowest := worst{v: 1e9}
	for _, r := range results {
		s, f, g := r.stats[kStandalone], r.stats[kFloor], r.stats[kGosec]
		name := r.mod.short()
		if s != nil && f != nil {
			maxOf(&wall, s.wall.Seconds()/f.wall.Seconds(), name)
			maxOf(&rss, float64(s.rss)/float64(f.rss), name)
		}
		if s != nil && g != nil {
			if v := g.wall.Seconds() / s.wall.Seconds(); v < slowest.v {
				slowest = worst{v, name}
			}
		}
		if a, b := r.stats[kVetWarm], r.stats[kVetWarmNop]; a != nil && b != nil {
			maxOf(&vetWarm, a.wall.Seconds()/b.wall.Seconds(), name)
		}
		if a, b := r.stats[kVetCold], r.stats[kVetColdNop]; a != nil && b != nil {
			maxOf(&vetCold, a.wall.Seconds()/b.wall.Seconds(), name)
		}
	}
	verdict := func(ok bool) string {
		if ok {
			return "met"
		}
		return "**missed**"
	}
	var b strings.Builder
	b.WriteString("| target | worst measured | |\n|---|---|---|\n")
	fmt.Fprintf(&b, "| standalone wall ≤ 1.10× floor | %.2f× (%s) | %s |\n", wall.v, wall.mod, verdict(wall.v <= 1.10))
	fmt.Fprintf(&b, "| standalone peak RSS ≤ 1.10× floor | %.2f× (%s) | %s |\n", rss.v, rss.mod, verdict(rss.v <= 1.10))
	if slowest.mod != "" {
		fmt.Fprintf(&b, "| ≥ 10× faster than gosec -include=G402 | %.1f× (%s) | %s |\n", slowest.v, slowest.mod, verdict(slowest.v >= 10))
	}
	if vetWarm.mod != "" {
		fmt.Fprintf(&b, "| go vet, warm: wall ≤ 1.05× noop | %.2f× (%s) | %s |\n", vetWarm.v, vetWarm.mod, verdict(vetWarm.v <= 1.05))
	}
	if vetCold.mod != "" {
		fmt.Fprintf(&b, "| go vet, cold: wall ≤ 1.05× noop | %.2f× (%s) | %s |\n", vetCold.v, vetCold.mod, verdict(vetCold.v <= 1.05))
	}
	return b.String()
}

// renderResults renders bench/results.md.
func renderResults(results []moduleResult, share *shareResult, m machine, o options, took time.Duration) string {
	var b strings.Builder
	b.WriteString("# Benchmark results\n\n")
	b.WriteString("Generated by `bench/run.sh` (do not edit by hand; rerun it).\n\n")
	fmt.Fprintf(&b, "Machine: %d CPUs (%s), %s memory, %s, %s. Date: %s. Whole run: %s.\n\n",
		m.cpus, m.cpu, m.memory, m.kernel, m.goVersion, m.date, took.Round(time.Second))
	b.WriteString("Corpus (pinned, fetched through the module proxy; nothing from them is committed):\n\n")
	for _, r := range results {
		fmt.Fprintf(&b, "- `%s` — %d packages, uses %s\n", r.mod, r.packages, r.mod.Clients)
	}
	fmt.Fprintf(&b, "\ngosec: `github.com/securego/gosec/v2` %s. Runs per tool: %d (%d on the large module), interleaved; ", gosecVersion, o.runs, o.largeRuns)
	fmt.Fprintf(&b, "cold go vet: %d run per tool on the modules that have those rows.\n\n", o.coldRuns)
	b.WriteString(`How to read it:
- *floor*: ` + "`bench/cmd/noop`" + `, an analyzer that does nothing, run by the same checker as
  redistlslint: what loading and type-checking cost anyway.
- *standalone* runs use the user's build cache after one unmeasured warm-up run.
- *go vet, warm*: every package is already compiled (by an unmeasured ` + "`go vet -unusedresult`" + `),
  but no result of the vet tool is cached: go vet caches them keyed by a hash of the tool's
  executable, so each run uses a copy of the tool with a unique trailer appended.
- *go vet, cold*: an empty GOCACHE, so the standard library and every dependency compile too;
  most of that time is compilation that both tools pay.
- CPU is user+sys of the process and its children. Peak RSS is that of the largest single
  process (for go vet: the go command, a compiler or the vet tool), from wait4's rusage.
- gosec analyses non-test files only; the checkers analyse test files too.
- "gosec wall / wall" says how many times faster than gosec the run is.

`)
	b.WriteString(renderTable(results))
	b.WriteString("\n## Targets\n\n")
	b.WriteString(renderTargets(results))
	if share != nil {
		b.WriteString("\n## The analyzer's own share\n\n")
		b.WriteString(share.render())
	}
	return b.String()
}
