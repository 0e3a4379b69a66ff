// Package clients is redistlslint's knowledge of Redis client libraries,
// as data: which types hold a client's options, which calls dial, which
// parsers read URLs, and what each option does for TLS. The rules
// (package analyzer) and the engine (package flow) are written once for
// all rows: adding a client is adding rows here.
package clients

import "maps"

// Import paths of the client libraries, by family.
var (
	goRedisV9 = "github.com/redis/go-redis/v9"
	goRedisV8 = "github.com/go-redis/redis/v8"
	goRedisV7 = "github.com/go-redis/redis/v7"
	goRedisV6 = "github.com/go-redis/redis"
	// goRedisUnixAddr are the go-redis versions that treat an Addr
	// starting with "/" as a unix socket (v6 does not).
	goRedisUnixAddr = []string{goRedisV9, goRedisV8, goRedisV7}
	asynq           = []string{"github.com/hibiken/asynq"}
	// go-redis before it moved to github.com: v5 has TLSConfig on Options
	// only; v4 and v3 have no TLS at all.
	goRedisGopkgV5 = "gopkg.in/redis.v5"
	goRedisGopkgV4 = "gopkg.in/redis.v4"
	goRedisGopkgV3 = "gopkg.in/redis.v3"
	// rueidis before it moved to github.com/redis/rueidis (v0.0.100: no
	// ParseURL, no DialFn; Dialer is a net.Dialer value, not a hook).
	rueidisOld = []string{"github.com/rueian/rueidis"}
	redigo     = []string{"github.com/gomodule/redigo/redis", "github.com/garyburd/redigo/redis"}
	// redigoCtx: the context variants exist only at the new path.
	redigoCtx = []string{"github.com/gomodule/redigo/redis"}
	rueidis   = []string{"github.com/redis/rueidis", "github.com/valkey-io/valkey-go"}
	radixV3   = []string{"github.com/mediocregopher/radix/v3"}
	radixV4   = []string{"github.com/mediocregopher/radix/v4"}
)

// An OptionsType is a struct that configures a client's connection.
type OptionsType struct {
	Pkgs []string
	Name string
	// tls is the *tls.Config field ("" for a type that has none, see
	// upgrade).
	TLS string
	// upgrade, for a type with no TLS field in these versions, is the
	// import path of a version that has one: a finding says the client
	// cannot use TLS and to upgrade; no edit is suggested.
	Upgrade string
	// addrs are the fields holding server addresses: string, []string or
	// map[string]string. None set means the library's localhost default.
	Addrs []string
	// network is the field that selects "unix" ("" if none).
	Network string
	// unixAddr: an address starting with "/" is a unix socket.
	UnixAddr bool
	// dialers are fields whose non-nil value replaces the built-in
	// dialer, so TLS is decided by user code we cannot judge.
	Dialers []string
	// tlsOnly marks types that hold TLS settings for connections that
	// another type describes (rueidis SentinelOption): their TLS is
	// judged, but a missing TLS config is not reported on them.
	TLSOnly bool
}

var OptionsTypes = []OptionsType{
	// go-redis
	{Pkgs: goRedisUnixAddr, Name: "Options", TLS: "TLSConfig", Addrs: []string{"Addr"}, Network: "Network", UnixAddr: true, Dialers: []string{"Dialer"}},
	{Pkgs: []string{goRedisV6}, Name: "Options", TLS: "TLSConfig", Addrs: []string{"Addr"}, Network: "Network", Dialers: []string{"Dialer"}},
	{Pkgs: goRedisUnixAddr, Name: "ClusterOptions", TLS: "TLSConfig", Addrs: []string{"Addrs"}, Dialers: []string{"Dialer", "NewClient", "ClusterSlots"}},
	{Pkgs: []string{goRedisV6}, Name: "ClusterOptions", TLS: "TLSConfig", Addrs: []string{"Addrs"}, Dialers: []string{"ClusterSlots"}},
	{Pkgs: goRedisUnixAddr, Name: "FailoverOptions", TLS: "TLSConfig", Addrs: []string{"SentinelAddrs"}, Dialers: []string{"Dialer"}},
	{Pkgs: []string{goRedisV6}, Name: "FailoverOptions", TLS: "TLSConfig", Addrs: []string{"SentinelAddrs"}},
	{Pkgs: goRedisUnixAddr, Name: "UniversalOptions", TLS: "TLSConfig", Addrs: []string{"Addrs"}, Dialers: []string{"Dialer"}},
	{Pkgs: []string{goRedisV6}, Name: "UniversalOptions", TLS: "TLSConfig", Addrs: []string{"Addrs"}},
	{Pkgs: []string{goRedisV9, goRedisV8}, Name: "RingOptions", TLS: "TLSConfig", Addrs: []string{"Addrs"}, Dialers: []string{"Dialer", "NewClient"}},
	{Pkgs: []string{goRedisV7}, Name: "RingOptions", Upgrade: goRedisV9, Addrs: []string{"Addrs"}, Dialers: []string{"NewClient"}},
	{Pkgs: []string{goRedisV6}, Name: "RingOptions", Upgrade: goRedisV9, Addrs: []string{"Addrs"}},
	// go-redis at gopkg.in (Options.Addr is never a unix socket there).
	{Pkgs: []string{goRedisGopkgV5}, Name: "Options", TLS: "TLSConfig", Addrs: []string{"Addr"}, Network: "Network", Dialers: []string{"Dialer"}},
	{Pkgs: []string{goRedisGopkgV4, goRedisGopkgV3}, Name: "Options", Upgrade: goRedisV9, Addrs: []string{"Addr"}, Network: "Network", Dialers: []string{"Dialer"}},
	{Pkgs: []string{goRedisGopkgV5, goRedisGopkgV4, goRedisGopkgV3}, Name: "ClusterOptions", Upgrade: goRedisV9, Addrs: []string{"Addrs"}},
	{Pkgs: []string{goRedisGopkgV5, goRedisGopkgV4, goRedisGopkgV3}, Name: "FailoverOptions", Upgrade: goRedisV9, Addrs: []string{"SentinelAddrs"}},
	{Pkgs: []string{goRedisGopkgV5, goRedisGopkgV4, goRedisGopkgV3}, Name: "RingOptions", Upgrade: goRedisV9, Addrs: []string{"Addrs"}},
	// asynq
	{Pkgs: asynq, Name: "RedisClientOpt", TLS: "TLSConfig", Addrs: []string{"Addr"}, Network: "Network", UnixAddr: true},
	{Pkgs: asynq, Name: "RedisFailoverClientOpt", TLS: "TLSConfig", Addrs: []string{"SentinelAddrs"}},
	{Pkgs: asynq, Name: "RedisClusterClientOpt", TLS: "TLSConfig", Addrs: []string{"Addrs"}},
	// rueidis, valkey-go
	{Pkgs: rueidis, Name: "ClientOption", TLS: "TLSConfig", Addrs: []string{"InitAddress"}, Dialers: []string{"DialFn", "DialCtxFn"}},
	{Pkgs: rueidis, Name: "SentinelOption", TLS: "TLSConfig", TLSOnly: true},
	{Pkgs: rueidisOld, Name: "ClientOption", TLS: "TLSConfig", Addrs: []string{"InitAddress"}},
	{Pkgs: rueidisOld, Name: "SentinelOption", TLS: "TLSConfig", TLSOnly: true},
}

// A URLParser turns a connection URL into options.
type URLParser struct {
	Pkgs   []string
	Name   string
	URLArg int
	// Schemes by what they mean for TLS.
	Plain, Secure, Local []string
	// noFix lists plain schemes that have no TLS variant.
	NoFix []string
	// skipVerify is the query parameter that turns verification off
	// on a secure scheme ("" if the parser has none).
	SkipVerify string
	// skipVerifyEmpty: an empty value (?skip_verify) also turns it off.
	SkipVerifyEmpty bool
	// schemeDecidesTLS: the scheme overrides any TLS option given
	// alongside the URL (redigo's DialURL appends DialUseTLS last).
	SchemeDecidesTLS bool
	// DialOpts is the index of the first variadic dial option (see
	// DialAPI), or -1.
	DialOpts int
	// Options names the options type the parser returns (for asynq, the
	// type behind the RedisConnOpt it returns for redis://), "" when it
	// connects instead (redigo's DialURL).
	Options string
}

var URLParsers = []URLParser{
	{Pkgs: []string{goRedisV9}, Name: "ParseURL", Plain: []string{"redis"}, Secure: []string{"rediss"}, Local: []string{"unix"}, SkipVerify: "skip_verify", DialOpts: -1, Options: "Options"},
	{Pkgs: []string{goRedisV8, goRedisV7, goRedisV6}, Name: "ParseURL", Plain: []string{"redis"}, Secure: []string{"rediss"}, Local: []string{"unix"}, DialOpts: -1, Options: "Options"},
	{Pkgs: []string{goRedisGopkgV5}, Name: "ParseURL", Plain: []string{"redis"}, Secure: []string{"rediss"}, DialOpts: -1, Options: "Options"},
	{Pkgs: []string{goRedisV9}, Name: "ParseClusterURL", Plain: []string{"redis"}, Secure: []string{"rediss"}, DialOpts: -1, Options: "ClusterOptions"},
	{Pkgs: []string{goRedisV9}, Name: "ParseFailoverURL", Plain: []string{"redis"}, Secure: []string{"rediss"}, SkipVerify: "skip_verify", DialOpts: -1, Options: "FailoverOptions"},
	{Pkgs: asynq, Name: "ParseRedisURI", Plain: []string{"redis", "redis-sentinel"}, NoFix: []string{"redis-sentinel"}, Secure: []string{"rediss"}, Local: []string{"redis-socket"}, DialOpts: -1, Options: "RedisClientOpt"},
	{Pkgs: rueidis, Name: "ParseURL", Plain: []string{"redis", "valkey"}, Secure: []string{"rediss", "valkeys"}, Local: []string{"unix"}, SkipVerify: "skip_verify", SkipVerifyEmpty: true, DialOpts: -1, Options: "ClientOption"},
	{Pkgs: rueidis, Name: "MustParseURL", Plain: []string{"redis", "valkey"}, Secure: []string{"rediss", "valkeys"}, Local: []string{"unix"}, SkipVerify: "skip_verify", SkipVerifyEmpty: true, DialOpts: -1, Options: "ClientOption"},
	{Pkgs: redigoCtx, Name: "DialURL", Plain: []string{"redis", "valkey"}, Secure: []string{"rediss", "valkeys"}, SchemeDecidesTLS: true, DialOpts: 1},
	{Pkgs: []string{"github.com/garyburd/redigo/redis"}, Name: "DialURL", Plain: []string{"redis"}, Secure: []string{"rediss"}, SchemeDecidesTLS: true, DialOpts: 1},
	{Pkgs: redigoCtx, Name: "DialURLContext", URLArg: 1, Plain: []string{"redis", "valkey"}, Secure: []string{"rediss", "valkeys"}, SchemeDecidesTLS: true, DialOpts: 2},
}

// A DialAPI is a call that connects to Redis in a dial style: TLS is off
// unless one of its options turns it on. The options are variadic
// arguments of optType (redigo DialOption, radix v3 DialOpt, PoolOpt,
// ClusterOpt); dialOptions says what each does for TLS, and every other
// option of optType does nothing for TLS.
type DialAPI struct {
	Pkgs []string
	// recv is the receiver type of a method whose receiver struct holds
	// the options as fields (radix v4 Dialer.Dial, PoolConfig.New); see
	// dialFields. "" for a function.
	Recv string
	Name string
	// Argument indexes: network (-1 when there is none: the library dials
	// TCP), addr (a string or a []string of addresses), and the first
	// variadic option (-1 when there are none).
	Network, Addr, Opts int
	// optType names the variadic options' type, declared in pkgs.
	OptType string
	// addrURLs are the URL schemes the address argument may use in place
	// of host:port (radix v3 parses "redis://user:pass@host:port/db"); the
	// URL's host is judged.
	AddrURLs []string
	// fix turns verified TLS on, as a template: %[1]s stands for the
	// client package's name in the file, %[2]s for crypto/tls's (imported
	// by the fix when missing). With variadic options it is the option
	// the fix appends; with a receiver struct it is the value of field
	// fixField of the fixIn literal; for a function with neither it
	// replaces the called function ("" when no edit does it).
	Fix string
	// fixIn and fixField: the struct type and field that fix sets (a
	// receiver struct); fixWrap replaces a plain value already there
	// (%[3]s: that value); fixOuter is added to the receiver literal when
	// it holds no fixIn literal.
	FixIn, FixField, FixWrap, FixOuter string
	// hint, when set, is what the message says to do instead of naming
	// fix (for a long fix, or none); same placeholders.
	Hint string
}

var DialAPIs = []DialAPI{
	{Pkgs: redigo, Name: "Dial", Network: 0, Addr: 1, Opts: 2, OptType: "DialOption", Fix: redigoUseTLS},
	{Pkgs: redigoCtx, Name: "DialContext", Network: 1, Addr: 2, Opts: 3, OptType: "DialOption", Fix: redigoUseTLS},
	// The older API: timeouts as arguments and no options, so never TLS.
	{Pkgs: redigo, Name: "DialTimeout", Network: 0, Addr: 1, Opts: -1,
		Hint: "%[1]s.Dial with %[1]s.DialUseTLS(true) (DialTimeout has no TLS option)"},
	// radix v3: Dial, and pools and clusters whose default connection
	// function dials in plaintext (DefaultConnFunc, DefaultClientFunc).
	{Pkgs: radixV3, Name: "Dial", Network: 0, Addr: 1, Opts: 2, OptType: "DialOpt", AddrURLs: []string{"redis"}, Fix: radixV3UseTLS},
	{Pkgs: radixV3, Name: "NewPool", Network: 0, Addr: 1, Opts: 3, OptType: "PoolOpt", AddrURLs: []string{"redis"},
		Fix:  "%[1]s.PoolConnFunc(func(network, addr string) (%[1]s.Conn, error) { return %[1]s.Dial(network, addr, " + radixV3UseTLS + ") })",
		Hint: "a PoolConnFunc whose connections use " + radixV3UseTLS},
	{Pkgs: radixV3, Name: "NewCluster", Network: -1, Addr: 0, Opts: 1, OptType: "ClusterOpt",
		Fix:  "%[1]s.ClusterPoolFunc(func(network, addr string) (%[1]s.Client, error) { return %[1]s.NewPool(network, addr, 4, %[1]s.PoolConnFunc(func(network, addr string) (%[1]s.Conn, error) { return %[1]s.Dial(network, addr, " + radixV3UseTLS + ") })) })",
		Hint: "a ClusterPoolFunc whose connections use " + radixV3UseTLS},
	{Pkgs: radixV3, Name: "NewSentinel", Network: -1, Addr: 1, Opts: 2, OptType: "SentinelOpt",
		Hint: "SentinelConnFunc and SentinelPoolFunc whose connections use " + radixV3UseTLS},
	// radix v4: the options are the fields of Dialer, PoolConfig and
	// ClusterConfig; Dialer.NetDialer defaults to a *net.Dialer.
	{Pkgs: radixV4, Recv: "Dialer", Name: "Dial", Network: 1, Addr: 2, Opts: -1, AddrURLs: []string{"redis"},
		Fix: radixV4TLSDialer, FixIn: "Dialer", FixField: "NetDialer", FixWrap: radixV4WrapDialer,
		Hint: "NetDialer: " + radixV4TLSDialer},
	{Pkgs: radixV4, Recv: "PoolConfig", Name: "New", Network: 1, Addr: 2, Opts: -1, AddrURLs: []string{"redis"},
		Fix: radixV4TLSDialer, FixIn: "Dialer", FixField: "NetDialer", FixWrap: radixV4WrapDialer,
		FixOuter: "Dialer: %[1]s.Dialer{NetDialer: " + radixV4TLSDialer + "}",
		Hint:     "a Dialer with NetDialer: " + radixV4TLSDialer},
	{Pkgs: radixV4, Recv: "ClusterConfig", Name: "New", Network: -1, Addr: 1, Opts: -1,
		Fix: radixV4TLSDialer, FixIn: "Dialer", FixField: "NetDialer", FixWrap: radixV4WrapDialer,
		FixOuter: "PoolConfig: %[1]s.PoolConfig{Dialer: %[1]s.Dialer{NetDialer: " + radixV4TLSDialer + "}}",
		Hint:     "a PoolConfig.Dialer with NetDialer: " + radixV4TLSDialer},
	{Pkgs: radixV4, Name: "Dial", Network: 1, Addr: 2, Opts: -1, AddrURLs: []string{"redis"},
		Fix:  "(%[1]s.Dialer{NetDialer: " + radixV4TLSDialer + "}).Dial",
		Hint: "a Dialer with NetDialer: " + radixV4TLSDialer},
}

const (
	redigoUseTLS  = "%[1]s.DialUseTLS(true)"
	radixV3UseTLS = "%[1]s.DialUseTLS(&%[2]s.Config{MinVersion: %[2]s.VersionTLS12})"
	// radix v4: a tls.Dialer as Dialer.NetDialer, keeping a net.Dialer
	// already there as the tls.Dialer's own.
	radixV4TLSDialer  = "&%[2]s.Dialer{Config: &%[2]s.Config{MinVersion: %[2]s.VersionTLS12}}"
	radixV4WrapDialer = "&%[2]s.Dialer{NetDialer: %[3]s, Config: &%[2]s.Config{MinVersion: %[2]s.VersionTLS12}}"
)

// OptionKind says what a dial option does for TLS.
type OptionKind int

const (
	OptOther OptionKind = iota
	// optUseTLS(bool) turns TLS on or off (redigo DialUseTLS).
	OptUseTLS
	// optUseTLSConfig(*tls.Config) turns TLS on with that config, which is
	// judged like any other; nil means Go's defaults (radix v3 DialUseTLS).
	OptUseTLSConfig
	// optSkipVerify(bool) turns verification off once TLS is on, unless
	// an optTLSConfig replaces it (redigo DialTLSSkipVerify).
	OptSkipVerify
	// optTLSConfig(*tls.Config) is the config TLS uses when on (redigo
	// DialTLSConfig).
	OptTLSConfig
	// optDialer(func) replaces the dialer: user code decides the transport.
	OptDialer
	// optConnFunc(func) carries the function that makes each connection
	// (radix v3 PoolConnFunc, ClusterPoolFunc): TLS is whatever that
	// function does; silent unless it provably dials in plaintext.
	OptConnFunc
	// optNetDialer is a field holding the dialer of the network
	// connection (radix v4 Dialer.NetDialer): a *tls.Dialer turns TLS on
	// with its Config (judged); a *net.Dialer, or none, is plain; any
	// other value decides by itself.
	OptNetDialer
	// optNested is a field holding another options struct whose fields
	// are read in turn (radix v4 PoolConfig.Dialer).
	OptNested
)

// A DialField is a field of a receiver struct (DialAPI.Recv, or a struct
// it nests) that matters for TLS.
type DialField struct {
	Pkgs     []string
	In, Name string
	Kind     OptionKind
}

// A DialOption is a function making a dial option that matters for TLS.
type DialOption struct {
	Pkgs []string
	Name string
	Kind OptionKind
}

// A LocalAddrMethod returns the address of an in-process test server.
type LocalAddrMethod struct{ Pkg, Recv, Name string }

// DialFields are the fields of receiver structs (DialAPI.Recv, and the
// structs they nest) that matter for TLS; every other field of those
// structs does nothing for TLS.
var DialFields = []DialField{
	{radixV4, "Dialer", "NetDialer", OptNetDialer},
	{radixV4, "Dialer", "CustomConn", OptDialer},
	{radixV4, "PoolConfig", "Dialer", OptNested},
	{radixV4, "PoolConfig", "CustomPool", OptDialer},
	{radixV4, "ClusterConfig", "PoolConfig", OptNested},
}

var DialOptions = []DialOption{
	{redigo, "DialUseTLS", OptUseTLS},
	{redigo, "DialTLSSkipVerify", OptSkipVerify},
	{redigo, "DialTLSConfig", OptTLSConfig},
	{redigo, "DialNetDial", OptDialer},
	{redigoCtx, "DialContextFunc", OptDialer},
	{radixV3, "DialUseTLS", OptUseTLSConfig},
	{radixV3, "PoolConnFunc", OptConnFunc},
	{radixV3, "ClusterPoolFunc", OptConnFunc},
	{radixV3, "SentinelConnFunc", OptConnFunc},
	{radixV3, "SentinelPoolFunc", OptConnFunc},
}

// LocalAddrMethods return addresses of in-process test servers, which are
// on this machine.
var LocalAddrMethods = []LocalAddrMethod{
	{"github.com/alicebob/miniredis/v2", "Miniredis", "Addr"},
	{"github.com/alicebob/miniredis", "Miniredis", "Addr"},
	// testcontainers: a container started by the test itself.
	{"github.com/testcontainers/testcontainers-go", "Container", "Endpoint"},
	{"github.com/testcontainers/testcontainers-go", "Container", "PortEndpoint"},
	{"github.com/testcontainers/testcontainers-go", "DockerContainer", "Endpoint"},
	{"github.com/testcontainers/testcontainers-go", "DockerContainer", "PortEndpoint"},
}

// clientPackages lists every import path the table knows.
func clientPackages() []string {
	seen := map[string]bool{}
	var out []string
	add := func(ps []string) {
		for _, p := range ps {
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	for _, t := range OptionsTypes {
		add(t.Pkgs)
	}
	for _, u := range URLParsers {
		add(u.Pkgs)
	}
	for _, d := range DialAPIs {
		add(d.Pkgs)
	}
	for _, f := range DialFields {
		add(f.Pkgs)
	}
	return out
}

var clientPackageSet = func() map[string]bool {
	m := map[string]bool{}
	for _, p := range clientPackages() {
		m[p] = true
	}
	return m
}()

// IsClientPackage reports whether path is a Redis client library the
// analyzer knows.
func IsClientPackage(path string) bool { return clientPackageSet[path] }

// IsKnownLibrary reports whether path is a library whose API the table
// describes: a Redis client or a test server. Drivers never analyse these
// for facts; the analyzer reads their calls through the table.
func IsKnownLibrary(path string) bool { return knownLibrarySet[path] }

var knownLibrarySet = func() map[string]bool {
	m := maps.Clone(clientPackageSet)
	for _, lm := range LocalAddrMethods {
		m[lm.Pkg] = true
	}
	return m
}()
