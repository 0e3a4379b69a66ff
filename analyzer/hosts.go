package analyzer

import (
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"unicode"
)

// HostPattern is one entry of the plaintext allow-list: an exact host
// name, a "*.suffix" wildcard that matches subdomains, an IP address, or
// a CIDR prefix.
type HostPattern struct {
	raw    string
	name   string       // exact name, lower case
	suffix string       // ".suffix" for wildcards
	prefix netip.Prefix // IPs are stored as single-address prefixes
}

func (p HostPattern) String() string { return p.raw }

// ParseHostPattern parses one allow-list entry.
func ParseHostPattern(e string) (HostPattern, error) {
	p := HostPattern{raw: e}
	if why := notAHost(e); why != "" {
		return p, badPattern(e, why)
	}
	switch {
	case strings.Contains(e, "/"):
		pfx, err := netip.ParsePrefix(e)
		if err != nil {
			return p, badPattern(e, badCIDR(e))
		}
		p.prefix = pfx.Masked()
	case strings.HasPrefix(e, "*."):
		rest := strings.ToLower(e[2:])
		if !validHostName(rest) {
			return p, badPattern(e, "the part after *. is not a host name")
		}
		p.suffix = "." + rest
	default:
		if ip, err := netip.ParseAddr(strings.Trim(e, "[]")); err == nil {
			p.prefix = netip.PrefixFrom(ip.Unmap(), ip.Unmap().BitLen())
			break
		}
		if strings.ContainsAny(e, ":*") {
			return p, badPattern(e, "give the host without a port or scheme")
		}
		if !validHostName(e) {
			return p, badPattern(e, "not a host name")
		}
		p.name = strings.ToLower(e)
	}
	return p, nil
}

// notAHost says what makes e something other than a host pattern (a
// URL, an address with a port, text with spaces), or "".
func notAHost(e string) string {
	if scheme, _, ok := strings.Cut(e, "://"); ok {
		if u, err := url.Parse(e); err == nil && u.Hostname() != "" {
			return fmt.Sprintf("a URL (%s://) is not a host; give the host alone (%s)", u.Scheme, u.Hostname())
		}
		return fmt.Sprintf("a URL (%q) is not a host; give the host alone", scheme+"://")
	}
	if strings.IndexFunc(e, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0 {
		return "a host has no spaces (separate hosts with commas)"
	}
	if strings.Contains(e, "/") {
		return ""
	}
	if h, port, err := net.SplitHostPort(e); err == nil && port != "" {
		if _, err := strconv.Atoi(port); err == nil {
			return fmt.Sprintf("give the host without a port (%s): the allow-list holds for every port", h)
		}
	}
	return ""
}

// badCIDR says what is wrong with e, which contains a "/".
func badCIDR(e string) string {
	addr, bits, _ := strings.Cut(e, "/")
	ip, err := netip.ParseAddr(addr)
	if err != nil {
		return fmt.Sprintf("a CIDR starts with an IP address, and %q is not one", addr)
	}
	n, err := strconv.Atoi(bits)
	if err != nil {
		return fmt.Sprintf("the prefix length after / must be a number, not %q", bits)
	}
	if n < 0 || n > ip.BitLen() {
		return fmt.Sprintf("prefix length /%d is out of range for an IPv%d address (0 to %d)", n, map[bool]int{true: 4, false: 6}[ip.Is4()], ip.BitLen())
	}
	return "not a valid CIDR"
}

// validHostName reports whether s is a syntactically valid DNS name
// (letters, digits, '-', '_' in dot-separated labels).
func validHostName(s string) bool {
	if s == "" || len(s) > 253 {
		return false
	}
	for _, label := range strings.Split(s, ".") {
		if label == "" || len(label) > 63 {
			return false
		}
		for _, r := range label {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
				return false
			}
		}
	}
	return true
}

func (p HostPattern) match(host string) bool {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	switch {
	case p.name != "":
		return host == p.name
	case p.suffix != "":
		return strings.HasSuffix(host, p.suffix) && len(host) > len(p.suffix)
	case p.prefix.IsValid():
		ip, err := netip.ParseAddr(host)
		return err == nil && p.prefix.Contains(ip.Unmap())
	}
	return false
}

// splitHost returns the host part of a Redis address ("host:port",
// "[v6]:port", or a bare host). It never fails: an unparsable address is
// returned whole, which no loopback or allow-list rule matches.
func splitHost(addr string) string {
	addr = strings.TrimSpace(addr)
	if h, _, err := net.SplitHostPort(addr); err == nil {
		return h
	}
	if strings.HasPrefix(addr, "[") && strings.HasSuffix(addr, "]") {
		return addr[1 : len(addr)-1]
	}
	return addr
}

// isLoopbackHost reports whether host certainly names this machine:
// empty (the libraries' localhost default), localhost, 127.0.0.0/8, ::1,
// or the unspecified address (which dials the local host).
func isLoopbackHost(host string) bool {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if host == "" || host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return false
	}
	ip = ip.Unmap()
	return ip.IsLoopback() || ip.IsUnspecified()
}

// plaintextOK reports whether a constant address needs no TLS: it is
// local or on the user's allow-list.
func (c *Config) plaintextOK(addr string) bool {
	host := splitHost(addr)
	if isLoopbackHost(host) {
		return true
	}
	for _, p := range c.PlaintextHosts {
		if p.match(host) {
			return true
		}
	}
	return false
}
