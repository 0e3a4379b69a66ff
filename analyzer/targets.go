package analyzer

import (
	"go/ast"
	"strings"

	"github.com/redistlslint/redistlslint/internal/clients"
	"github.com/redistlslint/redistlslint/internal/flow"
	"github.com/redistlslint/redistlslint/internal/providers"
)

// constHosts returns the addresses that exprs (an address, or a slice
// literal of them) hold as constants, URLs reduced to their hosts; ok is
// false when one of them is not a constant (an environment variable, a
// flag): the target is then unknown.
func (c *checker) constHosts(exprs []ast.Expr) (hosts []string, ok bool) {
	for _, e := range exprs {
		if lit, isLit := ast.Unparen(e).(*ast.CompositeLit); isLit {
			for _, elt := range lit.Elts {
				if kv, isKV := elt.(*ast.KeyValueExpr); isKV {
					elt = kv.Value
				}
				more, ok := c.constHosts([]ast.Expr{elt})
				if !ok {
					return nil, false
				}
				hosts = append(hosts, more...)
			}
			continue
		}
		s, isConst := flow.ConstString(c.info, e)
		if !isConst {
			return nil, false
		}
		if strings.Contains(s, "://") {
			u, isURL := clients.ParseURL(s)
			if !isURL {
				return nil, false
			}
			hosts = append(hosts, u.Hosts...)
			continue
		}
		hosts = append(hosts, s)
	}
	return hosts, len(hosts) > 0
}

// optionsHosts returns the constant addresses of an options literal (its
// Addr, Addrs, InitAddress... fields).
func (c *checker) optionsHosts(lit *ast.CompositeLit, ot *clients.OptionsType) ([]string, bool) {
	var addrs []ast.Expr
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			for _, name := range ot.Addrs {
				if flow.IsIdent(kv.Key, name) {
					addrs = append(addrs, kv.Value)
				}
			}
		}
	}
	return c.constHosts(addrs)
}

// providerOf returns the managed provider serving the first of hosts that
// one serves, or nil.
func providerOf(hosts []string) *providers.Provider {
	for _, h := range hosts {
		h = strings.Trim(h, `"`) // as messages show constants
		if u, ok := clients.ParseURL(h); ok && strings.Contains(h, "://") {
			if p := providerOf(u.Hosts); p != nil {
				return p
			}
			continue
		}
		if p := providers.Lookup(h); p != nil {
			return p
		}
	}
	return nil
}

// skipFixOK reports whether a fix may remove a skip-verify setting for a
// client of hosts (known: every address is a constant): always under
// -fix-skip-verify, else only when every host is a managed provider whose
// certificate chains to public roots, so verification will succeed.
func (c *checker) skipFixOK(hosts []string, known bool) bool {
	if c.cfg.FixSkipVerify {
		return true
	}
	if !known || len(hosts) == 0 {
		return false
	}
	for _, h := range hosts {
		if !providers.Lookup(h).Public() {
			return false
		}
	}
	return true
}

// skipAdvice is what a skip-verify message advises, for a client of
// hosts: remove the setting (a public-CA provider), pin the provider's
// certificate or CA (a self-signed or private-CA provider), or trust the
// server's CA; or say why in a comment.
func skipAdvice(hosts []string) string {
	switch p := providerOf(hosts); {
	case p.Public():
		return p.Name + " has a public-CA certificate: remove it"
	case p != nil && p.Trust == providers.SelfSigned:
		return p.Name + " has a self-signed certificate: pin it in RootCAs or say why in a comment"
	case p != nil:
		return p.Name + " has " + p.Certificate() + ": pin its CA in RootCAs or say why in a comment"
	}
	return "trust its CA via RootCAs or say why in a comment"
}

// plaintextWhy says why plaintext is wrong for a client of hosts: what
// the provider requires, when one is known.
func plaintextWhy(hosts []string) string {
	if p := providerOf(hosts); p != nil {
		return "plaintext, but " + p.Name + " " + p.Requirement()
	}
	return "plaintext to a remote Redis"
}
