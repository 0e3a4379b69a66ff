package analyzer

// This file is the knowledge of Redis client libraries, as data. The engine
// (the rest of the package) is written once for all rows: adding a client
// is adding rows here.

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

// An optionsType is a struct that configures a client's connection.
type optionsType struct {
	pkgs []string
	name string
	// tls is the *tls.Config field ("" for a type that has none, see
	// upgrade).
	tls string
	// upgrade, for a type with no TLS field in these versions, is the
	// import path of a version that has one: a finding says the client
	// cannot use TLS and to upgrade; no edit is suggested.
	upgrade string
	// addrs are the fields holding server addresses: string, []string or
	// map[string]string. None set means the library's localhost default.
	addrs []string
	// network is the field that selects "unix" ("" if none).
	network string
	// unixAddr: an address starting with "/" is a unix socket.
	unixAddr bool
	// dialers are fields whose non-nil value replaces the built-in
	// dialer, so TLS is decided by user code we cannot judge.
	dialers []string
	// tlsOnly marks types that hold TLS settings for connections that
	// another type describes (rueidis SentinelOption): their TLS is
	// judged, but a missing TLS config is not reported on them.
	tlsOnly bool
}

var optionsTypes = []optionsType{
	// go-redis
	{pkgs: goRedisUnixAddr, name: "Options", tls: "TLSConfig", addrs: []string{"Addr"}, network: "Network", unixAddr: true, dialers: []string{"Dialer"}},
	{pkgs: []string{goRedisV6}, name: "Options", tls: "TLSConfig", addrs: []string{"Addr"}, network: "Network", dialers: []string{"Dialer"}},
	{pkgs: goRedisUnixAddr, name: "ClusterOptions", tls: "TLSConfig", addrs: []string{"Addrs"}, dialers: []string{"Dialer", "NewClient", "ClusterSlots"}},
	{pkgs: []string{goRedisV6}, name: "ClusterOptions", tls: "TLSConfig", addrs: []string{"Addrs"}, dialers: []string{"ClusterSlots"}},
	{pkgs: goRedisUnixAddr, name: "FailoverOptions", tls: "TLSConfig", addrs: []string{"SentinelAddrs"}, dialers: []string{"Dialer"}},
	{pkgs: []string{goRedisV6}, name: "FailoverOptions", tls: "TLSConfig", addrs: []string{"SentinelAddrs"}},
	{pkgs: goRedisUnixAddr, name: "UniversalOptions", tls: "TLSConfig", addrs: []string{"Addrs"}, dialers: []string{"Dialer"}},
	{pkgs: []string{goRedisV6}, name: "UniversalOptions", tls: "TLSConfig", addrs: []string{"Addrs"}},
	{pkgs: []string{goRedisV9, goRedisV8}, name: "RingOptions", tls: "TLSConfig", addrs: []string{"Addrs"}, dialers: []string{"Dialer", "NewClient"}},
	{pkgs: []string{goRedisV7}, name: "RingOptions", upgrade: goRedisV9, addrs: []string{"Addrs"}, dialers: []string{"NewClient"}},
	{pkgs: []string{goRedisV6}, name: "RingOptions", upgrade: goRedisV9, addrs: []string{"Addrs"}},
	// go-redis at gopkg.in (Options.Addr is never a unix socket there).
	{pkgs: []string{goRedisGopkgV5}, name: "Options", tls: "TLSConfig", addrs: []string{"Addr"}, network: "Network", dialers: []string{"Dialer"}},
	{pkgs: []string{goRedisGopkgV4, goRedisGopkgV3}, name: "Options", upgrade: goRedisV9, addrs: []string{"Addr"}, network: "Network", dialers: []string{"Dialer"}},
	{pkgs: []string{goRedisGopkgV5, goRedisGopkgV4, goRedisGopkgV3}, name: "ClusterOptions", upgrade: goRedisV9, addrs: []string{"Addrs"}},
	{pkgs: []string{goRedisGopkgV5, goRedisGopkgV4, goRedisGopkgV3}, name: "FailoverOptions", upgrade: goRedisV9, addrs: []string{"SentinelAddrs"}},
	{pkgs: []string{goRedisGopkgV5, goRedisGopkgV4, goRedisGopkgV3}, name: "RingOptions", upgrade: goRedisV9, addrs: []string{"Addrs"}},
	// asynq
	{pkgs: asynq, name: "RedisClientOpt", tls: "TLSConfig", addrs: []string{"Addr"}, network: "Network", unixAddr: true},
	{pkgs: asynq, name: "RedisFailoverClientOpt", tls: "TLSConfig", addrs: []string{"SentinelAddrs"}},
	{pkgs: asynq, name: "RedisClusterClientOpt", tls: "TLSConfig", addrs: []string{"Addrs"}},
	// rueidis, valkey-go
	{pkgs: rueidis, name: "ClientOption", tls: "TLSConfig", addrs: []string{"InitAddress"}, dialers: []string{"DialFn", "DialCtxFn"}},
	{pkgs: rueidis, name: "SentinelOption", tls: "TLSConfig", tlsOnly: true},
	{pkgs: rueidisOld, name: "ClientOption", tls: "TLSConfig", addrs: []string{"InitAddress"}},
	{pkgs: rueidisOld, name: "SentinelOption", tls: "TLSConfig", tlsOnly: true},
}

// A urlParser turns a connection URL into options.
type urlParser struct {
	pkgs   []string
	name   string
	urlArg int
	// Schemes by what they mean for TLS.
	plain, secure, local []string
	// noFix lists plain schemes that have no TLS variant.
	noFix []string
	// skipVerify is the query parameter that turns verification off
	// on a secure scheme ("" if the parser has none).
	skipVerify string
	// skipVerifyEmpty: an empty value (?skip_verify) also turns it off.
	skipVerifyEmpty bool
	// schemeDecidesTLS: the scheme overrides any TLS option given
	// alongside the URL (redigo's DialURL appends DialUseTLS last).
	schemeDecidesTLS bool
	// dialOpts is the index of the first variadic dial option (see
	// dialAPI), or -1.
	dialOpts int
}

var urlParsers = []urlParser{
	{pkgs: []string{goRedisV9}, name: "ParseURL", plain: []string{"redis"}, secure: []string{"rediss"}, local: []string{"unix"}, skipVerify: "skip_verify", dialOpts: -1},
	{pkgs: []string{goRedisV8, goRedisV7, goRedisV6}, name: "ParseURL", plain: []string{"redis"}, secure: []string{"rediss"}, local: []string{"unix"}, dialOpts: -1},
	{pkgs: []string{goRedisGopkgV5}, name: "ParseURL", plain: []string{"redis"}, secure: []string{"rediss"}, dialOpts: -1},
	{pkgs: []string{goRedisV9}, name: "ParseClusterURL", plain: []string{"redis"}, secure: []string{"rediss"}, dialOpts: -1},
	{pkgs: []string{goRedisV9}, name: "ParseFailoverURL", plain: []string{"redis"}, secure: []string{"rediss"}, skipVerify: "skip_verify", dialOpts: -1},
	{pkgs: asynq, name: "ParseRedisURI", plain: []string{"redis", "redis-sentinel"}, noFix: []string{"redis-sentinel"}, secure: []string{"rediss"}, local: []string{"redis-socket"}, dialOpts: -1},
	{pkgs: rueidis, name: "ParseURL", plain: []string{"redis", "valkey"}, secure: []string{"rediss", "valkeys"}, local: []string{"unix"}, skipVerify: "skip_verify", skipVerifyEmpty: true, dialOpts: -1},
	{pkgs: rueidis, name: "MustParseURL", plain: []string{"redis", "valkey"}, secure: []string{"rediss", "valkeys"}, local: []string{"unix"}, skipVerify: "skip_verify", skipVerifyEmpty: true, dialOpts: -1},
	{pkgs: redigoCtx, name: "DialURL", plain: []string{"redis", "valkey"}, secure: []string{"rediss", "valkeys"}, schemeDecidesTLS: true, dialOpts: 1},
	{pkgs: []string{"github.com/garyburd/redigo/redis"}, name: "DialURL", plain: []string{"redis"}, secure: []string{"rediss"}, schemeDecidesTLS: true, dialOpts: 1},
	{pkgs: redigoCtx, name: "DialURLContext", urlArg: 1, plain: []string{"redis", "valkey"}, secure: []string{"rediss", "valkeys"}, schemeDecidesTLS: true, dialOpts: 2},
}

// A dialAPI is a call that connects to Redis in a dial style: TLS is off
// unless one of its options turns it on. The options are variadic
// arguments of optType (redigo DialOption, radix v3 DialOpt, PoolOpt,
// ClusterOpt); dialOptions says what each does for TLS, and every other
// option of optType does nothing for TLS.
type dialAPI struct {
	pkgs []string
	// recv is the receiver type of a method whose receiver struct holds
	// the options as fields (radix v4 Dialer.Dial, PoolConfig.New); see
	// dialFields. "" for a function.
	recv string
	name string
	// Argument indexes: network (-1 when there is none: the library dials
	// TCP), addr (a string or a []string of addresses), and the first
	// variadic option (-1 when there are none).
	network, addr, opts int
	// optType names the variadic options' type, declared in pkgs.
	optType string
	// addrURLs are the URL schemes the address argument may use in place
	// of host:port (radix v3 parses "redis://user:pass@host:port/db"); the
	// URL's host is judged.
	addrURLs []string
	// fix turns verified TLS on, as a template: %[1]s stands for the
	// client package's name in the file, %[2]s for crypto/tls's (imported
	// by the fix when missing). With variadic options it is the option
	// the fix appends; with a receiver struct it is the value of field
	// fixField of the fixIn literal; for a function with neither it
	// replaces the called function ("" when no edit does it).
	fix string
	// fixIn and fixField: the struct type and field that fix sets (a
	// receiver struct); fixWrap replaces a plain value already there
	// (%[3]s: that value); fixOuter is added to the receiver literal when
	// it holds no fixIn literal.
	fixIn, fixField, fixWrap, fixOuter string
	// hint, when set, is what the message says to do instead of naming
	// fix (for a long fix, or none); same placeholders.
	hint string
}

var dialAPIs = []dialAPI{
	{pkgs: redigo, name: "Dial", network: 0, addr: 1, opts: 2, optType: "DialOption", fix: redigoUseTLS},
	{pkgs: redigoCtx, name: "DialContext", network: 1, addr: 2, opts: 3, optType: "DialOption", fix: redigoUseTLS},
	// radix v3: Dial, and pools and clusters whose default connection
	// function dials in plaintext (DefaultConnFunc, DefaultClientFunc).
	{pkgs: radixV3, name: "Dial", network: 0, addr: 1, opts: 2, optType: "DialOpt", addrURLs: []string{"redis"}, fix: radixV3UseTLS},
	{pkgs: radixV3, name: "NewPool", network: 0, addr: 1, opts: 3, optType: "PoolOpt", addrURLs: []string{"redis"},
		fix:  "%[1]s.PoolConnFunc(func(network, addr string) (%[1]s.Conn, error) { return %[1]s.Dial(network, addr, " + radixV3UseTLS + ") })",
		hint: "a PoolConnFunc whose connections use " + radixV3UseTLS},
	{pkgs: radixV3, name: "NewCluster", network: -1, addr: 0, opts: 1, optType: "ClusterOpt",
		fix:  "%[1]s.ClusterPoolFunc(func(network, addr string) (%[1]s.Client, error) { return %[1]s.NewPool(network, addr, 4, %[1]s.PoolConnFunc(func(network, addr string) (%[1]s.Conn, error) { return %[1]s.Dial(network, addr, " + radixV3UseTLS + ") })) })",
		hint: "a ClusterPoolFunc whose connections use " + radixV3UseTLS},
	{pkgs: radixV3, name: "NewSentinel", network: -1, addr: 1, opts: 2, optType: "SentinelOpt",
		hint: "SentinelConnFunc and SentinelPoolFunc whose connections use " + radixV3UseTLS},
	// radix v4: the options are the fields of Dialer, PoolConfig and
	// ClusterConfig; Dialer.NetDialer defaults to a *net.Dialer.
	{pkgs: radixV4, recv: "Dialer", name: "Dial", network: 1, addr: 2, opts: -1, addrURLs: []string{"redis"},
		fix: radixV4TLSDialer, fixIn: "Dialer", fixField: "NetDialer", fixWrap: radixV4WrapDialer,
		hint: "NetDialer: " + radixV4TLSDialer},
	{pkgs: radixV4, recv: "PoolConfig", name: "New", network: 1, addr: 2, opts: -1, addrURLs: []string{"redis"},
		fix: radixV4TLSDialer, fixIn: "Dialer", fixField: "NetDialer", fixWrap: radixV4WrapDialer,
		fixOuter: "Dialer: %[1]s.Dialer{NetDialer: " + radixV4TLSDialer + "}",
		hint:     "a Dialer with NetDialer: " + radixV4TLSDialer},
	{pkgs: radixV4, recv: "ClusterConfig", name: "New", network: -1, addr: 1, opts: -1,
		fix: radixV4TLSDialer, fixIn: "Dialer", fixField: "NetDialer", fixWrap: radixV4WrapDialer,
		fixOuter: "PoolConfig: %[1]s.PoolConfig{Dialer: %[1]s.Dialer{NetDialer: " + radixV4TLSDialer + "}}",
		hint:     "a PoolConfig.Dialer with NetDialer: " + radixV4TLSDialer},
	{pkgs: radixV4, name: "Dial", network: 1, addr: 2, opts: -1, addrURLs: []string{"redis"},
		fix:  "(%[1]s.Dialer{NetDialer: " + radixV4TLSDialer + "}).Dial",
		hint: "a Dialer with NetDialer: " + radixV4TLSDialer},
}

const (
	redigoUseTLS  = "%[1]s.DialUseTLS(true)"
	radixV3UseTLS = "%[1]s.DialUseTLS(&%[2]s.Config{MinVersion: %[2]s.VersionTLS12})"
	// radix v4: a tls.Dialer as Dialer.NetDialer, keeping a net.Dialer
	// already there as the tls.Dialer's own.
	radixV4TLSDialer  = "&%[2]s.Dialer{Config: &%[2]s.Config{MinVersion: %[2]s.VersionTLS12}}"
	radixV4WrapDialer = "&%[2]s.Dialer{NetDialer: %[3]s, Config: &%[2]s.Config{MinVersion: %[2]s.VersionTLS12}}"
)

// optionKind says what a dial option does for TLS.
type optionKind int

const (
	optOther optionKind = iota
	// optUseTLS(bool) turns TLS on or off (redigo DialUseTLS).
	optUseTLS
	// optUseTLSConfig(*tls.Config) turns TLS on with that config, which is
	// judged like any other; nil means Go's defaults (radix v3 DialUseTLS).
	optUseTLSConfig
	// optSkipVerify(bool) turns verification off once TLS is on, unless
	// an optTLSConfig replaces it (redigo DialTLSSkipVerify).
	optSkipVerify
	// optTLSConfig(*tls.Config) is the config TLS uses when on (redigo
	// DialTLSConfig).
	optTLSConfig
	// optDialer(func) replaces the dialer: user code decides the transport.
	optDialer
	// optConnFunc(func) carries the function that makes each connection
	// (radix v3 PoolConnFunc, ClusterPoolFunc): TLS is whatever that
	// function does; silent unless it provably dials in plaintext.
	optConnFunc
	// optNetDialer is a field holding the dialer of the network
	// connection (radix v4 Dialer.NetDialer): a *tls.Dialer turns TLS on
	// with its Config (judged); a *net.Dialer, or none, is plain; any
	// other value decides by itself.
	optNetDialer
	// optNested is a field holding another options struct whose fields
	// are read in turn (radix v4 PoolConfig.Dialer).
	optNested
)

// dialFields are the fields of receiver structs (dialAPI.recv, and the
// structs they nest) that matter for TLS; every other field of those
// structs does nothing for TLS.
var dialFields = []struct {
	pkgs     []string
	in, name string
	kind     optionKind
}{
	{radixV4, "Dialer", "NetDialer", optNetDialer},
	{radixV4, "Dialer", "CustomConn", optDialer},
	{radixV4, "PoolConfig", "Dialer", optNested},
	{radixV4, "PoolConfig", "CustomPool", optDialer},
	{radixV4, "ClusterConfig", "PoolConfig", optNested},
}

var dialOptions = []struct {
	pkgs []string
	name string
	kind optionKind
}{
	{redigo, "DialUseTLS", optUseTLS},
	{redigo, "DialTLSSkipVerify", optSkipVerify},
	{redigo, "DialTLSConfig", optTLSConfig},
	{redigo, "DialNetDial", optDialer},
	{redigoCtx, "DialContextFunc", optDialer},
	{radixV3, "DialUseTLS", optUseTLSConfig},
	{radixV3, "PoolConnFunc", optConnFunc},
	{radixV3, "ClusterPoolFunc", optConnFunc},
	{radixV3, "SentinelConnFunc", optConnFunc},
	{radixV3, "SentinelPoolFunc", optConnFunc},
}

// localAddrMethods return addresses of in-process test servers, which are
// on this machine.
var localAddrMethods = []struct{ pkg, recv, name string }{
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
	for _, t := range optionsTypes {
		add(t.pkgs)
	}
	for _, u := range urlParsers {
		add(u.pkgs)
	}
	for _, d := range dialAPIs {
		add(d.pkgs)
	}
	for _, f := range dialFields {
		add(f.pkgs)
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
	for _, lm := range localAddrMethods {
		m[lm.pkg] = true
	}
	return m
}()

// RelevantImport reports whether a package importing path may need
// analysis: it imports a Redis client (findings) or crypto/tls (facts
// about insecure TLS helpers). A package importing neither can be
// skipped without type-checking it.
func RelevantImport(path string) bool { return path == "crypto/tls" || clientPackageSet[path] }
