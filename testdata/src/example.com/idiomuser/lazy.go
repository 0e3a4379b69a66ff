package idiomuser

import (
	"context"
	"crypto/tls"
	"os"

	"example.com/idioms"
)

// Class 6 from another package: a literal of a type that connects on
// first use is judged like the value a constructor returns.

func useLazy(ctx context.Context, c *tls.Config) {
	l1 := &idioms.Lazy{Addr: "cache.prod:6379"} // want `idioms.Lazy connects on first use .* to "cache.prod:6379" without TLS`
	l1.Ping(ctx)
	_ = &idioms.Lazy{Addr: os.Getenv("REDIS_ADDR")} // want `idioms.Lazy connects on first use`
	_ = &idioms.Lazy{Addr: "localhost:6379"}
	_ = &idioms.Lazy{}
	(&idioms.Lazy{Addr: "cache.prod:6379", TLS: c}).Ping(ctx)
	_ = &idioms.Lazy{Addr: "cache.prod:6379", TLS: &tls.Config{InsecureSkipVerify: true}}   // want `InsecureSkipVerify`
	_ = idioms.Lazy{Addr: "localhost:6379", TLS: &tls.Config{MinVersion: tls.VersionTLS10}} // want `below 1.2`
	l2 := &idioms.Lazy{Addr: "cache.prod:6379"}
	l2.TLS = c
	l2.Ping(ctx)
	_ = &idioms.LazySwitch{Host: "cache.prod:6379"} // want `idioms.LazySwitch connects on first use .*; set UseTLS to true`
	_ = &idioms.LazySwitch{Host: "cache.prod:6379", UseTLS: true}
	_ = &idioms.LazyConfigured{Addr: "cache.prod:6379"}
	_ = &idioms.LazyClient{Addr: "cache.prod:6379"} // want `idioms.LazyClient connects on first use .* that can never use TLS`
}
