package idiomuser

import (
	"crypto/tls"

	"example.com/idioms"
)

// Class 7 across packages: TLS decided inside the library by the URL.
func useSchemes(u string) {
	idioms.NewSchemeEq(idioms.SchemeConfig{URL: "redis://cache.prod:6379/0"}) // want `idioms.NewSchemeEq builds a Redis client .* without TLS here; use a rediss:// URL`
	idioms.NewSchemeEq(idioms.SchemeConfig{URL: "rediss://cache.prod:6379/0"})
	idioms.NewSchemeEq(idioms.SchemeConfig{URL: u})
	idioms.NewSchemeEq(idioms.SchemeConfig{URL: "rediss://cache.prod:6379/0", TLSConfig: &tls.Config{InsecureSkipVerify: true}})     // want `InsecureSkipVerify`
	idioms.NewSchemeEq(idioms.SchemeConfig{URL: "rediss://cache.prod:6379/0", TLSConfig: &tls.Config{MaxVersion: tls.VersionTLS11}}) // want `allows only TLS below 1.2`
	idioms.NewSchemeSwitch("redis://cache.prod:6379")                                                                                // want `idioms.NewSchemeSwitch builds a Redis client .* without TLS here`
	idioms.NewSchemeSwitch("rediss://cache.prod:6379")
	idioms.NewSchemeSwitch("redis://localhost:6379")
	idioms.NewSchemePrefix("redis://cache.prod:6379", nil) // want `idioms.NewSchemePrefix builds a Redis client .* without TLS here`
	idioms.NewSchemePrefix("rediss+cluster://cache.prod:6379", nil)
	idioms.NewSchemePrefix("redis://cache.prod:6379", &tls.Config{MinVersion: tls.VersionTLS12})
	idioms.NewRawPrefix("cache.prod:6379") // want `idioms.NewRawPrefix builds a Redis client .*"cache.prod:6379" without TLS here`
	idioms.NewRawPrefix("rediss://cache.prod:6379")
	idioms.NewRawPrefix("127.0.0.1:6379")
	idioms.NewQuery("redis://cache.prod:6379") // want `idioms.NewQuery builds a Redis client .* without TLS here`
	idioms.NewQuery("redis://cache.prod:6379?tls_enabled=true")
	idioms.NewQuery("rediss://cache.prod:6379?skip_verify=true") // want `skip_verify=true in the URL turns off Redis certificate checks in idioms.NewQuery`
	idioms.NewQuery("rediss://cache.prod:6379")
	idioms.NewParsedKeep(idioms.ParsedConfig{URL: "redis://cache.prod:6379"}) // want `idioms.NewParsedKeep builds a Redis client .* without TLS here`
	idioms.NewParsedKeep(idioms.ParsedConfig{URL: "rediss://cache.prod:6379"})
	idioms.NewParsedKeep(idioms.ParsedConfig{URL: "rediss://cache.prod:6379", TLSConfig: &tls.Config{InsecureSkipVerify: true}}) // want `InsecureSkipVerify`
	idioms.NewSchemeRuntime("cache.prod:6379", false)
}
