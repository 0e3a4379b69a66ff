package deploy

import (
	"regexp"
	"strings"
)

// fileInfo holds the comments of a file, by line.
type fileInfo struct {
	trailing []string // the comment at the end of each line ("" none)
	whole    []bool   // the line is only a comment
}

// comments returns the comments of a file (read once, only when a value
// in it is about to be reported).
func (s *scanner) comments(rel string) *fileInfo {
	if fi, ok := s.files[rel]; ok {
		return fi
	}
	fi := &fileInfo{}
	if src, ok := s.readFile(rel); ok {
		for _, line := range strings.Split(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n") {
			text, whole := lineComment(line)
			fi.trailing = append(fi.trailing, text)
			fi.whole = append(fi.whole, whole)
		}
	}
	s.files[rel] = fi
	return fi
}

// lineComment returns the # comment of a YAML or .env line: # at the
// start of the line or after a blank, outside quotes.
func lineComment(line string) (text string, whole bool) {
	var quote byte
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			} else if c == '\\' && quote == '"' {
				i++
			}
		case c == '"' || c == '\'':
			if i == 0 || strings.IndexByte(" \t:=-[{,", line[i-1]) >= 0 {
				quote = c
			}
		case c == '#':
			if i == 0 || line[i-1] == ' ' || line[i-1] == '\t' {
				return strings.TrimSpace(line[i+1:]), strings.TrimSpace(line[:i]) == ""
			}
		}
	}
	return "", false
}

var (
	markers        = map[string]bool{"TODO": true, "FIXME": true, "XXX": true, "HACK": true, "BUG": true}
	commentedValue = regexp.MustCompile(`^(-\s*)?(export\s+)?(name:\s*)?[A-Za-z_][A-Za-z0-9_.-]*\s*[:=]\s*\S*$`)
)

// reason returns the reason a comment gives, if it gives one: at least
// two words, not a marker (TODO, FIXME, ...), not a setting put out of
// action (# REDIS_URL=redis://localhost:6379).
func reason(text string) (string, bool) {
	text = strings.TrimSpace(strings.TrimLeft(text, "#"))
	if r, ok := strings.CutPrefix(text, "redistlslint:ignore"); ok {
		text = strings.TrimSpace(r)
	}
	words := strings.Fields(text)
	if len(words) < 2 || commentedValue.MatchString(text) {
		return "", false
	}
	first := strings.ToUpper(strings.TrimRight(words[0], ":(,.!"))
	if i := strings.IndexByte(first, '('); i > 0 {
		first = first[:i] // TODO(alice)
	}
	if markers[first] {
		return "", false
	}
	letters := 0
	for _, w := range words {
		if strings.ContainsAny(strings.ToLower(w), "abcdefghijklmnopqrstuvwxyz") {
			letters++
		}
	}
	return text, letters >= 2
}

// justified reports whether a comment on the value's line, on its key's
// line, or a comment line just above gives a reason for it.
func (s *scanner) justified(v value) bool {
	fi := s.comments(v.file)
	at := func(line int) (string, bool) {
		if line < 1 || line > len(fi.trailing) {
			return "", false
		}
		return fi.trailing[line-1], fi.whole[line-1]
	}
	if t, _ := at(v.line); t != "" {
		if _, ok := reason(t); ok {
			return true
		}
	}
	for _, line := range []int{v.keyLine, v.line - 1} {
		if line == v.line || line < 1 {
			continue
		}
		t, whole := at(line)
		if t == "" || line == v.line-1 && line != v.keyLine && !whole {
			continue
		}
		if _, ok := reason(t); ok {
			return true
		}
	}
	// A comment line just above the key ("- name: X" of a k8s entry).
	if v.keyLine > 0 && v.keyLine < v.line {
		if t, whole := at(v.keyLine - 1); whole && t != "" {
			if _, ok := reason(t); ok {
				return true
			}
		}
	}
	return false
}
