package deploy

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// goRedisURL is a go-redis v9 ParseURL read.
func goRedisURL(name string) Read {
	return Read{Name: name, Feeds: FeedURL, Where: "internal/cache/cache.go:12", Client: "go-redis", SkipVerifyParam: "skip_verify"}
}

func addrRead(name string) Read {
	return Read{Name: name, Feeds: FeedAddr, Where: "internal/cache/cache.go:20", Client: "go-redis"}
}

func withBinary(r Read, bin string) Read { r.Binary = bin; return r }

var binReads = []Read{
	withBinary(addrRead("REDIS_ADDR"), "cmd/frontend"),
	withBinary(goRedisURL("SESSION_URL"), "github.com/acme/shop/cmd/checkout"),
}

var cases = []struct {
	dir   string
	reads []Read
	opts  Options
	want  string // want file, "want.txt" when empty
}{
	{dir: "k8s", reads: []Read{
		goRedisURL("REDIS_URL"), addrRead("REDIS_ADDR"), goRedisURL("REDIS_CACHE_URL"), goRedisURL("SESSION_URL"),
		addrRead("REDIS_QUEUE_ADDR"), addrRead("REDIS_JOBS_ADDR"), goRedisURL("REDIS_PASSWORD_URL"),
		func() Read { r := goRedisURL("REDIS_FORCED_URL"); r.ForcesTLS = true; return r }(),
	}},
	{dir: "kustomize", reads: []Read{
		func() Read { r := addrRead("REDIS_ADDR"); r.TLSSwitch = "REDIS_TLS"; return r }(),
		{Name: "REDIS_TLS", Feeds: FeedTLSSwitch, Where: "internal/cache/cache.go:18", Client: "go-redis"},
		goRedisURL("REDIS_CACHE_URL"), goRedisURL("REDIS_SESSION_URL"), goRedisURL("REDIS_QUEUE_URL"),
	}},
	{dir: "compose", reads: []Read{
		withBinary(goRedisURL("REDIS_URL"), "cmd/api"), addrRead("REDIS_ADDR"), goRedisURL("REDIS_SESSION_URL"),
		addrRead("REDIS_QUEUE_ADDR"), addrRead("REDIS_JOBS_ADDR"), goRedisURL("REDIS_CACHE_URL"),
		goRedisURL("REDIS_PASSWORD_URL"), addrRead("REDIS_FALLBACK_ADDR"),
		{Name: "TLS_ADDR", Feeds: FeedAddr, Client: "redigo", TLSSwitch: "TLS_ON"}, {Name: "TLS_ON", Feeds: FeedTLSSwitch, Client: "redigo"},
	}},
	{dir: "dotenv", reads: []Read{
		goRedisURL("REDIS_URL"), addrRead("REDIS_ADDR"), goRedisURL("REDIS_SOCKET_URL"), goRedisURL("REDIS_CACHE_URL"),
		goRedisURL("REDIS_QUEUE_URL"), goRedisURL("REDIS_JOBS_URL"), goRedisURL("REDIS_SESSION_URL"),
		{Name: "REDIS_VALKEY_URL", Feeds: FeedURL, Where: "cache.go:9", Client: "rueidis", SkipVerifyParam: "skip_verify", SkipVerifyEmpty: true},
	}},
	{dir: "dapr"},
	{dir: "binaries", reads: binReads},
	{dir: "badyaml", reads: []Read{goRedisURL("REDIS_URL")}},
	{dir: "switches", reads: []Read{
		{Name: "REDIS_ADDR", Feeds: FeedAddr, Where: "cache.go:20", Client: "go-redis", TLSSwitch: "REDIS_TLS", SkipVerifySwitch: "REDIS_SKIP_VERIFY"},
		{Name: "REDIS_TLS", Feeds: FeedTLSSwitch, Where: "cache.go:21", Client: "go-redis"},
		{Name: "REDIS_SKIP_VERIFY", Feeds: FeedSkipVerifySwitch, Where: "cache.go:22", Client: "go-redis"},
		{Name: "CACHE_ADDR", Feeds: FeedAddr, Where: "cache.go:30", Client: "redigo", TLSSwitch: "CACHE_TLS"},
		{Name: "CACHE_TLS", Feeds: FeedTLSSwitch, Where: "cache.go:31", Client: "redigo", TLSDefault: true},
		{Name: "CACHE_CA", Feeds: FeedCASource, Where: "cache.go:32", Client: "redigo"},
	}, opts: Options{PlaintextHost: func(h string) bool { return strings.HasSuffix(h, ".corp.acme.net") }}},
	{dir: "binaries", reads: binReads, opts: Options{Binary: "cmd/checkout"}, want: "want-checkout.txt"},
}

// want reads testdata/<dir>/want.txt: "file:line:col category" lines.
func want(t *testing.T, dir, name string) []string {
	t.Helper()
	if name == "" {
		name = "want.txt"
	}
	f, err := os.Open(filepath.Join("testdata", dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}

func TestFixtures(t *testing.T) {
	for _, c := range cases {
		t.Run(c.dir+c.want, func(t *testing.T) {
			root := filepath.Join("testdata", c.dir)
			got, errs := Scan(root, nil, c.reads, c.opts)
			var lines []string
			for _, f := range got {
				rel, _ := filepath.Rel(root, f.File)
				lines = append(lines, fmt.Sprintf("%s:%d:%d %s", filepath.ToSlash(rel), f.Line, f.Col, f.Category))
				t.Logf("%s:%d:%d: %s: %s", filepath.ToSlash(rel), f.Line, f.Col, f.Category, f.Message)
				if n := len([]rune(f.Message)); n > 170 {
					t.Errorf("message of %d chars: %s", n, f.Message)
				}
			}
			for _, e := range errs {
				lines = append(lines, "error "+e.Error())
			}
			exp := want(t, c.dir, c.want)
			slices.Sort(lines)
			slices.Sort(exp)
			if !slices.Equal(lines, exp) {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(exp, "\n"))
			}
		})
	}
}
