// Command redistlslint reports Redis clients that connect without TLS or
// without verifying the server's certificate. Run it standalone
// (redistlslint ./...) or under go vet (go vet -vettool=$(which redistlslint)).
package main

import (
	"github.com/redistlslint/redistlslint/analyzer"
	"github.com/redistlslint/redistlslint/internal/driver"
)

func main() { driver.Main(analyzer.Analyzer) }
