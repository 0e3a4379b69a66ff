package idiomuser

import (
	"os"

	"example.com/idioms"
)

// Verification switched off by what the call gives.
func useSkipInput() {
	idioms.NewSkippable(idioms.SkipConfig{Addr: "cache.prod:6379", TLS: true, SkipVerify: true}) // want `skips verification`
	idioms.NewSkippable(idioms.SkipConfig{Addr: "cache.prod:6379", TLS: true})
	idioms.NewSkippable(idioms.SkipConfig{Addr: "cache.prod:6379", TLS: true, SkipVerify: os.Getenv("INSECURE") == "1"})
	idioms.NewSkippableArgs("cache.prod:6379", true) // want `skips verification`
	idioms.NewSkippableArgs("cache.prod:6379", false)
	idioms.NewSkippable(idioms.SkipConfig{Addr: "cache.prod:6379", SkipVerify: true}) // want `without TLS`
	idioms.NewSkippable(idioms.SkipConfig{Addr: "localhost:6379", SkipVerify: true})
}
