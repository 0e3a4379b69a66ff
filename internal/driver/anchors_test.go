package driver

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/redistlslint/redistlslint/analyzer"
)

// githubAnchors returns the anchors GitHub generates for the headings of
// a Markdown file: lower case, punctuation other than '-' and '_'
// dropped, spaces turned into '-', and "-1", "-2", ... appended to
// repeats. Headings inside fenced code blocks do not count.
func githubAnchors(t *testing.T, file string) map[string]bool {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	anchors := make(map[string]bool)
	counts := make(map[string]int)
	fenced := false
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "```") {
			fenced = !fenced
			continue
		}
		if fenced || !strings.HasPrefix(line, "#") {
			continue
		}
		text := strings.TrimSpace(strings.TrimLeft(line, "#"))
		a := githubSlug(text)
		if n := counts[a]; n > 0 {
			anchors[a+"-"+itoa(n)] = true
		} else {
			anchors[a] = true
		}
		counts[a]++
	}
	return anchors
}

func githubSlug(heading string) string {
	// Links in headings count by their text.
	heading = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`).ReplaceAllString(heading, "$1")
	var b strings.Builder
	for _, r := range strings.ToLower(heading) {
		switch {
		case r == ' ':
			b.WriteRune('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestGithubSlug(t *testing.T) {
	for heading, want := range map[string]string{
		"`missing-tls`: a client without TLS": "missing-tls-a-client-without-tls",
		"`missing-tls`":                       "missing-tls",
		"golangci-lint (v2 module plugin)":    "golangci-lint-v2-module-plugin",
		"SARIF and GitHub code scanning":      "sarif-and-github-code-scanning",
	} {
		if got := githubSlug(heading); got != want {
			t.Errorf("githubSlug(%q) = %q, want %q", heading, got, want)
		}
	}
}

// TestHelpURIAnchors checks that the SARIF rules' helpUri (the analyzer's
// URL, the repository, whose page is the README, plus "#category")
// resolves to a heading of README.md.
func TestHelpURIAnchors(t *testing.T) {
	readme := filepath.Join("..", "..", "README.md")
	anchors := githubAnchors(t, readme)
	a := analyzer.Analyzer
	if !strings.HasPrefix(a.URL, "https://github.com/") || strings.Contains(strings.TrimPrefix(a.URL, "https://github.com/"), "#") {
		t.Fatalf("analyzer URL %q is not a repository page (whose page shows README.md)", a.URL)
	}
	rules := ruleMetadata(a)
	if len(rules) != len(analyzer.Categories) {
		t.Fatalf("%d rules for %d categories", len(rules), len(analyzer.Categories))
	}
	for _, r := range rules {
		base, anchor, ok := strings.Cut(r.HelpURI, "#")
		if !ok || base != a.URL {
			t.Errorf("rule %s: helpUri %q is not %s#<anchor>", r.ID, r.HelpURI, a.URL)
			continue
		}
		if !anchors[anchor] {
			t.Errorf("rule %s: helpUri anchor #%s matches no heading of README.md", r.ID, anchor)
		}
	}
}

// TestMarkdownLinks checks the relative links, anchors included, of
// README.md and docs/*.md.
func TestMarkdownLinks(t *testing.T) {
	root := filepath.Join("..", "..")
	files, _ := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	files = append(files, filepath.Join(root, "README.md"))
	link := regexp.MustCompile(`\]\(([^)\s]+)\)`)
	anchorsOf := make(map[string]map[string]bool)
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range link.FindAllStringSubmatch(string(data), -1) {
			target := m[1]
			if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
				continue
			}
			path, anchor, _ := strings.Cut(target, "#")
			dest := file
			if path != "" {
				dest = filepath.Join(filepath.Dir(file), path)
				if _, err := os.Stat(dest); err != nil {
					t.Errorf("%s: link %q: %v", file, target, err)
					continue
				}
			}
			if anchor == "" || !strings.HasSuffix(dest, ".md") {
				continue
			}
			if anchorsOf[dest] == nil {
				anchorsOf[dest] = githubAnchors(t, dest)
			}
			if !anchorsOf[dest][anchor] {
				t.Errorf("%s: link %q: no heading with anchor #%s in %s", file, target, anchor, dest)
			}
		}
	}
}

// TestReadmeLength keeps the README short enough to read: long examples
// belong in docs/.
func TestReadmeLength(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), "\n"); n > 450 {
		t.Errorf("README.md has %d lines, want at most 450 (move long examples to docs/)", n)
	}
}
