package analyzer_test

import (
	"testing"

	"github.com/redistlslint/redistlslint/analyzer"
)

func TestWIPSummaries(t *testing.T) {
	runFixes(t, analyzer.New(nil), "summary", "example.com/wrapper", "example.com/wrapuser", "example.com/tlsgen", "example.com/cachecfg", "flow", "goredis", "example.com/tlsutil", "example.com/app", "urls", "asynqcases", "rueidiscases", "redigocases", "testfiles", "localaddrs", "radixv4cases", "radixv3cases", "radixv3collide", "oldclients", "versions", "skipverify")
}
