package driver

import "testing"

// Known libraries (clients and the test servers the table describes) and
// the packages below them are never analysed for facts; only clients make
// a root consume facts.
func TestScopeKnownLibraries(t *testing.T) {
	for _, tc := range []struct {
		path          string
		known, client bool
	}{
		{"github.com/redis/go-redis/v9", true, true},
		{"github.com/redis/go-redis/v9/internal/pool", true, false},
		{"github.com/alicebob/miniredis/v2", true, false},
		{"github.com/alicebob/miniredis/v2/server", true, false},
		{"github.com/testcontainers/testcontainers-go/modules/redis", true, false},
		{"example.com/app/tlsutil", false, false},
		{"github.com/alicebob/miniredisx", false, false},
	} {
		if got := redisScope.inClientTree(tc.path); got != tc.known {
			t.Errorf("inClientTree(%q) = %v, want %v", tc.path, got, tc.known)
		}
		if got := redisScope.IsClient(tc.path); got != tc.client {
			t.Errorf("IsClient(%q) = %v, want %v", tc.path, got, tc.client)
		}
	}
}
