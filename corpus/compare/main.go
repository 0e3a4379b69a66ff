// Command compare normalizes the findings of a corpus run (the -json
// output of redistlslint for each corpus module, written by
// corpus/check.sh) and compares them with the reviewed expectations in
// corpus/expected.txt and corpus/silent.txt.
//
// It prints NEW (found, not expected), MISSING (expected, not found),
// CHANGED (same place, other category), SILENT (a must-stay-silent place
// was reported) and ERROR (a module whose run failed or crashed) lines,
// then precision over the reviewed findings, outside and inside tests. It
// exits 1 when anything differs.
//
//	go run ./corpus/compare -run DIR [-expected corpus/expected.txt] [-silent corpus/silent.txt] [-write FILE]
//
// -write writes a draft expectation list for the run: reviewed lines are
// kept, new findings get the verdict "??" and their message as reason.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	runDir := flag.String("run", "", "directory written by corpus/check.sh (holds one .json and .exit per module)")
	expected := flag.String("expected", "corpus/expected.txt", "reviewed expected findings")
	silent := flag.String("silent", "corpus/silent.txt", "places that must stay silent")
	write := flag.String("write", "", "write a draft expectation list for this run to `file`")
	flag.Parse()
	if *runDir == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: compare -run DIR [-expected FILE] [-silent FILE] [-write FILE]")
		os.Exit(2)
	}
	code, err := compareMain(os.Stdout, *runDir, *expected, *silent, *write)
	if err != nil {
		fmt.Fprintln(os.Stderr, "compare:", err)
		os.Exit(2)
	}
	os.Exit(code)
}

func compareMain(w io.Writer, runDir, expectedFile, silentFile, writeFile string) (int, error) {
	run, err := readRun(runDir)
	if err != nil {
		return 0, err
	}
	exp, err := readExpected(expectedFile)
	if err != nil {
		return 0, err
	}
	sil, err := readSilent(silentFile)
	if err != nil {
		return 0, err
	}
	if writeFile != "" {
		if err := writeDraft(writeFile, run, exp); err != nil {
			return 0, err
		}
	}
	r := compare(run, exp, sil)
	r.print(w)
	if r.differs() {
		return 1, nil
	}
	return 0, nil
}
