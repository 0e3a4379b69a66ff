package analyzer

import (
	"flag"
	"fmt"
	"strings"
)

// Config holds the user's settings. The binary binds them to flags; the
// golangci-lint plugin decodes them from .golangci.yml. Each Analyzer made
// by New owns its Config, so two analyzers never share settings.
type Config struct {
	// PlaintextHosts lists hosts where plaintext Redis is accepted, such
	// as an internal service name. See HostPattern for the accepted forms.
	PlaintextHosts []HostPattern

	// ReportSwitches also reports InsecureSkipVerify set from a
	// non-constant value or under a condition about verification (an
	// operator's switch), which is silent by default.
	ReportSwitches bool

	// SkipTests leaves _test.go files unreported.
	SkipTests bool

	// FixSkipVerify attaches the fixes that remove InsecureSkipVerify
	// (skip_verify, DialTLSSkipVerify(true)) to every such finding. Removal
	// changes which servers are accepted (a self-signed server is then
	// refused), so without it those fixes are attached only when the
	// target is a managed provider whose certificate chains to public roots.
	FixSkipVerify bool
}

// hostList is a flag.Value for a comma-separated list of host patterns.
type hostList struct{ cfg *Config }

func (h hostList) String() string {
	if h.cfg == nil {
		return ""
	}
	var s []string
	for _, p := range h.cfg.PlaintextHosts {
		s = append(s, p.String())
	}
	return strings.Join(s, ",")
}

// PlaintextOK reports whether plaintext Redis is accepted at addr (a host
// or host:port): a local host or one on the list. The driver asks the
// flag, so that deployment config is judged with the same list.
func (h hostList) PlaintextOK(addr string) bool { return h.cfg.plaintextOK(addr) }

func (h hostList) Set(v string) error {
	pats, err := ParseHostPatterns(strings.Split(v, ","))
	if err != nil {
		return err
	}
	h.cfg.PlaintextHosts = append(h.cfg.PlaintextHosts, pats...)
	return nil
}

// bindFlags registers the analyzer's flags. The same names are the
// golangci-lint plugin's settings.
func (c *Config) bindFlags(fs *flag.FlagSet) {
	fs.Var(hostList{c}, "plaintext-hosts",
		"comma-separated hosts where plaintext Redis is accepted: a name (redis.internal), a wildcard (*.svc.cluster.local), an IP or a CIDR (10.0.0.0/8)")
	fs.BoolVar(&c.ReportSwitches, "report-switches", c.ReportSwitches,
		"also report InsecureSkipVerify set from a non-constant value or under a verification switch")
	fs.BoolVar(&c.SkipTests, "skip-tests", c.SkipTests,
		"do not report findings in _test.go files")
	fs.BoolVar(&c.FixSkipVerify, "fix-skip-verify", c.FixSkipVerify,
		"let fixes remove InsecureSkipVerify for any server (default: only for managed providers with public-CA certificates)")
}

// ParseHostPatterns parses allow-list entries, ignoring blank ones.
func ParseHostPatterns(entries []string) ([]HostPattern, error) {
	var out []HostPattern
	for _, e := range entries {
		e = strings.TrimSpace(e)
		if e == "" {
			continue
		}
		p, err := ParseHostPattern(e)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

var errHostPattern = "want a host name (redis.internal), a wildcard (*.svc.cluster.local), an IP (10.1.2.3) or a CIDR (10.0.0.0/8)"

func badPattern(e, why string) error {
	return fmt.Errorf("invalid plaintext host %q: %s; %s", e, why, errHostPattern)
}
