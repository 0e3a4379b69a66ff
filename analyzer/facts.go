package analyzer

import "fmt"

// InsecureTLS marks a function (or package variable) whose *tls.Config
// result (value) has verification turned off or a weak MinVersion, so
// that packages using it for a Redis client can report it.
//
// A clone-and-modify helper (func WithServerName(c *tls.Config, n string)
// *tls.Config { c = c.Clone(); c.ServerName = n; return c }) passes its
// base through: the caller's argument is judged for what the helper does
// not reset.
type InsecureTLS struct {
	SkipVerify string // "file.go:12" where InsecureSkipVerify is set; "" if not
	WeakMin    string // "file.go:12" where MinVersion is below TLS 1.2; "" if not
	// KeepSkip and KeepWeak are the parameters whose config's
	// verification and versions the result keeps.
	KeepSkip, KeepWeak []int
	// SkipParam is the bool parameter (index+1) InsecureSkipVerify is set
	// from, and SkipParamAt where; 0 if none.
	SkipParam   int
	SkipParamAt string
}

func (*InsecureTLS) AFact() {}

func (f *InsecureTLS) String() string {
	s := fmt.Sprintf("insecureTLS(skip=%s weak=%s)", f.SkipVerify, f.WeakMin)
	if len(f.KeepSkip)+len(f.KeepWeak) > 0 || f.SkipParam > 0 {
		s += fmt.Sprintf(" keeps(skip=%v weak=%v) skipParam=%d", f.KeepSkip, f.KeepWeak, f.SkipParam)
	}
	return s
}

func (f *InsecureTLS) empty() bool {
	return f.SkipVerify == "" && f.WeakMin == "" && len(f.KeepSkip)+len(f.KeepWeak) == 0 && f.SkipParam == 0
}

// LocalAddr marks a function whose (first) string result is a
// provably local Redis address: a constant loopback host, an in-process
// test server's address, or, in a _test.go file, a test flag's local
// default. It lets an external test package (package x_test) or a test
// helper package hand such an address to a client without a finding.
type LocalAddr struct{}

func (*LocalAddr) AFact() {}

func (*LocalAddr) String() string { return "localAddr" }

// ParamTLS describes a function's parameters that hold a Redis
// client's options (by pointer): Leaves lists those whose TLS setting the
// function never changes, Consumes those it also hands to a client
// constructor. A caller's options passed there keep their verdict:
// ApplyDefaults(&opts) that never touches TLS leaves a plaintext client.
type ParamTLS struct {
	Leaves   []int
	Consumes []int
}

func (*ParamTLS) AFact() {}

func (f *ParamTLS) String() string {
	return fmt.Sprintf("paramTLS(leaves=%v consumes=%v)", f.Leaves, f.Consumes)
}
