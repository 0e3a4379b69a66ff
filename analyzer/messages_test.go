package analyzer

import (
	"go/ast"
	"os"
	"path/filepath"
	"testing"
)

// TestJustification checks what a comment must say to justify a
// skip-verify: a reason of two words or more, not a task marker.
func TestJustification(t *testing.T) {
	for text, want := range map[string]bool{
		"// Heroku Redis presents a self-signed certificate; see ADR-12": true,
		"// self-signed on Heroku":                                       true,
		"//nolint:gosec // private CA pinned elsewhere":                  true,
		"// TODO":                     false,
		"// TODO: load the CA":        false,
		"// todo load the CA":         false,
		"// TODO(alice): load the CA": false,
		"// FIXME this is insecure, remove before launch": false,
		"// XXX skip for now":                             false,
		"// HACK staging only":                            false,
		"// BUG: the CA is not loaded":                    false,
		"// .":                                            false,
		"// TLS":                                          false,
		"// - -":                                          false,
		"//nolint:gosec":                                  false,
		"//redistlslint:ignore":                           false,
		"// InsecureSkipVerify: false,":                   false,
		"/* Todo: pin the certificate */":                 false,
		"/* the proxy terminates TLS, see the runbook */":  true,
		"// Todos are tracked elsewhere; this is intended": true,
	} {
		if _, got := justification(&ast.Comment{Text: text}); got != want {
			t.Errorf("justification(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestPlace checks how locations recorded in facts are shown: relative
// to the working directory inside it, absolute outside.
func TestPlace(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	inside := filepath.Join(wd, "sub", "tls.go") + ":12"
	if got, want := place(inside), filepath.Join("sub", "tls.go")+":12"; got != want {
		t.Errorf("place(%q) = %q, want %q", inside, got, want)
	}
	outside := filepath.Join(filepath.Dir(wd), "elsewhere", "tls.go") + ":3"
	if got := place(outside); got != outside {
		t.Errorf("place(%q) = %q, want it unchanged", outside, got)
	}
	if got := place("tls.go:3"); got != "tls.go:3" {
		t.Errorf("place(relative) = %q", got)
	}
}

func TestProviderOf(t *testing.T) {
	for hosts, want := range map[string]string{
		"x.upstash.io:6379":                         "Upstash",
		`"x.redis.cache.windows.net:6380"`:          "Azure Cache for Redis",
		`"rediss://:xxxxx@x.upstash.io:6379/0"`:     "Upstash",
		"cache.example.com":                         "",
		`"redis://cache.example.com:6379/0"`:        "",
		"ec2-1-2-3-4.compute-1.amazonaws.com:15000": "Heroku Redis",
	} {
		got := ""
		if p := providerOf([]string{hosts}); p != nil {
			got = p.Name
		}
		if got != want {
			t.Errorf("providerOf(%s) = %q, want %q", hosts, got, want)
		}
	}
}
