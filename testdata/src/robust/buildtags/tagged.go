//go:build redistlslint_never

package buildtags

import "github.com/redis/go-redis/v9"

var Never = redis.NewClient(&redis.Options{Addr: "cache.example.com:6379"})
