package analyzer

// Fuzz targets for the parts of redistlslint that read user data: the
// -plaintext-hosts allow-list, Redis addresses, and (in fuzz_source_test.go)
// whole Go files. Seed corpora live in testdata/fuzz/<FuzzName>/; CI runs each
// target briefly (.ci/run).

import (
	"net/netip"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseHostPattern checks that any allow-list entry either parses or
// gives an error that names the entry and the accepted forms, and that a
// parsed pattern round-trips and matches what it names.
func FuzzParseHostPattern(f *testing.F) {
	for _, s := range []string{
		"redis.internal", "*.svc.cluster.local", "10.0.0.0/8", "10.1.2.3",
		"::1", "[::1]", "fe80::/10", "::ffff:10.0.0.1", "redis:6379",
		"redis://x", "*.", "*", "", " ", "a..b", "UPPER.Example", "10.0.0.1/33",
		strings.Repeat("a", 64) + ".com", "_srv.local", "x/y", "1.2.3.4/0",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParseHostPattern(s)
		if err != nil {
			msg := err.Error()
			if !strings.Contains(msg, "invalid plaintext host") || !strings.Contains(msg, "want a host name") {
				t.Fatalf("ParseHostPattern(%q): error without the accepted forms: %v", s, err)
			}
			if strings.Contains(msg, "\n") {
				t.Fatalf("ParseHostPattern(%q): error is not one line: %q", s, msg)
			}
			return
		}
		if p.String() != s {
			t.Fatalf("ParseHostPattern(%q).String() = %q", s, p.String())
		}
		kinds := 0
		if p.name != "" {
			kinds++
		}
		if p.suffix != "" {
			kinds++
		}
		if p.prefix.IsValid() {
			kinds++
		}
		if kinds != 1 {
			t.Fatalf("ParseHostPattern(%q) = %+v: want exactly one of name, suffix, prefix", s, p)
		}
		// Parsing the printed form gives the same pattern.
		q, err := ParseHostPattern(p.String())
		if err != nil || q != p {
			t.Fatalf("reparse of %q: %+v, %v; want %+v", s, q, err, p)
		}
		switch {
		case p.name != "":
			if !p.match(s) || !p.match(strings.ToUpper(s)) || !p.match(s+".") {
				t.Fatalf("name pattern %q does not match itself", s)
			}
		case p.suffix != "":
			if !p.match("x"+p.suffix) || p.match(p.suffix[1:]) {
				t.Fatalf("wildcard %q: match(x%s)=%v match(%s)=%v", s, p.suffix, p.match("x"+p.suffix), p.suffix[1:], p.match(p.suffix[1:]))
			}
		case p.prefix.IsValid():
			if !p.match(p.prefix.Addr().String()) {
				t.Fatalf("IP/CIDR pattern %q does not match its own address %s", s, p.prefix.Addr())
			}
		}
	})
}

// FuzzParseHostPatterns checks the comma-separated flag value: it parses
// or fails with one line, and never yields a pattern for a blank entry.
func FuzzParseHostPatterns(f *testing.F) {
	f.Add("redis.internal,*.svc.cluster.local,10.0.0.0/8")
	f.Add(" a , ,b ")
	f.Add(",,,")
	f.Add("redis:6379,ok.example")
	f.Fuzz(func(t *testing.T, v string) {
		var c Config
		err := hostList{&c}.Set(v)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("Set(%q): error is not one line: %q", v, err)
			}
			if len(c.PlaintextHosts) != 0 {
				t.Fatalf("Set(%q) failed but kept %d patterns", v, len(c.PlaintextHosts))
			}
			return
		}
		n := 0
		for _, e := range strings.Split(v, ",") {
			if strings.TrimSpace(e) != "" {
				n++
			}
		}
		if len(c.PlaintextHosts) != n {
			t.Fatalf("Set(%q) = %d patterns, want %d", v, len(c.PlaintextHosts), n)
		}
	})
}

// FuzzPlaintextOK checks address classification: splitHost never fails,
// loopback hosts are always accepted, an allow-listed name is accepted on
// any port, and an empty allow-list accepts only loopback hosts.
func FuzzPlaintextOK(f *testing.F) {
	for _, s := range [][2]string{
		{"localhost:6379", ""},
		{"127.0.0.1:6379", ""},
		{"[::1]:6379", ""},
		{"[::ffff:127.0.0.1]:6379", ""},
		{"0.0.0.0:6379", ""},
		{"redis.internal:6379", "redis.internal"},
		{"cache.svc.cluster.local:6379", "*.svc.cluster.local"},
		{"10.2.3.4:6379", "10.0.0.0/8"},
		{"[fe80::1%eth0]:6379", "fe80::/10"},
		{"my.redis.cache.windows.net:6380", ""},
		{":6379", ""},
		{"", ""},
		{"/var/run/redis.sock", ""},
		{"[", "x"},
		{"localhost.", ""},
		{"a.localhost:1", ""},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, addr, allow string) {
		host := splitHost(addr)
		if len(host) > len(strings.TrimSpace(addr)) {
			t.Fatalf("splitHost(%q) = %q: longer than the address", addr, host)
		}
		loop := isLoopbackHost(host)
		if loop {
			if ip, err := netip.ParseAddr(host); err == nil && !ip.Unmap().IsLoopback() && !ip.Unmap().IsUnspecified() {
				t.Fatalf("isLoopbackHost(%q) = true for a non-loopback IP", host)
			}
		}
		var empty Config
		if got := empty.plaintextOK(addr); got != loop {
			t.Fatalf("plaintextOK(%q) with no allow-list = %v, want isLoopbackHost = %v", addr, got, loop)
		}
		pats, err := ParseHostPatterns(strings.Split(allow, ","))
		if err != nil {
			return
		}
		c := Config{PlaintextHosts: pats}
		ok := c.plaintextOK(addr)
		if loop && !ok {
			t.Fatalf("plaintextOK(%q) = false for a loopback host", addr)
		}
		// An allow-listed name is accepted with any port.
		for _, p := range pats {
			if p.name != "" && utf8.ValidString(p.name) {
				if !c.plaintextOK(p.name+":6379") || !c.plaintextOK(p.name) {
					t.Fatalf("allow-listed %q not accepted", p.name)
				}
			}
		}
	})
}
