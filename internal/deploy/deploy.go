// Package deploy judges the Redis settings that deployment files give to
// the environment variables the code reads: Kubernetes manifests (with
// ConfigMaps, Secrets, envFrom and $(VAR) references), Kustomize bases and
// overlays read as plain YAML, docker-compose files, .env files, and Dapr
// Redis components.
//
// The analyzer says what the code does with each variable (a Read); Scan
// finds where the tree sets those variables and reports the values that,
// written in the code, would be findings: a plaintext connection to a
// remote host (missing-tls) or certificate verification turned off
// (insecure-skip-verify). Dapr components need no Read.
package deploy

import (
	"os"
	"path/filepath"
	"sort"
)

// Categories of findings, the analyzer's.
const (
	CategoryMissingTLS = "missing-tls"
	CategorySkipVerify = "insecure-skip-verify"
)

// Feed says what an environment variable feeds in the code.
type Feed int

const (
	// FeedURL: a connection URL given to a parser (redis.ParseURL).
	FeedURL Feed = iota + 1
	// FeedAddr: an address, host:port (or a comma-separated list of them).
	FeedAddr
	// FeedTLSSwitch: a boolean that turns TLS on.
	FeedTLSSwitch
	// FeedSkipVerifySwitch: a boolean that turns verification off.
	FeedSkipVerifySwitch
	// FeedCASource: a CA or certificate source; recorded, never judged.
	FeedCASource
)

func (f Feed) String() string {
	switch f {
	case FeedURL:
		return "URL"
	case FeedAddr:
		return "Addr"
	case FeedTLSSwitch:
		return "TLSSwitch"
	case FeedSkipVerifySwitch:
		return "SkipVerifySwitch"
	case FeedCASource:
		return "CASource"
	}
	return "Feed(?)"
}

// Read is what the code does with an environment variable, as the
// analyzer found it.
type Read struct {
	Name   string // the variable, e.g. "REDIS_URL"
	Feeds  Feed
	Where  string // the code that reads it, "internal/cache/cache.go:12"
	Client string // the client it reaches, for messages: "go-redis"
	// Binary is the main package that reaches this read, as its directory
	// relative to the module root ("cmd/api", "." for the root) or its
	// import path; "" when any binary may.
	Binary string

	// URL and Addr: ForcesTLS is true when the code turns TLS on whatever
	// the value says (it sets TLSConfig after ParseURL).
	ForcesTLS bool
	// URL: the query parameter that the parser honours to turn
	// verification off ("skip_verify" for go-redis v9 and rueidis); "" when
	// it honours none. SkipVerifyEmpty: an empty value (?skip_verify)
	// turns it off too (rueidis).
	SkipVerifyParam string
	SkipVerifyEmpty bool
	// URL and Addr: the variables that switch TLS on and verification off
	// for the same client ("" when there are none, or the analyzer could
	// not link them; then, for an Addr, the switches of the same Binary
	// and Client are taken).
	TLSSwitch        string
	SkipVerifySwitch string

	// TLSSwitch: the value when the variable is unset.
	TLSDefault bool
}

// Finding is one value in a deployment file that the code would use
// insecurely. File is the path under the root as Scan was given it
// (filepath.Join(root, relative)); Line and Col are 1-based, at the value
// (or at its key when the value is missing).
type Finding struct {
	File      string
	Line, Col int
	Category  string
	Message   string
}

// Options tune Scan.
type Options struct {
	// PlaintextHost reports whether a host is on the user's plaintext
	// allow-list (-plaintext-hosts); nil allows none.
	PlaintextHost func(host string) bool
	// Binary, when set, judges only the reads of that main package (and
	// the reads with no Binary), and only containers that may run it.
	Binary string
	// Binaries are the module's main packages (directories relative to the
	// root, or import paths). A container whose command names one of them
	// runs that binary; together with the Reads' binaries and the cmd/*
	// directories seen while walking.
	Binaries []string
}

// maxFileSize: larger files are not deployment config.
const maxFileSize = 1 << 20

// Scan reads the deployment files under root (or under dirs, relative to
// root unless absolute, when given) and judges the values given to the
// variables in reads. Errors name a file (and line) that could not be
// read; the other files are judged anyway.
func Scan(root string, dirs []string, reads []Read, opts Options) ([]Finding, []error) {
	s := newScanner(root, reads, opts)
	if len(dirs) == 0 {
		dirs = []string{"."}
	}
	seen := map[string]bool{}
	for _, d := range dirs {
		if filepath.IsAbs(d) {
			if rel, err := filepath.Rel(root, d); err == nil {
				d = rel
			}
		}
		d = filepath.Clean(d)
		if seen[d] {
			continue
		}
		seen[d] = true
		s.walk(d)
	}
	s.resolve()
	s.judge()
	sort.SliceStable(s.findings, func(i, j int) bool {
		a, b := s.findings[i], s.findings[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return s.findings, s.errs
}

// readFile reads a file under the root, at most maxFileSize bytes.
func (s *scanner) readFile(rel string) ([]byte, bool) {
	p := filepath.Join(s.root, rel)
	fi, err := os.Stat(p)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > maxFileSize {
		return nil, false
	}
	b, err := os.ReadFile(p)
	return b, err == nil
}
