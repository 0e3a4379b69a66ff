package analyzer

import "testing"

// TestEnvconfigKey checks the names kelseyhightower/envconfig gives
// untagged fields (its README's examples).
func TestEnvconfigKey(t *testing.T) {
	for _, c := range []struct {
		field string
		split bool
		want  string
	}{
		{"RedisURL", true, "REDIS_URL"},
		{"MultiWordVar", true, "MULTI_WORD_VAR"},
		{"APIKey", true, "API_KEY"},
		{"CacheAddr", false, "CACHEADDR"},
		{"Addr", true, "ADDR"},
	} {
		if got := envconfigKey(c.field, c.split); got != c.want {
			t.Errorf("envconfigKey(%q, %v) = %q, want %q", c.field, c.split, got, c.want)
		}
	}
}
