package idiomuser

import (
	"crypto/tls"

	"example.com/idioms"
)

// Order within the library's function: only the caller's config reaches
// the client (issue 21, class 8).
func useProbed() {
	idioms.NewProbed("cache.prod:6379", nil) // want `without TLS`
	idioms.NewProbed("cache.prod:6379", &tls.Config{MinVersion: tls.VersionTLS12})
	idioms.NewProbed("cache.prod:6379", &tls.Config{MinVersion: tls.VersionTLS10}) // want `below 1.2`
	idioms.NewProbed("cache.prod:6379", &tls.Config{InsecureSkipVerify: true})     // want `InsecureSkipVerify`
	idioms.NewProbed("localhost:6379", nil)
	idioms.NewProbedAfter("cache.prod:6379", &tls.Config{MinVersion: tls.VersionTLS12})
}
