package driver

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"log"
	"os"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/objectpath"
)

// A unit is a package the driver analyses from source: a root, or a
// dependency analysed only for its facts.
type unit struct {
	pkg  *packages.Package
	root bool
	deps []*unit // nearest units among pkg's transitive imports

	// The package as the analyzer sees it. For roots (and dependencies
	// that go/packages loaded from source) these come from go/packages and
	// share its types universe; other dependencies are type-checked
	// separately against export data (see checkSeparately) and live in a
	// universe of their own.
	fset       *token.FileSet
	files      []*ast.File
	types      *types.Package
	info       *types.Info
	sizes      types.Sizes
	typeErrors []types.Error
	illTyped   bool
	separate   map[string]*types.Package // the separate universe, by package path; nil for go/packages'
	loadErr    error
	imported   []vetxFact // under go vet: the facts of the imports, from their .vetx files

	once     sync.Once
	actions  map[*analysis.Analyzer]*action
	duration time.Duration
}

// An action is one analyzer applied to one unit.
type action struct {
	a           *analysis.Analyzer
	result      any
	err         error
	diagnostics []analysis.Diagnostic

	// Facts visible to the pass, keyed by objects of the unit's universe.
	objectFacts  map[objectFactKey]analysis.Fact
	packageFacts map[packageFactKey]analysis.Fact

	// The unit's own facts, keyed by object path, for importers.
	exported []portableFact
}

type objectFactKey struct {
	obj types.Object
	typ reflect.Type
}

type packageFactKey struct {
	pkg *types.Package
	typ reflect.Type
}

// A portableFact is a fact about an object of the unit's package (path
// != "" ) or about the package itself, in a form that any universe that
// sees the package can decode, as unitchecker's .vetx files do.
type portableFact struct {
	path objectpath.Path
	fact analysis.Fact
}

// An analysisRun applies an analyzer (and those it requires) to the
// roots, and its fact-producing part to the fact dependencies.
type analysisRun struct {
	analyzer   *analysis.Analyzer
	order      []*analysis.Analyzer // a and its requirements, requirements first
	factOrder  []*analysis.Analyzer // the part of order that facts need
	sequential bool
	factLog    *log.Logger
	// limit bounds the units analysed at once: running more than there
	// are CPUs gains no time and holds more analyzer state in memory.
	limit chan struct{}
}

func newAnalysisRun(a *analysis.Analyzer) *analysisRun {
	r := &analysisRun{analyzer: a, limit: make(chan struct{}, runtime.GOMAXPROCS(0))}
	seen := make(map[*analysis.Analyzer]bool)
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, req := range a.Requires {
			visit(req)
		}
		r.order = append(r.order, a)
	}
	visit(a)
	for _, a := range r.order {
		if usesFacts(a) {
			r.factOrder = append(r.factOrder, a)
		}
	}
	return r
}

// usesFacts reports whether a or any analyzer it requires declares facts.
func usesFacts(a *analysis.Analyzer) bool {
	if len(a.FactTypes) > 0 {
		return true
	}
	for _, req := range a.Requires {
		if usesFacts(req) {
			return true
		}
	}
	return false
}

// buildUnits makes the units for roots and factDeps and, if facts flow,
// links each to the nearest units among its transitive imports. Without
// facts the roots are independent and all run in parallel.
func buildUnits(roots, factDeps []*packages.Package, facts bool) []*unit {
	units := make(map[*packages.Package]*unit)
	var rootUnits []*unit
	for _, p := range roots {
		u := &unit{pkg: p, root: true}
		units[p] = u
		rootUnits = append(rootUnits, u)
	}
	for _, p := range factDeps {
		units[p] = &unit{pkg: p}
	}
	if !facts || len(factDeps) == 0 && !anyImportsRoot(roots, units) {
		return rootUnits
	}

	// nearest[p] lists the units reachable from p through non-units.
	nearest := make(map[*packages.Package][]*unit)
	var below func(p *packages.Package) []*unit
	below = func(p *packages.Package) []*unit {
		if us, ok := nearest[p]; ok {
			return us
		}
		nearest[p] = nil // (import cycles are impossible; this guards recursion)
		var us []*unit
		seen := make(map[*unit]bool)
		for _, path := range sortedImports(p) {
			imp := p.Imports[path]
			var add []*unit
			if u, ok := units[imp]; ok {
				add = []*unit{u}
			} else {
				add = below(imp)
			}
			for _, u := range add {
				if !seen[u] {
					seen[u] = true
					us = append(us, u)
				}
			}
		}
		nearest[p] = us
		return us
	}
	for p, u := range units {
		u.deps = below(p)
	}
	return rootUnits
}

// anyImportsRoot reports whether a root imports another root directly
// (a common case: a package and its external test package).
func anyImportsRoot(roots []*packages.Package, units map[*packages.Package]*unit) bool {
	for _, r := range roots {
		for _, imp := range r.Imports {
			if _, ok := units[imp]; ok {
				return true
			}
		}
	}
	return false
}

// execAll executes the units, each after its dependencies.
func (r *analysisRun) execAll(units []*unit) {
	var wg sync.WaitGroup
	for _, u := range units {
		if r.sequential {
			r.exec(u)
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.exec(u)
		}()
	}
	wg.Wait()
}

func (r *analysisRun) exec(u *unit) {
	u.once.Do(func() {
		r.execAll(u.deps)
		r.limit <- struct{}{}
		defer func() { <-r.limit }()
		t0 := time.Now()
		defer func() { u.duration = time.Since(t0) }()
		if u.types == nil && u.loadErr == nil {
			u.prepare()
		}
		order := r.order
		if !u.root {
			order = r.factOrder
		}
		u.actions = make(map[*analysis.Analyzer]*action)
		for _, a := range order {
			u.actions[a] = r.runAction(u, a)
		}
	})
}

// prepare fills in the unit's syntax and types: from go/packages if it
// loaded the package from source, else by type-checking it separately.
func (u *unit) prepare() {
	p := u.pkg
	if p.TypesInfo != nil && p.Types != nil {
		u.fset, u.files, u.types, u.info = p.Fset, p.Syntax, p.Types, p.TypesInfo
		u.sizes, u.typeErrors, u.illTyped = p.TypesSizes, p.TypeErrors, p.IllTyped
		return
	}
	u.loadErr = u.checkSeparately()
}

// runAction applies analyzer a to unit u.
func (r *analysisRun) runAction(u *unit, a *analysis.Analyzer) *action {
	act := &action{a: a}
	if u.loadErr != nil {
		act.err = u.loadErr
		return act
	}

	inputs := make(map[*analysis.Analyzer]any)
	var failed []string
	for _, req := range a.Requires {
		reqAct := u.actions[req]
		if reqAct.err != nil {
			failed = append(failed, req.String())
			continue
		}
		inputs[req] = reqAct.result
	}
	if failed != nil {
		sort.Strings(failed)
		act.err = fmt.Errorf("failed prerequisites: %s", strings.Join(failed, ", "))
		return act
	}

	act.objectFacts = make(map[objectFactKey]analysis.Fact)
	act.packageFacts = make(map[packageFactKey]analysis.Fact)
	if len(a.FactTypes) > 0 {
		act.objectFacts, act.packageFacts = u.inheritFacts(a)
	}

	module := &analysis.Module{}
	if m := u.pkg.Module; m != nil {
		module = &analysis.Module{Path: m.Path, Version: m.Version, Main: m.Main, Dir: m.Dir, GoMod: m.GoMod, GoVersion: m.GoVersion}
	}
	pass := &analysis.Pass{
		Analyzer:     a,
		Fset:         u.fset,
		Files:        u.files,
		OtherFiles:   u.pkg.OtherFiles,
		IgnoredFiles: u.pkg.IgnoredFiles,
		Pkg:          u.types,
		TypesInfo:    u.info,
		TypesSizes:   u.sizes,
		TypeErrors:   u.typeErrors,
		Module:       module,
		ResultOf:     inputs,
		Report: func(d analysis.Diagnostic) {
			act.diagnostics = append(act.diagnostics, d)
		},
		ReadFile: readFileFor(u),
	}
	pass.ImportObjectFact = act.importObjectFact
	pass.ImportPackageFact = act.importPackageFact
	pass.AllObjectFacts = act.allObjectFacts
	pass.AllPackageFacts = act.allPackageFacts
	pass.ExportObjectFact = func(obj types.Object, fact analysis.Fact) {
		if obj.Pkg() != u.types {
			log.Panicf("%s: can't export a fact about %s, an object of another package", u.pkg.ID, obj)
		}
		act.objectFacts[objectFactKey{obj, reflect.TypeOf(fact)}] = fact
		if r.factLog != nil {
			r.factLog.Printf("%s: object %s has fact %s", u.fset.Position(obj.Pos()), types.ObjectString(obj, (*types.Package).Name), fact)
		}
	}
	pass.ExportPackageFact = func(fact analysis.Fact) {
		act.packageFacts[packageFactKey{u.types, reflect.TypeOf(fact)}] = fact
		if r.factLog != nil {
			r.factLog.Printf("%s: package %s has fact %s", u.pkg.ID, u.types.Path(), fact)
		}
	}

	act.result, act.err = func() (any, error) {
		if u.illTyped && !a.RunDespiteErrors {
			return nil, fmt.Errorf("analysis skipped due to errors in package")
		}
		result, err := a.Run(pass)
		if err != nil {
			return nil, err
		}
		if got, want := reflect.TypeOf(result), a.ResultType; got != want {
			return nil, fmt.Errorf("internal error: on package %s, analyzer %s returned a result of type %v, but declared ResultType %v",
				pass.Pkg.Path(), a, got, want)
		}
		return result, nil
	}()
	pass.ExportObjectFact = nil
	pass.ExportPackageFact = nil
	if act.err == nil {
		resolveURLs(a, act.diagnostics)
	}
	if len(a.FactTypes) > 0 {
		act.exported = u.portableFacts(act)
	}
	return act
}

// readFileFor returns the Pass.ReadFile of u: it allows the package's
// own files only, as x/tools' drivers do.
func readFileFor(u *unit) func(string) ([]byte, error) {
	allowed := make(map[string]bool)
	for _, list := range [][]string{u.pkg.CompiledGoFiles, u.pkg.GoFiles, u.pkg.OtherFiles, u.pkg.IgnoredFiles, u.pkg.EmbedFiles} {
		for _, f := range list {
			allowed[f] = true
		}
	}
	return func(name string) ([]byte, error) {
		if !allowed[name] {
			return nil, fmt.Errorf("Pass.ReadFile: %s is not among OtherFiles, IgnoredFiles, or names of Files", name)
		}
		return os.ReadFile(name)
	}
}

// portableFacts encodes the facts the pass exported about the unit's own
// package, dropping those about objects that importers cannot name.
func (u *unit) portableFacts(act *action) []portableFact {
	var out []portableFact
	var enc objectpath.Encoder
	for k, fact := range act.objectFacts {
		if k.obj.Pkg() != u.types {
			continue // inherited
		}
		path, err := enc.For(k.obj)
		if err != nil {
			continue // not reachable from the package's API
		}
		out = append(out, portableFact{path, fact})
	}
	for k, fact := range act.packageFacts {
		if k.pkg == u.types {
			out = append(out, portableFact{"", fact})
		}
	}
	return out
}

// inheritFacts decodes the facts of analyzer a exported by the units
// below u into u's universe.
func (u *unit) inheritFacts(a *analysis.Analyzer) (map[objectFactKey]analysis.Fact, map[packageFactKey]analysis.Fact) {
	objectFacts := make(map[objectFactKey]analysis.Fact)
	packageFacts := make(map[packageFactKey]analysis.Fact)
	seen := make(map[*unit]bool)
	var visit func(us []*unit)
	visit = func(us []*unit) {
		for _, dep := range us {
			if seen[dep] {
				continue
			}
			seen[dep] = true
			visit(dep.deps)
			act := dep.actions[a]
			if act == nil || len(act.exported) == 0 {
				continue
			}
			pkg := u.view(dep.pkg)
			if pkg == nil {
				continue // not visible from u
			}
			for _, f := range act.exported {
				if f.path == "" {
					packageFacts[packageFactKey{pkg, reflect.TypeOf(f.fact)}] = f.fact
					continue
				}
				obj, err := objectpath.Object(pkg, f.path)
				if err != nil {
					continue // not in u's view of the package
				}
				objectFacts[objectFactKey{obj, reflect.TypeOf(f.fact)}] = f.fact
			}
		}
	}
	visit(u.deps)

	if len(u.imported) > 0 {
		types := make(map[reflect.Type]bool)
		for _, f := range a.FactTypes {
			types[reflect.TypeOf(f)] = true
		}
		for _, f := range u.imported {
			typ := reflect.TypeOf(f.Fact)
			pkg := u.separate[f.Pkg]
			if !types[typ] || pkg == nil {
				continue
			}
			if f.Object == "" {
				packageFacts[packageFactKey{pkg, typ}] = f.Fact
				continue
			}
			if obj, err := objectpath.Object(pkg, f.Object); err == nil {
				objectFacts[objectFactKey{obj, typ}] = f.Fact
			}
		}
	}
	return objectFacts, packageFacts
}

// view returns the package p as seen from u's universe, or nil.
func (u *unit) view(p *packages.Package) *types.Package {
	if u.separate != nil {
		return u.separate[p.PkgPath]
	}
	return p.Types
}

func (act *action) importObjectFact(obj types.Object, ptr analysis.Fact) bool {
	if obj == nil {
		panic("nil object")
	}
	if v, ok := act.objectFacts[objectFactKey{obj, reflect.TypeOf(ptr)}]; ok {
		reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(v).Elem())
		return true
	}
	return false
}

func (act *action) importPackageFact(pkg *types.Package, ptr analysis.Fact) bool {
	if pkg == nil {
		panic("nil package")
	}
	if v, ok := act.packageFacts[packageFactKey{pkg, reflect.TypeOf(ptr)}]; ok {
		reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(v).Elem())
		return true
	}
	return false
}

func (act *action) allObjectFacts() []analysis.ObjectFact {
	facts := make([]analysis.ObjectFact, 0, len(act.objectFacts))
	for k, fact := range act.objectFacts {
		facts = append(facts, analysis.ObjectFact{Object: k.obj, Fact: fact})
	}
	return facts
}

func (act *action) allPackageFacts() []analysis.PackageFact {
	facts := make([]analysis.PackageFact, 0, len(act.packageFacts))
	for k, fact := range act.packageFacts {
		facts = append(facts, analysis.PackageFact{Package: k.pkg, Fact: fact})
	}
	return facts
}
