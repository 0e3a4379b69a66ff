// Command redistlslint reports Redis clients that connect without TLS or
// without verifying the server's certificate. Run it standalone
// (redistlslint ./...) or under go vet (go vet -vettool=$(which redistlslint)).
package main

import (
	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/redistlslint/redistlslint/analyzer"
)

func main() { singlechecker.Main(analyzer.Analyzer) }
