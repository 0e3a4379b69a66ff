package driver

import (
	"bufio"
	"bytes"
	"fmt"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/redistlslint/redistlslint/internal/findings"
)

// This file implements -new-from-rev=REV: only findings on lines changed
// since REV are reported, as golangci-lint's --new-from-rev does. The
// changed lines are those `git diff -U0 REV` shows for the working tree
// (staged and unstaged changes), and every line of an untracked file.

// changedLines holds, by absolute file name, the lines changed since a
// revision; a nil set means the whole file is new.
type changedLines struct {
	files map[string]map[int]bool
}

// gitChanges computes the lines changed since rev in the git repository
// that contains dir.
func gitChanges(dir, rev string) (*changedLines, error) {
	if strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("-new-from-rev=%s: a revision cannot start with '-'", rev)
	}
	top, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("-new-from-rev needs a git repository: %v", err)
	}
	top = strings.TrimSpace(top)
	if _, err := git(dir, "rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("-new-from-rev=%s: not a commit in %s", rev, top)
	}
	diff, err := git(top, "-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", "--no-renames", "-U0", rev, "--")
	if err != nil {
		return nil, err
	}
	c := &changedLines{files: make(map[string]map[int]bool)}
	c.parseDiff(top, diff)
	untracked, err := git(top, "-c", "core.quotePath=false", "ls-files", "--others", "--exclude-standard", "-z")
	if err != nil {
		return nil, err
	}
	for _, name := range strings.Split(untracked, "\x00") {
		if name != "" {
			c.files[filepath.Join(top, filepath.FromSlash(name))] = nil
		}
	}
	return c, nil
}

// parseDiff records the added lines of a unified diff with -U0.
func (c *changedLines) parseDiff(top, diff string) {
	var lines map[int]bool
	sc := bufio.NewScanner(strings.NewReader(diff))
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "+++ "):
			name := strings.TrimPrefix(line, "+++ ")
			if name == "/dev/null" {
				lines = nil
				continue
			}
			name = strings.TrimPrefix(name, "b/")
			if uq, err := strconv.Unquote(name); err == nil {
				name = strings.TrimPrefix(uq, "b/")
			}
			file := filepath.Join(top, filepath.FromSlash(name))
			lines = make(map[int]bool)
			c.files[file] = lines
		case strings.HasPrefix(line, "@@ ") && lines != nil:
			// @@ -a[,b] +c[,d] @@
			f := strings.Fields(line)
			if len(f) < 3 || !strings.HasPrefix(f[2], "+") {
				continue
			}
			start, count := f[2][1:], "1"
			if i := strings.IndexByte(start, ','); i >= 0 {
				start, count = start[:i], start[i+1:]
			}
			s, err1 := strconv.Atoi(start)
			n, err2 := strconv.Atoi(count)
			if err1 != nil || err2 != nil {
				continue
			}
			for l := s; l < s+n; l++ {
				lines[l] = true
			}
		}
	}
}

// contains reports whether the line of posn changed.
func (c *changedLines) contains(posn token.Position) bool {
	name := posn.Filename
	if abs, err := filepath.Abs(name); err == nil {
		name = abs
	}
	lines, ok := c.files[name]
	if !ok {
		// A symbolic link in the working directory's path (git names
		// files by their real path).
		if real, err := filepath.EvalSymlinks(name); err == nil && real != name {
			lines, ok = c.files[real]
		}
	}
	if !ok {
		return false
	}
	return lines == nil || lines[posn.Line]
}

// filter drops the findings and accepted findings of the units that are
// not on changed lines.
func (c *changedLines) filter(a *analysis.Analyzer, units []*unit) {
	for _, u := range units {
		act := u.actions[a]
		if act == nil || act.err != nil {
			continue
		}
		var kept []analysis.Diagnostic
		for _, d := range act.diagnostics {
			if c.contains(u.fset.Position(d.Pos)) {
				kept = append(kept, d)
			}
		}
		act.diagnostics = kept
		if res, ok := act.result.(*findings.Result); ok && res != nil {
			var sup []findings.Suppression
			for _, s := range res.Suppressed {
				if c.contains(u.fset.Position(s.Pos)) {
					sup = append(sup, s)
				}
			}
			kept := *res
			kept.Suppressed = sup
			act.result = &kept
		}
	}
}

func git(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return "", fmt.Errorf("git %s: %s", strings.Join(args, " "), msg)
	}
	return stdout.String(), nil
}

// workDir is the working directory, for git.
func workDir() string {
	wd, err := os.Getwd()
	if err != nil {
		return "."
	}
	return wd
}
