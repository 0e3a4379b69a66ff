// Package driver is the command-line driver of redistlslint: a standalone
// checker that loads packages with go/packages, and a go vet tool
// (-vettool) that follows the unitchecker protocol.
//
// The standalone checker keeps the conventions of x/tools' singlechecker
// (flags -json, -fix, -diff, -test, -c; exit 0 clean, 3 with findings, 1
// on errors; analyzer flags unprefixed) but not its cost: singlechecker
// type-checks every dependency from source, the standard library
// included, as soon as an analyzer declares a fact type. This driver loads
// what a fact-free checker loads (syntax for the named packages, export
// data for dependencies) and analyses from source only the few
// dependencies whose facts can reach a root: see [Scope].
package driver

import (
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Main is the main function of a checker for a. It runs standalone
// (redistlslint ./...) or, when invoked by go vet -vettool, as a
// unitchecker.
func Main(a *analysis.Analyzer) {
	os.Exit(run(a, redisScope, os.Args[1:]))
}

// options holds the driver's flags.
type options struct {
	json, sarif   bool
	fix, diff     bool
	tests         bool
	context       int
	tags          string // build tags, for the package loader and go vet
	showAccepted  bool   // text output: list the findings the code accepted
	newFromRev    string // report only findings on lines changed since this revision
	deploy        deployFlag
	debug         string
	cpuProfile    string
	memProfile    string
	analyzerFlags []string // analyzer flags set on the command line, for go vet -fix
}

func (o *options) dbg(b byte) bool { return strings.IndexByte(o.debug, b) >= 0 }

// run runs the driver and returns the exit code.
func run(a *analysis.Analyzer, scope Scope, args []string) int {
	log.SetFlags(0)
	log.SetPrefix(a.Name + ": ")
	if err := analysis.Validate([]*analysis.Analyzer{a}); err != nil {
		log.Print(err)
		return 1
	}

	if asked, full := versionRequest(args); asked {
		return printVersion(os.Stdout, a.Name, full)
	}
	if isVetProtocol(args) {
		return vetMain(a, scope, args)
	}

	opts, patterns, code := parseFlags(a, args)
	if code >= 0 {
		return code
	}
	if len(patterns) == 1 && patterns[0] == "help" {
		usage(a, os.Stdout)
		return 0
	}
	if len(patterns) == 0 {
		usage(a, os.Stderr)
		return 1
	}
	if opts.json && opts.sarif {
		log.Print("-json and -sarif cannot be used together")
		return 1
	}
	if opts.diff && !opts.fix {
		// As in x/tools, -diff only makes sense with -fix; accept it alone too.
		opts.fix = true
	}
	if opts.fix && opts.newFromRev != "" {
		log.Print("-new-from-rev cannot be used with -fix or -diff: fixes apply to whole packages")
		return 1
	}
	if opts.fix {
		return fixWithVet(a, scope, opts, patterns)
	}

	if opts.cpuProfile != "" {
		f, err := os.Create(opts.cpuProfile)
		if err != nil {
			log.Print(err)
			return 1
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Print(err)
			return 1
		}
		defer pprof.StopCPUProfile()
	}
	if opts.memProfile != "" {
		defer writeMemProfile(opts.memProfile)
	}

	return check(a, scope, opts, patterns)
}

// isVetProtocol reports whether the arguments are those of go vet's
// protocol: -V=full, -flags, or flags followed by a single *.cfg file.
func isVetProtocol(args []string) bool {
	for _, arg := range args {
		switch strings.TrimPrefix(arg, "-") {
		case "V=full", "-V=full", "flags", "-flags":
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

// newFlagSet returns the command line's flags, bound to opts, with the
// analyzer's flags unprefixed.
func newFlagSet(a *analysis.Analyzer, opts *options) *flag.FlagSet {
	fs := flag.NewFlagSet(a.Name, flag.ContinueOnError)
	fs.BoolVar(&opts.json, "json", false, "emit JSON output")
	fs.BoolVar(&opts.sarif, "sarif", false, "emit a SARIF 2.1.0 log (for GitHub code scanning) on standard output")
	fs.BoolVar(&opts.fix, "fix", false, "apply all suggested fixes (runs go vet -vettool=<this program> -fix)")
	fs.BoolVar(&opts.diff, "diff", false, "with -fix, don't update the files, but print a unified diff")
	fs.BoolVar(&opts.tests, "test", true, "indicates whether test files should be analyzed, too")
	fs.IntVar(&opts.context, "c", -1, "display offending line with this many lines of context")
	fs.StringVar(&opts.debug, "debug", "", `debug flags, any subset of "fptv" (facts, sequential, timing, verbose)`)
	fs.StringVar(&opts.tags, "tags", "", "comma-separated build tags, as for go build (also passed to go vet by -fix)")
	fs.BoolVar(&opts.showAccepted, "show-accepted", false, "text output: also list the findings the code accepted, with their reasons")
	fs.Var(&opts.deploy, "deploy", "deployment config to judge against the code's environment reads: off, or comma-separated folders (default: the module root)")
	fs.StringVar(&opts.newFromRev, "new-from-rev", "", "report only findings on lines changed since this git revision (git diff REV, and untracked files)")
	fs.StringVar(&opts.cpuProfile, "cpuprofile", "", "write CPU profile to this file")
	fs.StringVar(&opts.memProfile, "memprofile", "", "write memory profile to this file")
	fs.Bool("version", false, "print the version (module version, VCS revision, Go version) and exit")
	a.Flags.VisitAll(func(f *flag.Flag) {
		if fs.Lookup(f.Name) != nil {
			log.Printf("%s flag -%s would conflict with driver; skipping", a.Name, f.Name)
			return
		}
		fs.Var(f.Value, f.Name, f.Usage)
	})
	fs.SetOutput(io.Discard)
	return fs
}

// parseFlags parses the driver's and the analyzer's flags. It returns the
// remaining arguments, and an exit code >= 0 if the program should stop.
func parseFlags(a *analysis.Analyzer, args []string) (*options, []string, int) {
	opts := &options{}
	fs := newFlagSet(a, opts)
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			usage(a, os.Stdout)
			return nil, nil, 0
		}
		log.Print(flagError(err, fs))
		return nil, nil, 1
	}
	if bad := strings.Trim(opts.debug, debugLetters); bad != "" {
		log.Printf("invalid value %q for flag -debug: unknown letters %q; want any of %q (f facts, p sequential, t timing, v verbose)", opts.debug, uniqueLetters(bad), debugLetters)
		return nil, nil, 1
	}
	if opts.context < -1 {
		log.Printf("invalid value %d for flag -c: want a number of lines, 0 or more", opts.context)
		return nil, nil, 1
	}
	fs.Visit(func(f *flag.Flag) {
		if a.Flags.Lookup(f.Name) != nil {
			opts.analyzerFlags = append(opts.analyzerFlags, "-"+f.Name+"="+f.Value.String())
		}
	})
	return opts, fs.Args(), -1
}

// debugLetters are the letters -debug accepts.
const debugLetters = "fptv"

// uniqueLetters returns the distinct characters of s that are not debug
// letters, in order.
func uniqueLetters(s string) string {
	var b strings.Builder
	for _, r := range s {
		if !strings.ContainsRune(debugLetters, r) && !strings.ContainsRune(b.String(), r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// flagError completes the flag package's message with what is accepted.
func flagError(err error, fs *flag.FlagSet) string {
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "flag provided but not defined"):
		var names []string
		fs.VisitAll(func(f *flag.Flag) { names = append(names, "-"+f.Name) })
		msg += "; known flags: " + strings.Join(names, " ") + " (-help describes them)"
	case strings.HasPrefix(msg, "invalid boolean value"):
		msg = strings.TrimSuffix(msg, ": parse error") + "; want true or false"
	case strings.Contains(msg, "for flag -c: parse error"):
		msg = strings.TrimSuffix(msg, ": parse error") + "; want a number of lines"
	}
	return msg
}

// usage prints the analyzer's documentation and the flags.
func usage(a *analysis.Analyzer, w io.Writer) {
	paras := strings.Split(a.Doc, "\n\n")
	fmt.Fprintf(w, "%s: %s\n\n", a.Name, paras[0])
	fmt.Fprintf(w, "Usage: %s [-flag] [package...]\n", a.Name)
	fmt.Fprintf(w, "       go vet -vettool=$(which %s) [-flag] [package...]\n\n", a.Name)
	if len(paras) > 1 {
		fmt.Fprintln(w, strings.Join(paras[1:], "\n\n"))
	}
	fmt.Fprintln(w, "\nFlags:")
	fs := newFlagSet(a, &options{})
	fs.SetOutput(w)
	fs.PrintDefaults()
}

func writeMemProfile(name string) {
	f, err := os.Create(name)
	if err != nil {
		log.Print(err)
		return
	}
	defer f.Close()
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		log.Print(err)
	}
}

// selfPath returns the path of the running executable, for go vet -vettool.
func selfPath() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	return filepath.Abs(exe)
}
