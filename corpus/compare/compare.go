package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// A finding is one diagnostic, normalized: the module it is in, the file
// relative to the module root, the line and the category.
type finding struct {
	Module   string // module@version
	File     string // slash-separated, relative to the module root
	Line     int
	Category string
	Message  string
}

func (f finding) place() string { return fmt.Sprintf("%s %s:%d", f.Module, f.File, f.Line) }
func (f finding) key() string   { return f.place() + " " + f.Category }
func (f finding) test() bool    { return strings.HasSuffix(f.File, "_test.go") }

// An expectation is a reviewed finding: TP (true positive) or FP (false
// positive) with a one-line reason.
type expectation struct {
	finding
	Verdict string // TP, FP, or ?? (not reviewed yet)
	Reason  string
}

// A silence is a place where nothing must be reported.
type silence struct {
	Module, File string
	Line         int
	Reason       string
}

// moduleRun is what check.sh recorded for one module.
type moduleRun struct {
	Module   string
	Exit     int
	Stderr   string
	Findings []finding
}

// readRun reads DIR/*.json (the driver's -json output), DIR/*.exit and
// DIR/*.err written by check.sh, and DIR/*.root (the module root).
func readRun(dir string) ([]moduleRun, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.module"))
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no corpus run in %s (run corpus/check.sh first)", dir)
	}
	var runs []moduleRun
	for _, n := range names {
		base := strings.TrimSuffix(n, ".module")
		var m moduleRun
		lines, err := os.ReadFile(n)
		if err != nil {
			return nil, err
		}
		modLine, root, _ := strings.Cut(strings.TrimSpace(string(lines)), "\n")
		m.Module = modLine
		if b, err := os.ReadFile(base + ".exit"); err == nil {
			m.Exit, _ = strconv.Atoi(strings.TrimSpace(string(b)))
		} else {
			m.Exit = -1
		}
		if b, err := os.ReadFile(base + ".err"); err == nil {
			m.Stderr = string(b)
		}
		f, err := os.Open(base + ".json")
		if err != nil {
			return nil, err
		}
		m.Findings, err = parseJSON(f, m.Module, strings.TrimSpace(root))
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %v", base+".json", err)
		}
		runs = append(runs, m)
	}
	sort.Slice(runs, func(i, j int) bool { return runs[i].Module < runs[j].Module })
	return runs, nil
}

// jsonDiag is one diagnostic of the x/tools -json tree:
// {"pkg": {"analyzer": [diag...] | {"error": "..."}}}.
type jsonDiag struct {
	Posn     string `json:"posn"`
	Message  string `json:"message"`
	Category string `json:"category"`
}

// parseJSON reads a stream of -json trees and returns the findings,
// without duplicates (a file is analysed in a package and its test
// variant). Analyzer errors become findings of category "error".
func parseJSON(r io.Reader, module, root string) ([]finding, error) {
	dec := json.NewDecoder(r)
	seen := map[string]bool{}
	var out []finding
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
		for pkg, byAnalyzer := range tree {
			for _, raw := range byAnalyzer {
				var diags []jsonDiag
				if err := json.Unmarshal(raw, &diags); err != nil {
					var e struct{ Error string }
					if json.Unmarshal(raw, &e) == nil && e.Error != "" {
						out = append(out, finding{Module: module, File: pkg, Category: "error", Message: e.Error})
						continue
					}
					return nil, err
				}
				for _, d := range diags {
					f := normalize(d, module, root)
					k := f.key() + " " + f.Message
					if !seen[k] {
						seen[k] = true
						out = append(out, f)
					}
				}
			}
		}
	}
	sortFindings(out)
	return out, nil
}

// normalize turns "/abs/path/file.go:12:5" into the module-relative file
// and line.
func normalize(d jsonDiag, module, root string) finding {
	f := finding{Module: module, Category: d.Category, Message: d.Message}
	posn := d.Posn
	// file:line:col; the file may contain colons only on odd systems.
	if i := strings.LastIndex(posn, ":"); i > 0 {
		if j := strings.LastIndex(posn[:i], ":"); j > 0 {
			f.Line, _ = strconv.Atoi(posn[j+1 : i])
			posn = posn[:j]
		}
	}
	if root != "" {
		if rel, err := filepath.Rel(root, posn); err == nil && !strings.HasPrefix(rel, "..") {
			posn = rel
		}
	}
	f.File = filepath.ToSlash(posn)
	if f.Category == "" {
		f.Category = "none"
	}
	return f
}

func sortFindings(fs []finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Module != b.Module {
			return a.Module < b.Module
		}
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Category < b.Category
	})
}

// parsePlace parses "file:line".
func parsePlace(s string) (string, int, error) {
	i := strings.LastIndex(s, ":")
	if i < 0 {
		return "", 0, fmt.Errorf("%q: want file:line", s)
	}
	n, err := strconv.Atoi(s[i+1:])
	if err != nil || n <= 0 {
		return "", 0, fmt.Errorf("%q: want file:line", s)
	}
	return s[:i], n, nil
}

// readExpected reads lines "module@version file:line category verdict reason...".
func readExpected(name string) ([]expectation, error) {
	var out []expectation
	err := readLines(name, func(fields []string, line string) error {
		if len(fields) < 5 {
			return fmt.Errorf("want: module@version file:line category TP|FP reason")
		}
		file, n, err := parsePlace(fields[1])
		if err != nil {
			return err
		}
		v := fields[3]
		if v != "TP" && v != "FP" && v != "??" {
			return fmt.Errorf("verdict %q: want TP, FP or ??", v)
		}
		reason := strings.TrimSpace(line[strings.Index(line, fields[3])+len(fields[3]):])
		out = append(out, expectation{finding{Module: fields[0], File: file, Line: n, Category: fields[2]}, v, reason})
		return nil
	})
	return out, err
}

// readSilent reads lines "module@version file:line reason...".
func readSilent(name string) ([]silence, error) {
	var out []silence
	err := readLines(name, func(fields []string, line string) error {
		if len(fields) < 3 {
			return fmt.Errorf("want: module@version file:line reason")
		}
		file, n, err := parsePlace(fields[1])
		if err != nil {
			return err
		}
		reason := strings.TrimSpace(line[strings.Index(line, fields[1])+len(fields[1]):])
		out = append(out, silence{fields[0], file, n, reason})
		return nil
	})
	return out, err
}

func readLines(name string, fn func(fields []string, line string) error) error {
	f, err := os.Open(name)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(strings.Fields(line), line); err != nil {
			return fmt.Errorf("%s:%d: %v", name, n, err)
		}
	}
	return sc.Err()
}
