package driver

import (
	"bufio"
	"bytes"
	"fmt"
	"go/token"
	"go/types"
	"io"
	"os"
	"strconv"
	"strings"

	"golang.org/x/tools/go/gcexportdata"
)

// exportImporter is the types.Importer of both driver paths: the
// standalone checker (export files from go list -export) and go vet
// (-vettool: the PackageFile map of vet's config). It reads each import's
// export data once into one universe, and resolves an import path in the
// source to a package path and its export file with lookup.
type exportImporter struct {
	fset     *token.FileSet
	universe map[string]*types.Package
	// lookup maps an import path as written in the source to the
	// imported package's path and export file.
	lookup func(importPath string) (pkgPath, exportFile string, err error)
}

func (imp *exportImporter) Import(importPath string) (*types.Package, error) {
	if importPath == "unsafe" {
		return types.Unsafe, nil
	}
	path, file, err := imp.lookup(importPath)
	if err != nil {
		return nil, err
	}
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	if pkg := imp.universe[path]; pkg != nil && pkg.Complete() {
		return pkg, nil
	}
	if file == "" {
		return nil, fmt.Errorf("no export data for %q", path)
	}
	return readExportFile(file, imp.fset, imp.universe, path)
}

// readExportFile reads the package path's export data from file with
// gcexportdata.Read. The file is either what the compiler writes (an
// archive whose __.PKGDEF member holds the export data: what go list
// -export and go vet hand over up to Go 1.27) or export data alone (what
// cmd/export writes for go list -export from Go 1.28 on). The archive is
// unpacked here rather than by gcexportdata.NewReader, which is deprecated
// and stops reading archives in Go 1.29.
func readExportFile(file string, fset *token.FileSet, imports map[string]*types.Package, path string) (*types.Package, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := exportData(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("reading export data for %q from %s: %v", path, file, err)
	}
	return gcexportdata.Read(r, fset, imports, path)
}

const (
	archiveMagic  = "!<arch>\n"
	archiveHeader = 60 // bytes of an ar member header
	sectionStart  = "$$B\n"
	sectionEnd    = "\n$$\n"
)

// exportData returns a reader of the export data in r: the whole of r,
// or, for a compiler archive, the binary export section of its first
// member, __.PKGDEF (object headers, then "$$B\n", the data, "\n$$\n").
// See cmd/internal/archive and GOROOT/src/cmd/compile/README.
func exportData(r *bufio.Reader) (io.Reader, error) {
	magic, err := r.Peek(len(archiveMagic))
	if err != nil || string(magic) != archiveMagic {
		return r, nil // export data alone; Read checks its format byte
	}
	if _, err := r.Discard(len(archiveMagic)); err != nil {
		return nil, err
	}
	var hdr [archiveHeader]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return nil, fmt.Errorf("archive header: %v", err)
	}
	if name := strings.TrimSpace(string(hdr[0:16])); name != "__.PKGDEF" {
		return nil, fmt.Errorf("archive starts with %q, not __.PKGDEF", name)
	}
	size, err := strconv.ParseInt(strings.TrimSpace(string(hdr[48:58])), 10, 64)
	if err != nil || size <= 0 {
		return nil, fmt.Errorf("bad size %q of __.PKGDEF", bytes.TrimSpace(hdr[48:58]))
	}
	// Header lines ("go object …", "build id …", blank lines) up to the
	// start of the binary section.
	for {
		line, err := r.ReadSlice('\n')
		if err != nil {
			return nil, fmt.Errorf("no export data section in __.PKGDEF: %v", err)
		}
		size -= int64(len(line))
		if string(line) == sectionStart {
			break
		}
		if size <= 0 {
			return nil, fmt.Errorf("no export data section in __.PKGDEF")
		}
	}
	size -= int64(len(sectionEnd))
	if size < 0 {
		return nil, fmt.Errorf("__.PKGDEF too short for its export data section")
	}
	return &io.LimitedReader{R: r, N: size}, nil
}
