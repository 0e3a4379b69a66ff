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
	goRedis   = []string{goRedisV9, goRedisV8, goRedisV7, goRedisV6}
	// goRedisUnixAddr are the go-redis versions that treat an Addr
	// starting with "/" as a unix socket (v6 does not).
	goRedisUnixAddr = []string{goRedisV9, goRedisV8, goRedisV7}
	asynq           = []string{"github.com/hibiken/asynq"}
	redigo          = []string{"github.com/gomodule/redigo/redis", "github.com/garyburd/redigo/redis"}
	rueidis         = []string{"github.com/redis/rueidis", "github.com/valkey-io/valkey-go"}
)

// An optionsType is a struct that configures a client's connection.
type optionsType struct {
	pkgs []string
	name string
	// tls is the *tls.Config field; a type without it in some version
	// (v7 RingOptions) is skipped where it lacks the field.
	tls string
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
	{pkgs: goRedis, name: "ClusterOptions", tls: "TLSConfig", addrs: []string{"Addrs"}, dialers: []string{"Dialer", "NewClient", "ClusterSlots"}},
	{pkgs: goRedis, name: "FailoverOptions", tls: "TLSConfig", addrs: []string{"SentinelAddrs"}, dialers: []string{"Dialer"}},
	{pkgs: goRedis, name: "UniversalOptions", tls: "TLSConfig", addrs: []string{"Addrs"}, dialers: []string{"Dialer"}},
	{pkgs: goRedis, name: "RingOptions", tls: "TLSConfig", addrs: []string{"Addrs"}, dialers: []string{"Dialer", "NewClient"}},
	// asynq
	{pkgs: asynq, name: "RedisClientOpt", tls: "TLSConfig", addrs: []string{"Addr"}, network: "Network", unixAddr: true},
	{pkgs: asynq, name: "RedisFailoverClientOpt", tls: "TLSConfig", addrs: []string{"SentinelAddrs"}},
	{pkgs: asynq, name: "RedisClusterClientOpt", tls: "TLSConfig", addrs: []string{"Addrs"}},
	// rueidis, valkey-go
	{pkgs: rueidis, name: "ClientOption", tls: "TLSConfig", addrs: []string{"InitAddress"}, dialers: []string{"DialFn", "DialCtxFn"}},
	{pkgs: rueidis, name: "SentinelOption", tls: "TLSConfig", tlsOnly: true},
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
	// dialOpts is the index of the first variadic redigo DialOption, or -1.
	dialOpts int
}

var urlParsers = []urlParser{
	{pkgs: []string{goRedisV9}, name: "ParseURL", plain: []string{"redis"}, secure: []string{"rediss"}, local: []string{"unix"}, skipVerify: "skip_verify", dialOpts: -1},
	{pkgs: []string{goRedisV8, goRedisV7, goRedisV6}, name: "ParseURL", plain: []string{"redis"}, secure: []string{"rediss"}, local: []string{"unix"}, dialOpts: -1},
	{pkgs: goRedis, name: "ParseClusterURL", plain: []string{"redis"}, secure: []string{"rediss"}, dialOpts: -1},
	{pkgs: []string{goRedisV9}, name: "ParseFailoverURL", plain: []string{"redis"}, secure: []string{"rediss"}, skipVerify: "skip_verify", dialOpts: -1},
	{pkgs: asynq, name: "ParseRedisURI", plain: []string{"redis", "redis-sentinel"}, noFix: []string{"redis-sentinel"}, secure: []string{"rediss"}, local: []string{"redis-socket"}, dialOpts: -1},
	{pkgs: rueidis, name: "ParseURL", plain: []string{"redis", "valkey"}, secure: []string{"rediss", "valkeys"}, local: []string{"unix"}, skipVerify: "skip_verify", skipVerifyEmpty: true, dialOpts: -1},
	{pkgs: rueidis, name: "MustParseURL", plain: []string{"redis", "valkey"}, secure: []string{"rediss", "valkeys"}, local: []string{"unix"}, skipVerify: "skip_verify", skipVerifyEmpty: true, dialOpts: -1},
	{pkgs: redigo, name: "DialURL", plain: []string{"redis", "valkey"}, secure: []string{"rediss", "valkeys"}, schemeDecidesTLS: true, dialOpts: 1},
	{pkgs: redigo, name: "DialURLContext", urlArg: 1, plain: []string{"redis", "valkey"}, secure: []string{"rediss", "valkeys"}, schemeDecidesTLS: true, dialOpts: 2},
}

// A dialFunc connects to an address with variadic options (redigo).
type dialFunc struct {
	pkgs                []string
	name                string
	network, addr, opts int // argument indexes
}

var dialFuncs = []dialFunc{
	{pkgs: redigo, name: "Dial", network: 0, addr: 1, opts: 2},
	{pkgs: redigo, name: "DialContext", network: 1, addr: 2, opts: 3},
}

// dialOptionKind says what a redigo DialOption constructor does for TLS.
type dialOptionKind int

const (
	optOther      dialOptionKind = iota
	optUseTLS                    // DialUseTLS(bool)
	optSkipVerify                // DialTLSSkipVerify(bool)
	optTLSConfig                 // DialTLSConfig(*tls.Config): then DialTLSSkipVerify is ignored
	optDialer                    // a custom dialer decides the transport
)

var dialOptions = []struct {
	pkgs []string
	name string
	kind dialOptionKind
}{
	{redigo, "DialUseTLS", optUseTLS},
	{redigo, "DialTLSSkipVerify", optSkipVerify},
	{redigo, "DialTLSConfig", optTLSConfig},
	{redigo, "DialNetDial", optDialer},
	{redigo, "DialContextFunc", optDialer},
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
	for _, d := range dialFuncs {
		add(d.pkgs)
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
