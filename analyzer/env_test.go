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
		"envreads.go:22 REDIS_ADDR addr",
		"envreads.go:27 CACHE_ADDR addr forces-tls",
		"envreads.go:32 REDIS_URL url param=skip_verify",
		"envreads.go:41 FORCED_URL url forces-tls param=skip_verify",
		"envreads.go:51 SWITCHED_ADDR addr switch=SWITCHED_TLS",
		"envreads.go:52 SWITCHED_TLS tls-switch",
		"envreads.go:60 SKIP_ADDR addr forces-tls",
		"envreads.go:61 REDIS_INSECURE skip-verify-switch",
		"envreads.go:76 CACHE_REDIS_ADDR addr switch=CACHE_REDIS_TLS",
		"envreads.go:77 CACHE_REDIS_TLS tls-switch",
		"envreads.go:93 APP_REDIS_URL url param=skip_verify",
		"envreads.go:112 DEFAULTED_URL url param=skip_verify",
		"envreads.go:113 LOCAL_URL url param=skip_verify",
		"envreads.go:114 OR_URL url param=skip_verify",
		"envreads.go:131 HELPER_ADDR addr forces-tls",
		"envreads.go:138 PKG_REDIS_URL url param=skip_verify",
		"envreads.go:140 PKG_GET_URL url param=skip_verify",
		"envreads.go:142 PKG_OR_ADDR addr forces-tls",
		"envreads.go:143 PKG_REDIS_ADDR addr",
		"envreads.go:164 WRAPPED_ADDR addr",
		"envreads.go:165 WRAPPED_TLS_ADDR addr forces-tls",
		"envreads.go:166 GUARDED_ADDR addr switch=GUARDED_TLS",
		"envreads.go:166 GUARDED_TLS tls-switch",
		"envreads.go:174 DIAL_ADDR addr",
		"envreads.go:175 DIAL_SWITCHED_ADDR addr switch=DIAL_TLS",
		"envreads.go:175 DIAL_TLS tls-switch",
		"envreads.go:176 DIAL_SKIP skip-verify-switch",
		"envreads.go:176 DIAL_TLS_ADDR addr forces-tls",
		"envreads.go:177 DIAL_URL url",
		"envreads.go:184 REDIS_CA_FILE ca-source",
		"envreads.go:187 REDIS_CERT ca-source",
		"envreads.go:187 REDIS_KEY ca-source",
		"envreads.go:188 CA_ADDR addr forces-tls",
		"envreads.go:203 WRAP_INSECURE skip-verify-switch",
		"envreads.go:218 APP_CACHEADDR addr",
		"envreads.go:219 APP_CACHE_URL url param=skip_verify",
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("env reads:\n got  %q\n want %q", got, want)
	}
}
