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
	load                                 string // /proc/loadavg when the run ended
	revision                             string // of the measured redistlslint
}

func describeMachine(root string) machine {
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
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		m.load = strings.Join(strings.Fields(string(b))[:3], " ")
	}
	m.revision = revision(root)
	return m
}

// revision describes the commit the measured binaries were built from.
func revision(root string) string {
	out, err := exec.Command("git", "-C", root, "rev-parse", "--short", "HEAD").Output()
	if err != nil {
		return "unknown"
	}
	rev := "commit " + strings.TrimSpace(string(out))
	dirty, _ := exec.Command("git", "-C", root, "status", "--porcelain", "--", "analyzer", "internal", "cmd", "bench/cmd").Output()
	if len(dirty) > 0 {
		rev += " plus uncommitted changes in the work tree"
	}
	return rev
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
	{kGoList, kFloor, "go list alone (the checkers' query)"},
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

// gosecRatio says how many times faster than gosec a standalone run (or
// go list alone) is.
func gosecRatio(r moduleResult, key string) string {
	if r.stats[kGosec] == nil || (key != kStandalone && key != kFloor && key != kGoList) {
		return ""
	}
	return fmt.Sprintf("%.1f×", gosecTimes(r, key))
}

// gosecTimes is gosec's median wall time over that of the key's run.
func gosecTimes(r moduleResult, key string) float64 {
	return r.stats[kGosec].wall.Seconds() / r.stats[key].wall.Seconds()
}

// renderTargets compares the results with the project's targets, by wall
// time (what the targets name) and by CPU time (less sensitive to other
// load on the machine).
func renderTargets(results []moduleResult) string {
	type worst struct {
		v   float64
		mod string
	}
	// ratio of a to b by f, worst over the modules (highest, or lowest if low).
	compare := func(ka, kb string, f func(*stats) float64, low bool) worst {
		w := worst{}
		for _, r := range results {
			a, b := r.stats[ka], r.stats[kb]
			if a == nil || b == nil || f(b) == 0 {
				continue
			}
			v := f(a) / f(b)
			if w.mod == "" || (v > w.v) != low {
				w = worst{v, r.mod.short()}
			}
		}
		return w
	}
	wall := func(s *stats) float64 { return s.wall.Seconds() }
	cpu := func(s *stats) float64 { return s.cpu.Seconds() }
	rss := func(s *stats) float64 { return float64(s.rss) }
	var b strings.Builder
	b.WriteString("| target | worst module, wall time | worst module, CPU time |\n|---|---|---|\n")
	line := func(target, ka, kb string, f1, f2 func(*stats) float64, limit float64, low bool) {
		w1, w2 := compare(ka, kb, f1, low), compare(ka, kb, f2, low)
		if w1.mod == "" {
			return
		}
		cell := func(w worst) string {
			ok := w.v <= limit
			if low {
				ok = w.v >= limit
			}
			v := fmt.Sprintf("%.2f× (%s)", w.v, w.mod)
			if !ok {
				v += " **missed**"
			}
			return v
		}
		fmt.Fprintf(&b, "| %s | %s | %s |\n", target, cell(w1), cell(w2))
	}
	line("standalone ≤ 1.10× floor", kStandalone, kFloor, wall, cpu, 1.10, false)
	line("standalone peak RSS ≤ 1.10× floor", kStandalone, kFloor, rss, rss, 1.10, false)
	line("≥ 10× faster than gosec -include=G402 (gosec / redistlslint)", kGosec, kStandalone, wall, cpu, 10, true)
	line("go vet, warm: ≤ 1.05× noop", kVetWarm, kVetWarmNop, wall, cpu, 1.05, false)
	line("go vet, cold: ≤ 1.05× noop", kVetCold, kVetColdNop, wall, cpu, 1.05, false)
	b.WriteString(renderGosecCeiling(results))
	return b.String()
}

// renderGosecCeiling sets the gosec target beside what is reachable: a
// checker that asks go list for the packages cannot be more times faster
// than gosec than go list alone is.
func renderGosecCeiling(results []moduleResult) string {
	var b strings.Builder
	for _, r := range results {
		if r.stats[kGosec] == nil || r.stats[kGoList] == nil || r.stats[kStandalone] == nil {
			continue
		}
		if b.Len() == 0 {
			b.WriteString("\nThe gosec target beside its ceiling: a checker that starts with `go list` cannot be more times faster than gosec than `go list` alone is.\n\n")
			b.WriteString("| module | gosec / go list alone (the ceiling), wall | gosec / redistlslint, wall | 10× reachable |\n|---|--:|--:|---|\n")
		}
		ceiling, got := gosecTimes(r, kGoList), gosecTimes(r, kStandalone)
		reachable := "yes"
		if ceiling < 10 {
			reachable = "no"
		}
		fmt.Fprintf(&b, "| %s | %.1f× | %.1f× | %s |\n", r.mod.short(), ceiling, got, reachable)
	}
	return b.String()
}

// renderResults renders bench/results.md.
func renderResults(results []moduleResult, share *shareResult, m machine, o options, took time.Duration) string {
	var b strings.Builder
	b.WriteString("# Benchmark results\n\n")
	b.WriteString("Generated by `bench/run.sh` (do not edit by hand; rerun it).\n\n")
	fmt.Fprintf(&b, "Machine: %d CPUs (%s), %s memory, %s, %s. Date: %s. Whole run: %s. Load average at the end: %s. redistlslint: %s.\n\n",
		m.cpus, m.cpu, m.memory, m.kernel, m.goVersion, m.date, took.Round(time.Second), m.load, m.revision)
	b.WriteString("Corpus (pinned, fetched through the module proxy; nothing from them is committed):\n\n")
	for _, r := range results {
		fmt.Fprintf(&b, "- `%s` — %d packages, uses %s\n", r.mod, r.packages, r.mod.Clients)
	}
	fmt.Fprintf(&b, "\ngosec: `github.com/securego/gosec/v2` %s. Runs per tool: %d (%d on the large modules, but for warm go vet), interleaved; ", gosecVersion, o.runs, o.largeRuns)
	fmt.Fprintf(&b, "cold go vet runs per tool: %d, on the modules that have those rows.\n\n", o.coldRuns)
	b.WriteString(`How to read it:
- *floor*: ` + "`bench/cmd/noop`" + `, an analyzer that does nothing, run by the same checker as
  redistlslint: what loading and type-checking cost anyway.
- *go list alone*: the package query that go/packages runs for both checkers, by itself; its
  ratio to gosec is the most any checker built on go list could reach.
- *standalone* runs use the benchmark's own build cache, after one unmeasured warm-up run of
  each checker (gosec gets none: it type-checks from source).
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
