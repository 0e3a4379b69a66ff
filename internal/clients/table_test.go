package clients

import (
	"fmt"
	"go/types"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestTableMatchesLibraries holds the table in go to the real
// libraries at the versions pinned in testdata/realmod/go.mod: every
// package, type, field, function and option a row names must exist there
// with the shape the engine assumes, so that a row cannot drift from the
// library it describes.
func TestTableMatchesLibraries(t *testing.T) {
	pkgs := loadRealClients(t)
	if problems := checkTable(pkgs); len(problems) > 0 {
		t.Errorf("the table in go does not match the libraries pinned in testdata/realmod/go.mod:\n\t%s", strings.Join(problems, "\n\t"))
	}
}

// loadRealClients type-checks every client package the table names, from
// the modules pinned in testdata/realmod (fetched through the module proxy).
func loadRealClients(t *testing.T) map[string]*types.Package {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "realmod"))
	if err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	cmd := exec.Command("go", "mod", "download")
	cmd.Dir, cmd.Env = dir, env
	if out, err := cmd.CombinedOutput(); err != nil {
		msg := "cannot fetch the client modules through the module proxy: " + err.Error() + "\n" + string(out)
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	paths := clientPackages()
	sort.Strings(paths)
	loaded, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedTypes, Dir: dir, Env: env}, paths...)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*types.Package{}
	for _, p := range loaded {
		for _, e := range p.Errors {
			t.Errorf("%s: %v (is its module pinned in testdata/realmod/go.mod and imported by testdata/realmod/tablepins?)", p.PkgPath, e)
		}
		if p.Types != nil && len(p.Errors) == 0 {
			out[p.PkgPath] = p.Types
		}
	}
	for _, path := range paths {
		if out[path] == nil {
			t.Errorf("%s: the table names it but it did not load", path)
		}
	}
	return out
}

// checkTable returns every mismatch between the table and the packages.
func checkTable(pkgs map[string]*types.Package) []string {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	each := func(paths []string, f func(path string, p *types.Package)) {
		for _, path := range paths {
			if p := pkgs[path]; p != nil {
				f(path, p)
			}
		}
	}
	for _, ot := range OptionsTypes {
		each(ot.Pkgs, func(path string, p *types.Package) {
			st := structType(p, ot.Name)
			if st == nil {
				bad("optionsTypes %s.%s: no such struct type", path, ot.Name)
				return
			}
			if ot.TLS != "" && !fieldIs(st, ot.TLS, IsTLSConfig) {
				bad("optionsTypes %s.%s: no field %s of type *tls.Config", path, ot.Name, ot.TLS)
			}
			if ot.TLS == "" && ot.Upgrade == "" {
				bad("optionsTypes %s.%s: neither a TLS field nor an upgrade path", path, ot.Name)
			}
			if ot.Upgrade != "" && fieldWhere(st, IsTLSConfig) != "" {
				bad("optionsTypes %s.%s: the row says it cannot use TLS, but field %s is a *tls.Config", path, ot.Name, fieldWhere(st, IsTLSConfig))
			}
			for _, f := range ot.Addrs {
				if !fieldIs(st, f, isAddrType) {
					bad("optionsTypes %s.%s: no address field %s (string, []string or map[string]string)", path, ot.Name, f)
				}
			}
			if ot.Network != "" && !fieldIs(st, ot.Network, isString) {
				bad("optionsTypes %s.%s: no string field %s", path, ot.Name, ot.Network)
			}
			for _, f := range ot.Dialers {
				if !fieldIs(st, f, func(t types.Type) bool { return isFunc(t) || types.IsInterface(t) }) {
					bad("optionsTypes %s.%s: no dialer field %s (a function or an interface)", path, ot.Name, f)
				}
			}
		})
	}
	for _, u := range URLParsers {
		each(u.Pkgs, func(path string, p *types.Package) {
			sig := funcSig(p, u.Name)
			if sig == nil {
				bad("urlParsers %s.%s: no such function", path, u.Name)
				return
			}
			if !paramIs(sig, u.URLArg, isString) {
				bad("urlParsers %s.%s: argument %d is not the URL string", path, u.Name, u.URLArg)
			}
			if u.DialOpts >= 0 && (!sig.Variadic() || sig.Params().Len()-1 != u.DialOpts) {
				bad("urlParsers %s.%s: the variadic options are not argument %d", path, u.Name, u.DialOpts)
			}
			switch res := sig.Results(); {
			case u.Options == "" && !u.SchemeDecidesTLS:
				bad("urlParsers %s.%s: names no options type, and the scheme does not decide TLS", path, u.Name)
			case u.Options == "":
			case u.ParsedOptions(path) == nil:
				bad("urlParsers %s.%s: returns %s, which no optionsTypes row of the package describes", path, u.Name, u.Options)
			case res.Len() == 0 || !types.IsInterface(res.At(0).Type()) && !isNamed(deref(res.At(0).Type()), path, u.Options):
				bad("urlParsers %s.%s: does not return %s", path, u.Name, u.Options)
			}
		})
	}
	optTypes := map[string][]string{} // package path -> option type names
	for _, d := range DialAPIs {
		each(d.Pkgs, func(path string, p *types.Package) {
			sig := funcSig(p, d.Name)
			if d.Recv != "" {
				sig = methodSig(p, d.Recv, d.Name)
			}
			if sig == nil {
				bad("dialAPIs %s.%s: no such function or method (receiver %q)", path, d.Name, d.Recv)
				return
			}
			if d.FixIn != "" {
				if st := structType(p, d.FixIn); st == nil || !fieldIs(st, d.FixField, func(types.Type) bool { return true }) {
					bad("dialAPIs %s.%s: the fix sets %s.%s, which does not exist", path, d.Name, d.FixIn, d.FixField)
				}
			}
			if d.Network >= 0 && !paramIs(sig, d.Network, isString) {
				bad("dialAPIs %s.%s: argument %d is not the network string", path, d.Name, d.Network)
			}
			if !paramIs(sig, d.Addr, isAddrType) {
				bad("dialAPIs %s.%s: argument %d is not the address (string or []string)", path, d.Name, d.Addr)
			}
			if d.Opts >= 0 {
				if !sig.Variadic() || sig.Params().Len()-1 != d.Opts {
					bad("dialAPIs %s.%s: the variadic options are not argument %d", path, d.Name, d.Opts)
				} else if elem := sig.Params().At(d.Opts).Type().(*types.Slice).Elem(); !isNamed(elem, path, d.OptType) {
					bad("dialAPIs %s.%s: the options are %s, not %s", path, d.Name, elem, d.OptType)
				}
				optTypes[path] = append(optTypes[path], d.OptType)
			}
		})
	}
	for _, o := range DialOptions {
		each(o.Pkgs, func(path string, p *types.Package) {
			sig := funcSig(p, o.Name)
			if sig == nil {
				bad("dialOptions %s.%s: no such function", path, o.Name)
				return
			}
			if sig.Results().Len() != 1 || !slices.ContainsFunc(optTypes[path], func(name string) bool { return isNamed(sig.Results().At(0).Type(), path, name) }) {
				bad("dialOptions %s.%s: does not return an option type of a dialAPIs row (%s)", path, o.Name, strings.Join(optTypes[path], ", "))
			}
			var want func(types.Type) bool
			var what string
			switch o.Kind {
			case OptUseTLS, OptSkipVerify:
				want, what = isBool, "bool"
			case OptUseTLSConfig, OptTLSConfig:
				want, what = IsTLSConfig, "*tls.Config"
			case OptDialer, OptConnFunc:
				want, what = isFunc, "a function"
			default:
				return
			}
			if sig.Params().Len() != 1 || !want(sig.Params().At(0).Type()) {
				bad("dialOptions %s.%s: takes %s, want one %s", path, o.Name, sig.Params(), what)
			}
		})
	}
	for _, f := range DialFields {
		each(f.Pkgs, func(path string, p *types.Package) {
			st := structType(p, f.In)
			if st == nil {
				bad("dialFields %s.%s: no such struct type", path, f.In)
				return
			}
			var want func(types.Type) bool
			var what string
			switch f.Kind {
			case OptNetDialer:
				want, what = types.IsInterface, "an interface (a dialer)"
			case OptDialer, OptConnFunc:
				want, what = isFunc, "a function"
			case OptNested:
				want, what = func(t types.Type) bool {
					n, ok := types.Unalias(t).(*types.Named)
					return ok && n.Obj().Pkg() == p && structType(p, n.Obj().Name()) != nil
				}, "an options struct of the package"
			default:
				want, what = func(types.Type) bool { return true }, "a field"
			}
			if !fieldIs(st, f.Name, want) {
				bad("dialFields %s.%s.%s: not %s", path, f.In, f.Name, what)
			}
		})
	}
	return problems
}

// methodSig finds the method name of the named type recv (value or
// pointer receiver).
func methodSig(p *types.Package, recv, name string) *types.Signature {
	tn, ok := p.Scope().Lookup(recv).(*types.TypeName)
	if !ok {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(tn.Type()), false, p, name)
	fn, ok := obj.(*types.Func)
	if !ok {
		return nil
	}
	return fn.Type().(*types.Signature)
}

func structType(p *types.Package, name string) *types.Struct {
	tn, ok := p.Scope().Lookup(name).(*types.TypeName)
	if !ok {
		return nil
	}
	st, _ := tn.Type().Underlying().(*types.Struct)
	return st
}

func fieldIs(st *types.Struct, name string, ok func(types.Type) bool) bool {
	for i := 0; i < st.NumFields(); i++ {
		if f := st.Field(i); f.Name() == name {
			return ok(f.Type())
		}
	}
	return false
}

func fieldWhere(st *types.Struct, ok func(types.Type) bool) string {
	for i := 0; i < st.NumFields(); i++ {
		if ok(st.Field(i).Type()) {
			return st.Field(i).Name()
		}
	}
	return ""
}

func funcSig(p *types.Package, name string) *types.Signature {
	fn, ok := p.Scope().Lookup(name).(*types.Func)
	if !ok {
		return nil
	}
	return fn.Type().(*types.Signature)
}

func paramIs(sig *types.Signature, i int, ok func(types.Type) bool) bool {
	return i < sig.Params().Len() && ok(sig.Params().At(i).Type())
}

func isNamed(t types.Type, path, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == path && n.Obj().Name() == name
}

func isFunc(t types.Type) bool {
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

// isAddrType: string, []string or map[string]string.
func isAddrType(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Slice:
		return isBasic(u.Elem(), types.String)
	case *types.Map:
		return isBasic(u.Key(), types.String) && isBasic(u.Elem(), types.String)
	}
	return isBasic(t, types.String)
}

func isString(t types.Type) bool { return isBasic(t, types.String) }
func isBool(t types.Type) bool   { return isBasic(t, types.Bool) }

func isBasic(t types.Type, kind types.BasicKind) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == kind
}

func deref(t types.Type) types.Type {
	if p, ok := t.(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// dialExclusions are exported Dial* functions of dial-style client
// packages that return a connection and are deliberately not rows, with
// the reason (package path . name).
var dialExclusions = map[string]string{
	// none: every dial entry point of the pinned versions is a row.
}

// TestDialEntryPointsCovered checks the table against each dial-style
// client package's exported functions at the pinned versions: every
// function whose name starts with Dial and that returns a connection is
// a DialAPIs row, a URLParsers row that dials (DialURL), or a
// DialOptions row, or is listed in dialExclusions. A dial-style package
// is one with a DialAPIs function row with variadic options (redigo,
// radix v3).
func TestDialEntryPointsCovered(t *testing.T) {
	pkgs := loadRealClients(t)
	if problems := checkDialEntryPoints(pkgs); len(problems) > 0 {
		t.Errorf("dial entry points missing from the table (pinned in testdata/realmod/go.mod):\n\t%s", strings.Join(problems, "\n\t"))
	}
}

func checkDialEntryPoints(pkgs map[string]*types.Package) []string {
	covered := map[string]bool{}
	dialStyle := map[string]bool{}
	for _, d := range DialAPIs {
		for _, path := range d.Pkgs {
			if d.Recv == "" {
				covered[path+"."+d.Name] = true
				if d.Opts >= 0 {
					dialStyle[path] = true
				}
			}
		}
	}
	for _, u := range URLParsers {
		for _, path := range u.Pkgs {
			if u.Options == "" {
				covered[path+"."+u.Name] = true // it connects (redigo's DialURL)
			}
		}
	}
	for _, o := range DialOptions {
		for _, path := range o.Pkgs {
			covered[path+"."+o.Name] = true
		}
	}
	var problems []string
	paths := slices.Sorted(maps.Keys(dialStyle))
	for _, path := range paths {
		p := pkgs[path]
		if p == nil {
			continue
		}
		for _, name := range p.Scope().Names() {
			fn, ok := p.Scope().Lookup(name).(*types.Func)
			if !ok || !fn.Exported() || !strings.HasPrefix(name, "Dial") || !returnsConn(fn.Type().(*types.Signature), path) {
				continue
			}
			key := path + "." + name
			if _, excluded := dialExclusions[key]; !covered[key] && !excluded {
				problems = append(problems, key+": returns a connection but is no DialAPIs, URLParsers or DialOptions row (nor in dialExclusions)")
			}
		}
	}
	return problems
}

// returnsConn reports whether sig's first result is a connection: a
// type of the package named *Conn, or net.Conn.
func returnsConn(sig *types.Signature, path string) bool {
	if sig.Results().Len() == 0 {
		return false
	}
	t := sig.Results().At(0).Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	return n.Obj().Pkg().Path() == path && strings.HasSuffix(n.Obj().Name(), "Conn") || n.Obj().Pkg().Path() == "net" && n.Obj().Name() == "Conn"
}
