// Package flow holds the value-flow cases: TLS configs, options and URLs
// that travel through closures, generics, maps, aliases, clones and
// built strings before they reach a Redis client.
package flow

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/url"
	"os"

	"example.com/tlsgen"
	"github.com/redis/go-redis/v9"
)

var addr = os.Getenv("REDIS_ADDR")

// Closures and immediately invoked function literals.

func closure() *redis.Client {
	mk := func() *tls.Config {
		return &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify: true turns off Redis certificate checks`
	}
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: mk()})
}

func immediate() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: func() *tls.Config {
		return &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify: true`
	}()})
}

func closureSafe() *redis.Client {
	mk := func() *tls.Config { return &tls.Config{MinVersion: tls.VersionTLS12} }
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: mk()})
}

// Methods of user types.

type tlsFactory struct{ insecure bool }

func (f tlsFactory) Config() *tls.Config { // want Config:`insecureTLS`
	return &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify: true`
}

func (f *tlsFactory) Switch() *tls.Config {
	return &tls.Config{InsecureSkipVerify: f.insecure} // an operator's switch
}

func method() *redis.Client {
	var f tlsFactory
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: f.Config()})
}

func methodSwitch(f *tlsFactory) *redis.Client {
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: f.Switch()})
}

// Generic helpers, in this package and another.

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func insecureTLS() (*tls.Config, error) {
	return &tls.Config{InsecureSkipVerify: true}, nil // want `InsecureSkipVerify: true`
}

func verifiedTLS() (*tls.Config, error) {
	return &tls.Config{MinVersion: tls.VersionTLS12}, nil
}

func genericLocal() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: must(insecureTLS())})
}

func genericLocalSafe() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: must(verifiedTLS())})
}

func firstNonNil[T any](vals ...*T) *T {
	for _, v := range vals {
		if v != nil {
			return v
		}
	}
	return nil
}

func genericDefault(custom *tls.Config) *redis.Client {
	fallback := &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify: true`
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: firstNonNil(custom, fallback)})
}

func genericRemote() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: tlsgen.Must(tlsgen.Insecure())}) // want `TLS config from tlsgen.Insecure`
}

func genericRemoteDefault(custom *tls.Config) *redis.Client {
	fallback := &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify: true`
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: tlsgen.FirstNonNil(custom, fallback)})
}

func genericRemoteSafe(custom *tls.Config) *redis.Client {
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: tlsgen.FirstNonNil(custom, tlsgen.Verified)})
}

// Maps and slices of configs.

var regions = map[string]*tls.Config{
	"us": {MinVersion: tls.VersionTLS12},
	"eu": {InsecureSkipVerify: true}, // want `InsecureSkipVerify: true`
}

func fromMap(region string) *redis.Client {
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: regions[region]})
}

var unusedRegions = map[string]*tls.Config{
	"eu": {InsecureSkipVerify: true}, // no Redis client uses this map
}

func fromSlice(i int) *redis.Client {
	configs := []*tls.Config{
		{MinVersion: tls.VersionTLS12},
		{MinVersion: tls.VersionTLS10}, // want `below 1.2`
	}
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: configs[i]})
}

func mapAssigned(region string) *redis.Client {
	m := map[string]*tls.Config{}
	m["eu"] = &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify: true`
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: m[region]})
}

func ranged() {
	for _, cfg := range []*tls.Config{{InsecureSkipVerify: true}} { // want `InsecureSkipVerify: true`
		_ = redis.NewClient(&redis.Options{Addr: addr, TLSConfig: cfg})
	}
}

func remoteMap(region string) *redis.Client {
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: tlsgen.Regions[region]}) // want `TLS config from tlsgen.Regions`
}

func remoteInit() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: tlsgen.Default}) // want `TLS config from tlsgen.Default`
}

// Pointer aliases and field paths.

func aliasOfOptions() *redis.Client {
	opt, _ := redis.ParseURL(os.Getenv("REDIS_URL"))
	t := opt.TLSConfig
	t.InsecureSkipVerify = true // want `certificate check`
	return redis.NewClient(opt)
}

func fromTransport() *redis.Client {
	tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} // want `InsecureSkipVerify: true`
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: tr.TLSClientConfig})
}

func transportOnly() *http.Client {
	tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} // gosec's business
	return &http.Client{Transport: tr}
}

type settings struct {
	Redis struct {
		TLS *tls.Config
	}
}

func fromUserStruct() *redis.Client {
	var s settings
	s.Redis.TLS = &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify: true`
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: s.Redis.TLS})
}

// Clone followed by overrides.

var base = &tls.Config{InsecureSkipVerify: true} // used by HTTP only: not reported

func cloneVerified() *redis.Client {
	c := base.Clone()
	c.InsecureSkipVerify = false
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: c})
}

func cloneInsecure() *redis.Client {
	c := http.DefaultTransport.(*http.Transport).TLSClientConfig.Clone()
	c.InsecureSkipVerify = true // want `InsecureSkipVerify: true`
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: c})
}

var insecureBase = &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify: true`

func cloneKept() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: insecureBase.Clone()})
}

// Verification hooks that do real work.

func pinned(pin []byte) *redis.Client {
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: &tls.Config{
		InsecureSkipVerify: true,
		VerifyPeerCertificate: func(raw [][]byte, _ [][]*x509.Certificate) error {
			if len(raw) == 0 || string(raw[0]) != string(pin) {
				return errors.New("certificate does not match the pin")
			}
			return nil
		},
	}})
}

func chainWithoutHost(pool *x509.CertPool) *redis.Client {
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: &tls.Config{
		InsecureSkipVerify: true,
		RootCAs:            pool,
		VerifyConnection: func(cs tls.ConnectionState) error {
			opts := x509.VerifyOptions{Roots: pool, Intermediates: x509.NewCertPool()}
			for _, cert := range cs.PeerCertificates[1:] {
				opts.Intermediates.AddCert(cert)
			}
			_, err := cs.PeerCertificates[0].Verify(opts)
			return err
		},
	}})
}

func verifyChain(cs tls.ConnectionState) error {
	_, err := cs.PeerCertificates[0].Verify(x509.VerifyOptions{})
	return err
}

func namedHook() *redis.Client {
	cfg := &tls.Config{InsecureSkipVerify: true}
	cfg.VerifyConnection = verifyChain
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: cfg})
}

func hookOnlyNil() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: &tls.Config{
		InsecureSkipVerify: true, // want `with a VerifyPeerCertificate that never rejects`
		VerifyPeerCertificate: func([][]byte, [][]*x509.Certificate) error {
			return nil
		},
	}})
}

func hookOnlyLogs() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: &tls.Config{
		InsecureSkipVerify: true, // want `with a VerifyConnection that never rejects`
		VerifyConnection: func(cs tls.ConnectionState) error {
			log.Printf("redis TLS to %s", cs.ServerName)
			return nil
		},
	}})
}

// MaxVersion.

func maxWeak() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: &tls.Config{
		MaxVersion: tls.VersionTLS11, // want `MaxVersion tls.VersionTLS11`
	}})
}

func maxFine() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: &tls.Config{MaxVersion: tls.VersionTLS12}})
}

// TLS set after construction, through the client.

func setLater(cfg *tls.Config) *redis.Client {
	rdb := redis.NewClient(&redis.Options{Addr: addr})
	rdb.Options().TLSConfig = cfg
	return rdb
}

func setLaterInsecure() *redis.Client {
	rdb := redis.NewClient(&redis.Options{Addr: addr})
	rdb.Options().TLSConfig = &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify: true`
	return rdb
}

// URLs built from a constant scheme and run-time parts.

func sprintfURL(host string, port int) (*redis.Options, error) {
	return redis.ParseURL(fmt.Sprintf("redis://%s:%d/0", host, port)) // want `the URL "redis://%s:%d/0" uses redis://`
}

func concatURL(host string) (*redis.Options, error) {
	u := "redis://" + host + ":6379" // want `uses redis://`
	return redis.ParseURL(u)
}

func structURL(host string) (*redis.Options, error) {
	u := url.URL{Scheme: "redis", Host: host} // want `uses redis://`
	return redis.ParseURL(u.String())
}

func structURLPtr(host string) (*redis.Options, error) {
	return redis.ParseURL((&url.URL{Scheme: "redis", Host: host}).String()) // want `uses redis://`
}

func builtSkipVerify(host, pw string) (*redis.Options, error) {
	return redis.ParseURL(fmt.Sprintf("rediss://:%s@%s:6380?skip_verify=true", pw, host)) // want `skip_verify`
}

func builtSecure(host string) (*redis.Options, error) {
	return redis.ParseURL(fmt.Sprintf("rediss://%s:6380", host))
}

func builtLocal(port int) (*redis.Options, error) {
	return redis.ParseURL(fmt.Sprintf("redis://localhost:%d", port))
}

func builtSchemeFromConfig(scheme, host string) (*redis.Options, error) {
	return redis.ParseURL(scheme + "://" + host)
}

func mustOpts(o *redis.Options, err error) *redis.Options {
	if err != nil {
		panic(err)
	}
	return o
}

func wrappedParser() *redis.Client {
	return redis.NewClient(mustOpts(redis.ParseURL("redis://cache.example.com:6379"))) // want `uses redis://`
}

func wrappedParserTLSLater(cfg *tls.Config) *redis.Client {
	o := mustOpts(redis.ParseURL("redis://cache.example.com:6379"))
	o.TLSConfig = cfg
	return redis.NewClient(o)
}

// URLs made by helpers and closures.

func plainURL(host string) string {
	return "redis://" + host + ":6379" // want `uses redis://`
}

func urlFromHelper(host string) (*redis.Options, error) {
	return redis.ParseURL(plainURL(host))
}

func urlFromClosure(host string) (*redis.Options, error) {
	mk := func() string { return fmt.Sprintf("rediss://%s:6380?skip_verify=1", host) } // want `skip_verify`
	return redis.ParseURL(mk())
}

func urlEitherWay(host string, secure bool) (*redis.Options, error) {
	u := "redis://" + host
	if secure {
		u = "rediss://" + host
	}
	return redis.ParseURL(u) // two possible schemes: not judged
}

// Parameters given a value in the body: the default is this function's.

func withDefaultTLS(addr string, cfg *tls.Config) *redis.Client {
	if cfg == nil {
		cfg = &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify`
	}
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: cfg})
}

func withVerifiedDefault(addr string, cfg *tls.Config) *redis.Client {
	if cfg == nil {
		cfg = &tls.Config{MinVersion: tls.VersionTLS12}
	}
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: cfg})
}

func namedResult() (cfg *tls.Config) {
	cfg = &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify`
	return
}

func fromNamedResult(addr string) *redis.Client {
	return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: namedResult()})
}
