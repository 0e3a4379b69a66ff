// Package other imports crypto/tls but no client imports it.
package other

import "crypto/tls"

func Insecure() *tls.Config { return &tls.Config{InsecureSkipVerify: true} }
