package driver

import (
	"io"

	"golang.org/x/tools/go/analysis"
)

func writeSARIF(w io.Writer, a *analysis.Analyzer, units []*unit) error { return nil }
