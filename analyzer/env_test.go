package analyzer_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/redistlslint/redistlslint/analyzer"
)

// TestEnvReads checks which environment variables the analyzer records as
// feeding a Redis client, and what it says the code does with them.
func TestEnvReads(t *testing.T) {
	results := analysistest.Run(t, testdata(t), analyzer.New(nil), "envreads")
	var got []string
	for _, r := range results {
		res, _ := r.Result.(*analyzer.Result)
		if res == nil {
			continue
		}
		for _, e := range res.EnvReads {
			p := r.Pass.Fset.Position(e.Pos)
			s := fmt.Sprintf("%s:%d %s %s", filepath.Base(p.Filename), p.Line, e.Name, e.Feeds)
			if e.ForcesTLS {
				s += " forces-tls"
			}
			if e.TLSSwitch != "" {
				s += " switch=" + e.TLSSwitch
			}
			if e.SkipVerifyParam != "" {
				s += " param=" + e.SkipVerifyParam
			}
			if e.TLSDefault {
				s += " default-on"
			}
			got = append(got, s)
		}
	}
	slices.Sort(got)
	want := []string{
		"envreads.go:19 REDIS_ADDR addr",
		"envreads.go:24 CACHE_ADDR addr forces-tls",
		"envreads.go:29 REDIS_URL url param=skip_verify",
		"envreads.go:38 FORCED_URL url forces-tls param=skip_verify",
		"envreads.go:48 SWITCHED_ADDR addr switch=SWITCHED_TLS",
		"envreads.go:49 SWITCHED_TLS tls-switch",
		"envreads.go:57 SKIP_ADDR addr forces-tls",
		"envreads.go:58 REDIS_INSECURE skip-verify-switch",
		"envreads.go:73 CACHE_REDIS_ADDR addr switch=CACHE_REDIS_TLS",
		"envreads.go:74 CACHE_REDIS_TLS tls-switch",
		"envreads.go:90 APP_REDIS_URL url param=skip_verify",
		"envreads.go:109 DEFAULTED_URL url param=skip_verify",
		"envreads.go:110 LOCAL_URL url param=skip_verify",
		"envreads.go:111 OR_URL url param=skip_verify",
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("env reads:\n got  %q\n want %q", got, want)
	}
}
