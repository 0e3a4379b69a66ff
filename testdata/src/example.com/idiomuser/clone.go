package idiomuser

import (
	"crypto/tls"

	"example.com/tlsclone"
	"github.com/redis/go-redis/v9"
)

// Clone-and-modify helpers of another package (issue 21, class 9): the
// base the caller gives is judged with what the helper changes.
func useCloneHelpers(skip bool) {
	base := &tls.Config{MinVersion: tls.VersionTLS12}
	insecure := &tls.Config{InsecureSkipVerify: true}                                                     // want `InsecureSkipVerify: true turns off`
	_ = redis.NewClient(&redis.Options{Addr: "cache.prod:6379", TLSConfig: tlsclone.WithoutVerify(base)}) // want `skips verification`
	_ = redis.NewClient(&redis.Options{Addr: "cache.prod:6379", TLSConfig: tlsclone.Unverified(base)})    // want `skips verification`
	_ = redis.NewClient(&redis.Options{Addr: "cache.prod:6379", TLSConfig: tlsclone.WithServerName(base, "cache.prod")})
	_ = redis.NewClient(&redis.Options{Addr: "cache.prod:6379", TLSConfig: tlsclone.WithServerName(insecure, "cache.prod")})
	_ = redis.NewClient(&redis.Options{Addr: "cache.prod:6379", TLSConfig: tlsclone.Modern(&tls.Config{MinVersion: tls.VersionTLS10})})
	_ = redis.NewClient(&redis.Options{Addr: "cache.prod:6379", TLSConfig: tlsclone.Legacy(base)}) // want `below 1.2`
	_ = redis.NewClient(&redis.Options{Addr: "cache.prod:6379", TLSConfig: tlsclone.Verify(base, false)})
	_ = redis.NewClient(&redis.Options{Addr: "cache.prod:6379", TLSConfig: tlsclone.Verify(base, true)}) // want `skips verification`
	_ = redis.NewClient(&redis.Options{Addr: "cache.prod:6379", TLSConfig: tlsclone.Verify(base, skip)})
	_ = redis.NewClient(&redis.Options{Addr: "cache.prod:6379", TLSConfig: tlsclone.OrDefault(nil)})
	_ = redis.NewClient(&redis.Options{Addr: "cache.prod:6379", TLSConfig: tlsclone.OrDefault(insecure)})
}
