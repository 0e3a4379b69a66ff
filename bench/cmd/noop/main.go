// Command noop is the benchmark's floor: an analyzer that does nothing, run
// by the same checker as redistlslint, so that the difference between the
// two is the cost of the analysis itself. Loading, parsing, type-checking
// and (under go vet) compiling dependencies are paid by both.
package main

import (
	"golang.org/x/tools/go/analysis"

	"github.com/redistlslint/redistlslint/internal/driver"
)

// Analyzer inspects nothing and reports nothing. It declares no facts: a
// fact type would make the standalone checker load every dependency from
// source (under x/tools' singlechecker), which is a cost of the analysis,
// not of the floor.
var Analyzer = &analysis.Analyzer{
	Name: "noop",
	Doc:  "do nothing (the benchmark's floor)",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() { driver.Main(Analyzer) }
