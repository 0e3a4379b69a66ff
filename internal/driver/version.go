package driver

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
)

// version describes the running binary from its build info: the module
// version ("v0.1.0" when installed as pkg@v0.1.0, "(devel)" when built
// from a clone), the VCS revision and whether the tree was modified (when
// built from a clone without -buildvcs=false), and the Go version.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		v += " revision " + rev
		if modified == "true" {
			v += "+modified"
		}
	}
	return v + " " + info.GoVersion
}

// printVersion prints the answer to -version, or to -V=full, which go vet
// asks of a -vettool to key its cache. For -V=full the line ends with the
// executable's hash as its build ID, as x/tools' checkers print, so that
// go vet never serves results of another build of the same version.
func printVersion(w io.Writer, name string, full bool) int {
	if !full {
		fmt.Fprintf(w, "%s %s\n", name, version())
		return 0
	}
	exe, err := selfPath()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	f, err := os.Open(exe)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	// go vet reads "<name> version <version> ... buildID=<id>".
	fmt.Fprintf(w, "%s version %s buildID=%x\n", name, version(), h.Sum(nil))
	return 0
}

// versionRequest reports whether args ask for the version: -version, or
// -V=full as go vet does.
func versionRequest(args []string) (asked, full bool) {
	for _, arg := range args {
		if !strings.HasPrefix(arg, "-") {
			continue
		}
		switch strings.TrimLeft(arg, "-") {
		case "version", "version=true":
			asked = true
		case "V=full":
			return true, true
		}
	}
	return asked, false
}
