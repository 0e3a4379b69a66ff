package driver

// Deployment config: the values manifests, overlays, compose files, .env
// files and Dapr components give the environment variables that the
// analysed code reads for a Redis client (findings.Result.EnvReads) are
// judged by internal/deploy. Only the standalone checker reads them:
// go vet and golangci-lint see packages, not the files beside them.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/redistlslint/redistlslint/internal/deploy"
	"github.com/redistlslint/redistlslint/internal/findings"
)

// deployFlag is -deploy: "" (the module root), "off", or folders.
type deployFlag struct {
	off  bool
	dirs []string
}

func (d *deployFlag) String() string {
	if d.off {
		return "off"
	}
	return strings.Join(d.dirs, ",")
}

func (d *deployFlag) Set(v string) error {
	d.off, d.dirs = false, nil
	if strings.TrimSpace(v) == "off" {
		d.off = true
		return nil
	}
	for _, dir := range strings.Split(v, ",") {
		if dir = strings.TrimSpace(dir); dir != "" {
			d.dirs = append(d.dirs, dir)
		}
	}
	if len(d.dirs) == 0 {
		return fmt.Errorf("want off, or comma-separated folders to read deployment config from")
	}
	return nil
}

// moduleRoot returns the directory of the main module of the roots.
func moduleRoot(roots []*packages.Package) string {
	for _, p := range roots {
		if p.Module != nil && p.Module.Main && p.Module.Dir != "" {
			return p.Module.Dir
		}
	}
	return ""
}

// envReads gathers the roots' environment reads, as deploy reads: each
// tied to the main packages that reach it.
func envReads(a *analysis.Analyzer, units []*unit, root string) []deploy.Read {
	type mainPkg struct {
		dir  string // the import path, which deploy matches to commands and ko:// images
		deps map[string]bool
	}
	var mains []mainPkg
	for _, u := range units {
		if !u.root || u.pkg.Name != "main" || len(u.pkg.GoFiles) == 0 || strings.HasSuffix(u.pkg.ID, ".test") {
			continue
		}
		m := mainPkg{dir: u.pkg.PkgPath, deps: map[string]bool{}}
		packages.Visit([]*packages.Package{u.pkg}, nil, func(p *packages.Package) { m.deps[p.PkgPath] = true })
		mains = append(mains, m)
	}
	var out []deploy.Read
	seen := map[deploy.Read]bool{}
	for _, u := range units {
		act := u.actions[a]
		if !u.root || act == nil {
			continue
		}
		res, _ := act.result.(*findings.Result)
		if res == nil {
			continue
		}
		for _, r := range res.EnvReads {
			if r.Feeds == findings.FeedCASource {
				continue // a path or PEM: nothing to judge in config
			}
			dr := deployRead(u.fset, root, r)
			var bins []string
			for _, m := range mains {
				if m.deps[u.pkg.PkgPath] {
					bins = append(bins, m.dir)
				}
			}
			if len(bins) == 0 {
				bins = []string{""}
			}
			for _, b := range bins {
				dr.Binary = b
				if !seen[dr] {
					seen[dr] = true
					out = append(out, dr)
				}
			}
		}
	}
	return out
}

func deployRead(fset *token.FileSet, root string, r findings.EnvRead) deploy.Read {
	p := fset.Position(r.Pos)
	dr := deploy.Read{
		Name:             r.Name,
		Where:            fmt.Sprintf("%s:%d", relDir(root, p.Filename), p.Line),
		Client:           clientName(r.Client),
		ForcesTLS:        r.ForcesTLS,
		SkipVerifyParam:  r.SkipVerifyParam,
		SkipVerifyEmpty:  r.SkipVerifyEmpty,
		TLSSwitch:        r.TLSSwitch,
		SkipVerifySwitch: r.SkipVerifySwitch,
		TLSDefault:       r.TLSDefault,
	}
	switch r.Feeds {
	case findings.FeedURL:
		dr.Feeds = deploy.FeedURL
	case findings.FeedAddr:
		dr.Feeds = deploy.FeedAddr
	case findings.FeedTLSSwitch:
		dr.Feeds = deploy.FeedTLSSwitch
	case findings.FeedSkipVerifySwitch:
		dr.Feeds = deploy.FeedSkipVerifySwitch
	}
	return dr
}

// clientName names a client library by its import path, as users know it.
func clientName(path string) string {
	for _, c := range []struct{ prefix, name string }{
		{"github.com/redis/go-redis", "go-redis"}, {"github.com/go-redis/redis", "go-redis"}, {"gopkg.in/redis", "go-redis"},
		{"github.com/hibiken/asynq", "asynq"}, {"github.com/gomodule/redigo", "redigo"}, {"github.com/garyburd/redigo", "redigo"},
		{"github.com/redis/rueidis", "rueidis"}, {"github.com/rueian/rueidis", "rueidis"}, {"github.com/valkey-io/valkey-go", "valkey-go"},
		{"github.com/mediocregopher/radix", "radix"},
	} {
		if strings.HasPrefix(path, c.prefix) {
			return c.name
		}
	}
	return path
}

// relDir returns path relative to root, slash-separated ("." for root).
func relDir(root, path string) string {
	if root == "" {
		return filepath.ToSlash(path)
	}
	rel, err := filepath.Rel(root, path)
	if err != nil || strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(path)
	}
	return filepath.ToSlash(rel)
}

// scanDeploy judges the deployment config under the module root (or
// flag's folders) against the roots' environment reads.
func scanDeploy(a *analysis.Analyzer, roots []*packages.Package, units []*unit, flag deployFlag, plaintext func(string) bool) ([]deploy.Finding, []error) {
	if flag.off {
		return nil, nil
	}
	root := moduleRoot(roots)
	if root == "" {
		return nil, nil
	}
	reads := envReads(a, units, root)
	var bins []string
	for _, u := range units {
		if u.root && u.pkg.Name == "main" && len(u.pkg.GoFiles) > 0 && !strings.HasSuffix(u.pkg.ID, ".test") {
			bins = append(bins, u.pkg.PkgPath)
		}
	}
	sort.Strings(bins)
	fs, errs := deploy.Scan(root, flag.dirs, reads, deploy.Options{PlaintextHost: plaintext, Binaries: bins})
	sort.Slice(fs, func(i, j int) bool {
		if fs[i].File != fs[j].File {
			return fs[i].File < fs[j].File
		}
		return fs[i].Line < fs[j].Line || fs[i].Line == fs[j].Line && fs[i].Col < fs[j].Col
	})
	return fs, errs
}

// plaintextMatcher returns the analyzer's -plaintext-hosts judgement, so
// that config is judged with the same list (nil: none but local hosts).
func plaintextMatcher(a *analysis.Analyzer) func(string) bool {
	if f := a.Flags.Lookup("plaintext-hosts"); f != nil {
		if m, ok := f.Value.(interface{ PlaintextOK(string) bool }); ok {
			return m.PlaintextOK
		}
	}
	return nil
}

// printConfig prints config findings as go vet prints findings, and
// returns how many it printed.
func (tp *textPrinter) printConfig(fs []deploy.Finding) int {
	for _, f := range fs {
		posn := token.Position{Filename: f.File, Line: f.Line, Column: f.Col}
		fmt.Fprintf(tp.w, "%s: %s (%s)\n", tp.position(posn), f.Message, f.Category)
	}
	return len(fs)
}

// printJSON prints the x/tools JSON tree of the findings, with the config
// findings under the pseudo-package "deploy" (analyzer name, then the
// diagnostics, as for a package).
func printJSON(w io.Writer, a *analysis.Analyzer, graph *checker.Graph, config []deploy.Finding) error {
	if len(config) == 0 {
		return graph.PrintJSON(w)
	}
	var buf bytes.Buffer
	if err := graph.PrintJSON(&buf); err != nil {
		return err
	}
	tree := map[string]map[string]any{}
	if err := json.Unmarshal(buf.Bytes(), &tree); err != nil {
		return err
	}
	type diag struct {
		Category string `json:"category"`
		Posn     string `json:"posn"`
		Message  string `json:"message"`
	}
	var diags []diag
	for _, f := range config {
		diags = append(diags, diag{f.Category, fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Col), f.Message})
	}
	tree["deploy"] = map[string]any{a.Name: diags}
	out, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = w.Write(append(out, '\n'))
	return err
}

// filterConfig keeps the config findings on changed lines.
func (c *changedLines) filterConfig(fs []deploy.Finding) []deploy.Finding {
	var kept []deploy.Finding
	for _, f := range fs {
		if c.contains(token.Position{Filename: f.File, Line: f.Line}) {
			kept = append(kept, f)
		}
	}
	return kept
}
