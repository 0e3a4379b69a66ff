package driver

import (
	"encoding/json"
	"go/token"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/redistlslint/redistlslint/internal/deploy"
	"github.com/redistlslint/redistlslint/internal/findings"
)

// This file writes a SARIF 2.1.0 log (https://docs.oasis-open.org/sarif/sarif/v2.1.0/)
// for GitHub code scanning and other SARIF consumers: one rule per
// category, one result per finding, and the findings the code suppressed
// (//redistlslint:ignore <reason>, or a justification comment) as results
// with an inSource suppression, like gosec's -track-suppressions.

const (
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifVersion = "2.1.0"
	srcRoot      = "%SRCROOT%"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                        `json:"tool"`
	Invocations        []sarifInvocation                `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds,omitempty"`
	ColumnKind         string                           `json:"columnKind"`
	Results            []sarifResult                    `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri,omitempty"`
	Version        string      `json:"version,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name,omitempty"`
	ShortDescription     sarifMessage       `json:"shortDescription"`
	FullDescription      sarifMessage       `json:"fullDescription"`
	Help                 sarifMessage       `json:"help"`
	HelpURI              string             `json:"helpUri,omitempty"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level   string       `json:"level"`
	Message sarifMessage `json:"message"`
}

type sarifResult struct {
	RuleID       string             `json:"ruleId"`
	RuleIndex    int                `json:"ruleIndex"`
	Level        string             `json:"level"`
	Message      sarifMessage       `json:"message"`
	Locations    []sarifLocation    `json:"locations"`
	Fixes        []sarifFix         `json:"fixes,omitempty"`
	Suppressions []sarifSuppression `json:"suppressions,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           sarifRegion           `json:"region"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

type sarifFix struct {
	Description     sarifMessage          `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion  `json:"deletedRegion"`
	InsertedContent sarifMessage `json:"insertedContent"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification,omitempty"`
}

// writeSARIF writes the roots' findings and suppressed findings.
func writeSARIF(w io.Writer, a *analysis.Analyzer, units []*unit, config []deploy.Finding) error {
	cwd, err := os.Getwd()
	if err != nil {
		return err
	}
	sw := &sarifWriter{a: a, root: cwd, ruleIndex: make(map[string]int), lines: make(map[string][]string)}
	for _, r := range ruleMetadata(a) {
		sw.addRule(r)
	}
	run := sarifRun{
		OriginalURIBaseIDs: map[string]sarifArtifactLocation{
			srcRoot: {URI: (&url.URL{Scheme: "file", Path: filepath.ToSlash(cwd) + "/"}).String()},
		},
		ColumnKind:  "utf16CodeUnits",
		Invocations: []sarifInvocation{{ExecutionSuccessful: true}},
		Results:     []sarifResult{},
	}

	type key struct {
		pos, end   token.Position
		category   string
		message    string
		suppressed bool
	}
	seen := make(map[key]bool)
	for _, u := range units {
		act := u.actions[a]
		if act.err != nil {
			run.Invocations[0].ExecutionSuccessful = false
			run.Invocations[0].ToolExecutionNotifications = append(run.Invocations[0].ToolExecutionNotifications,
				sarifNotification{Level: "error", Message: sarifMessage{u.pkg.ID + ": " + act.err.Error()}})
			continue
		}
		for _, d := range act.diagnostics {
			k := key{u.fset.Position(d.Pos), u.fset.Position(d.End), d.Category, d.Message, false}
			if seen[k] {
				continue // a file in both p and p's test variant
			}
			seen[k] = true
			run.Results = append(run.Results, sw.result(u.fset, d))
		}
		res, ok := act.result.(*findings.Result)
		if !ok || res == nil {
			continue
		}
		for _, s := range res.Suppressed {
			k := key{u.fset.Position(s.Pos), token.Position{}, s.Category, s.Message, true}
			if seen[k] {
				continue
			}
			seen[k] = true
			r := sw.result(u.fset, analysis.Diagnostic{Pos: s.Pos, Category: s.Category, Message: s.Message})
			r.Suppressions = []sarifSuppression{{Kind: "inSource", Justification: s.Reason}}
			run.Results = append(run.Results, r)
		}
	}
	for _, f := range config {
		i := sw.rule(f.Category)
		run.Results = append(run.Results, sarifResult{
			RuleID:    sw.rules[i].ID,
			RuleIndex: i,
			Level:     sw.rules[i].DefaultConfiguration.Level,
			Message:   sarifMessage{f.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
				ArtifactLocation: sw.artifact(f.File),
				Region:           sarifRegion{StartLine: f.Line, StartColumn: f.Col, EndLine: f.Line, EndColumn: f.Col},
			}}},
		})
	}
	run.Tool.Driver = sarifDriver{
		Name:           a.Name,
		InformationURI: a.URL,
		Version:        toolVersion(),
		Rules:          sw.rules,
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

// ruleMetadata returns the rules of redistlslint's categories, if a is
// redistlslint (an analyzer made by analyzer.New).
func ruleMetadata(a *analysis.Analyzer) []sarifRule {
	if a.ResultType != reflect.TypeFor[*findings.Result]() {
		return nil
	}
	var rules []sarifRule
	for _, c := range findings.Categories {
		rules = append(rules, sarifRule{
			ID:                   c.Name,
			Name:                 ruleName(c.Name),
			ShortDescription:     sarifMessage{c.Title},
			FullDescription:      sarifMessage{c.Title + ". " + c.Help},
			Help:                 sarifMessage{c.Help},
			HelpURI:              helpURI(a, c.Name),
			DefaultConfiguration: sarifConfiguration{Level: level(c.Name)},
		})
	}
	return rules
}

// level is the SARIF level of a category: a server anyone can impersonate
// is an error; the rest are warnings.
func level(category string) string {
	if category == findings.SkipVerify {
		return "error"
	}
	return "warning"
}

// ruleName turns "missing-tls" into "MissingTls", SARIF's rule-name style.
func ruleName(id string) string {
	var b strings.Builder
	for _, part := range strings.Split(id, "-") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

func helpURI(a *analysis.Analyzer, category string) string {
	if a.URL == "" {
		return ""
	}
	return a.URL + "#" + category
}

// toolVersion is the main module's version ("devel" for a build from a
// work tree).
func toolVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "devel"
}

type sarifWriter struct {
	a         *analysis.Analyzer
	root      string // %SRCROOT%
	rules     []sarifRule
	ruleIndex map[string]int
	lines     map[string][]string // file contents by line, for UTF-16 columns
}

func (sw *sarifWriter) addRule(r sarifRule) {
	sw.ruleIndex[r.ID] = len(sw.rules)
	sw.rules = append(sw.rules, r)
}

// rule returns the index of the rule for category, adding a plain rule
// for a category without metadata.
func (sw *sarifWriter) rule(category string) int {
	if category == "" {
		category = sw.a.Name
	}
	if i, ok := sw.ruleIndex[category]; ok {
		return i
	}
	sw.addRule(sarifRule{
		ID:                   category,
		ShortDescription:     sarifMessage{category},
		FullDescription:      sarifMessage{sw.a.Name + ": " + category},
		Help:                 sarifMessage{firstParagraph(sw.a.Doc)},
		HelpURI:              helpURI(sw.a, category),
		DefaultConfiguration: sarifConfiguration{Level: "warning"},
	})
	return sw.ruleIndex[category]
}

func firstParagraph(doc string) string {
	p, _, _ := strings.Cut(doc, "\n\n")
	return p
}

func (sw *sarifWriter) result(fset *token.FileSet, d analysis.Diagnostic) sarifResult {
	i := sw.rule(d.Category)
	r := sarifResult{
		RuleID:    sw.rules[i].ID,
		RuleIndex: i,
		Level:     sw.rules[i].DefaultConfiguration.Level,
		Message:   sarifMessage{d.Message},
		Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
			ArtifactLocation: sw.artifact(fset.Position(d.Pos).Filename),
			Region:           sw.region(fset, d.Pos, d.End),
		}}},
	}
	for _, fix := range d.SuggestedFixes {
		byFile := make(map[string][]sarifReplacement)
		var files []string
		for _, e := range fix.TextEdits {
			name := fset.Position(e.Pos).Filename
			if _, ok := byFile[name]; !ok {
				files = append(files, name)
			}
			byFile[name] = append(byFile[name], sarifReplacement{
				DeletedRegion:   sw.region(fset, e.Pos, e.End),
				InsertedContent: sarifMessage{string(e.NewText)},
			})
		}
		sort.Strings(files)
		sf := sarifFix{Description: sarifMessage{fix.Message}}
		for _, name := range files {
			sf.ArtifactChanges = append(sf.ArtifactChanges, sarifArtifactChange{
				ArtifactLocation: sw.artifact(name),
				Replacements:     byFile[name],
			})
		}
		if len(sf.ArtifactChanges) > 0 {
			r.Fixes = append(r.Fixes, sf)
		}
	}
	return r
}

// artifact locates a file relative to %SRCROOT% (the working directory),
// or by absolute URI if it lies outside.
func (sw *sarifWriter) artifact(filename string) sarifArtifactLocation {
	if rel, err := filepath.Rel(sw.root, filename); err == nil && filepath.IsLocal(rel) {
		return sarifArtifactLocation{URI: (&url.URL{Path: filepath.ToSlash(rel)}).String(), URIBaseID: srcRoot}
	}
	return sarifArtifactLocation{URI: (&url.URL{Scheme: "file", Path: filepath.ToSlash(filename)}).String()}
}

// region converts a token range to SARIF's 1-based lines and UTF-16
// columns (Go positions count bytes).
func (sw *sarifWriter) region(fset *token.FileSet, pos, end token.Pos) sarifRegion {
	start := fset.Position(pos)
	stop := start
	if end.IsValid() {
		stop = fset.Position(end)
	}
	return sarifRegion{
		StartLine:   start.Line,
		StartColumn: sw.utf16Column(start),
		EndLine:     stop.Line,
		EndColumn:   sw.utf16Column(stop),
	}
}

func (sw *sarifWriter) utf16Column(p token.Position) int {
	lines, ok := sw.lines[p.Filename]
	if !ok {
		data, _ := os.ReadFile(p.Filename)
		lines = strings.Split(string(data), "\n")
		sw.lines[p.Filename] = lines
	}
	if p.Line < 1 || p.Line > len(lines) || p.Column < 1 {
		return max(p.Column, 1)
	}
	line := lines[p.Line-1]
	prefix := line[:min(p.Column-1, len(line))]
	col := 1
	for _, r := range prefix {
		if r >= 0x10000 {
			col += 2
		} else {
			col++
		}
	}
	if p.Column-1 > len(line) { // past the end (e.g. the newline)
		col += p.Column - 1 - len(line)
	}
	return col
}
