package plugin

import (
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
)

// golangci-lint passes settings.custom.redistlslint.settings to New as a
// map decoded from YAML.
func TestNewDecodesSettings(t *testing.T) {
	lp, err := New(map[string]any{
		"plaintext-hosts": []any{"redis.internal", "*.svc.cluster.local", "10.0.0.0/8"},
		"report-switches": true,
		"skip-tests":      true,
		"fix-skip-verify": true,
	})
	if err != nil {
		t.Fatal(err)
	}
	p := lp.(*Plugin)
	var hosts []string
	for _, h := range p.cfg.PlaintextHosts {
		hosts = append(hosts, h.String())
	}
	if got, want := strings.Join(hosts, ","), "redis.internal,*.svc.cluster.local,10.0.0.0/8"; got != want {
		t.Errorf("plaintext hosts = %q, want %q", got, want)
	}
	if !p.cfg.ReportSwitches || !p.cfg.SkipTests || !p.cfg.FixSkipVerify {
		t.Errorf("cfg = %+v, want ReportSwitches, SkipTests and FixSkipVerify set", p.cfg)
	}
}

func TestNewWithoutSettings(t *testing.T) {
	for _, settings := range []any{nil, map[string]any{}} {
		lp, err := New(settings)
		if err != nil {
			t.Fatalf("New(%v): %v", settings, err)
		}
		p := lp.(*Plugin)
		if len(p.cfg.PlaintextHosts) != 0 || p.cfg.ReportSwitches || p.cfg.SkipTests || p.cfg.FixSkipVerify {
			t.Errorf("New(%v): cfg = %+v, want defaults", settings, p.cfg)
		}
	}
}

func TestNewErrors(t *testing.T) {
	for _, test := range []struct {
		name     string
		settings map[string]any
		want     []string // substrings of the error
	}{
		{"unknown key", map[string]any{"plaintext_hosts": []any{"redis.internal"}},
			[]string{`unknown field "plaintext_hosts"`, "accepted keys: plaintext-hosts, report-switches, skip-tests, fix-skip-verify"}},
		{"wrong type", map[string]any{"plaintext-hosts": "redis.internal"},
			[]string{"plaintext-hosts", "accepted keys"}},
		{"bad host", map[string]any{"plaintext-hosts": []any{"redis.internal:6379"}},
			[]string{"plaintext-hosts", `invalid plaintext host "redis.internal:6379"`}},
		{"bad CIDR", map[string]any{"plaintext-hosts": []any{"10.0.0.0/99"}},
			[]string{`invalid plaintext host "10.0.0.0/99"`}},
	} {
		t.Run(test.name, func(t *testing.T) {
			_, err := New(test.settings)
			if err == nil {
				t.Fatalf("New(%v) succeeded, want an error", test.settings)
			}
			for _, want := range test.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not contain %q", err, want)
				}
			}
		})
	}
}

func TestBuildAnalyzers(t *testing.T) {
	lp, err := New(map[string]any{"skip-tests": true})
	if err != nil {
		t.Fatal(err)
	}
	if got := lp.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("load mode = %q, want %q", got, register.LoadModeTypesInfo)
	}
	as, err := lp.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 || as[0].Name != "redistlslint" {
		t.Fatalf("analyzers = %v, want one named redistlslint", as)
	}
	// Each analyzer owns its settings: its flags show the plugin's.
	if got := as[0].Flags.Lookup("skip-tests").Value.String(); got != "true" {
		t.Errorf("analyzer flag skip-tests = %s, want true", got)
	}
	again, _ := lp.BuildAnalyzers()
	if again[0] == as[0] {
		t.Error("BuildAnalyzers returned the same analyzer twice, want fresh ones")
	}
}

func TestRegistered(t *testing.T) {
	if _, err := register.GetPlugin("redistlslint"); err != nil {
		t.Fatal(err)
	}
}
