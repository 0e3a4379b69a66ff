// Package plugin makes redistlslint a golangci-lint v2 module plugin.
//
// Build a custom golangci-lint with this package compiled in (see
// .custom-gcl.yml and `golangci-lint custom`), then enable it in
// .golangci.yml:
//
//	linters:
//	  enable: [redistlslint]
//	  settings:
//	    custom:
//	      redistlslint:
//	        type: module
//	        settings:
//	          plaintext-hosts: [redis.internal, "*.svc.cluster.local"]
//	          report-switches: false
//	          skip-tests: false
//	          fix-skip-verify: false
//
// The settings are the binary's flags, with the same names and meaning.
package plugin

import (
	"fmt"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/redistlslint/redistlslint/analyzer"
)

func init() {
	register.Plugin("redistlslint", New)
}

// Settings are the plugin's settings in .golangci.yml. The keys are the
// names of the binary's flags.
type Settings struct {
	PlaintextHosts []string `json:"plaintext-hosts"`
	ReportSwitches bool     `json:"report-switches"`
	SkipTests      bool     `json:"skip-tests"`
	FixSkipVerify  bool     `json:"fix-skip-verify"`
}

// settingKeys names the accepted keys, for error messages.
const settingKeys = "plaintext-hosts, report-switches, skip-tests, fix-skip-verify"

// Plugin is redistlslint as a golangci-lint linter.
type Plugin struct {
	cfg analyzer.Config
}

var _ register.LinterPlugin = (*Plugin)(nil)

// New decodes the settings from .golangci.yml. It reports unknown keys
// and invalid host patterns, so a typo fails the run instead of being
// ignored.
func New(settings any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](settings)
	if err != nil {
		return nil, fmt.Errorf("redistlslint settings: %v (accepted keys: %s)", decodeError(err), settingKeys)
	}
	hosts, err := analyzer.ParseHostPatterns(s.PlaintextHosts)
	if err != nil {
		return nil, fmt.Errorf("redistlslint settings: plaintext-hosts: %w", err)
	}
	return &Plugin{cfg: analyzer.Config{
		PlaintextHosts: hosts,
		ReportSwitches: s.ReportSwitches,
		SkipTests:      s.SkipTests,
		FixSkipVerify:  s.FixSkipVerify,
	}}, nil
}

// decodeError strips the "decoding settings: json: " noise that
// register.DecodeSettings and encoding/json put before the useful part,
// such as `unknown field "plaintext_hosts"`.
func decodeError(err error) string {
	msg := err.Error()
	for _, prefix := range []string{"decoding settings: ", "json: "} {
		msg = strings.TrimPrefix(msg, prefix)
	}
	return msg
}

// BuildAnalyzers returns a fresh analyzer with the decoded settings.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	cfg := p.cfg // each analyzer owns its Config
	return []*analysis.Analyzer{analyzer.New(&cfg)}, nil
}

// GetLoadMode reports that the analyzer needs type information: it
// recognises Redis clients by their types, not their names.
func (p *Plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
