// Package wrap wraps helpers: the fact travels two packages up.
package wrap

import (
	"crypto/tls"

	"example.com/m/helpers"
)

func Config() *tls.Config { return helpers.Insecure() }
