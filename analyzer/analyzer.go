// Package analyzer defines redistlslint, an analysis that finds Redis
// clients that connect without TLS or with certificate verification
// turned off.
package analyzer

import (
	"github.com/redistlslint/redistlslint/internal/findings"
	"reflect"

	"golang.org/x/tools/go/analysis"
)

// Doc teaches the rules; `redistlslint help` prints it.
const Doc = `report Redis clients that connect without TLS or without verifying the server

Managed Redis (Heroku, AWS ElastiCache, Azure Cache, Upstash, Redis Cloud)
requires TLS and often presents a self-signed or private-CA certificate.
The usual way out of "certificate verify failed" is to switch verification
off, and the usual accident is a client with no TLS at all. redistlslint
follows the options of go-redis (Options, ClusterOptions, FailoverOptions,
UniversalOptions, RingOptions; v6 to v9, and gopkg.in/redis.v5, .v4, .v3,
whose types mostly cannot use TLS at all: such a client is reported with
advice to upgrade), asynq (RedisClientOpt, RedisClusterClientOpt,
RedisFailoverClientOpt), redigo (Dial, DialURL and their DialOptions),
radix v3 (Dial, NewPool, NewCluster, NewSentinel and their options:
DialUseTLS(cfg), PoolConnFunc, ClusterPoolFunc), radix v4 (Dialer,
PoolConfig, ClusterConfig and their NetDialer) and rueidis/valkey-go
(ClientOption, ParseURL; also github.com/rueian/rueidis) and reports, by
category:

missing-tls: options built without TLSConfig (or a redigo Dial without
DialUseTLS(true), a radix v3 connection without DialUseTLS(cfg), a radix v4
one without a *tls.Dialer as NetDialer, or a constant redis:// URL) for an
address that is not provably local. URLs built from a constant scheme
(fmt.Sprintf("redis://%s", h), "redis://" + h, url.URL{Scheme: "redis"})
are judged too. Silent when TLS may be set elsewhere in the function (also
later through the client: rdb.Options().TLSConfig = cfg), when the options
go to another package's function that may set TLS, when a custom dialer
decides, when the URL is read at run time, and for localhost, 127.0.0.0/8, ::1, unix sockets, the empty default
address, in-process test servers (miniredis, testcontainers), functions
that only return such addresses, and the hosts in -plaintext-hosts. Fix:
add TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12} (dial-style
clients: the option or dialer the message names) or switch the URL to
rediss://.

insecure-skip-verify: InsecureSkipVerify: true (or skip_verify in a rediss://
URL, or redigo's DialTLSSkipVerify(true)) on a TLS config that a Redis client
uses. Values are followed back through variables, closures, helpers (with
the arguments of the call), generic helpers, maps and slices, struct fields
(http.Transport.TLSClientConfig, your own config structs), Clone() and
other packages (facts). Anyone on the network path can then impersonate
the server. Trust the provider's CA with RootCAs instead. Not reported: a
config whose VerifyPeerCertificate or VerifyConnection hook can reject a
certificate (pinning, or verifying the chain itself), a clone that sets
InsecureSkipVerify back to false, a tls.Config that no Redis client uses,
and a non-constant value (an operator's switch) unless -report-switches is
set. A comment on the same line or the line above that gives a reason
(e.g. Heroku's self-signed certificate) silences the finding; commented-out
code, the enclosing declaration's doc comment, a TODO/FIXME/XXX/HACK/BUG
note and fewer than two words are not reasons. Fix: remove the setting;
offered only for a provider whose certificate chains to public roots
(ElastiCache, Azure, Upstash) written in the code, or under
-fix-skip-verify, since removal refuses a self-signed server (Heroku).

weak-tls: a Redis client's tls.Config with a constant MinVersion below TLS
1.2, or a MaxVersion below it (only weak versions possible); not on a
config that never takes effect (redigo DialTLSConfig without
DialUseTLS(true): that connection is plaintext). Fix: raise MinVersion to
tls.VersionTLS12, remove MaxVersion.

Wrappers and libraries that build clients for their callers (cache.New(cfg),
store.New(addr, store.WithTLS(c)), session stores, go-zero's redis.New) are
judged at each call, in the caller's code, through a summary of the clients
the function builds and the inputs that decide them (address, *tls.Config,
a bool that guards TLS, a functional option, or nothing: no TLS possible).

A "//redistlslint:ignore <reason>" comment on or directly above a finding's
line suppresses it; a directive without a reason is reported (bad-directive).
Generated files are not reported.`

// Diagnostic categories: part of the interface (they appear in -json and
// SARIF output).
const (
	CategoryMissingTLS   = findings.MissingTLS
	CategorySkipVerify   = findings.SkipVerify
	CategoryWeakTLS      = findings.WeakTLS
	CategoryBadDirective = findings.BadDirective
)

// Categories lists every category with a one-line description.
var Categories = findings.Categories

// Suppression records a finding that the code itself accepts.
type Suppression = findings.Suppression

// Result is the analyzer's result for a package: the findings the code
// suppressed.
type Result = findings.Result

// Analyzer is redistlslint with its settings bound to flags.
var Analyzer = New(nil)

// New returns a fresh analyzer using cfg (nil: defaults, bound to the
// analyzer's flags).
func New(cfg *Config) *analysis.Analyzer {
	if cfg == nil {
		cfg = &Config{}
	}
	a := &analysis.Analyzer{
		Name:       "redistlslint",
		Doc:        Doc,
		URL:        "https://github.com/redistlslint/redistlslint",
		Run:        func(pass *analysis.Pass) (any, error) { return run(pass, cfg) },
		FactTypes:  []analysis.Fact{new(InsecureTLS), new(LocalAddr), new(ParamTLS), new(FuncSummary), new(SummarizedFuncs), new(EnvGetter)},
		ResultType: reflect.TypeFor[*Result](),
	}
	cfg.bindFlags(&a.Flags)
	return a
}
