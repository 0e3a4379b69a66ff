// Package providers is the table of managed Redis services redistlslint
// knows by host name: what each requires of a client, and whether its
// server certificate chains to public roots (so that removing
// InsecureSkipVerify is safe: the system roots verify it).
//
// A provider whose certificate does not chain to public roots (a
// self-signed certificate, or a private CA the user downloads) needs its
// CA in tls.Config.RootCAs or a pinning verification hook; removing
// InsecureSkipVerify alone makes every connection fail. When the table is
// not sure, Public is false.
package providers

import (
	"net"
	"strconv"
	"strings"
)

// Trust is what a provider's server certificate chains to.
type Trust int

const (
	// PublicCA: public roots (the system pool verifies it).
	PublicCA Trust = iota
	// PrivateCA: the provider's own CA, which the user downloads.
	PrivateCA
	// SelfSigned: a self-signed certificate, with no CA published.
	SelfSigned
)

// A Provider is a managed Redis service.
type Provider struct {
	Name string
	// Suffixes are host name suffixes (lower case, starting with a dot).
	Suffixes []string
	// HostPrefix, when set, must start the host as well ("ec2-").
	HostPrefix string
	// MinPort, when set, is the lowest port of the provider's Redis
	// servers (with a suffix shared with other services).
	MinPort int
	// TLSPort is the port that serves TLS (0: any, or the one given).
	TLSPort int
	// Trust is what the server certificate chains to.
	Trust Trust
	// Note says where the certificate comes from, for documentation.
	Note string
}

// Public reports whether the provider's certificate chains to public
// roots, so verifying against the system roots succeeds.
func (p *Provider) Public() bool { return p != nil && p.Trust == PublicCA }

// Requirement says what the provider requires of a client, for messages:
// "requires TLS on port 6380".
func (p *Provider) Requirement() string {
	if p.TLSPort != 0 {
		return "requires TLS on port " + strconv.Itoa(p.TLSPort)
	}
	return "requires TLS"
}

// Certificate says what the provider's certificate is, for messages.
func (p *Provider) Certificate() string {
	switch p.Trust {
	case PublicCA:
		return "a public-CA certificate"
	case SelfSigned:
		return "a self-signed certificate"
	}
	return "a private-CA certificate"
}

// Table lists the providers. The first match wins.
var Table = []Provider{
	{Name: "Amazon ElastiCache", Suffixes: []string{".cache.amazonaws.com", ".cache.amazonaws.com.cn"}, Trust: PublicCA,
		Note: "in-transit encryption; the certificate chains to Amazon Root CA, in the system roots; serverless caches (.serverless.<region>.cache.amazonaws.com) always use TLS"},
	{Name: "Azure Cache for Redis", Suffixes: []string{".redis.cache.windows.net"}, TLSPort: 6380, Trust: PublicCA,
		Note: "TLS on port 6380 (6379 plaintext is off by default); the certificate chains to public roots (DigiCert)"},
	{Name: "Azure Managed Redis", Suffixes: []string{".redis.azure.net"}, TLSPort: 10000, Trust: PublicCA,
		Note: "TLS on port 10000; the certificate chains to public roots"},
	{Name: "Upstash", Suffixes: []string{".upstash.io"}, Trust: PublicCA,
		Note: "TLS always on; the certificate chains to public roots"},
	{Name: "Redis Cloud", Suffixes: []string{".redis-cloud.com", ".redislabs.com", ".rlrcloud.com"}, Trust: PrivateCA,
		Note: "TLS when enabled on the database; the certificate has long been issued by Redis's own CA (a bundle in the admin console); newer databases may use a public CA, so it is not taken as public"},
	{Name: "DigitalOcean Managed Redis", Suffixes: []string{".db.ondigitalocean.com"}, TLSPort: 25061, Trust: PrivateCA,
		Note: "TLS on port 25061; the CA certificate is downloaded from the control panel (not taken as public: unverified)"},
	{Name: "Heroku Redis", Suffixes: []string{".compute-1.amazonaws.com", ".compute.amazonaws.com"}, HostPrefix: "ec2-", Trust: SelfSigned,
		Note: "TLS on the REDIS_URL's port (a high port, rediss://); the certificate is self-signed and no CA is published"},
	{Name: "Heroku Redis", Suffixes: []string{".compute-1.amazonaws.com", ".compute.amazonaws.com"}, MinPort: 10000, Trust: SelfSigned,
		Note: "as above, a host given with its high port"},
}

// Google Memorystore is known by IP address only (its server CA comes
// from the instance, a private CA): no host name identifies it, so it is
// not in the table.

// Lookup returns the provider serving host ("name", "name:port",
// "[::1]:port"; case-insensitive), or nil when none is known.
func Lookup(host string) *Provider {
	name, port := splitHostPort(strings.ToLower(strings.TrimSpace(host)))
	name = strings.TrimSuffix(name, ".")
	if name == "" {
		return nil
	}
	for i := range Table {
		p := &Table[i]
		if p.HostPrefix != "" && !strings.HasPrefix(name, p.HostPrefix) {
			continue
		}
		if p.MinPort != 0 && port < p.MinPort {
			continue
		}
		for _, s := range p.Suffixes {
			if strings.HasSuffix(name, s) && len(name) > len(s) {
				return p
			}
		}
	}
	return nil
}

// splitHostPort splits "host:port" (port 0 when there is none).
func splitHostPort(s string) (string, int) {
	if h, p, err := net.SplitHostPort(s); err == nil {
		n, _ := strconv.Atoi(p)
		return h, n
	}
	return strings.Trim(s, "[]"), 0
}
