package driver

import (
	"fmt"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"
)

// load loads the packages named by patterns the way a fact-free checker
// does: syntax and types for the named packages, export data for their
// dependencies. The export files are kept so that the few dependencies
// that need analysing from source can be type-checked against them.
func load(patterns []string, tests bool, tags string) ([]*packages.Package, error) {
	conf := &packages.Config{
		Mode:  packages.LoadSyntax | packages.NeedModule | packages.NeedExportFile,
		Tests: tests,
	}
	if tags != "" {
		conf.BuildFlags = []string{"-tags=" + tags}
	}
	pkgs, err := packages.Load(conf, patterns...)
	if err == nil && len(pkgs) == 0 {
		err = fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	return pkgs, err
}

// factDeps returns the dependencies of roots, not roots themselves, that
// must be analysed for facts: those that can export a fact (see
// [Scope.mayExportFacts]) and that a root importing a client reaches
// through packages that can export facts too. Everything else, the
// standard library included, is left as export data.
func (s *Scope) factDeps(roots []*packages.Package) []*packages.Package {
	isRoot := make(map[*packages.Package]bool, len(roots))
	for _, r := range roots {
		isRoot[r] = true
	}
	var deps []*packages.Package
	seen := make(map[*packages.Package]bool)
	var visit func(p *packages.Package)
	visit = func(p *packages.Package) {
		for _, path := range sortedImports(p) {
			imp := p.Imports[path]
			if seen[imp] {
				continue
			}
			seen[imp] = true
			if !s.mayExportFacts(imp) {
				continue
			}
			if !isRoot[imp] {
				deps = append(deps, imp)
			}
			visit(imp)
		}
	}
	for _, r := range roots {
		if s.importsClient(r) {
			visit(r)
			continue
		}
		// A root without a client of its own consumes the facts of the
		// client users it imports (function summaries).
		for _, path := range sortedImports(r) {
			imp := r.Imports[path]
			if !s.ClientUsersExport || seen[imp] || !s.importsClient(imp) || !s.mayExportFacts(imp) {
				continue
			}
			seen[imp] = true
			if !isRoot[imp] {
				deps = append(deps, imp)
			}
			visit(imp)
		}
	}
	return deps
}

// importsClient reports whether p imports one of the client packages.
func (s *Scope) importsClient(p *packages.Package) bool {
	for _, imp := range p.Imports {
		if s.IsClient(imp.PkgPath) {
			return true
		}
	}
	return false
}

// mayExportFacts reports whether the analyzer may export a fact about p:
// p is outside the standard library and the client libraries, and imports
// one of the fact imports.
func (s *Scope) mayExportFacts(p *packages.Package) bool {
	if isStandard(p) || s.inClientTree(p.PkgPath) {
		return false
	}
	if s.ClientUsersExport && s.importsClient(p) {
		return true
	}
	for _, imp := range p.Imports {
		if s.isFactImport(imp.PkgPath) {
			return true
		}
	}
	return false
}

// isStandard reports whether p belongs to the standard library.
func isStandard(p *packages.Package) bool {
	return p.Module == nil && isStandardPath(p.PkgPath)
}

// isStandardPath reports whether the path of a package outside any module
// is in the standard library: it has no dot in its first element, and is
// not the package go builds from files named on the command line.
func isStandardPath(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".") && path != "command-line-arguments"
}

func sortedImports(p *packages.Package) []string {
	paths := make([]string, 0, len(p.Imports))
	for path := range p.Imports {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	return paths
}
