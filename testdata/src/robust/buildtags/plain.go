//go:build !redistlslint_never
// +build !redistlslint_never

package buildtags

import "github.com/redis/go-redis/v9"

// An old-style build constraint on a file that is built.
var Remote = redis.NewClient(&redis.Options{Addr: "cache.example.com:6379"}) // want `plaintext`
