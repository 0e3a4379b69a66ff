package deploy

import (
	"fmt"
	"path"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

// resolve builds the units: every container with its environment
// resolved against the ConfigMaps and Secrets of the tree, every compose
// service, every .env file.
func (s *scanner) resolve() {
	for _, w := range s.workloads {
		for _, c := range w.containers {
			s.addUnit(s.container(w, c))
		}
	}
	s.resolveJSONPatches()
	defer s.inheritBins()
	local := s.composeLocalNames()
	for _, cf := range s.composes {
		for _, svc := range cf.services {
			s.addUnit(s.composeService(cf, svc, local[cf.dir]))
		}
	}
	for _, rel := range s.envFiles {
		if s.envUsed[rel] {
			continue // judged with the service or container that reads it
		}
		u := &unit{label: rel, key: "env/" + rel, env: map[string][]value{}, local: local[path.Dir(rel)], dir: path.Dir(rel)}
		for _, e := range s.envFile(rel) {
			u.env[e.key] = []value{e.value}
		}
		s.addUnit(u)
	}
}

// inheritBins gives an overlay's patch (which names no image or command)
// the binary of the base it patches, and a compose override file's service
// that of the base file's.
func (s *scanner) inheritBins() {
	for _, u := range s.units {
		if len(u.bins) > 0 {
			continue
		}
		for _, o := range s.related(u) {
			if len(o.bins) > 0 {
				u.bins = o.bins
				break
			}
		}
	}
}

// objects returns the ConfigMaps (or Secrets) named name, in ns when both
// say a namespace.
func objects(all []*configMap, name, ns string) []*configMap {
	var out []*configMap
	for _, cm := range all {
		if cm.name == name && (ns == "" || cm.ns == "" || cm.ns == ns) {
			out = append(out, cm)
		}
	}
	return out
}

var kubeRef = regexp.MustCompile(`\$\$?\(([A-Za-z_][A-Za-z0-9_.-]*)\)`)

func (s *scanner) container(w workload, c *yaml.Node) *unit {
	cname := strOf(c, "name")
	label := cname
	if w.name != "" && w.name != cname {
		label = w.name + "/" + cname // the workload and the container
	}
	u := &unit{label: fmt.Sprintf("container %q", label), key: "k8s/" + w.name + "/" + cname, env: map[string][]value{}, dir: path.Dir(w.file)}
	u.bins = s.containerBins(c)
	for _, ef := range items(get(c, "envFrom")) {
		prefix := strOf(ef, "prefix")
		for _, ref := range []struct {
			key string
			all []*configMap
		}{{"configMapRef", s.configMaps}, {"secretRef", s.secrets}} {
			r := get(ef, ref.key)
			if r == nil {
				continue
			}
			for _, cm := range objects(ref.all, strOf(r, "name"), w.ns) {
				for _, k := range cm.order {
					u.env[prefix+k] = append(u.env[prefix+k], cm.data[k])
				}
			}
		}
	}
	for _, e := range items(get(c, "env")) {
		nameNode := get(e, "name")
		name, ok := str(nameNode)
		if !ok {
			continue
		}
		keyLine := nameNode.Line
		var vals []value
		if v := get(e, "value"); v != nil {
			text, _ := str(v)
			val := s.valueAt(w.file, v, s.expandKube(text, u))
			val.keyLine = keyLine
			vals = append(vals, val)
		} else if vf := get(e, "valueFrom"); vf != nil {
			unknown := value{file: w.file, line: vf.Line, col: vf.Column, keyLine: keyLine, unknown: true}
			var ref *yaml.Node
			var all []*configMap
			if ref = get(vf, "configMapKeyRef"); ref != nil {
				all = s.configMaps
			} else if ref = get(vf, "secretKeyRef"); ref != nil {
				all = s.secrets
			}
			if ref != nil {
				key := strOf(ref, "key")
				for _, cm := range objects(all, strOf(ref, "name"), w.ns) {
					if v, ok := cm.data[key]; ok {
						vals = append(vals, v)
					}
				}
			}
			if len(vals) == 0 {
				vals = append(vals, unknown) // a Secret not in the tree, a fieldRef
			}
		} else {
			vals = append(vals, value{file: w.file, line: nameNode.Line, col: nameNode.Column})
		}
		u.env[name] = vals
	}
	return u
}

// expandKube expands $(VAR) references to variables defined before in the
// container; others stay (and are then not judged). $$(VAR) is a literal.
func (s *scanner) expandKube(text string, u *unit) string {
	if !strings.Contains(text, "$(") {
		return text
	}
	return kubeRef.ReplaceAllStringFunc(text, func(m string) string {
		if strings.HasPrefix(m, "$$") {
			return m
		}
		name := kubeRef.FindStringSubmatch(m)[1]
		for _, v := range u.env[name] {
			if !v.unknown {
				return v.s
			}
		}
		return m
	})
}

var shells = map[string]bool{"sh": true, "bash": true, "ash": true, "dash": true, "zsh": true, "env": true, "exec": true, "tini": true, "dumb-init": true}

// foreignImages run someone else's code: a Redis server, a database, a
// proxy, an exporter, a shell for init scripts. The variables set for them
// (REDIS_ADDR for redis_exporter) are not read by this module's code.
var foreignImages = map[string]bool{
	"redis": true, "redis-stack": true, "redis-stack-server": true, "valkey": true, "keydb": true, "dragonfly": true,
	"redis_exporter": true, "redis-exporter": true, "redis-commander": true, "redisinsight": true, "redis-sentinel": true,
	"redis-cluster": true, "postgres": true, "postgresql": true, "mysql": true, "mariadb": true, "mongo": true,
	"mongodb": true, "rabbitmq": true, "memcached": true, "nginx": true, "haproxy": true, "envoy": true,
	"traefik": true, "busybox": true, "stunnel": true, "daprd": true,
}

// notOurs is the binary of a container whose image runs foreign code:
// it matches no read.
const notOurs = "\x00foreign"

// imageName returns the last path element of an image, without tag or
// digest: "docker.io/bitnami/redis:7.2@sha256:..." → "redis".
func imageName(img string) string {
	img, _, _ = strings.Cut(img, "@")
	if i := strings.LastIndexByte(img, ':'); i > strings.LastIndexByte(img, '/') {
		img = img[:i]
	}
	return strings.ToLower(path.Base(img))
}

// containerBins returns the binaries a container runs, where its image
// (ko://) or command names one.
func (s *scanner) containerBins(c *yaml.Node) []string {
	img := strOf(c, "image")
	if strings.HasPrefix(img, "ko://") {
		return []string{strings.TrimPrefix(img, "ko://")}
	}
	if img != "" && foreignImages[imageName(img)] && get(c, "build") == nil {
		return []string{notOurs}
	}
	var words []string
	for _, k := range []string{"command", "args", "entrypoint"} {
		n := get(c, k)
		if t, ok := str(n); ok {
			words = append(words, strings.Fields(t)...)
			continue
		}
		for _, it := range items(n) {
			if t, ok := str(it); ok {
				words = append(words, strings.Fields(t)...)
			}
		}
	}
	return s.binsOfWords(words)
}

// binsOfWords finds the known binaries that command words name as paths
// (/app/frontend, ./server, cmd/api).
func (s *scanner) binsOfWords(words []string) []string {
	var out []string
	for i, w := range words {
		w = strings.Trim(w, `"'`)
		if shells[path.Base(w)] || strings.HasPrefix(w, "-") {
			continue
		}
		if i > 0 && !strings.Contains(w, "/") {
			continue
		}
		if b, ok := s.knownBin(w); ok {
			out = append(out, b)
		}
	}
	return out
}

// composeLocalNames returns, per compose directory (project), the host
// names its services answer to: service names, container_name, hostname,
// network aliases and link aliases.
func (s *scanner) composeLocalNames() map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for _, cf := range s.composes {
		m := out[cf.dir]
		if m == nil {
			m = map[string]bool{}
			out[cf.dir] = m
		}
		add := func(n string) {
			if n != "" {
				m[strings.ToLower(n)] = true
			}
		}
		for _, svc := range cf.services {
			add(svc.name)
			add(strOf(svc.node, "container_name"))
			add(strOf(svc.node, "hostname"))
			for _, kv := range pairs(get(svc.node, "networks")) {
				for _, a := range items(get(kv[1], "aliases")) {
					t, _ := str(a)
					add(t)
				}
			}
			for _, l := range items(get(svc.node, "links")) {
				t, _ := str(l)
				_, alias, found := strings.Cut(t, ":")
				if found {
					add(alias)
				}
			}
		}
	}
	return out
}

func (s *scanner) composeService(cf *composeFile, svc composeService, local map[string]bool) *unit {
	u := &unit{label: fmt.Sprintf("service %q", svc.name), key: "compose/" + cf.dir + "/" + svc.name, env: map[string][]value{}, local: local, dir: cf.dir}
	// env_file first: environment overrides it.
	ef := get(svc.node, "env_file")
	files := items(ef)
	if ef != nil && ef.Kind == yaml.ScalarNode {
		files = []*yaml.Node{ef}
	}
	for _, f := range files {
		p, ok := str(f)
		if !ok {
			p = strOf(f, "path")
		}
		if p == "" {
			continue
		}
		s.envUsed[path.Join(cf.dir, p)] = true
		for _, e := range s.envFile(path.Join(cf.dir, p)) {
			u.env[e.key] = []value{e.value}
		}
	}
	envNode := get(svc.node, "environment")
	for _, it := range items(envNode) { // - KEY=value
		text, ok := str(it)
		if !ok {
			continue
		}
		k, v, found := strings.Cut(text, "=")
		k = strings.TrimSpace(k)
		if !found {
			u.env[k] = []value{{file: cf.file, line: it.Line, col: it.Column, unknown: true}} // from the host
			continue
		}
		col := it.Column + len(k) + 1
		if it.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
			col++
		}
		u.env[k] = []value{{s: v, file: cf.file, line: it.Line, col: col}}
	}
	for _, kv := range pairs(envNode) { // KEY: value
		text, ok := str(kv[1])
		val := value{s: text, file: cf.file, line: kv[1].Line, col: kv[1].Column, keyLine: kv[0].Line}
		if !ok {
			val = value{file: cf.file, line: kv[0].Line, col: kv[0].Column, unknown: true}
		}
		u.env[kv[0].Value] = []value{val}
	}
	// The binary: a ko:// image, a command path, or the Dockerfile it builds.
	u.bins = s.containerBins(svc.node)
	if b := get(svc.node, "build"); b != nil && len(u.bins) == 0 {
		ctx, ok := str(b)
		dockerfile := "Dockerfile"
		if !ok {
			ctx = strOf(b, "context")
			if d := strOf(b, "dockerfile"); d != "" {
				dockerfile = d
			}
		}
		if ctx == "" {
			ctx = "."
		}
		if !strings.Contains(ctx, "://") {
			ctxRel := path.Join(cf.dir, ctx)
			u.bins = s.dockerfileBins(ctxRel, path.Join(ctxRel, dockerfile))
		}
	}
	return u
}

// goBuildFlagsWithArg are the go build flags that take the next word.
var goBuildFlagsWithArg = map[string]bool{"-o": true, "-ldflags": true, "-gcflags": true, "-asmflags": true, "-tags": true,
	"-mod": true, "-p": true, "-pkgdir": true, "-modfile": true, "-overlay": true, "-pgo": true, "-buildmode": true,
	"-compiler": true, "-installsuffix": true, "-toolexec": true, "-C": true, "-gccgoflags": true}

// dockerfileBins returns the packages a Dockerfile builds with go build
// or go install, as directories relative to the root (or import paths).
func (s *scanner) dockerfileBins(ctxRel, rel string) []string {
	src, ok := s.readFile(rel)
	if !ok {
		return nil
	}
	text := strings.ReplaceAll(string(src), "\\\n", " ")
	var out []string
	for _, line := range strings.Split(text, "\n") {
		words := strings.Fields(line)
		for i := 0; i+1 < len(words); i++ {
			if words[i] != "go" || words[i+1] != "build" && words[i+1] != "install" {
				continue
			}
			dir := ""
			for j := i + 2; j < len(words); j++ {
				w := strings.Trim(words[j], `"'`)
				if w == "&&" || w == ";" || w == "|" || w == "||" || strings.HasSuffix(w, ";") {
					break
				}
				if strings.HasPrefix(w, "-") {
					if goBuildFlagsWithArg[w] {
						if w == "-C" && j+1 < len(words) {
							dir = words[j+1]
						}
						j++
					}
					continue
				}
				if strings.HasSuffix(w, ".go") {
					w = path.Dir(w)
				}
				w = strings.TrimSuffix(w, "/...")
				if strings.HasPrefix(w, ".") {
					out = append(out, cleanBin(path.Join(ctxRel, dir, w)))
				} else if strings.Contains(w, "/") && !strings.HasPrefix(w, "/") && !strings.Contains(w, "$") {
					out = append(out, w) // an import path
				}
			}
		}
	}
	return out
}
