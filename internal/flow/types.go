package flow

// Type helpers shared by the engine and the rules: one home, so that
// pointers, aliases and builtins are stripped and recognised one way.

import (
	"go/ast"
	"go/constant"
	"go/types"
	"slices"

	"golang.org/x/tools/go/types/typeutil"
)

// Deref strips one pointer (*T → T), looking through aliases.
func Deref(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// NamedOf returns the named type t is, or points to (aliases looked
// through), nil if none.
func NamedOf(t types.Type) *types.Named {
	n, _ := types.Unalias(Deref(t)).(*types.Named)
	return n
}

// IsNamed reports whether t is, or points to, the type path.name.
func IsNamed(t types.Type, path, name string) bool {
	n := NamedOf(t)
	return n != nil && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == path && n.Obj().Name() == name
}

// PkgPathOf returns the import path of the package declaring t (or *t),
// "" for an unnamed or predeclared type.
func PkgPathOf(t types.Type) string {
	if n := NamedOf(t); n != nil && n.Obj().Pkg() != nil {
		return n.Obj().Pkg().Path()
	}
	return ""
}

// IsPointer reports whether t's underlying type is a pointer.
func IsPointer(t types.Type) bool {
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Pointer)
	return ok
}

// StructOf returns the struct type t is, or points to.
func StructOf(t types.Type) *types.Struct {
	st, _ := Deref(t).Underlying().(*types.Struct)
	return st
}

// IsBasic reports whether t's underlying type is the basic kind.
func IsBasic(t types.Type, kind types.BasicKind) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == kind
}

// IsSlice reports whether t's underlying type is a slice.
func IsSlice(t types.Type) bool {
	_, ok := t.Underlying().(*types.Slice)
	return ok
}

// IsContainerType reports whether t (or *t) is a map, slice or array.
func IsContainerType(t types.Type) bool {
	if t == nil {
		return false
	}
	switch Deref(t).Underlying().(type) {
	case *types.Map, *types.Slice, *types.Array:
		return true
	}
	return false
}

// ElemOf strips pointers and containers: *T, []T, []*T, map[K]*T, [n]T
// all give T.
func ElemOf(t types.Type) types.Type {
	for range 4 {
		switch u := t.Underlying().(type) {
		case *types.Pointer:
			t = u.Elem()
		case *types.Slice:
			t = u.Elem()
		case *types.Array:
			t = u.Elem()
		case *types.Map:
			t = u.Elem()
		}
	}
	return t
}

// RecvType returns the receiver type of a method, nil for a function.
func RecvType(fn *types.Func) types.Type {
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		return sig.Recv().Type()
	}
	return nil
}

// RecvNamed returns the named type of a method's receiver (T for *T),
// nil for a function.
func RecvNamed(fn *types.Func) *types.Named {
	t := RecvType(fn)
	if t == nil {
		return nil
	}
	return NamedOf(t)
}

// IsPkgFunc reports whether fn is a package-level function named name in
// one of pkgs.
func IsPkgFunc(fn *types.Func, pkgs []string, name string) bool {
	if fn == nil || fn.Pkg() == nil || fn.Name() != name || RecvType(fn) != nil {
		return false
	}
	return slices.Contains(pkgs, fn.Pkg().Path())
}

// FuncName names fn as a reader would: pkg.Func or pkg.Type.Method.
func FuncName(fn *types.Func) string {
	name := fn.Name()
	if r := RecvNamed(fn); r != nil {
		name = r.Obj().Name() + "." + name
	}
	if fn.Pkg() != nil {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}

// TypeParamOf returns the type parameter t is, or points to.
func TypeParamOf(t types.Type) *types.TypeParam {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	tp, _ := t.(*types.TypeParam)
	return tp
}

// IsClone reports whether fn is a Clone method returning a copy of its
// receiver's type (tls.Config.Clone).
func IsClone(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	return ok && fn.Name() == "Clone" && sig.Recv() != nil && sig.Results().Len() == 1 &&
		types.Identical(sig.Recv().Type(), sig.Results().At(0).Type())
}

// PassThroughParams returns the parameters of a generic function whose
// type (the element type, for a variadic one) is the type parameter that
// result i has: the arguments it can return. ok is false when result i's
// type is no type parameter.
func PassThroughParams(fn *types.Func, i int) (params []int, ok bool) {
	sig, isSig := fn.Type().(*types.Signature)
	if !isSig || sig.TypeParams().Len() == 0 || i >= sig.Results().Len() {
		return nil, false
	}
	tp := TypeParamOf(sig.Results().At(i).Type())
	if tp == nil {
		return nil, false
	}
	for j := 0; j < sig.Params().Len(); j++ {
		pt := sig.Params().At(j).Type()
		if sig.Variadic() && j == sig.Params().Len()-1 {
			pt = pt.(*types.Slice).Elem()
		}
		if TypeParamOf(pt) == tp {
			params = append(params, j)
		}
	}
	return params, true
}

// Callee returns the function a call statically invokes (the generic
// origin for an instantiated function or a method of a generic type), nil
// for a dynamic call, a conversion, a builtin or a method expression
// (T.M(recv, ...), whose arguments are shifted).
func Callee(info *types.Info, call *ast.CallExpr) *types.Func {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodExpr {
			return nil
		}
	}
	return typeutil.StaticCallee(info, call)
}

// BuiltinCall reports whether call calls the predeclared function name
// (not a function of the package that happens to share its name).
func BuiltinCall(info *types.Info, call *ast.CallExpr, name string) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || id.Name != name {
		return false
	}
	_, builtin := info.Uses[id].(*types.Builtin)
	return builtin
}

// IsIdent reports whether e is the identifier name.
func IsIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

// ConstBool returns e's constant boolean value.
func ConstBool(info *types.Info, e ast.Expr) (val, ok bool) {
	tv, found := info.Types[e]
	if !found || tv.Value == nil || tv.Value.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(tv.Value), true
}

// ConstString returns e's constant string value.
func ConstString(info *types.Info, e ast.Expr) (string, bool) {
	tv, found := info.Types[e]
	if !found || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// ConstUint returns e's constant unsigned integer value.
func ConstUint(info *types.Info, e ast.Expr) (uint64, bool) {
	tv, found := info.Types[e]
	if !found || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Uint64Val(tv.Value)
}

// IsStructValue reports whether t is a struct (not a pointer to one): a
// copy of such a value is independent of the original.
func IsStructValue(t types.Type) bool {
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

// ParamVars returns the parameters a function type declares, in order
// (nil for an unnamed one).
func ParamVars(info *types.Info, ftype *ast.FuncType) []*types.Var {
	var vars []*types.Var
	for _, field := range ftype.Params.List {
		if len(field.Names) == 0 {
			vars = append(vars, nil)
		}
		for _, name := range field.Names {
			v, _ := info.Defs[name].(*types.Var)
			vars = append(vars, v)
		}
	}
	return vars
}
