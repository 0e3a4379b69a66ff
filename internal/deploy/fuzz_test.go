package deploy

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var fuzzReads = []Read{
	goRedisURL("REDIS_URL"),
	{Name: "REDIS_ADDR", Feeds: FeedAddr, Client: "go-redis", TLSSwitch: "REDIS_TLS", SkipVerifySwitch: "REDIS_SKIP_VERIFY"},
	{Name: "REDIS_TLS", Feeds: FeedTLSSwitch, Client: "go-redis"},
	{Name: "REDIS_SKIP_VERIFY", Feeds: FeedSkipVerifySwitch, Client: "go-redis"},
	withBinary(addrRead("CACHE_ADDR"), "cmd/api"),
}

// FuzzScanYAML feeds any bytes to the YAML readers (as a manifest, a
// compose file and a kustomization) and judges what they found: no panic,
// and findings and errors are well formed.
func FuzzScanYAML(f *testing.F) {
	for _, seed := range []string{
		"apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n  - name: a\n    command: [/app/api]\n    env:\n    - name: REDIS_URL\n      value: redis://x.y.com:6379\n    - name: REDIS_ADDR\n      value: $(REDIS_URL)\n",
		"kind: ConfigMap\nmetadata: {name: c}\ndata: {REDIS_ADDR: 'a.b.com:1'}\n---\nkind: Secret\nmetadata: {name: s}\ndata: {REDIS_URL: cmVkaXM6Ly9hLmIuY29tOjE=}\n---\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - name: x\n        envFrom: [{prefix: P_, configMapRef: {name: c}}, {secretRef: {name: s}}]\n        env: [{name: REDIS_TLS, valueFrom: {configMapKeyRef: {name: c, key: REDIS_ADDR}}}]\n",
		"services:\n  api:\n    build: {context: ., dockerfile: Dockerfile}\n    environment: [REDIS_URL=redis://r.example.net:1, REDIS_TLS]\n    env_file: [a.env, {path: b.env}]\n    networks: {n: {aliases: [r]}}\n",
		"services:\n  api:\n    environment: {REDIS_ADDR: h.corp.com:1, REDIS_TLS: 'false', REDIS_SKIP_VERIFY: on}\n",
		"apiVersion: dapr.io/v1alpha1\nkind: Component\nmetadata: {name: s}\nspec:\n  type: state.redis\n  metadata:\n  - {name: redisHost, value: 'a.b.com:6379'}\n  - {name: enableTLS, value: 'false'}\n  - {name: insecureSkipTLSVerify, value: 'true'}\n",
		"configMapGenerator:\n- name: c\n  literals: ['REDIS_URL=rediss://h.io:1?skip_verify=true']\n  envs: [x.env]\nresources: [../base, x.yaml]\n",
		"a: &a [*a]\n", "a: &x {b: *x}\n", "kind: List\nitems:\n- kind: Pod\n  spec: {containers: [{name: a}]}\n",
		"patches:\n- target: {kind: Deployment, name: w}\n  patch: |-\n    - op: replace\n      path: /spec/template/spec/containers/0/env/0/value\n      value: redis://a.b.com:1\n- patch: |\n    kind: Deployment\n    metadata: {name: w}\n    spec: {template: {spec: {containers: [{name: c, env: [{name: REDIS_URL, value: 'redis://q.r.com:1'}]}]}}}\npatchesStrategicMerge:\n- |\n  kind: Pod\n",
		"kind: Deployment\nmetadata: {name: w}\nspec: {template: {spec: {containers: [{name: c, env: [{name: REDIS_ADDR, value: x}]}]}}}\n---\npatches:\n- target: {name: w}\n  patch: |\n    - {op: add, path: /spec/template/spec/containers/0/env/-, value: {name: REDIS_URL, value: 'redis://a.b.com'}}\n",
		"--- \n- [\n", "\xef\xbb\xbf", "{{ .Values }}\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s := newScanner(filepath.Join(os.TempDir(), "redistlslint-deploy-fuzz-none"), fuzzReads, Options{})
		for _, name := range []string{"deploy.yaml", "compose.yaml", "kustomization.yaml"} {
			s.readYAML(name, data)
		}
		s.resolve()
		s.judge()
		for _, f := range s.findings {
			if f.Line < 1 || f.Col < 1 || f.Message == "" || f.Category != CategoryMissingTLS && f.Category != CategorySkipVerify {
				t.Fatalf("bad finding %+v", f)
			}
		}
		if len(s.errs) > 3 {
			t.Fatalf("%d errors for 3 files", len(s.errs))
		}
	})
}

// FuzzDotEnv: the .env reader never panics, and every position is inside
// the file.
func FuzzDotEnv(f *testing.F) {
	for _, seed := range []string{
		"A=1\n", "export A = 'x' # c\n", "A=\"multi\nline\" # c\nB=2\n", "A: b\n", "# c\n\nA=x #y\n", "A=\"unterminated\n",
		"\ufeffA=1\r\nB=${A}\r\n", "A=`x`\n", "=x\n", "A=\"\\\"q\\\\\"\n", "A=$B ${C} $(D)\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
		for _, e := range parseDotEnv(data) {
			if e.line < 1 || e.line > len(lines) || e.col < 1 || e.col > len(lines[e.line-1])+1 || e.key == "" {
				t.Fatalf("entry %+v out of the file (%d lines)", e, len(lines))
			}
			_, _ = parseTarget(e.val)
			_, _ = final(value{s: e.val})
			_ = short(e.val, "skip_verify")
		}
		for _, l := range lines {
			if text, _ := lineComment(l); text != "" {
				_, _ = reason(text)
			}
		}
	})
}
