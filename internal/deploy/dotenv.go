package deploy

import (
	"regexp"
	"strings"
)

// envEntry is one KEY=value line of a .env file.
type envEntry struct {
	key   string
	value value
}

// dotEnvLine is what parseDotEnv finds on a line: the key, the value
// (unquoted), and where the value starts (1-based; at its opening quote).
type dotEnvLine struct {
	key, val  string
	line, col int
	quote     byte // 0, '\'', '"' or '`'
}

// parseDotEnv reads a .env file as godotenv and docker compose do:
// KEY=value, export KEY=value, KEY: value, quoted values (double quotes
// take escapes and may span lines), # comments. godotenv returns a map
// without positions, so this small reader keeps them. Lines it cannot
// read are skipped.
func parseDotEnv(src []byte) []dotEnvLine {
	text := strings.ReplaceAll(string(src), "\r\n", "\n")
	lines := strings.Split(text, "\n")
	var out []dotEnvLine
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		trimmed := strings.TrimLeft(line, " \t")
		col := len(line) - len(trimmed) + 1
		if i == 0 {
			if t := strings.TrimPrefix(trimmed, "\ufeff"); len(t) != len(trimmed) {
				col += len(trimmed) - len(t)
				trimmed = t
			}
		}
		if trimmed == "" || trimmed[0] == '#' {
			continue
		}
		if rest, ok := strings.CutPrefix(trimmed, "export "); ok {
			t := strings.TrimLeft(rest, " \t")
			col += len(trimmed) - len(t)
			trimmed = t
		}
		k := 0
		for k < len(trimmed) && isKeyByte(trimmed[k]) {
			k++
		}
		if k == 0 {
			continue
		}
		key := trimmed[:k]
		rest := strings.TrimLeft(trimmed[k:], " \t")
		if rest == "" || rest[0] != '=' && rest[0] != ':' {
			continue
		}
		rest = rest[1:]
		val := strings.TrimLeft(rest, " \t")
		vcol := col + len(trimmed) - len(val)
		e := dotEnvLine{key: key, line: i + 1, col: vcol}
		if val != "" && (val[0] == '"' || val[0] == '\'' || val[0] == '`') {
			q := val[0]
			e.quote = q
			body, closed := quoted(val[1:], q)
			for !closed && q != '\'' && i+1 < len(lines) { // multi-line value
				i++
				var more string
				more, closed = quoted(lines[i], q)
				body += "\n" + more
			}
			e.val = body
		} else {
			if j := commentStart(val); j >= 0 {
				val = val[:j]
			}
			e.val = strings.TrimRight(val, " \t")
		}
		out = append(out, e)
	}
	return out
}

func isKeyByte(c byte) bool {
	return c == '_' || c == '.' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// quoted reads a quoted value's body up to the closing quote q.
func quoted(s string, q byte) (body string, closed bool) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\\' && q == '"' && i+1 < len(s) {
			i++
			switch s[i] {
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			default:
				b.WriteByte(s[i])
			}
			continue
		}
		if c == q {
			return b.String(), true
		}
		b.WriteByte(c)
	}
	return b.String(), false
}

// commentStart returns where an unquoted value's " #" comment starts.
func commentStart(v string) int {
	if strings.HasPrefix(v, "#") {
		return 0
	}
	for i := 1; i < len(v); i++ {
		if v[i] == '#' && (v[i-1] == ' ' || v[i-1] == '\t') {
			return i
		}
	}
	return -1
}

var envRef = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)`)

// envFile returns a .env file's entries with positions, ${VAR} references
// to earlier entries expanded (as godotenv does). Missing files give none.
func (s *scanner) envFile(rel string) []envEntry {
	if s.envCache == nil {
		s.envCache = map[string][]envEntry{}
	}
	if e, ok := s.envCache[rel]; ok {
		return e
	}
	var out []envEntry
	if src, ok := s.readFile(rel); ok {
		seen := map[string]string{}
		for _, l := range parseDotEnv(src) {
			v := l.val
			if l.quote != '\'' && strings.Contains(v, "$") {
				v = envRef.ReplaceAllStringFunc(v, func(m string) string {
					sub := envRef.FindStringSubmatch(m)
					name := sub[1] + sub[2]
					if x, ok := seen[name]; ok {
						return x
					}
					return m
				})
			}
			seen[l.key] = v
			out = append(out, envEntry{key: l.key, value: value{s: v, file: rel, line: l.line, col: l.col}})
		}
	}
	s.envCache[rel] = out
	return out
}
