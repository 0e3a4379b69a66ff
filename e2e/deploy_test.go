package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDeployConfig runs the built binary on a copy of testdata/shop that
// gains two binaries reading Redis settings from the environment, and the
// deployment config that gives them values: a Kubernetes base with a
// production overlay, a compose file, Dapr components and .env files.
// The remote plaintext values are findings at the config; the local ones
// (Service and compose names, loopback) and documentation files are not.
func TestDeployConfig(t *testing.T) {
	needSampleModules(t)
	dir := copyTree(t, sampleDir(t))
	files := map[string]string{
		"cmd/api/main.go": `package main

import (
	"crypto/tls"
	"os"
	"strconv"

	"github.com/redis/go-redis/v9"
)

func main() {
	cache, err := redis.ParseURL(os.Getenv("CACHE_URL"))
	if err != nil {
		panic(err)
	}
	redis.NewClient(cache).Close()

	opts := &redis.Options{Addr: os.Getenv("SESSION_ADDR")}
	if on, _ := strconv.ParseBool(os.Getenv("SESSION_TLS")); on {
		opts.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	}
	redis.NewClient(opts).Close()
}
`,
		"cmd/worker/main.go": `package main

import (
	"os"

	"github.com/redis/go-redis/v9"
)

func main() {
	opts, err := redis.ParseURL(os.Getenv("QUEUE_URL"))
	if err != nil {
		panic(err)
	}
	redis.NewClient(opts).Close()
}
`,
		// A third binary reads its address through a config package that
		// imports no client, and hands another to a wrapper with a TLS
		// switch: both reads reach the config through facts and summaries.
		"internal/jobconfig/config.go": `package jobconfig

import "os"

// RedisAddr is where the jobs' Redis is.
func RedisAddr() string { return os.Getenv("JOBS_REDIS_ADDR") }
`,
		"internal/jobcache/cache.go": `package jobcache

import (
	"crypto/tls"

	"github.com/redis/go-redis/v9"
)

// New connects to addr, over TLS when useTLS.
func New(addr string, useTLS bool) *redis.Client {
	o := &redis.Options{Addr: addr}
	if useTLS {
		o.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	}
	return redis.NewClient(o)
}
`,
		"cmd/jobs/main.go": `package main

import (
	"os"

	"example.com/shop/internal/jobcache"
	"example.com/shop/internal/jobconfig"
	"github.com/redis/go-redis/v9"
)

func main() {
	redis.NewClient(&redis.Options{Addr: jobconfig.RedisAddr()}).Close()
	jobcache.New(os.Getenv("JOBS_CACHE_ADDR"), os.Getenv("JOBS_CACHE_TLS") == "true").Close()
	jobcache.New(os.Getenv("JOBS_LOCKS_ADDR"), os.Getenv("JOBS_LOCKS_TLS") == "true").Close()
}
`,
		"deploy/base/jobs.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: jobs
spec:
  template:
    spec:
      containers:
        - name: jobs
          image: registry.example.com/jobs
          args: ["/app/jobs"]
          env:
            - name: JOBS_REDIS_ADDR
              value: jobs.abc123.use1.cache.amazonaws.com:6379
            - name: JOBS_CACHE_ADDR
              value: jobs-cache.abc123.use1.cache.amazonaws.com:6379
            - name: JOBS_LOCKS_ADDR
              value: jobs-locks.abc123.use1.cache.amazonaws.com:6379
            - name: JOBS_LOCKS_TLS
              value: "true"
`,
		"deploy/base/kustomization.yaml": "resources:\n  - api.yaml\n  - config.yaml\n  - jobs.yaml\n",
		"deploy/base/config.yaml": `apiVersion: v1
kind: ConfigMap
metadata:
  name: api-config
data:
  SESSION_ADDR: sessions:6379
  SESSION_TLS: "false"
`,
		"deploy/base/api.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: registry.example.com/api
          command: ["/app/api"]
          env:
            - name: CACHE_URL
              value: redis://cache:6379/0
            - name: QUEUE_URL
              value: redis://queue.prod.example.net:6379
          envFrom:
            - configMapRef:
                name: api-config
`,
		"deploy/overlays/prod/kustomization.yaml": "resources:\n  - ../../base\npatches:\n  - path: api.yaml\n",
		"deploy/overlays/prod/api.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          env:
            - name: CACHE_URL
              value: redis://shop-cache.abc123.use1.cache.amazonaws.com:6379/0
            - name: SESSION_ADDR
              value: sessions.redis.cache.windows.net:6380
`,
		"compose.yaml": `services:
  worker:
    image: registry.example.com/worker
    command: /app/worker
    environment:
      - QUEUE_URL=redis://queue:6379
  queue:
    image: redis:7
`,
		"dapr/statestore.yaml": `apiVersion: dapr.io/v1alpha1
kind: Component
metadata:
  name: statestore
spec:
  type: state.redis
  version: v1
  metadata:
    - name: redisHost
      value: shop-state.redis.cache.windows.net:6380
    - name: enableTLS
      value: "true"
    - name: insecureSkipTLSVerify
      value: "true"
`,
		"dapr/pubsub.yaml": `apiVersion: dapr.io/v1alpha1
kind: Component
metadata:
  name: pubsub
spec:
  type: pubsub.redis
  version: v1
  metadata:
    - name: redisHost
      value: localhost:6379
`,
		".env":         "CACHE_URL=redis://127.0.0.1:6379/0\n",
		".env.example": "CACHE_URL=redis://your-redis-host.example.com:6379/0\n",
	}
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		writeFile(t, path, content)
	}
	want := []string{
		"deploy/overlays/prod/api.yaml:12:22: CACHE_URL=",    // ElastiCache without TLS, in the overlay
		"deploy/overlays/prod/api.yaml:14:22: SESSION_ADDR=", // a remote host while the code's TLS switch is off
		"dapr/statestore.yaml:14:14: ",                       // Dapr: insecureSkipTLSVerify
		"deploy/base/jobs.yaml:14:22: JOBS_REDIS_ADDR=",      // read through a config package's helper
		"deploy/base/jobs.yaml:16:22: JOBS_CACHE_ADDR=",      // given to a wrapper whose TLS switch is unset
	}
	notWant := []string{
		"deploy/base/api.yaml:13:", // a Service name: local
		"deploy/base/api.yaml:15:", // QUEUE_URL: the api binary does not read it
		"deploy/base/jobs.yaml:18", // the wrapper's TLS switch is on
		"compose.yaml",             // a compose service name
		"dapr/pubsub.yaml",         // localhost
		".env:", ".env.example",    // loopback; documentation
	}

	r := run(t, dir, nil, binary, "./...")
	if r.exitCode != 3 {
		t.Fatalf("want exit 3\n%v", r)
	}
	t.Logf("text output:\n%s", r.stderr)
	for _, w := range want {
		if !strings.Contains(r.stderr, w) {
			t.Errorf("text output lacks %q\n%v", w, r)
		}
	}
	for _, n := range notWant {
		for _, line := range strings.Split(r.stderr, "\n") {
			if strings.HasPrefix(line, n) {
				t.Errorf("text output reports a local or unread value: %s", line)
			}
		}
	}
	if !strings.Contains(r.stderr, "(missing-tls)") || !strings.Contains(r.stderr, "(insecure-skip-verify)") {
		t.Errorf("config findings carry no category\n%v", r)
	}

	// -json: under the pseudo-package "deploy".
	r = run(t, dir, nil, binary, "-json", "./...")
	var tree map[string]map[string][]struct{ Posn, Message, Category string }
	if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil {
		t.Fatalf("-json: %v\n%v", err, r)
	}
	if got := len(tree["deploy"]["redistlslint"]); got != len(want) {
		t.Errorf("-json: %d config findings, want %d: %+v", got, len(want), tree["deploy"])
	}

	// -sarif: results located in the config files.
	r = run(t, dir, nil, binary, "-sarif", "./...")
	var log struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatalf("-sarif: %v\n%v", err, r)
	}
	n := 0
	for _, res := range log.Runs[0].Results {
		if uri := res.Locations[0].PhysicalLocation.ArtifactLocation.URI; strings.HasSuffix(uri, ".yaml") {
			n++
		}
	}
	if n != len(want) {
		t.Errorf("-sarif: %d results in config files, want %d", n, len(want))
	}

	// -deploy=off reads none; bad YAML is one line naming the file, and the Go findings stay.
	if r := run(t, dir, nil, binary, "-deploy=off", "./..."); strings.Contains(r.stderr, ".yaml") {
		t.Errorf("-deploy=off still reads config\n%v", r)
	}
	writeFile(t, filepath.Join(dir, "deploy", "broken.yaml"), "env: [unclosed\n")
	r = run(t, dir, nil, binary, "./...")
	if !strings.Contains(r.stderr, "deploy/broken.yaml:") || !strings.Contains(r.stderr, "CACHE_URL=") || !strings.Contains(r.stderr, ".go:") {
		t.Errorf("bad YAML: want one line naming the file, and the other findings\n%v", r)
	}
}
