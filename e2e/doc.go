// Package e2e holds end-to-end tests of redistlslint's delivery channels,
// each run with the real tool: go vet -vettool, a custom golangci-lint
// with the module plugin compiled in, and pre-commit. The sample modules
// live in testdata; tests that change files work on copies.
//
// Tests that need a tool the machine lacks (pre-commit, the Go module
// proxy) fail when the environment variable CI is "true" and skip
// otherwise. The golangci-lint test builds golangci-lint once (minutes)
// into the user cache directory and reuses it. -short skips the
// golangci-lint and pre-commit tests.
package e2e
