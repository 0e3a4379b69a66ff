//go:build ignore

// A program in the package directory that is never built; it does not
// even type-check with the package.
package main

import "github.com/redis/go-redis/v9"

func main() {
	redis.NewClient(&redis.Options{Addr: undefined})
}
