package deploy

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// A workload is a Kubernetes object with a pod spec.
type workload struct {
	file, kind, name, ns string
	containers           []*yaml.Node // init containers and containers
	cs                   []*yaml.Node // containers, by index (for JSON patches)
}

type composeFile struct {
	file, dir string
	services  []composeService
}

type composeService struct {
	name string
	node *yaml.Node
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// readYAMLFile reads every document of a YAML file and records the
// objects that matter.
func (s *scanner) readYAMLFile(rel string) {
	if src, ok := s.readFile(rel); ok {
		s.readYAML(rel, src)
	}
}

// readYAML reads the documents of a YAML file's contents.
func (s *scanner) readYAML(rel string, src []byte) {
	compose := isComposeName(path.Base(rel))
	dec := yaml.NewDecoder(bytes.NewReader(src))
	for {
		var doc yaml.Node
		err := decode(dec, &doc)
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			if !bytes.Contains(src, []byte("{{")) { // a template (Helm, gomplate), not YAML
				s.errs = append(s.errs, s.yamlError(rel, err))
			}
			return
		}
		if root := docRoot(&doc); root != nil {
			s.src = src
			s.readDoc(rel, root, compose, 0)
		}
	}
}

// decode decodes the next document; a panic in the parser is an error.
func decode(dec *yaml.Decoder, n *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: %v", r)
		}
	}()
	return dec.Decode(n)
}

func (s *scanner) yamlError(rel string, err error) error {
	name := filepath.Join(s.root, filepath.FromSlash(rel))
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		return fmt.Errorf("%s:%s: bad YAML, not read: %s", name, m[1], m[2])
	}
	return fmt.Errorf("%s: bad YAML, not read: %s", name, strings.TrimPrefix(msg, "yaml: "))
}

func isComposeName(name string) bool {
	if !isYAMLName(name) {
		return false
	}
	stem := strings.TrimSuffix(strings.TrimSuffix(name, ".yaml"), ".yml")
	return stem == "compose" || strings.HasPrefix(stem, "compose.") ||
		strings.HasPrefix(stem, "docker-compose") || strings.HasPrefix(stem, "podman-compose")
}

func docRoot(doc *yaml.Node) *yaml.Node {
	n := doc
	if n.Kind == yaml.DocumentNode {
		if len(n.Content) == 0 {
			return nil
		}
		n = n.Content[0]
	}
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	return n
}

// deref follows an alias (once: yaml.v3 resolves chains).
func deref(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.AliasNode {
		return n.Alias
	}
	return n
}

// get returns the value of key in a mapping node, and the key node.
func get(n *yaml.Node, key string) *yaml.Node {
	v, _ := getKV(n, key)
	return v
}

func getKV(n *yaml.Node, key string) (val, k *yaml.Node) {
	for _, kv := range pairsDepth(n, 0) {
		if kv[0].Value == key {
			val, k = kv[1], kv[0] // the last one wins: explicit keys come after merged ones
		}
	}
	return val, k
}

// str returns a scalar's text ("" and false for anything else, or null).
func str(n *yaml.Node) (string, bool) {
	n = deref(n)
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return "", false
	}
	return n.Value, true
}

func strOf(n *yaml.Node, key string) string {
	v, _ := str(get(n, key))
	return v
}

func items(n *yaml.Node) []*yaml.Node {
	n = deref(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	out := make([]*yaml.Node, 0, len(n.Content))
	for _, c := range n.Content {
		out = append(out, deref(c))
	}
	return out
}

// pairs returns the key and value nodes of a mapping, with the keys
// merged in with "<<: *anchor" first (so the mapping's own keys override
// them when read in order).
func pairs(n *yaml.Node) [][2]*yaml.Node { return pairsDepth(n, 0) }

func pairsDepth(n *yaml.Node, depth int) [][2]*yaml.Node {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode || depth > 8 {
		return nil
	}
	var merged, own [][2]*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], deref(n.Content[i+1])
		if k.Value == "<<" && k.Tag == "!!merge" && v != nil {
			srcs := []*yaml.Node{v}
			if v.Kind == yaml.SequenceNode {
				srcs = v.Content
			}
			for _, m := range srcs {
				merged = append(merged, pairsDepth(m, depth+1)...)
			}
			continue
		}
		own = append(own, [2]*yaml.Node{k, v})
	}
	return append(merged, own...)
}

func (s *scanner) valueAt(rel string, n *yaml.Node, text string) value {
	return value{s: text, file: rel, line: n.Line, col: n.Column}
}

func (s *scanner) readDoc(rel string, root *yaml.Node, compose bool, depth int) {
	kind := strOf(root, "kind")
	api := strOf(root, "apiVersion")
	meta := get(root, "metadata")
	name, ns := strOf(meta, "name"), strOf(meta, "namespace")
	base := path.Base(rel)
	switch {
	case compose || kind == "" && api == "" && get(root, "services") != nil && get(root, "services").Kind == yaml.MappingNode:
		s.readCompose(rel, root)
	case kind == "ConfigMap":
		cm := &configMap{name: name, ns: ns, data: map[string]value{}}
		s.addData(cm, rel, get(root, "data"), false)
		s.configMaps = append(s.configMaps, cm)
	case kind == "Secret":
		cm := &configMap{name: name, ns: ns, data: map[string]value{}}
		s.addData(cm, rel, get(root, "data"), true)
		s.addData(cm, rel, get(root, "stringData"), false)
		s.secrets = append(s.secrets, cm)
	case kind == "Component" && strings.HasPrefix(api, "dapr.io"):
		s.readDapr(rel, root, name)
	case kind == "Kustomization" || depth == 0 && (base == "kustomization.yaml" || base == "kustomization.yml"):
		s.readKustomization(rel, root)
	case kind == "List" && depth < 2:
		for _, it := range items(get(root, "items")) {
			if it.Kind == yaml.MappingNode {
				s.readDoc(rel, it, false, depth+1)
			}
		}
	case kind != "":
		if spec := podSpec(kind, root); spec != nil {
			w := workload{file: rel, kind: kind, name: name, ns: ns}
			for _, k := range []string{"initContainers", "containers"} {
				for _, c := range items(get(spec, k)) {
					if c.Kind == yaml.MappingNode {
						w.containers = append(w.containers, c)
					}
					if k == "containers" {
						w.cs = append(w.cs, c)
					}
				}
			}
			s.workloads = append(s.workloads, w)
		}
	}
}

// podSpec finds the pod spec of a workload (Pod, a pod template, a
// CronJob's job template; also Knative Services and Argo Rollouts).
func podSpec(kind string, root *yaml.Node) *yaml.Node {
	spec := get(root, "spec")
	switch kind {
	case "Pod":
		return spec
	case "PodTemplate":
		return get(get(root, "template"), "spec")
	case "CronJob":
		return get(get(get(get(spec, "jobTemplate"), "spec"), "template"), "spec")
	}
	return get(get(spec, "template"), "spec")
}

// addData adds a ConfigMap's or Secret's data (base64 when b64).
func (s *scanner) addData(cm *configMap, rel string, data *yaml.Node, b64 bool) {
	for _, kv := range pairs(data) {
		text, ok := str(kv[1])
		if !ok {
			continue
		}
		if b64 {
			dec, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(text), ""))
			if err != nil {
				continue
			}
			text = string(dec)
		}
		if _, dup := cm.data[kv[0].Value]; !dup {
			cm.order = append(cm.order, kv[0].Value)
		}
		cm.data[kv[0].Value] = s.valueAt(rel, kv[1], text)
	}
}

// readKustomization reads configMapGenerator and secretGenerator: their
// literals (KEY=value) and env files make ConfigMaps and Secrets.
func (s *scanner) readKustomization(rel string, root *yaml.Node) {
	dir := path.Dir(rel)
	s.readPatches(rel, root)
	for _, k := range []string{"resources", "bases", "components"} {
		for _, it := range items(get(root, k)) {
			r, ok := str(it)
			if !ok || strings.Contains(r, "://") || strings.Contains(r, "?ref=") || path.IsAbs(r) {
				continue
			}
			d := path.Join(dir, r)
			if isYAMLName(r) {
				d = path.Dir(d)
			}
			if d != dir {
				s.kustRes[dir] = append(s.kustRes[dir], d)
			}
		}
	}
	for _, gen := range []string{"configMapGenerator", "secretGenerator"} {
		for _, g := range items(get(root, gen)) {
			cm := &configMap{name: strOf(g, "name"), ns: strOf(g, "namespace"), data: map[string]value{}}
			add := func(k string, v value) {
				if _, dup := cm.data[k]; !dup {
					cm.order = append(cm.order, k)
				}
				cm.data[k] = v
			}
			for _, lit := range items(get(g, "literals")) {
				text, ok := str(lit)
				if !ok {
					continue
				}
				k, v, found := strings.Cut(text, "=")
				if !found {
					continue
				}
				col := lit.Column + len(k) + 1
				if lit.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
					col++
				}
				add(strings.TrimSpace(k), value{s: strings.TrimSpace(v), file: rel, line: lit.Line, col: col})
			}
			envs := items(get(g, "envs"))
			if e := get(g, "env"); e != nil {
				envs = append(envs, e)
			}
			for _, e := range envs {
				f, ok := str(e)
				if !ok {
					continue
				}
				s.envUsed[path.Join(dir, f)] = true
				for _, ent := range s.envFile(path.Join(dir, f)) {
					add(ent.key, ent.value)
				}
			}
			if gen == "configMapGenerator" {
				s.configMaps = append(s.configMaps, cm)
			} else {
				s.secrets = append(s.secrets, cm)
			}
		}
	}
}

// readCompose records a compose file's services.
func (s *scanner) readCompose(rel string, root *yaml.Node) {
	cf := &composeFile{file: rel, dir: path.Dir(rel)}
	for _, kv := range pairs(get(root, "services")) {
		if kv[1].Kind == yaml.MappingNode {
			cf.services = append(cf.services, composeService{name: kv[0].Value, node: kv[1]})
		}
	}
	s.composes = append(s.composes, cf)
}

// daprComponent is a Dapr Redis component's metadata.
type daprComponent struct {
	file, name, typ string
	meta            map[string]daprMeta
}

type daprMeta struct {
	val     *yaml.Node // nil when from a secretKeyRef
	keyLine int
}

var daprRedisTypes = map[string]bool{"state.redis": true, "pubsub.redis": true, "lock.redis": true, "configuration.redis": true, "bindings.redis": true}

func (s *scanner) readDapr(rel string, root *yaml.Node, name string) {
	spec := get(root, "spec")
	typ := strOf(spec, "type")
	if !daprRedisTypes[typ] {
		return
	}
	c := daprComponent{file: rel, name: name, typ: typ, meta: map[string]daprMeta{}}
	for _, m := range items(get(spec, "metadata")) {
		n, nameNode := getKV(m, "name")
		key, ok := str(n)
		if !ok {
			continue
		}
		line := 0
		if nameNode != nil {
			line = n.Line
		}
		v := get(m, "value")
		if _, ok := str(v); !ok {
			v = nil
		}
		c.meta[key] = daprMeta{val: v, keyLine: line}
	}
	s.daprs = append(s.daprs, c)
}

// boolValue parses a switch's value; ok is false when it is not a boolean.
func boolValue(v string) (on, ok bool) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "yes", "y", "on", "enable", "enabled":
		return true, true
	case "no", "n", "off", "disable", "disabled":
		return false, true
	}
	b, err := strconv.ParseBool(strings.TrimSpace(v))
	return b, err == nil
}
