package radixv3cases

import (
	"os"

	"github.com/mediocregopher/radix/v3"
)

// The fix imports crypto/tls.
func dialNoImport() (radix.Conn, error) {
	return radix.Dial("tcp", os.Getenv("CACHE_ADDR")) // want `radix.Dial to os.Getenv\("CACHE_ADDR"\)`
}
