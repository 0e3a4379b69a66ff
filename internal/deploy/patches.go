package deploy

import (
	"bytes"
	"path"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// A jsonPatch is a JSON 6902 operation of a Kustomize overlay that sets a
// container's environment variable: the value is judged where the patch
// writes it, for the container of the base it targets.
type jsonPatch struct {
	file, dir  string
	kind, name string // the target
	container  int
	env        int    // the env entry's index, -1 for "-" (appended)
	varName    string // when the patch names it ({name, value} added)
	val        *yaml.Node
	keyLine    int
}

// readPatches reads a kustomization's patches: inline strategic-merge
// patches (as manifests, at their place in the kustomization) and JSON
// 6902 operations, inline or in a file. Strategic-merge patch files are
// manifests the walk reads anyway.
func (s *scanner) readPatches(rel string, root *yaml.Node) {
	dir := path.Dir(rel)
	src := s.src
	var list []*yaml.Node
	for _, k := range []string{"patches", "patchesJson6902", "patchesStrategicMerge"} {
		list = append(list, items(get(root, k))...)
	}
	for _, p := range list {
		target := get(p, "target")
		kind, name := strOf(target, "kind"), strOf(target, "name")
		if text, ok := str(p); ok { // patchesStrategicMerge: a file or inline YAML
			if strings.Contains(text, "\n") {
				s.inlinePatch(rel, dir, src, p, kind, name)
			}
			continue
		}
		if inline := get(p, "patch"); inline != nil {
			s.inlinePatch(rel, dir, src, inline, kind, name)
			continue
		}
		if f := strOf(p, "path"); f != "" && name != "" {
			prel := path.Join(dir, f)
			if b, ok := s.readFile(prel); ok {
				var doc yaml.Node
				if err := decode(yaml.NewDecoder(bytes.NewReader(b)), &doc); err == nil && len(doc.Content) > 0 {
					s.addJSONOps(prel, dir, deref(doc.Content[0]), kind, name)
				}
			}
		}
	}
}

// inlinePatch reads a patch written as a literal block in the
// kustomization; its nodes get the positions they have in the file.
func (s *scanner) inlinePatch(rel, dir string, src []byte, n *yaml.Node, kind, name string) {
	text, ok := str(n)
	if !ok || n.Style&yaml.LiteralStyle == 0 {
		return // only a literal block (|) keeps lines as written
	}
	lines := strings.Split(string(src), "\n")
	first := n.Line // 0-based index of the line after "patch: |"
	for first < len(lines) && strings.TrimSpace(lines[first]) == "" {
		first++
	}
	if first >= len(lines) {
		return
	}
	indent := len(lines[first]) - len(strings.TrimLeft(lines[first], " "))
	dec := yaml.NewDecoder(strings.NewReader(text))
	for {
		var doc yaml.Node
		if err := decode(dec, &doc); err != nil {
			return
		}
		shift(&doc, n.Line, indent) // the block's line t is the file's n.Line+t
		root := deref(&doc)
		if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
			root = deref(root.Content[0])
		}
		switch root.Kind {
		case yaml.MappingNode:
			s.readDoc(rel, root, false, 1)
		case yaml.SequenceNode:
			if name != "" {
				s.addJSONOps(rel, dir, root, kind, name)
			}
		}
	}
}

// shift moves the positions of a block's nodes to the file's.
func shift(n *yaml.Node, lines, cols int) {
	if n == nil || n.Line == 0 && n.Kind != yaml.DocumentNode {
		return
	}
	n.Line += lines
	n.Column += cols
	for _, c := range n.Content {
		shift(c, lines, cols)
	}
}

// addJSONOps records the operations of a JSON 6902 patch that set an env
// value: .../containers/<i>/env/<j>/value, or .../containers/<i>/env/<j|->
// with a {name, value} object.
func (s *scanner) addJSONOps(file, dir string, ops *yaml.Node, kind, name string) {
	for _, op := range items(ops) {
		verb := strOf(op, "op")
		if verb != "add" && verb != "replace" {
			continue
		}
		p := strOf(op, "path")
		i := strings.Index(p, "/containers/")
		if i < 0 {
			continue
		}
		parts := strings.Split(p[i+len("/containers/"):], "/")
		if len(parts) < 3 || parts[1] != "env" {
			continue
		}
		ci, err := strconv.Atoi(parts[0])
		if err != nil {
			continue
		}
		jp := jsonPatch{file: file, dir: dir, kind: kind, name: name, container: ci, env: -1}
		if parts[2] != "-" {
			if jp.env, err = strconv.Atoi(parts[2]); err != nil {
				continue
			}
		}
		v, k := getKV(op, "value")
		switch {
		case len(parts) == 4 && parts[3] == "value":
			if _, ok := str(v); !ok {
				continue
			}
			jp.val, jp.keyLine = v, k.Line
		case len(parts) == 3:
			vv, kk := getKV(v, "value")
			if _, ok := str(vv); !ok {
				continue
			}
			jp.varName, jp.val, jp.keyLine = strOf(v, "name"), vv, kk.Line
		default:
			continue
		}
		s.jsonPatches = append(s.jsonPatches, jp)
	}
}

// resolveJSONPatches makes a unit of each JSON 6902 env patch, for the
// container of the workload it targets.
func (s *scanner) resolveJSONPatches() {
	for _, jp := range s.jsonPatches {
		for _, w := range s.workloads {
			if w.name != jp.name || jp.kind != "" && w.kind != jp.kind || jp.container >= len(w.cs) {
				continue
			}
			c := w.cs[jp.container]
			varName := jp.varName
			if varName == "" {
				env := items(get(c, "env"))
				if jp.env < 0 || jp.env >= len(env) {
					continue
				}
				varName = strOf(env[jp.env], "name")
			}
			if varName == "" {
				continue
			}
			u := s.container(w, c)
			u.dir = jp.dir
			u.env = map[string][]value{varName: {{s: jp.val.Value, file: jp.file, line: jp.val.Line, col: jp.val.Column, keyLine: jp.keyLine}}}
			s.addUnit(u)
			break
		}
	}
}
