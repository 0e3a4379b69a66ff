package driver

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/parser"
	"go/types"
	"os"

	"golang.org/x/tools/go/gcexportdata"
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
	importer := importerFunc(func(path string) (*types.Package, error) {
		if path == "unsafe" {
			return types.Unsafe, nil
		}
		imp := p.Imports[path]
		if imp == nil {
			return nil, fmt.Errorf("can't resolve import %q", path)
		}
		if pkg := u.separate[imp.PkgPath]; pkg != nil && pkg.Complete() {
			return pkg, nil
		}
		if imp.ExportFile == "" {
			return nil, fmt.Errorf("no export data for %q", imp.PkgPath)
		}
		f, err := os.Open(imp.ExportFile)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r, err := gcexportdata.NewReader(bufio.NewReader(f))
		if err != nil {
			return nil, fmt.Errorf("reading export data for %q: %v", imp.PkgPath, err)
		}
		return gcexportdata.Read(r, u.fset, u.separate, imp.PkgPath)
	})

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

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

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
