package e2e

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// readmeBlock returns the fenced block of README.md whose text starts
// with first (the fence line excluded).
func readmeBlock(t *testing.T, fence, first string) string {
	t.Helper()
	readme := readFile(t, filepath.Join(repoRoot(), "README.md"))
	start := fence + "\n" + first
	i := strings.Index(readme, start)
	if i < 0 {
		t.Fatalf("README.md has no block starting %q", start)
	}
	block := readme[i+len(fence)+1:]
	return block[:strings.Index(block, "```")]
}

var yamlComment = regexp.MustCompile(`(^|\s+)#.*$`)

// yamlContent drops comments and blank lines, leaving what YAML reads.
func yamlContent(s string) string {
	var lines []string
	for _, line := range strings.Split(s, "\n") {
		line = yamlComment.ReplaceAllString(line, "")
		if strings.TrimSpace(line) != "" {
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, "\n")
}

// TestReadmeRecipes checks that the golangci-lint configurations the README
// shows are the files the tests use.
func TestReadmeRecipes(t *testing.T) {
	for _, test := range []struct{ file, first string }{
		{".custom-gcl.yml", "version: v2.15.0\n"},
		{".golangci.example.yml", "version: \"2\"\n"},
	} {
		shown := yamlContent(readmeBlock(t, "```yaml", test.first))
		file := yamlContent(readFile(t, filepath.Join(repoRoot(), test.file)))
		if shown != file {
			t.Errorf("README.md shows a %s that differs from the file:\n%s\nfile:\n%s", test.file, shown, file)
		}
	}
}
