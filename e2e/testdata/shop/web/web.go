// Package web uses the shop's cache wrapper; it imports no Redis client
// itself, and the finding is here, at the call.
package web

import "example.com/shop/rediscache"

// Cache connects to the managed cache, forgetting TLS.
func Cache() {
	rediscache.New(rediscache.Config{Addr: "cache.example.com:6379"})
}

// Secure turns TLS on.
func Secure() {
	rediscache.New(rediscache.Config{Addr: "cache.example.com:6379", TLS: true})
}
