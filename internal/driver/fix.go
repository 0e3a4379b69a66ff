package driver

import (
	"errors"
	"log"
	"os"
	"os/exec"
)

// fixWithVet applies (or, with -diff, prints) the suggested fixes by
// running go vet -fix with this program as the vet tool. Go 1.26's go vet
// applies the fixes of all packages at once, skips conflicting edits and
// formats the edited files; doing it through go vet keeps one
// implementation of that logic. Test files are always included, as go vet
// does.
func fixWithVet(opts *options, patterns []string) int {
	self, err := selfPath()
	if err != nil {
		log.Print(err)
		return 1
	}
	args := []string{"vet", "-vettool=" + self, "-fix"}
	if opts.diff {
		args = append(args, "-diff")
	}
	args = append(args, opts.analyzerFlags...)
	args = append(args, patterns...)
	cmd := exec.Command("go", args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			return exitErr.ExitCode()
		}
		log.Print(err)
		return 1
	}
	return 0
}
