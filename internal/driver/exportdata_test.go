package driver

import (
	"bytes"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/gcexportdata"
)

// TestReadExportFile reads export data in both forms the go command hands
// over: a compiler archive (go list -export up to Go 1.27, go vet's
// PackageFile) and export data alone (cmd/export from Go 1.28, and
// gcexportdata.Write).
func TestReadExportFile(t *testing.T) {
	out, err := exec.Command("go", "list", "-export", "-f", "{{.Export}}", "net/http").Output()
	if err != nil {
		t.Fatalf("go list -export net/http: %v", err)
	}
	archive := strings.TrimSpace(string(out))
	fset := token.NewFileSet()
	pkg, err := readExportFile(archive, fset, make(map[string]*types.Package), "net/http")
	if err != nil {
		t.Fatalf("reading the compiler's archive: %v", err)
	}
	if pkg.Scope().Lookup("Client") == nil || !pkg.Complete() {
		t.Fatalf("net/http from %s: no Client, or incomplete", archive)
	}

	var buf bytes.Buffer
	if err := gcexportdata.Write(&buf, fset, pkg); err != nil {
		t.Fatal(err)
	}
	alone := filepath.Join(t.TempDir(), "http.x")
	if err := os.WriteFile(alone, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	pkg2, err := readExportFile(alone, token.NewFileSet(), make(map[string]*types.Package), "net/http")
	if err != nil {
		t.Fatalf("reading export data alone: %v", err)
	}
	if pkg2.Scope().Lookup("Client") == nil {
		t.Fatal("net/http from export data alone: no Client")
	}

	// A truncated archive is an error, not a panic.
	data, err := os.ReadFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{8, 40, 200} {
		short := filepath.Join(t.TempDir(), "short.a")
		if err := os.WriteFile(short, data[:n], 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := readExportFile(short, token.NewFileSet(), make(map[string]*types.Package), "net/http"); err == nil {
			t.Errorf("archive cut at %d bytes: no error", n)
		}
	}
}
