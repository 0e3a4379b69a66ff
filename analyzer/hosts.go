package analyzer

import (
	"net"
	"net/netip"
	"strings"
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
	switch {
	case strings.Contains(e, "/"):
		pfx, err := netip.ParsePrefix(e)
		if err != nil {
			return p, badPattern(e, "not a valid CIDR")
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
