package driver

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"log"
	"os"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"
	"golang.org/x/tools/go/analysis/unitchecker"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/objectpath"
)

// This file implements go vet's per-package protocol (a *.cfg file naming
// one package) for analyzers with facts, without the cost unitchecker
// pays for them: go vet runs the tool on every package of the build, the
// standard library included, and unitchecker parses and type-checks each
// one to write its types into the .vetx file that the importers' runs
// read.
//
// Here a package that cannot matter (the standard library, the client
// libraries themselves, and packages importing neither a client nor a
// fact import; see Scope) is not even parsed: its .vetx file is empty.
// The others are type-checked against the compiler's export data, which
// go vet lists in the config (PackageFile) for every import, so no .vetx
// file ever needs types; it carries facts only, those of the package and
// those it inherited, keyed by object path. A package the scope skips
// passes on no facts: an importer that reaches a fact through it without
// importing the fact's package itself does not see it (as in standalone
// mode).
//
// Only this program reads these .vetx files. go vet -fix (and go fix) use
// unitchecker unchanged: their flags differ, so go vet caches their .vetx
// files apart.

// vetMain runs the vet protocol and returns the exit code.
func vetMain(a *analysis.Analyzer, scope Scope, args []string) int {
	if wantsUnitchecker(args) {
		// singlechecker, not unitchecker.Main: it serves the same
		// protocol but keeps the analyzer's flags unprefixed, as go vet
		// users write them (-plaintext-hosts, not -redistlslint.plaintext-hosts).
		// -new-from-rev is listed for go vet (which asks -flags) and
		// passed to every run; it cannot filter fixes. (-show-accepted
		// is not: Go 1.26's go vet runs the tool with -json and prints
		// the findings itself.)
		flag.String("new-from-rev", "", "report only findings on lines changed since this git revision (git diff REV, and untracked files)")
		for _, arg := range args {
			if v, ok := strings.CutPrefix(strings.TrimLeft(arg, "-"), "new-from-rev="); ok && v != "" && !isFlagsRequest(args) && !vetxOnly(args) {
				// Said once per package go vet fixes, not for
				// each dependency it only wants facts from.
				log.Print("-new-from-rev cannot be used with -fix or -diff: fixes apply to whole packages")
				return 1
			}
		}
		os.Args = append([]string{os.Args[0]}, args...)
		singlechecker.Main(a) // exits
	}

	var jsonOut bool
	var newFromRev string
	context := -1
	fs := flag.NewFlagSet(a.Name, flag.ContinueOnError)
	fs.BoolVar(&jsonOut, "json", false, "emit JSON output")
	fs.IntVar(&context, "c", -1, "display offending line with this many lines of context")
	for _, name := range []string{"source", "v", "all"} { // legacy vet flags, no effect
		fs.Bool(name, false, "no effect (deprecated)")
	}
	fs.String("tags", "", "no effect (deprecated)")
	fs.StringVar(&newFromRev, "new-from-rev", "", "report only findings on lines changed since this git revision")
	a.Flags.VisitAll(func(f *flag.Flag) {
		if fs.Lookup(f.Name) == nil {
			fs.Var(f.Value, f.Name, f.Usage)
		}
	})
	if err := fs.Parse(args); err != nil {
		log.Print(err)
		return 1
	}
	data, err := os.ReadFile(fs.Arg(0))
	if err != nil {
		log.Print(err)
		return 1
	}
	cfg := new(unitchecker.Config)
	if err := json.Unmarshal(data, cfg); err != nil {
		log.Printf("cannot decode JSON config file %s: %v", fs.Arg(0), err)
		return 1
	}
	if cfg.Stdout != "" {
		f, err := os.Create(cfg.Stdout)
		if err != nil {
			log.Print(err)
			return 1
		}
		defer f.Close()
		os.Stdout = f
	}

	for _, fact := range factTypes(newAnalysisRun(a).order) {
		gob.Register(fact) // before vetRelevant reads the imports' facts
	}
	if !scope.vetRelevant(cfg) {
		vetTrace("skip", cfg.ID, cfg.VetxOnly)
		if err := writeVetx(cfg.VetxOutput, nil); err != nil {
			log.Print(err)
			return 1
		}
		if jsonOut && !cfg.VetxOnly {
			fmt.Println("{}")
		}
		return 0
	}
	vetTrace("check", cfg.ID, cfg.VetxOnly)

	r := newAnalysisRun(a)
	r.sequential = true
	u, imported, err := vetUnit(cfg)
	if err != nil {
		if cfg.VetxOnly {
			return 1
		}
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	u.imported = imported
	r.exec(u)
	if newFromRev != "" && !cfg.VetxOnly {
		changed, err := gitChanges(workDir(), newFromRev)
		if err != nil {
			log.Print(err)
			return 1
		}
		changed.filter(a, []*unit{u})
	}

	if err := writeVetx(cfg.VetxOutput, u.vetxFacts(imported)); err != nil {
		log.Printf("writing facts: %v", err)
		return 1
	}
	if cfg.VetxOnly {
		return 0
	}
	graph := resultGraph(a, []*unit{u})
	if jsonOut {
		graph.PrintJSON(os.Stdout) // ignore error, as unitchecker does
		return 0
	}
	// (Go 1.26's go vet asks for -json and prints the findings itself;
	// this is for other callers of the protocol.) Positions stay
	// absolute: the go command shortens them.
	tp := newTextPrinter(os.Stderr, context)
	tp.cwd = ""
	if diags, errs := tp.printUnits(a, []*unit{u}, false); diags > 0 || errs > 0 {
		return 1
	}
	return 0
}

// vetxOnly reports whether the vet protocol request (a *.cfg file last)
// asks for facts only, for a dependency.
func vetxOnly(args []string) bool {
	if len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") {
		return false
	}
	data, err := os.ReadFile(args[len(args)-1])
	if err != nil {
		return false
	}
	var cfg struct{ VetxOnly bool }
	return json.Unmarshal(data, &cfg) == nil && cfg.VetxOnly
}

// isFlagsRequest reports whether go vet asks for the tool's flags.
func isFlagsRequest(args []string) bool {
	for _, arg := range args {
		if strings.TrimLeft(arg, "-") == "flags" {
			return true
		}
	}
	return false
}

// wantsUnitchecker reports whether the vet protocol request is one that
// unitchecker serves as is: -V=full, -flags, and fixing (go vet -fix,
// go fix).
func wantsUnitchecker(args []string) bool {
	for _, arg := range args {
		switch strings.TrimLeft(arg, "-") {
		case "V=full", "flags", "fix", "fix=true", "diff", "diff=true":
			return true
		}
	}
	return false
}

// vetTrace logs the decision about a package to the file named by
// $REDISTLSLINT_VET_TRACE, for tests and for curious users.
func vetTrace(what, id string, vetxOnly bool) {
	name := os.Getenv("REDISTLSLINT_VET_TRACE")
	if name == "" {
		return
	}
	f, err := os.OpenFile(name, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return
	}
	fmt.Fprintf(f, "%s %s vetxonly=%v\n", what, id, vetxOnly)
	f.Close()
}

// vetRelevant reports whether the analyzer can report or export a fact
// in the package cfg describes. A known library is skipped as a
// dependency (its facts are not needed), not when go vet checks it.
func (s *Scope) vetRelevant(cfg *unitchecker.Config) bool {
	if isStandardUnit(cfg) || cfg.VetxOnly && s.inClientTree(cfg.ImportPath) {
		return false
	}
	for _, path := range cfg.ImportMap {
		if s.IsClient(path) || s.isFactImport(path) {
			return true
		}
	}
	return s.importsConsumedFact(cfg)
}

// importsConsumedFact reports whether a direct import of the package has
// a package fact that its importers consume (see Scope.ConsumedFact),
// read from the import's facts file (most are empty), and the package's
// source mentions what the fact names. Reading the source is far cheaper
// than type-checking it: of the packages that import one with function
// summaries (loki's cache, go-zero's redis), most never call a
// summarized function.
func (s *Scope) importsConsumedFact(cfg *unitchecker.Config) bool {
	if s.ConsumedFact == nil {
		return false
	}
	wanted := map[string]*Mentions{} // by import path as written
	for src, path := range cfg.ImportMap {
		file := cfg.PackageVetx[path]
		if file == "" {
			continue
		}
		facts, err := readVetx(file)
		if err != nil {
			continue
		}
		for _, f := range facts {
			if f.Pkg != path || f.Object != "" {
				continue
			}
			if m, ok := s.ConsumedFact(f.Fact); ok {
				if m == nil {
					return true
				}
				wanted[src] = m
			}
		}
	}
	return len(wanted) > 0 && mentionsAny(cfg.GoFiles, wanted)
}

// mentionsAny reports whether one of the files mentions a function or
// method of the imports in wanted (or cannot be read: then it may).
func mentionsAny(files []string, wanted map[string]*Mentions) bool {
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			return true
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, data, parser.ImportsOnly|parser.SkipObjectResolution)
		if err != nil {
			return true
		}
		for _, spec := range f.Imports {
			path, err := strconv.Unquote(spec.Path.Value)
			m := wanted[path]
			if err != nil || m == nil {
				continue
			}
			local := m.Package
			if spec.Name != nil {
				local = spec.Name.Name
			}
			for _, fn := range m.Funcs {
				switch local {
				case "_":
				case ".":
					if containsWord(data, fn, false) {
						return true
					}
				default:
					if containsWord(data, local+"."+fn, false) {
						return true
					}
				}
			}
			for _, method := range m.Methods {
				if containsWord(data, "."+method, true) {
					return true
				}
			}
		}
	}
	return false
}

// containsWord reports whether data contains word with no identifier
// byte after it and, unless dotted (word starts with "."), none before.
func containsWord(data []byte, word string, dotted bool) bool {
	for from := 0; ; {
		i := bytes.Index(data[from:], []byte(word))
		if i < 0 {
			return false
		}
		start, end := from+i, from+i+len(word)
		if (dotted || start == 0 || !isWordByte(data[start-1])) && (end == len(data) || !isWordByte(data[end])) {
			return true
		}
		from = start + 1
	}
}

// isWordByte reports whether b can be part of a Go identifier (non-ASCII
// bytes count: a name next to one is not a whole word).
func isWordByte(b byte) bool {
	return b == '_' || '0' <= b && b <= '9' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || b >= 0x80
}

// isStandardUnit reports whether cfg describes a package of the standard
// library.
func isStandardUnit(cfg *unitchecker.Config) bool {
	return cfg.Module == nil && cfg.ModulePath == "" && isStandardPath(cfg.ImportPath)
}

// vetUnit parses and type-checks the package against the export data of
// its imports, and reads the facts of its imports.
func vetUnit(cfg *unitchecker.Config) (*unit, []vetxFact, error) {
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range cfg.GoFiles {
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, nil, err
		}
		files = append(files, f)
	}

	importer := &exportImporter{fset: fset, universe: make(map[string]*types.Package), lookup: func(importPath string) (string, string, error) {
		path, ok := cfg.ImportMap[importPath]
		if !ok {
			return "", "", fmt.Errorf("can't resolve import %q", importPath)
		}
		return path, cfg.PackageFile[path], nil
	}}

	info := newTypesInfo()
	tc := &types.Config{
		Importer:  importer,
		Sizes:     types.SizesFor("gc", build.Default.GOARCH),
		GoVersion: cfg.GoVersion,
	}
	pkg, err := tc.Check(cfg.ImportPath, fset, files, info)
	if err != nil {
		return nil, nil, err
	}

	var imported []vetxFact
	for _, file := range cfg.PackageVetx {
		facts, err := readVetx(file)
		if err != nil {
			return nil, nil, err
		}
		imported = append(imported, facts...)
	}

	p := &packages.Package{
		ID:              cfg.ID,
		Name:            pkg.Name(),
		PkgPath:         cfg.ImportPath,
		GoFiles:         cfg.GoFiles,
		CompiledGoFiles: cfg.GoFiles,
		OtherFiles:      cfg.NonGoFiles,
		IgnoredFiles:    cfg.IgnoredFiles,
		Fset:            fset,
	}
	if m := cfg.Module; m != nil {
		p.Module = &packages.Module{Path: m.Path, Version: m.Version, Main: m.Main, Dir: m.Dir, GoMod: m.GoMod, GoVersion: m.GoVersion}
	} else if cfg.ModulePath != "" {
		p.Module = &packages.Module{Path: cfg.ModulePath, Version: cfg.ModuleVersion, GoVersion: strings.TrimPrefix(cfg.GoVersion, "go")}
	}
	u := &unit{
		pkg:      p,
		root:     !cfg.VetxOnly,
		fset:     fset,
		files:    files,
		types:    pkg,
		info:     info,
		sizes:    tc.Sizes,
		separate: importer.universe,
	}
	return u, imported, nil
}

// A vetxFact is a fact as stored in a .vetx file: about the object at
// Object (or, if empty, the package) of package Pkg.
type vetxFact struct {
	Pkg    string
	Object objectpath.Path
	Fact   analysis.Fact
}

const vetxMagic = "vetx"

// writeVetx writes facts in the layout of unitchecker's .vetx files (magic,
// lengths of the types and facts sections, then the sections) with an
// empty types section: importers read types from the compiler's export
// data.
func writeVetx(name string, facts []vetxFact) error {
	if name == "" {
		return nil
	}
	var body bytes.Buffer
	if len(facts) > 0 {
		if err := gob.NewEncoder(&body).Encode(facts); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	buf.WriteString(vetxMagic)
	binary.Write(&buf, binary.LittleEndian, uint32(0))
	binary.Write(&buf, binary.LittleEndian, uint32(body.Len()))
	buf.Write(body.Bytes())
	return os.WriteFile(name, buf.Bytes(), 0o666)
}

func readVetx(name string) ([]vetxFact, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	if len(data) < 12 || string(data[:4]) != vetxMagic {
		return nil, fmt.Errorf("invalid vetx file %s", name)
	}
	typesLen := binary.LittleEndian.Uint32(data[4:8])
	factsLen := binary.LittleEndian.Uint32(data[8:12])
	if uint64(12)+uint64(typesLen)+uint64(factsLen) > uint64(len(data)) {
		return nil, fmt.Errorf("invalid vetx file %s: bad lengths", name)
	}
	body := data[12+typesLen : 12+typesLen+factsLen]
	if len(body) == 0 {
		return nil, nil
	}
	var facts []vetxFact
	if err := gob.NewDecoder(bytes.NewReader(body)).Decode(&facts); err != nil {
		return nil, fmt.Errorf("reading facts from %s: %v", name, err)
	}
	return facts, nil
}

// vetxFacts returns the facts for the unit's .vetx file: its own and those
// it inherited, deduplicated and sorted so that the file's content (which
// go vet hashes into its importers' cache keys) is deterministic.
func (u *unit) vetxFacts(imported []vetxFact) []vetxFact {
	type key struct {
		pkg, obj string
		typ      reflect.Type
	}
	all := make(map[key]vetxFact)
	for _, f := range imported {
		all[key{f.Pkg, string(f.Object), reflect.TypeOf(f.Fact)}] = f
	}
	for _, act := range u.actions {
		for _, f := range act.exported {
			all[key{u.pkg.PkgPath, string(f.path), reflect.TypeOf(f.fact)}] = vetxFact{u.pkg.PkgPath, f.path, f.fact}
		}
	}
	out := make([]vetxFact, 0, len(all))
	for _, f := range all {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Pkg != b.Pkg {
			return a.Pkg < b.Pkg
		}
		if a.Object != b.Object {
			return a.Object < b.Object
		}
		return reflect.TypeOf(a.Fact).String() < reflect.TypeOf(b.Fact).String()
	})
	return out
}

// factTypes lists the fact types of the analyzers.
func factTypes(analyzers []*analysis.Analyzer) []analysis.Fact {
	var out []analysis.Fact
	for _, a := range analyzers {
		out = append(out, a.FactTypes...)
	}
	return out
}
