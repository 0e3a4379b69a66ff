package driver

import (
	"testing"

	"golang.org/x/tools/go/analysis/unitchecker"
)

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

// Under go vet a known library is skipped as a dependency, but checked
// when it is one of the packages go vet was asked about (vetting asynq
// itself reports what the standalone run reports).
func TestVetRelevantKnownLibrary(t *testing.T) {
	imports := map[string]string{"github.com/redis/go-redis/v9": "github.com/redis/go-redis/v9"}
	for _, tc := range []struct {
		path     string
		vetxOnly bool
		want     bool
	}{
		{"github.com/hibiken/asynq", true, false},
		{"github.com/hibiken/asynq", false, true},
		{"example.com/app", true, true},
		{"example.com/app", false, true},
	} {
		cfg := &unitchecker.Config{ImportPath: tc.path, ModulePath: "m", VetxOnly: tc.vetxOnly, ImportMap: imports}
		if got := redisScope.vetRelevant(cfg); got != tc.want {
			t.Errorf("vetRelevant(%s, VetxOnly=%v) = %v, want %v", tc.path, tc.vetxOnly, got, tc.want)
		}
	}
}
