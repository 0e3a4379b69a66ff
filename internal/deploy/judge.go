package deploy

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"
)

// judge reports the values the code would use insecurely.
func (s *scanner) judge() {
	for _, u := range s.units {
		reads := s.readsFor(u)
		for _, r := range reads {
			for _, v := range u.env[r.Name] {
				if v.unknown {
					continue
				}
				switch r.Feeds {
				case FeedURL, FeedAddr:
					s.judgeTarget(u, r, v, reads)
				case FeedTLSSwitch:
					s.judgeTLSSwitch(u, r, v, reads)
				case FeedSkipVerifySwitch:
					s.judgeSkipSwitch(u, r, v, reads)
				}
			}
		}
	}
	for _, c := range s.daprs {
		s.judgeDapr(c)
	}
}

// final reports whether a value is written out (not a template, a
// reference, a placeholder) and returns what it connects to.
// Only the scheme and hosts count: a templated password
// (redis://:$(REDIS_PASSWORD)@host) leaves the host as written.
func final(v value) (target, bool) {
	if v.unknown {
		return target{}, false
	}
	t, ok := parseTarget(v.s)
	if !ok || templated(t.scheme) || placeholder(t.hosts) {
		return target{}, false
	}
	for _, h := range t.hosts {
		if templated(h) {
			return target{}, false
		}
	}
	return t, true
}

// remoteHost returns the first host of t that is not local ("" when all are).
func (s *scanner) remoteHost(t target, u *unit) string {
	if t.socket {
		return ""
	}
	for _, h := range t.hosts {
		if !s.localHost(h, u) {
			return h
		}
	}
	return ""
}

// plaintext reports whether t, given to r, connects without TLS unless
// something else turns it on.
func plaintext(t target, r Read) bool {
	if r.ForcesTLS || t.socket {
		return false
	}
	if t.scheme == "" {
		return r.Feeds == FeedAddr
	}
	return plainSchemes[t.scheme]
}

func (s *scanner) judgeTarget(u *unit, r Read, v value, reads []Read) {
	t, ok := final(v)
	if !ok {
		return
	}
	host := s.remoteHost(t, u)
	if host == "" {
		return
	}
	if secureSchemes[t.scheme] && r.Feeds == FeedURL && skipVerifyOn(t, r) {
		s.report(v, CategorySkipVerify, fmt.Sprintf("%s=%s for %s: %s skips cert checks: drop %s",
			r.Name, short(v.s, r.SkipVerifyParam), u.label, code(r), r.SkipVerifyParam))
		return
	}
	if !plaintext(t, r) {
		return
	}
	switches := linked(r, reads, FeedTLSSwitch)
	if len(switches) == 0 {
		fix := "turn TLS on in the code"
		if t.scheme != "" {
			fix = "use " + t.scheme + "s://"
			if t.scheme == "redis-sentinel" || t.scheme == "tcp" {
				fix = "turn TLS on"
			}
		}
		s.report(v, CategoryMissingTLS, fmt.Sprintf("%s=%s for %s feeds %s without TLS: %s", r.Name, short(v.s), u.label, code(r), fix))
		return
	}
	own := false
	var off *value
	for _, sw := range switches {
		vals := s.lookup(u, sw.Name)
		if len(vals) == 0 && sw.TLSDefault {
			return
		}
		for i, sv := range vals {
			if on, ok := boolValue(sv.s); sv.unknown || templated(sv.s) || !ok || on {
				return // on, or not known to be off
			}
			own = own || len(u.env[sw.Name]) > 0
			off = &vals[i]
		}
		for _, o := range s.overlays(u) {
			if len(o.env[sw.Name]) > 0 {
				return // an overlay sets it: judged there
			}
		}
	}
	sw := switches[0].Name
	switch {
	case own:
		return // off in this unit: reported where it is set
	case off != nil: // off in the base this overlay patches
		s.report(v, CategoryMissingTLS, fmt.Sprintf("%s=%s for %s feeds %s in plaintext: %s=%s at %s:%d; set it true", r.Name, short(v.s), u.label, code(r), sw, off.s, off.file, off.line))
	default:
		s.report(v, CategoryMissingTLS, fmt.Sprintf("%s=%s for %s feeds %s in plaintext: %s unset (off); set %s=true", r.Name, short(v.s), u.label, code(r), sw, sw))
	}
}

// skipVerifyOn reports whether a URL's query turns verification off for
// the parser that reads it.
func skipVerifyOn(t target, r Read) bool {
	vals := t.query[r.SkipVerifyParam]
	if r.SkipVerifyParam == "" || len(vals) == 0 {
		return false
	}
	v := strings.ToLower(vals[len(vals)-1])
	return v == "true" || v == "1" || r.SkipVerifyEmpty && v == ""
}

// linked returns the switches of a kind that decide r's client: those it
// names. (Not the switches of other clients of the same binary: the code
// side names the switch it found, and a client it found none for has no
// TLS whatever the other switches say.)
func linked(r Read, reads []Read, kind Feed) []Read {
	name := r.TLSSwitch
	if kind == FeedSkipVerifySwitch {
		name = r.SkipVerifySwitch
	}
	var out []Read
	for _, o := range reads {
		if o.Feeds != kind {
			continue
		}
		if name != "" && o.Name == name {
			out = append(out, o)
		}
	}
	return out
}

// addressesOf returns the URL and address reads that a switch decides.
func addressesOf(sw Read, reads []Read) []Read {
	var out []Read
	for _, r := range reads {
		if r.Feeds != FeedURL && r.Feeds != FeedAddr {
			continue
		}
		for _, l := range linked(r, reads, sw.Feeds) {
			if l.Name == sw.Name {
				out = append(out, r)
				break
			}
		}
	}
	return out
}

func (s *scanner) judgeTLSSwitch(u *unit, sw Read, v value, reads []Read) {
	on, ok := boolValue(v.s)
	if !ok || on || templated(v.s) {
		return
	}
	for _, r := range addressesOf(sw, reads) {
		for _, av := range s.lookup(u, r.Name) {
			t, ok := final(av)
			if !ok || !plaintext(t, r) && !secureSchemes[t.scheme] || r.ForcesTLS {
				continue
			}
			if secureSchemes[t.scheme] {
				continue // the URL asks for TLS itself
			}
			if host := s.remoteHost(t, u); host != "" {
				where := code(sw)
				if sw.Where == "" {
					where = code(r)
				}
				s.report(v, CategoryMissingTLS, fmt.Sprintf("%s=%s for %s turns TLS off in %s to %s: set %s=true", sw.Name, short(v.s), u.label, where, short(host), sw.Name))
				return
			}
		}
	}
}

func (s *scanner) judgeSkipSwitch(u *unit, sw Read, v value, reads []Read) {
	on, ok := boolValue(v.s)
	if !ok || !on || templated(v.s) {
		return
	}
	var client Read
	known, remote := false, false
	for _, r := range addressesOf(sw, reads) {
		client = r
		for _, av := range s.lookup(u, r.Name) {
			if t, ok := final(av); ok {
				known = true
				remote = remote || s.remoteHost(t, u) != ""
			} else {
				remote = true // not known to be local
			}
		}
	}
	if known && !remote {
		return // every address it applies to is local
	}
	where := code(sw)
	if sw.Where == "" && client.Name != "" {
		where = code(client)
	}
	s.report(v, CategorySkipVerify, fmt.Sprintf("%s=%s for %s turns certificate checks off in %s: set it false, trust the CA", sw.Name, short(v.s), u.label, where))
}

func (s *scanner) judgeDapr(c daprComponent) {
	hostMeta, ok := c.meta["redisHost"]
	if !ok || hostMeta.val == nil {
		if m := c.meta["insecureSkipTLSVerify"]; m.val != nil {
			s.daprSkip(c, m) // the host is a secret: not known to be local
		}
		return
	}
	hv := value{s: hostMeta.val.Value, file: c.file, line: hostMeta.val.Line, col: hostMeta.val.Column, keyLine: hostMeta.keyLine}
	t, ok := final(hv)
	if !ok {
		return
	}
	host := s.remoteHost(t, &unit{local: s.composeLocalNames()[dirOf(c.file)]})
	if host == "" {
		return
	}
	if m := c.meta["insecureSkipTLSVerify"]; m.val != nil {
		s.daprSkip(c, m)
	}
	tlsMeta, set := c.meta["enableTLS"]
	switch {
	case !set:
		s.report(hv, CategoryMissingTLS, fmt.Sprintf("Dapr component %q (%s) connects to %s without TLS: add enableTLS: \"true\"", c.name, c.typ, short(host)))
	case tlsMeta.val == nil:
		// from a secret: unknown
	default:
		on, ok := boolValue(tlsMeta.val.Value)
		if ok && !on && !templated(tlsMeta.val.Value) {
			tv := value{s: tlsMeta.val.Value, file: c.file, line: tlsMeta.val.Line, col: tlsMeta.val.Column, keyLine: tlsMeta.keyLine}
			s.report(tv, CategoryMissingTLS, fmt.Sprintf("Dapr component %q (%s) has enableTLS: %q for %s: set it \"true\"", c.name, c.typ, tlsMeta.val.Value, short(host)))
		}
	}
}

func (s *scanner) daprSkip(c daprComponent, m daprMeta) {
	on, ok := boolValue(m.val.Value)
	if !ok || !on || templated(m.val.Value) {
		return
	}
	v := value{s: m.val.Value, file: c.file, line: m.val.Line, col: m.val.Column, keyLine: m.keyLine}
	s.report(v, CategorySkipVerify, fmt.Sprintf("Dapr component %q (%s) sets insecureSkipTLSVerify: %q: remove it, trust the CA", c.name, c.typ, m.val.Value))
}

func dirOf(rel string) string {
	i := strings.LastIndexByte(rel, '/')
	if i < 0 {
		return "."
	}
	return rel[:i]
}

// code names the code that reads a variable: "go-redis at cache.go:12".
func code(r Read) string {
	client := r.Client
	if client == "" {
		client = "the Redis client"
	}
	if r.Where == "" {
		return client
	}
	return client + " at " + r.Where
}

// short shortens a value for a message: a URL loses its user, password,
// path and query (but keeps param=value when param is given).
func short(v string, param ...string) string {
	if i := strings.Index(v, "://"); i >= 0 {
		rest := v[i+3:]
		end := strings.IndexAny(rest, "/?#")
		if end < 0 {
			end = len(rest)
		}
		auth := rest[:end]
		if at := strings.LastIndex(auth, "@"); at >= 0 {
			auth = auth[at+1:]
		}
		head, tail := v[:i+3]+auth, ""
		if len(param) > 0 {
			if t, ok := parseTarget(v); ok {
				if vals := t.query[param[0]]; len(vals) > 0 {
					tail = "?" + param[0] + "=" + vals[len(vals)-1]
				}
			}
		}
		if r := []rune(head); len(r)+len(tail) > 48 && len(tail) < 32 {
			head = string(r[:47-len(tail)]) + "…"
		}
		return head + tail
	}
	if r := []rune(v); len(r) > 56 {
		v = string(r[:55]) + "…"
	}
	return v
}

// report records a finding at v unless a comment justifies it or the
// same place is already reported.
func (s *scanner) report(v value, category, msg string) {
	key := fmt.Sprintf("%s:%d:%d:%s", v.file, v.line, v.col, category)
	if s.reported[key] {
		return
	}
	s.reported[key] = true
	if isDocName(path.Base(v.file)) || s.justified(v) {
		return
	}
	s.findings = append(s.findings, Finding{File: filepath.Join(s.root, filepath.FromSlash(v.file)), Line: v.line, Col: v.col, Category: category, Message: msg})
}
