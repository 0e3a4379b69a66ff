package driver

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/types"
)

// checkSeparately parses u's package and type-checks it against the
// export data of its imports (which go list -export produced for the
// load anyway). The package and its imports form a universe of their
// own; facts cross into other universes by object path.
func (u *unit) checkSeparately() error {
	p := u.pkg
	if len(p.CompiledGoFiles) == 0 {
		return fmt.Errorf("%s: no files to analyse", p.ID)
	}
	u.fset = p.Fset
	for _, name := range p.CompiledGoFiles {
		f, err := parser.ParseFile(u.fset, name, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		u.files = append(u.files, f)
	}

	u.separate = make(map[string]*types.Package)
	importer := &exportImporter{fset: u.fset, universe: u.separate, lookup: func(path string) (string, string, error) {
		imp := p.Imports[path]
		if imp == nil {
			return "", "", fmt.Errorf("can't resolve import %q", path)
		}
		return imp.PkgPath, imp.ExportFile, nil
	}}

	u.info = newTypesInfo()
	u.sizes = p.TypesSizes
	conf := &types.Config{
		Importer: importer,
		Sizes:    u.sizes,
		Error: func(err error) {
			if terr, ok := err.(types.Error); ok {
				u.typeErrors = append(u.typeErrors, terr)
			}
		},
	}
	if m := p.Module; m != nil && m.GoVersion != "" {
		conf.GoVersion = "go" + m.GoVersion
	}
	pkg, _ := conf.Check(p.PkgPath, u.fset, u.files, u.info)
	u.types = pkg
	u.illTyped = len(u.typeErrors) > 0
	if u.illTyped {
		return fmt.Errorf("%s: %v", p.ID, u.typeErrors[0])
	}
	return nil
}

// newTypesInfo returns a types.Info that records everything an analyzer
// may ask for, as go/packages does.
func newTypesInfo() *types.Info {
	return &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
}
