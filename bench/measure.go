package main

import (
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"
)

// A sample is one measured run.
type sample struct {
	wall, cpu time.Duration
	rss       int64 // peak resident set, bytes: of the largest single process (for go vet: the go command, a compile or the vet tool)
	exit      int
}

// A command is a run of one tool on a module.
type command struct {
	key   string // column in results: see the kinds below
	label string
	args  []string
	ok    []int // exit codes that mean success (with or without findings)
	// prepare, if set, adjusts one run: it returns the arguments, extra
	// environment and a cleanup to call after the run.
	prepare func(args []string) ([]string, []string, func(), error)
}

// Kinds of measurement, in table order.
const (
	kStandalone = "standalone"
	kFloor      = "floor"
	kGoList     = "go-list"
	kGosec      = "gosec"
	kVetWarm    = "vet-warm"
	kVetWarmNop = "vet-warm-floor"
	kVetCold    = "vet-cold"
	kVetColdNop = "vet-cold-floor"
)

// stats summarises the samples of one command.
type stats struct {
	n                      int
	wall, wallMin, wallMax time.Duration
	cpu, cpuMin, cpuMax    time.Duration
	rss, rssMin, rssMax    int64
	badExit                int // an exit code not in ok, if any
	label                  string
}

type moduleResult struct {
	mod      module
	dir      string
	packages int
	runs     int
	stats    map[string]*stats
	logs     string
}

// goListQuery is the package query that go/packages runs for both
// checkers (tests included, export data for dependencies; read off a run):
// a cost that no checker built on go list can go below.
var goListQuery = []string{"go", "list", "-e",
	"-json=Name,ImportPath,Error,Dir,GoFiles,IgnoredGoFiles,IgnoredOtherFiles,CFiles,CgoFiles,CXXFiles,MFiles,HFiles,FFiles,SFiles,SwigFiles,SwigCXXFiles,SysoFiles,TestGoFiles,XTestGoFiles,CompiledGoFiles,Export,DepOnly,Imports,ImportMap,TestImports,XTestImports,Module",
	"-compiled=true", "-test=true", "-export=true", "-deps=true", "-find=false", "-buildvcs=false", "-pgo=off", "--", "./..."}

// benchModule measures every tool on the module in dir. Runs are
// interleaved (one run of each tool, then the next round, in alternating
// order) so that drift in the machine's state affects all tools alike.
func benchModule(m module, dir string, t tools, o options) (moduleResult, error) {
	r := moduleResult{mod: m, dir: dir, packages: countPackages(dir), stats: map[string]*stats{}}
	r.logs = filepath.Join(o.work, "logs", strings.ReplaceAll(m.Path, "/", "_"))
	if err := os.MkdirAll(r.logs, 0o755); err != nil {
		return r, err
	}
	r.runs = o.runs
	if m.Large {
		r.runs = o.largeRuns
	}
	coldRuns := 0
	if m.Cold || o.coldAll || o.smoke {
		coldRuns = o.coldRuns
	}
	if o.smoke {
		coldRuns = min(coldRuns, 1)
	}
	log.Printf("%s: %d packages, %d runs, %d cold runs", m, r.packages, r.runs, coldRuns)

	standalone := []command{
		{key: kStandalone, label: "redistlslint ./...", args: []string{t.redistlslint, "./..."}, ok: []int{0, 3}},
		{key: kFloor, label: "floor: noop ./...", args: []string{t.noop, "./..."}, ok: []int{0, 3}},
		{key: kGosec, label: "gosec -include=G402 ./...", args: []string{t.gosec, "-quiet", "-no-fail", "-include=G402", "./..."}, ok: []int{0}},
		{key: kGoList, label: "go list alone", args: goListQuery, ok: []int{0}},
	}
	if err := fillCache(dir, m); err != nil {
		return r, err
	}
	vet := func(key, label, tool string, prepare func([]string) ([]string, []string, func(), error)) command {
		// Exit 1: go vet found something (or failed; the log says which).
		return command{key: key, label: label, args: []string{"go", "vet", "-vettool=" + tool, "./..."}, ok: []int{0, 1}, prepare: prepare}
	}
	warmVet := []command{
		vet(kVetWarm, "go vet -vettool=redistlslint, warm", t.redistlslint, freshTool(o.work)),
		vet(kVetWarmNop, "go vet -vettool=noop, warm", t.noop, freshTool(o.work)),
	}
	coldVet := []command{
		vet(kVetCold, "go vet -vettool=redistlslint, cold", t.redistlslint, emptyCache()),
		vet(kVetColdNop, "go vet -vettool=noop, cold", t.noop, emptyCache()),
	}

	// One unmeasured run of each checker fills the build cache (export
	// data) and the page cache. gosec type-checks from source and needs
	// none; it is slow enough on large modules to skip this.
	for _, c := range standalone[:2] {
		if _, err := runOnce(c, dir, filepath.Join(r.logs, c.key+"-warmup.log")); err != nil {
			return r, err
		}
	}
	groups := []struct {
		cmds []command
		runs int
	}{
		{standalone, r.runs},
		// Warm go vet spreads the most (about 20% on loki) and, without
		// gosec, costs the least per round: it always gets the full count.
		{warmVet, max(r.runs, o.runs)},
		{coldVet, coldRuns},
	}
	for _, g := range groups {
		samples := map[string][]sample{}
		for i := range g.runs {
			// Every other round runs the tools in reverse order, so that
			// going first (e.g. after another module's cold runs) favours
			// none of them.
			order := slices.Clone(g.cmds)
			if i%2 == 1 {
				slices.Reverse(order)
			}
			for _, c := range order {
				s, err := runOnce(c, dir, filepath.Join(r.logs, fmt.Sprintf("%s-%d.log", c.key, i)))
				if err != nil {
					return r, err
				}
				log.Printf("  %-42s run %d: wall %6.2fs cpu %6.2fs rss %5d MiB exit %d", c.label, i+1, s.wall.Seconds(), s.cpu.Seconds(), s.rss>>20, s.exit)
				samples[c.key] = append(samples[c.key], s)
			}
		}
		for _, c := range g.cmds {
			if len(samples[c.key]) > 0 {
				r.stats[c.key] = summarise(c, samples[c.key])
			}
		}
	}
	return r, nil
}

// runOnce runs c in dir, with output to logFile, and measures it.
func runOnce(c command, dir, logFile string) (sample, error) {
	args, env := c.args, goEnv()
	if c.prepare != nil {
		var extra []string
		var cleanup func()
		var err error
		args, extra, cleanup, err = c.prepare(args)
		if err != nil {
			return sample{}, err
		}
		defer cleanup()
		env = append(env, extra...)
	}
	f, err := os.Create(logFile)
	if err != nil {
		return sample{}, err
	}
	defer f.Close()
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Dir, cmd.Env, cmd.Stdout, cmd.Stderr = dir, env, f, f
	start := time.Now()
	err = cmd.Run()
	wall := time.Since(start)
	if cmd.ProcessState == nil {
		return sample{}, fmt.Errorf("%s: %v", c.label, err)
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	s := sample{
		wall: wall,
		cpu:  time.Duration(ru.Utime.Nano() + ru.Stime.Nano()),
		rss:  ru.Maxrss << 10, // KiB on Linux
		exit: cmd.ProcessState.ExitCode(),
	}
	if !slices.Contains(c.ok, s.exit) {
		log.Printf("warning: %s in %s exited %d; see %s", c.label, dir, s.exit, logFile)
	}
	return s, nil
}

func summarise(c command, ss []sample) *stats {
	st := &stats{n: len(ss), label: c.label}
	walls := make([]time.Duration, len(ss))
	cpus := make([]time.Duration, len(ss))
	rsss := make([]int64, len(ss))
	for i, s := range ss {
		walls[i], cpus[i], rsss[i] = s.wall, s.cpu, s.rss
		if !slices.Contains(c.ok, s.exit) {
			st.badExit = s.exit
		}
	}
	st.wall, st.wallMin, st.wallMax = median(walls)
	st.cpu, st.cpuMin, st.cpuMax = median(cpus)
	st.rss, st.rssMin, st.rssMax = median(rsss)
	return st
}

// median returns the median, minimum and maximum of xs.
func median[T time.Duration | int64](xs []T) (med, lo, hi T) {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		med = s[n/2]
	} else {
		med = (s[n/2-1] + s[n/2]) / 2
	}
	return med, s[0], s[n-1]
}

// fillCache compiles, in the benchmark's build cache, every package that
// go vet needs for dir, by running the stock vet with one cheap analyzer.
func fillCache(dir string, m module) error {
	log.Printf("%s: compiling what go vet needs (unmeasured)", m)
	cmd := exec.Command("go", "vet", "-unusedresult", "./...")
	cmd.Dir, cmd.Env = dir, goEnv()
	if out, err := cmd.CombinedOutput(); err != nil && cmd.ProcessState == nil {
		return fmt.Errorf("go vet -unusedresult: %v: %s", err, tail(out, 2000))
	}
	return nil
}

// freshTool prepares a warm go vet run: the build cache has every package
// compiled, but go vet also caches the tool's results, keyed by a hash of
// the tool's executable. Each run gets a copy of the tool with a unique
// trailer appended (ignored when it runs), so nothing of an earlier run
// is reused and the run does all the analysis work.
func freshTool(work string) func([]string) ([]string, []string, func(), error) {
	return func(args []string) ([]string, []string, func(), error) {
		dir, err := os.MkdirTemp(filepath.Join(work, "bin"), "run-")
		if err != nil {
			return nil, nil, nil, err
		}
		cleanup := func() { os.RemoveAll(dir) }
		args = slices.Clone(args)
		for i, a := range args {
			if tool, ok := strings.CutPrefix(a, "-vettool="); ok {
				copied := filepath.Join(dir, filepath.Base(tool))
				if err := copyWithTrailer(tool, copied, dir); err != nil {
					cleanup()
					return nil, nil, nil, err
				}
				args[i] = "-vettool=" + copied
			}
		}
		return args, nil, cleanup, nil
	}
}

func copyWithTrailer(from, to, trailer string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	data = append(data, "\nredistlslint-bench "+trailer+" "+time.Now().String()+"\n"...)
	return os.WriteFile(to, data, 0o755)
}

// emptyCache prepares a cold go vet run: a fresh, empty build cache, so
// that go vet compiles the standard library and every dependency before
// vetting.
func emptyCache() func([]string) ([]string, []string, func(), error) {
	return func(args []string) ([]string, []string, func(), error) {
		dir, err := os.MkdirTemp(filepath.Dir(buildCache), "cold-")
		if err != nil {
			return nil, nil, nil, err
		}
		return args, []string{"GOCACHE=" + dir}, func() { os.RemoveAll(dir) }, nil
	}
}
