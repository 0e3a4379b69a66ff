package deploy

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// A value is one setting of a variable, where it is written.
type value struct {
	s         string
	file      string // relative to the root, slash-separated
	line, col int
	keyLine   int  // the line of its key when elsewhere (k8s "- name:"), for comments
	unknown   bool // not resolvable (a Secret not in the tree, a fieldRef, "- KEY" from the host)
}

// A unit is what runs with one environment: a Kubernetes container, a
// compose service, or a .env file read by the code.
type unit struct {
	label string             // `container "api"`, `service "web"`, `.env.production`
	key   string             // identity across files: a base and its overlay patch share it
	env   map[string][]value // by variable name
	bins  []string           // the binaries it may run; nil when unknown
	local map[string]bool    // host names local to it (compose service names)
	dir   string             // where it is defined (a kustomization's directory)
}

type configMap struct {
	name, ns string
	data     map[string]value
	order    []string
}

type scanner struct {
	root     string
	reads    []Read
	opts     Options
	findings []Finding
	errs     []error
	reported map[string]bool

	files     map[string]*fileInfo // rel path → parsed comments
	knownBins map[string]bool
	cmdDirs   []string

	configMaps  []*configMap
	secrets     []*configMap
	workloads   []workload
	composes    []*composeFile
	envFiles    []string // standalone .env files
	daprs       []daprComponent
	units       []*unit
	byKey       map[string][]*unit
	envCache    map[string][]envEntry
	kustRes     map[string][]string // kustomization dir → the dirs of its resources
	jsonPatches []jsonPatch
	src         []byte          // the YAML file being read
	envUsed     map[string]bool // .env files that a compose service or a generator reads
}

func newScanner(root string, reads []Read, opts Options) *scanner {
	s := &scanner{root: root, opts: opts, reported: map[string]bool{}, files: map[string]*fileInfo{},
		knownBins: map[string]bool{}, kustRes: map[string][]string{}, envUsed: map[string]bool{}, byKey: map[string][]*unit{}}
	for _, r := range reads {
		if opts.Binary != "" && r.Binary != "" && !binMatch(r.Binary, opts.Binary) {
			continue
		}
		s.reads = append(s.reads, r)
		if r.Binary != "" {
			s.knownBins[cleanBin(r.Binary)] = true
		}
	}
	for _, b := range opts.Binaries {
		s.knownBins[cleanBin(b)] = true
	}
	return s
}

// skipDirs are not deployment config: vendored code, tests' data, and
// the trees of other toolchains (a Python virtualenv is often ".env").
var skipDirs = map[string]bool{"vendor": true, "node_modules": true, ".git": true, "testdata": true,
	".env": true, ".venv": true, "venv": true, ".tox": true, "site-packages": true, "__pycache__": true,
	".terraform": true, "bower_components": true, ".hg": true, ".svn": true, ".idea": true, ".cache": true}

// walk lists dir and reads the YAML and .env files in it.
func (s *scanner) walk(dir string) {
	start := filepath.Join(s.root, dir)
	if fi, err := os.Stat(start); err != nil || !fi.IsDir() {
		s.errs = append(s.errs, fmt.Errorf("%s: not a directory, no deployment files read", start))
		return
	}
	_ = filepath.WalkDir(start, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // unreadable: skip
		}
		rel, rerr := filepath.Rel(s.root, p)
		if rerr != nil {
			return nil
		}
		rel = filepath.ToSlash(rel)
		name := d.Name()
		if d.IsDir() {
			if p != start && (skipDirs[name] || helmTemplates(p, name)) {
				return filepath.SkipDir
			}
			if path.Base(path.Dir(rel)) == "cmd" {
				s.cmdDirs = append(s.cmdDirs, rel)
				s.knownBins[rel] = true
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		switch {
		case isYAMLName(name):
			if info, err := d.Info(); err == nil && info.Size() <= maxFileSize {
				s.readYAMLFile(rel)
			}
		case isEnvName(name):
			if !isDocName(name) {
				if info, err := d.Info(); err == nil && info.Size() <= maxFileSize {
					s.envFiles = append(s.envFiles, rel)
				}
			}
		}
		return nil
	})
}

// helmTemplates reports whether dir is the templates folder of a Helm
// chart: Go templates, not YAML (Helm is out of scope).
func helmTemplates(p, name string) bool {
	if name != "templates" {
		return false
	}
	_, err := os.Stat(filepath.Join(filepath.Dir(p), "Chart.yaml"))
	return err == nil
}

func isYAMLName(name string) bool {
	return strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml")
}

// isEnvName: ".env", ".env.production", "prod.env".
func isEnvName(name string) bool {
	return name == ".env" || strings.HasPrefix(name, ".env.") || strings.HasSuffix(name, ".env")
}

// isDocName reports whether a file documents settings rather than sets
// them: .env.example, .env.sample, *.example, *.sample, *.template.
func isDocName(name string) bool {
	lower := strings.ToLower(name)
	for _, part := range strings.Split(lower, ".") {
		switch part {
		case "example", "examples", "sample", "template", "tmpl", "tpl", "dist":
			return true
		}
	}
	return false
}

// cleanBin normalises a binary: "./cmd/api/" → "cmd/api".
func cleanBin(b string) string {
	b = path.Clean(filepath.ToSlash(strings.TrimSpace(b)))
	return strings.TrimPrefix(b, "./")
}

// binMatch reports whether a read's binary and a container's binary name
// the same main package: equal, or one a path suffix of the other
// ("cmd/api" and "github.com/org/repo/cmd/api", "frontend" and
// "cmd/frontend").
func binMatch(a, b string) bool {
	a, b = cleanBin(a), cleanBin(b)
	return a == b || strings.HasSuffix(a, "/"+b) || strings.HasSuffix(b, "/"+a)
}

// readsFor returns the reads that count for u.
func (s *scanner) readsFor(u *unit) []Read {
	if len(u.bins) == 0 {
		return s.reads
	}
	var out []Read
	if len(u.bins) == 1 && u.bins[0] == notOurs {
		return nil
	}
	for _, r := range s.reads {
		if r.Binary == "" {
			out = append(out, r)
			continue
		}
		for _, b := range u.bins {
			if binMatch(r.Binary, b) {
				out = append(out, r)
				break
			}
		}
	}
	return out
}

// knownBin returns the known binary that a command path or name denotes:
// "/app/frontend" → "cmd/frontend".
func (s *scanner) knownBin(name string) (string, bool) {
	name = strings.TrimSuffix(path.Base(name), ".exe")
	if name == "" || name == "." || name == "/" {
		return "", false
	}
	for b := range s.knownBins {
		if b == name || strings.HasSuffix(b, "/"+name) {
			return b, true
		}
	}
	return "", false
}

func (s *scanner) addUnit(u *unit) {
	s.units = append(s.units, u)
	s.byKey[u.key] = append(s.byKey[u.key], u)
}

// related returns the units that share u's identity and apply with it:
// in its directory (compose override files) or in the Kustomize bases it
// builds on. An overlay sees its base; a base does not see its overlays,
// nor one overlay another.
func (s *scanner) related(u *unit) []*unit {
	var out []*unit
	bases := s.bases(u.dir)
	for _, o := range s.byKey[u.key] {
		if o != u && (o.dir == u.dir || bases[o.dir]) {
			out = append(out, o)
		}
	}
	return out
}

// overlays returns the units that patch u from a Kustomize overlay.
func (s *scanner) overlays(u *unit) []*unit {
	var out []*unit
	for _, o := range s.byKey[u.key] {
		if o != u && o.dir != u.dir && s.bases(o.dir)[u.dir] {
			out = append(out, o)
		}
	}
	return out
}

// bases returns the directories a kustomization builds on, transitively.
func (s *scanner) bases(dir string) map[string]bool {
	out := map[string]bool{}
	var visit func(string)
	visit = func(d string) {
		for _, b := range s.kustRes[d] {
			if !out[b] && b != dir {
				out[b] = true
				visit(b)
			}
		}
	}
	visit(dir)
	return out
}

// lookup returns the values of a variable for u: its own, else those of
// the related units.
func (s *scanner) lookup(u *unit, name string) []value {
	if v := u.env[name]; len(v) > 0 {
		return v
	}
	var out []value
	for _, o := range s.related(u) {
		out = append(out, o.env[name]...)
	}
	return out
}
