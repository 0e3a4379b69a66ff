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
	results := analysistest.Run(t, testdata(t), analyzer.New(nil), "envreads", "envcfg")
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
		"envreads.go:20 REDIS_ADDR addr",
		"envreads.go:25 CACHE_ADDR addr forces-tls",
		"envreads.go:30 REDIS_URL url param=skip_verify",
		"envreads.go:39 FORCED_URL url forces-tls param=skip_verify",
		"envreads.go:49 SWITCHED_ADDR addr switch=SWITCHED_TLS",
		"envreads.go:50 SWITCHED_TLS tls-switch",
		"envreads.go:58 SKIP_ADDR addr forces-tls",
		"envreads.go:59 REDIS_INSECURE skip-verify-switch",
		"envreads.go:74 CACHE_REDIS_ADDR addr switch=CACHE_REDIS_TLS",
		"envreads.go:75 CACHE_REDIS_TLS tls-switch",
		"envreads.go:91 APP_REDIS_URL url param=skip_verify",
		"envreads.go:110 DEFAULTED_URL url param=skip_verify",
		"envreads.go:111 LOCAL_URL url param=skip_verify",
		"envreads.go:112 OR_URL url param=skip_verify",
		"envreads.go:129 HELPER_ADDR addr forces-tls",
		"envreads.go:136 PKG_REDIS_URL url param=skip_verify",
		"envreads.go:138 PKG_GET_URL url param=skip_verify",
		"envreads.go:140 PKG_OR_ADDR addr forces-tls",
		"envreads.go:141 PKG_REDIS_ADDR addr",
		"envreads.go:162 WRAPPED_ADDR addr",
		"envreads.go:163 WRAPPED_TLS_ADDR addr forces-tls",
		"envreads.go:164 GUARDED_ADDR addr switch=GUARDED_TLS",
		"envreads.go:164 GUARDED_TLS tls-switch",
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("env reads:\n got  %q\n want %q", got, want)
	}
}
