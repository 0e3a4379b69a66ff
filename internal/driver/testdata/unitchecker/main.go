// Command unitchecker is redistlslint built with x/tools' stock
// unitchecker, the driver go vet, Bazel's nogo and other modular build
// systems use: the tests check that the analyzer gives the same findings
// under it as under redistlslint's own driver.
package main

import (
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/redistlslint/redistlslint/analyzer"
)

func main() { unitchecker.Main(analyzer.Analyzer) }
