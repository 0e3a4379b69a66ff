package flow

import (
	"crypto/tls"
	"net/http"

	"github.com/redis/go-redis/v9"
)

// Order within a function: a variable reassigned after one use keeps its
// earlier value at that use, and an unconditional reassignment before a
// use hides the values bound before it. Where order cannot be known
// (loops, closures, address taken) every value counts.

// A skip-verify config for an HTTP client, then a verified one for Redis.
func orderReplacedForRedis() {
	cfg := &tls.Config{InsecureSkipVerify: true}
	_ = &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
	cfg = &tls.Config{MinVersion: tls.VersionTLS12}
	_ = redis.NewClient(&redis.Options{Addr: addr, TLSConfig: cfg})
}

// The same with the order reversed: Redis gets the skip-verify config.
func orderUsedBeforeReplaced() {
	cfg := &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify: true turns off Redis certificate checks`
	_ = redis.NewClient(&redis.Options{Addr: addr, TLSConfig: cfg})
	cfg = &tls.Config{MinVersion: tls.VersionTLS12}
	_ = &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
}

// A reassignment on one branch only: both values reach the client.
func orderBranch(strict bool) {
	cfg := &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify: true turns off Redis certificate checks`
	if strict {
		cfg = &tls.Config{MinVersion: tls.VersionTLS12}
	}
	_ = redis.NewClient(&redis.Options{Addr: addr, TLSConfig: cfg})
}

// A reassignment at the top of the branch the client is built in hides
// the earlier value there.
func orderBranchDominates(strict bool) {
	cfg := &tls.Config{InsecureSkipVerify: true}
	if strict {
		cfg = &tls.Config{MinVersion: tls.VersionTLS12}
		_ = redis.NewClient(&redis.Options{Addr: addr, TLSConfig: cfg})
		return
	}
	_ = &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
}

// In a loop, a value assigned after the use reaches it on the next turn.
func orderLoop(n int) {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	for i := 0; i < n; i++ {
		_ = redis.NewClient(&redis.Options{Addr: addr, TLSConfig: cfg})
		cfg = &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify: true turns off Redis certificate checks`
	}
}

// In a loop, a reassignment before the use in the loop's body hides the
// value assigned after it.
func orderLoopDominated(n int) {
	var cfg *tls.Config
	for i := 0; i < n; i++ {
		cfg = &tls.Config{MinVersion: tls.VersionTLS12}
		_ = redis.NewClient(&redis.Options{Addr: addr, TLSConfig: cfg})
		cfg = &tls.Config{InsecureSkipVerify: true}
		_ = &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
	}
}

// A closure may run at any time: every value counts.
func orderClosure() {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	connect := func() *redis.Client {
		return redis.NewClient(&redis.Options{Addr: addr, TLSConfig: cfg})
	}
	cfg = &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify: true turns off Redis certificate checks`
	_ = connect()
}

// A closure that assigns the variable: every value counts.
func orderAssignedInClosure() {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	insecure := func() { cfg = &tls.Config{InsecureSkipVerify: true} } // want `InsecureSkipVerify: true turns off Redis certificate checks`
	insecure()
	_ = redis.NewClient(&redis.Options{Addr: addr, TLSConfig: cfg})
}

// The address taken: written through a pointer at any time.
func orderAddressTaken() {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	p := &cfg
	_ = redis.NewClient(&redis.Options{Addr: addr, TLSConfig: cfg})
	*p = &tls.Config{MinVersion: tls.VersionTLS12}
	cfg = &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify: true turns off Redis certificate checks`
}

// Options: plaintext options used for a local client, then replaced by
// options with TLS for the remote one.
func orderOptionsReplaced() {
	opts := &redis.Options{Addr: "localhost:6379"}
	_ = redis.NewClient(opts)
	opts = &redis.Options{Addr: addr, TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}}
	_ = redis.NewClient(opts)
}

// A switch: a reassignment at the top of a case hides the earlier value
// in that case.
func orderSwitch(mode string) {
	cfg := &tls.Config{InsecureSkipVerify: true}
	switch mode {
	case "redis":
		cfg = &tls.Config{MinVersion: tls.VersionTLS12}
		_ = redis.NewClient(&redis.Options{Addr: addr, TLSConfig: cfg})
	default:
		_ = &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
	}
}

// Addresses: each client is judged by the address it is given.
func orderAddrLocalFirst() {
	a := "localhost:6379"
	_ = redis.NewClient(&redis.Options{Addr: a})
	a = "cache.example.com:6379"
	_ = redis.NewClient(&redis.Options{Addr: a}) // want `has no TLSConfig: plaintext to a remote Redis`
}

func orderAddrRemoteFirst() {
	a := "cache.example.com:6379"
	_ = redis.NewClient(&redis.Options{Addr: a}) // want `has no TLSConfig: plaintext to a remote Redis`
	a = "localhost:6379"
	_ = redis.NewClient(&redis.Options{Addr: a})
}

// A goto: order is not followed, every value counts.
func orderGoto(retry bool) {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
again:
	_ = redis.NewClient(&redis.Options{Addr: addr, TLSConfig: cfg})
	cfg = &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify: true turns off Redis certificate checks`
	if retry {
		retry = false
		goto again
	}
}

// A value computed from the variable's earlier value: the earlier value
// reaches the use in the assignment.
func orderSelfAssign(strict bool) {
	cfg := &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify: true turns off Redis certificate checks`
	cfg = pick(cfg, strict)
	_ = redis.NewClient(&redis.Options{Addr: addr, TLSConfig: cfg})
}

func pick(c *tls.Config, strict bool) *tls.Config {
	if strict {
		return &tls.Config{MinVersion: tls.VersionTLS12}
	}
	return c
}

// A range loop binds its variable afresh on every turn.
func orderRange(cfgs []*tls.Config) {
	var cfg *tls.Config
	for _, cfg = range cfgs {
		_ = redis.NewClient(&redis.Options{Addr: addr, TLSConfig: cfg})
	}
	cfg = &tls.Config{InsecureSkipVerify: true}
	_ = &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
}
