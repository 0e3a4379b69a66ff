package clients

// Matchers: which row of the table a type or a function is. They read
// go/types only.

import (
	"go/types"
	"net/url"
	"slices"
	"strings"
)

// named returns the named type t is, or points to.
func named(t types.Type) *types.Named {
	if t == nil {
		return nil
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

func pkgFunc(fn *types.Func) bool {
	return fn != nil && fn.Pkg() != nil && fn.Signature().Recv() == nil
}

// OptionsTypeOf returns the row for t (or *t), nil if t holds no client's
// options.
func OptionsTypeOf(t types.Type) *OptionsType {
	n := named(t)
	if n == nil || n.Obj().Pkg() == nil {
		return nil
	}
	path, name := n.Obj().Pkg().Path(), n.Obj().Name()
	for i := range OptionsTypes {
		ot := &OptionsTypes[i]
		if ot.Name == name && slices.Contains(ot.Pkgs, path) {
			if ot.TLS != "" && !hasField(n, ot.TLS) {
				return nil // not the version the row describes
			}
			return ot
		}
	}
	return nil
}

func hasField(t types.Type, name string) bool {
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i).Name() == name {
			return true
		}
	}
	return false
}

// IsTLSConfig reports whether t is crypto/tls.Config or a pointer to it.
func IsTLSConfig(t types.Type) bool {
	n := named(t)
	return n != nil && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "crypto/tls" && n.Obj().Name() == "Config"
}

// URLParserOf returns the row of the URL parser fn is, nil if none.
func URLParserOf(fn *types.Func) *URLParser {
	if !pkgFunc(fn) {
		return nil
	}
	for i := range URLParsers {
		if p := &URLParsers[i]; fn.Name() == p.Name && slices.Contains(p.Pkgs, fn.Pkg().Path()) {
			return p
		}
	}
	return nil
}

// DialAPIOf returns the row of the dial function or method fn is, when a
// call of it with nargs arguments gives the address (and network).
func DialAPIOf(fn *types.Func, nargs int) *DialAPI {
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	recv := ""
	if r := named(recvType(fn)); r != nil {
		recv = r.Obj().Name()
	}
	for i := range DialAPIs {
		d := &DialAPIs[i]
		if fn.Name() == d.Name && recv == d.Recv && slices.Contains(d.Pkgs, fn.Pkg().Path()) &&
			d.Addr < nargs && d.Network < nargs {
			return d
		}
	}
	return nil
}

func recvType(fn *types.Func) types.Type {
	if r := fn.Signature().Recv(); r != nil {
		return r.Type()
	}
	return nil
}

// IsDialFunc reports whether fn is a dial function of the table (not a
// method).
func IsDialFunc(fn *types.Func) bool {
	if !pkgFunc(fn) {
		return false
	}
	for i := range DialAPIs {
		if d := &DialAPIs[i]; d.Recv == "" && fn.Name() == d.Name && slices.Contains(d.Pkgs, fn.Pkg().Path()) {
			return true
		}
	}
	return false
}

// DialOptionKindOf classifies a dial option constructor: a row of
// DialOptions, or OptOther for any other function of a client package
// that returns a dial-style API's option type; -1 when it is neither.
func DialOptionKindOf(fn *types.Func) OptionKind {
	if !pkgFunc(fn) {
		return -1
	}
	for _, o := range DialOptions {
		if fn.Name() == o.Name && slices.Contains(o.Pkgs, fn.Pkg().Path()) {
			return o.Kind
		}
	}
	sig := fn.Signature()
	if sig.Results().Len() != 1 {
		return -1
	}
	n, ok := types.Unalias(sig.Results().At(0).Type()).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return -1
	}
	path := n.Obj().Pkg().Path()
	for _, d := range DialAPIs {
		if d.OptType == n.Obj().Name() && slices.Contains(d.Pkgs, path) {
			return OptOther
		}
	}
	return -1
}

// DialFieldKind returns what field name of the struct type path.typeName
// does for TLS, and false when the table has no row for it.
func DialFieldKind(path, typeName, name string) (OptionKind, bool) {
	for _, f := range DialFields {
		if f.In == typeName && f.Name == name && slices.Contains(f.Pkgs, path) {
			return f.Kind, true
		}
	}
	return 0, false
}

// IsDialStruct reports whether path.typeName holds dial options as fields.
func IsDialStruct(path, typeName string) bool {
	for _, f := range DialFields {
		if f.In == typeName && slices.Contains(f.Pkgs, path) {
			return true
		}
	}
	return false
}

// IsLocalAddrMethod reports whether fn returns the address of an
// in-process test server.
func IsLocalAddrMethod(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	recv := ""
	if r := named(recvType(fn)); r != nil {
		recv = r.Obj().Name()
	}
	for _, m := range LocalAddrMethods {
		if fn.Name() == m.Name && fn.Pkg().Path() == m.Pkg && recv == m.Recv {
			return true
		}
	}
	return false
}

// URL is the part of a connection URL that decides TLS.
type URL struct {
	Scheme string
	Hosts  []string
	Query  url.Values
}

// ParseURL parses a Redis connection URL; ok is false when it is not one
// that can be judged.
func ParseURL(s string) (URL, bool) {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.Scheme == "" || u.Opaque != "" {
		return URL{}, false
	}
	r := URL{Scheme: strings.ToLower(u.Scheme), Query: u.Query()}
	r.Hosts = append(r.Hosts, strings.Split(u.Host, ",")...) // redis-sentinel://h1,h2
	r.Hosts = append(r.Hosts, r.Query["addr"]...)            // go-redis cluster URLs
	return r, true
}

// SkipVerifyOn reports whether u's query turns verification off for p.
func (p *URLParser) SkipVerifyOn(u URL) bool {
	vals := u.Query[p.SkipVerify]
	if p.SkipVerify == "" || len(vals) == 0 {
		return false
	}
	v := strings.ToLower(vals[len(vals)-1])
	return v == "true" || v == "1" || p.SkipVerifyEmpty && v == ""
}

// ParsedOptions returns the row of the options p returns when it is the
// function fn of package path; nil when it returns none.
func (p *URLParser) ParsedOptions(path string) *OptionsType {
	if p.Options == "" {
		return nil
	}
	for i := range OptionsTypes {
		if ot := &OptionsTypes[i]; ot.Name == p.Options && slices.Contains(ot.Pkgs, path) {
			return ot
		}
	}
	return nil
}
