package radixv3collide

import (
	"github.com/mediocregopher/radix/v3"
)

// A package-level tls: the fix imports crypto/tls under another name.
var tls = "not crypto/tls"

func pool(addr string) (*radix.Pool, error) {
	return radix.NewPool("tcp", addr, 1) // want `radix.NewPool to addr`
}
