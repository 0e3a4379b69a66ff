// Package findings is the vocabulary redistlslint's analyzer and its
// drivers share: the categories of findings, with the metadata reports
// (SARIF) show, and the findings the code itself accepts.
package findings

import "go/token"

// Diagnostic categories: part of the interface (they appear in -json and
// SARIF output).
const (
	MissingTLS   = "missing-tls"
	SkipVerify   = "insecure-skip-verify"
	WeakTLS      = "weak-tls"
	BadDirective = "bad-directive"
)

// A Category is a kind of finding, with what reports say of it.
type Category struct{ Name, Title, Help string }

// Categories lists every category with a one-line description, for rule
// metadata in reports.
var Categories = []Category{
	{MissingTLS, "Redis client without TLS",
		"The client sends commands, data and the AUTH password in plaintext, and managed Redis (ElastiCache, Azure Cache, Upstash, Redis Cloud, Heroku) requires TLS; the message names the provider and its TLS port when the address is one. " +
			"Fix: set TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12} (redigo: redis.DialUseTLS(true); radix v3: radix.DialUseTLS(&tls.Config{MinVersion: tls.VersionTLS12}); radix v4: a *tls.Dialer as Dialer.NetDialer), or use a rediss:// URL. " +
			"For a trusted internal network, list the host in -plaintext-hosts. See docs/rules.md#missing-tls."},
	{SkipVerify, "Redis TLS without certificate verification",
		"InsecureSkipVerify (skip_verify in a URL, redigo's DialTLSSkipVerify) lets anyone on the network path impersonate the Redis server and read the traffic, the AUTH password included. " +
			"Fix by what the server presents: a certificate from public roots (ElastiCache, Azure, Upstash): remove the setting; a private CA (Redis Cloud, DigitalOcean): put it in tls.Config.RootCAs; a self-signed certificate (Heroku Redis): pin it in RootCAs or with a VerifyPeerCertificate hook that rejects others. " +
			"The suggested fix removes the setting only for a public-CA provider written in the code, or under -fix-skip-verify (removal refuses a self-signed server). " +
			"If skipping is the team's decision, say why in a comment next to it: a doc comment, a TODO/FIXME/XXX/HACK/BUG note or fewer than two words is not a reason. See docs/rules.md#insecure-skip-verify."},
	{WeakTLS, "Redis TLS allows versions below 1.2",
		"A MinVersion below tls.VersionTLS12 allows TLS 1.0 and 1.1, which have known weaknesses; a MaxVersion below it allows only those. Raise MinVersion to tls.VersionTLS12; remove MaxVersion. See docs/rules.md#weak-tls."},
	{BadDirective, "redistlslint:ignore without a reason",
		"A directive without a reason (or an unknown redistlslint: directive) suppresses nothing. Write why the finding is accepted: //redistlslint:ignore <reason>. See docs/rules.md#bad-directive."},
}

// Suppression records a finding that the code itself accepts, so that
// reports (SARIF) can list it with its reason.
type Suppression struct {
	Pos      token.Pos
	Category string
	Message  string
	Kind     Acceptance
	Reason   string
}

// Acceptance is how the code accepts a finding.
type Acceptance string

const (
	// Directive: a //redistlslint:ignore <reason> comment.
	Directive Acceptance = "directive"
	// Justification: a comment next to a skip-verify saying why.
	Justification Acceptance = "justification"
)

// Result is the analyzer's result for a package: the findings the code
// suppressed.
type Result struct {
	Suppressed []Suppression
	// EnvReads are the environment variables the package reads for a
	// Redis client, for judging the values deployment config gives them.
	EnvReads []EnvRead
}

// Feed says what an environment variable feeds in the code.
type Feed string

const (
	FeedURL              Feed = "url"                // a connection URL given to a parser
	FeedAddr             Feed = "addr"               // a server address
	FeedTLSSwitch        Feed = "tls-switch"         // a bool that turns TLS on
	FeedSkipVerifySwitch Feed = "skip-verify-switch" // a bool that turns verification off
	// FeedCASource: a CA or client certificate (a path or PEM) for a Redis
	// client's TLS config. Recorded for what the code does with the
	// variable; a path or PEM in config says nothing about TLS being on,
	// so the config side judges no value of it.
	FeedCASource Feed = "ca-source"
)

// EnvRead is an environment variable read for a Redis client, and what
// the code does with its value.
type EnvRead struct {
	Pos    token.Pos // where the code reads it
	Name   string
	Feeds  Feed
	Client string // the client library's package, for messages
	// ForcesTLS: the code turns TLS on whatever the value says.
	ForcesTLS bool
	// SkipVerifyParam is the URL query parameter the parser honours to
	// turn verification off ("" for none); SkipVerifyEmpty: an empty value
	// does too.
	SkipVerifyParam string
	SkipVerifyEmpty bool
	// TLSSwitch and SkipVerifySwitch name the variables that switch TLS
	// on and verification off for the same client.
	TLSSwitch, SkipVerifySwitch string
	// TLSDefault is a TLS switch's value when the variable is unset.
	TLSDefault bool
}
