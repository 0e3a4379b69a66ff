package deploy

import (
	"net"
	"net/netip"
	"net/url"
	"strings"
)

// target is what a value says about a connection.
type target struct {
	scheme string // "" for a bare address
	hosts  []string
	query  url.Values
	socket bool // a unix socket
}

var (
	plainSchemes  = map[string]bool{"redis": true, "valkey": true, "redis-sentinel": true, "tcp": true}
	secureSchemes = map[string]bool{"rediss": true, "valkeys": true, "tls": true}
	localSchemes  = map[string]bool{"unix": true, "redis-socket": true, "valkey+unix": true, "redis+unix": true}
)

// parseTarget reads a URL or an address (host:port, or a comma-separated
// list of them); ok is false when the value is neither.
func parseTarget(v string) (target, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return target{}, false
	}
	if strings.HasPrefix(v, "/") || strings.HasPrefix(v, "unix:") || strings.HasSuffix(v, ".sock") {
		return target{socket: true}, true
	}
	if scheme, rest, found := strings.Cut(v, "://"); found {
		t := target{scheme: strings.ToLower(scheme)}
		if localSchemes[t.scheme] {
			t.socket = true
			return t, true
		}
		authority := rest
		if i := strings.IndexAny(rest, "/?#"); i >= 0 {
			authority = rest[:i]
		}
		if _, q, ok := strings.Cut(rest, "?"); ok {
			q, _, _ = strings.Cut(q, "#")
			t.query, _ = url.ParseQuery(q)
		}
		if i := strings.LastIndex(authority, "@"); i >= 0 {
			authority = authority[i+1:]
		}
		for _, h := range strings.Split(authority, ",") {
			t.hosts = append(t.hosts, hostOf(h))
		}
		for _, a := range t.query["addr"] {
			t.hosts = append(t.hosts, hostOf(a))
		}
		return t, true
	}
	if strings.ContainsAny(v, " /?#@") {
		return target{}, false
	}
	var t target
	for _, h := range strings.Split(v, ",") {
		t.hosts = append(t.hosts, hostOf(h))
	}
	return t, true
}

// hostOf returns the host of host:port, [v6]:port or a bare host.
func hostOf(addr string) string {
	addr = strings.TrimSpace(addr)
	if h, _, err := net.SplitHostPort(addr); err == nil {
		return h
	}
	if strings.HasPrefix(addr, "[") && strings.HasSuffix(addr, "]") {
		return addr[1 : len(addr)-1]
	}
	if strings.Count(addr, ":") == 1 { // host: (empty port), host:port+garbage
		addr, _, _ = strings.Cut(addr, ":")
	}
	return addr
}

// commonTLDs are the last labels that make a two-label name a public
// domain rather than a Kubernetes name.namespace.
var commonTLDs = map[string]bool{
	"com": true, "net": true, "org": true, "io": true, "dev": true, "app": true, "cloud": true, "co": true,
	"ai": true, "info": true, "biz": true, "me": true, "tech": true, "xyz": true, "edu": true, "gov": true,
	"us": true, "uk": true, "de": true, "fr": true, "nl": true, "eu": true, "jp": true, "cn": true, "in": true,
	"br": true, "ru": true, "au": true, "ca": true, "ch": true, "se": true, "no": true, "es": true, "it": true,
	"pl": true, "sh": true, "so": true, "ly": true, "gg": true, "tv": true, "cc": true, "site": true, "online": true,
	"systems": true, "services": true, "network": true, "host": true, "digital": true, "run": true, "page": true,
}

// localHost reports whether a host needs no TLS: this machine, a
// container or Service name, or a host the user allows.
func (s *scanner) localHost(host string, u *unit) bool {
	h := strings.ToLower(strings.TrimSuffix(strings.TrimSpace(host), "."))
	h = strings.Trim(h, "[]")
	if h == "" || h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return true
	}
	if ip, err := netip.ParseAddr(h); err == nil {
		ip = ip.Unmap()
		if ip.IsLoopback() || ip.IsUnspecified() || h == "172.17.0.1" { // Docker's bridge: this host
			return true
		}
		return s.opts.PlaintextHost != nil && s.opts.PlaintextHost(h)
	}
	switch h {
	case "host.docker.internal", "gateway.docker.internal", "host.containers.internal", "kubernetes.docker.internal":
		return true
	}
	if u != nil && u.local[h] {
		return true
	}
	labels := strings.Split(h, ".")
	switch {
	case len(labels) == 1: // a Service or compose service name
		return true
	case strings.HasSuffix(h, ".svc") || strings.HasSuffix(h, ".svc.cluster.local") || strings.HasSuffix(h, ".cluster.local") || strings.HasSuffix(h, ".local"):
		return true
	case len(labels) == 2 && !commonTLDs[labels[1]]: // name.namespace
		return true
	}
	return s.opts.PlaintextHost != nil && s.opts.PlaintextHost(h)
}

// templated reports whether a value is not final: a template, an
// interpolation, a reference left unresolved.
func templated(v string) bool {
	if strings.Contains(v, "{{") || strings.Contains(v, "${") || strings.Contains(v, "$(") ||
		strings.Contains(v, "%{") || strings.Contains(v, "#{") || strings.Contains(v, "%(") ||
		strings.Contains(v, "{env:") || strings.Contains(v, "{secret:") {
		return true
	}
	for i := 0; i+1 < len(v); i++ {
		if v[i] == '$' && (v[i+1] == '_' || v[i+1] >= 'A' && v[i+1] <= 'Z' || v[i+1] >= 'a' && v[i+1] <= 'z') {
			return true
		}
	}
	return false
}

var placeholderWords = []string{"changeme", "change_me", "change-me", "replace", "your-", "your_", "yourhost", "your.",
	"xxx", "placeholder", "example.com", "example.org", "example.net", "todo", "fixme", "dummy", "<", ">", "...", "…", "[host]", "{host}"}

// placeholder reports whether a host stands for one the user fills in.
func placeholder(hosts []string) bool {
	for _, h := range hosts {
		h = strings.ToLower(h)
		for _, w := range placeholderWords {
			if strings.Contains(h, w) {
				return true
			}
		}
		if h == "example" || h == "host" || h == "hostname" || strings.HasSuffix(h, ".example") ||
			strings.HasSuffix(h, ".invalid") || strings.HasSuffix(h, ".test") {
			return true
		}
	}
	return false
}
