package app

import (
	"crypto/tls"
	"testing"
)

func TestInline(t *testing.T) {
	_ = &tls.Config{InsecureSkipVerify: true}
}
