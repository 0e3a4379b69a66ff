package main

import (
	"bufio"
	"bytes"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// analyzerFuncs matches the analyzer's own functions in a CPU profile.
const analyzerFuncs = `redistlslint/redistlslint/analyzer\.`

// shareResult is the analyzer's own share of a standalone run.
type shareResult struct {
	module string
	// From a CPU profile (-cpuprofile).
	profiled          bool
	inAnalyzer, total string // e.g. "0.12s", "31.5s"
	percent           string
	// From -debug=tp: the checker's timing of each action, run sequentially.
	timed   bool
	actions time.Duration // sum over all actions
	wall    time.Duration // of the -debug=tp run
	slowest []string      // the slowest actions
	scope   string        // the driver's -debug=v account of what it analysed
	note    string
}

// analyzerShare profiles one standalone run of redistlslint on r's module,
// with whatever the binary offers: -cpuprofile and -debug=tp.
func analyzerShare(r moduleResult, t tools, work string) *shareResult {
	sh := &shareResult{module: r.mod.String()}
	help, _ := exec.Command(t.redistlslint, "-help").CombinedOutput()
	if bytes.Contains(help, []byte("-cpuprofile")) {
		prof := filepath.Join(work, "logs", "redistlslint.cpuprofile")
		c := command{label: "redistlslint -cpuprofile", args: []string{t.redistlslint, "-cpuprofile=" + prof, "./..."}, ok: []int{0, 3}}
		if _, err := runOnce(c, r.dir, filepath.Join(r.logs, "cpuprofile.log")); err != nil {
			sh.note += fmt.Sprintf("CPU profile failed: %v. ", err)
		} else if err := sh.readProfile(t.redistlslint, prof); err != nil {
			sh.note += fmt.Sprintf("reading the CPU profile failed: %v. ", err)
		}
	} else {
		sh.note += "The binary has no -cpuprofile flag. "
	}
	if bytes.Contains(help, []byte("-debug")) {
		logFile := filepath.Join(r.logs, "debug-tp.log")
		c := command{label: "redistlslint -debug=vtp", args: []string{t.redistlslint, "-debug=vtp", "./..."}, ok: []int{0, 3}}
		s, err := runOnce(c, r.dir, logFile)
		if err != nil {
			sh.note += fmt.Sprintf("-debug=tp failed: %v. ", err)
		} else {
			sh.wall = s.wall
			sh.readTimings(logFile)
		}
	} else {
		sh.note += "The binary has no -debug flag. "
	}
	log.Printf("analyzer share on %s: profile %s of %s (%s); actions %s of %s wall", sh.module, sh.inAnalyzer, sh.total, sh.percent, sh.actions, sh.wall)
	return sh
}

// pprofHeader matches pprof's summary of the focused samples.
var pprofHeader = regexp.MustCompile(`Showing nodes accounting for ([^,]+), ([0-9.]+%) of ([^ ]+) total`)

func (sh *shareResult) readProfile(bin, prof string) error {
	out, err := exec.Command("go", "tool", "pprof", "-top", "-focus="+analyzerFuncs, bin, prof).CombinedOutput()
	if err != nil {
		return fmt.Errorf("go tool pprof: %v: %s", err, tail(out, 500))
	}
	m := pprofHeader.FindSubmatch(out)
	if m == nil {
		// No sample in the analyzer at all.
		if t := regexp.MustCompile(`Total samples = (\S+)`).FindSubmatch(out); t != nil || bytes.Contains(out, []byte("no samples")) {
			sh.profiled, sh.inAnalyzer, sh.percent = true, "0s", "0%"
			if t != nil {
				sh.total = string(t[1])
			}
			return nil
		}
		return fmt.Errorf("unexpected pprof output: %s", tail(out, 500))
	}
	sh.profiled = true
	sh.inAnalyzer, sh.percent, sh.total = string(m[1]), string(m[2]), string(m[3])
	return nil
}

// scopeLine matches the driver's -debug=v summary of its work.
var scopeLine = regexp.MustCompile(`analysing \d+ packages, and \d+ dependencies for facts`)

// readTimings reads the checker's -debug=t lines: "<duration>\t<action>".
func (sh *shareResult) readTimings(logFile string) {
	f, err := os.Open(logFile)
	if err != nil {
		return
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if m := scopeLine.FindString(line); m != "" {
			sh.scope = m
		}
		d, what, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		dur, err := time.ParseDuration(d)
		if err != nil {
			continue
		}
		sh.timed = true
		sh.actions += dur
		if len(sh.slowest) < 5 && what != "all others" {
			sh.slowest = append(sh.slowest, fmt.Sprintf("%s %s", dur.Round(time.Millisecond), strings.ReplaceAll(what, "\t", " ")))
		}
	}
}

func (sh *shareResult) render() string {
	var b strings.Builder
	fmt.Fprintf(&b, "On `%s`, standalone `redistlslint ./...`:\n\n", sh.module)
	if sh.profiled {
		fmt.Fprintf(&b, "- CPU profile (`-cpuprofile`): %s of %s sampled CPU time (%s) is in the analyzer's own code (`%s`); the rest is loading, parsing, type-checking and the runtime.\n", sh.inAnalyzer, sh.total, sh.percent, analyzerFuncs)
	}
	if sh.timed {
		fmt.Fprintf(&b, "- Checker timing (`-debug=tp`, sequential): all analysis actions together took %s of a %s run (%.1f%%).",
			sh.actions.Round(time.Millisecond), sh.wall.Round(time.Millisecond), 100*sh.actions.Seconds()/sh.wall.Seconds())
		if len(sh.slowest) > 0 {
			fmt.Fprintf(&b, " Slowest actions: %s.", strings.Join(sh.slowest, "; "))
		}
		b.WriteString("\n")
	}
	if sh.scope != "" {
		fmt.Fprintf(&b, "- The driver (`-debug=v`): %s (every other dependency is read from export data only).\n", sh.scope)
	}
	if sh.note != "" {
		fmt.Fprintf(&b, "- %s\n", strings.TrimSpace(sh.note))
	}
	return b.String()
}
