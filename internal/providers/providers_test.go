package providers

import "testing"

func TestLookup(t *testing.T) {
	for _, tc := range []struct {
		host   string
		name   string
		public bool
	}{
		{"my-cache.abc123.ng.0001.use1.cache.amazonaws.com:6379", "Amazon ElastiCache", true},
		{"master.my-rg.abc123.use1.cache.amazonaws.com", "Amazon ElastiCache", true},
		{"my-cache-abc123.serverless.use1.cache.amazonaws.com:6379", "Amazon ElastiCache", true},
		{"MyCache.Redis.Cache.Windows.Net:6380", "Azure Cache for Redis", true},
		{"mycache.westeurope.redis.azure.net:10000", "Azure Managed Redis", true},
		{"eu1-fine-fox-12345.upstash.io:6379", "Upstash", true},
		{"redis-12345.c1.us-east-1-2.ec2.redns.redis-cloud.com:12345", "Redis Cloud", false},
		{"redis-12345.c1.us-east-1-2.ec2.cloud.redislabs.com:12345", "Redis Cloud", false},
		{"db-redis-nyc1-12345-do-user-1-0.b.db.ondigitalocean.com:25061", "DigitalOcean Managed Redis", false},
		{"ec2-3-1-2-3.compute-1.amazonaws.com:12345", "Heroku Redis", false},
		{"ec2-3-1-2-3.eu-west-1.compute.amazonaws.com", "Heroku Redis", false},
		{"ip-10-0-0-1.compute.amazonaws.com:17890", "Heroku Redis", false},
		{"ip-10-0-0-1.compute.amazonaws.com:6379", "", false},
		{"cache.amazonaws.com", "", false},
		{"cache.example.com:6379", "", false},
		{"10.0.0.3:6378", "", false},
		{"[::1]:6379", "", false},
		{"", "", false},
		{"evil-upstash.io", "", false},
	} {
		p := Lookup(tc.host)
		name := ""
		if p != nil {
			name = p.Name
		}
		if name != tc.name || p.Public() != tc.public {
			t.Errorf("Lookup(%q) = %q public=%v, want %q public=%v", tc.host, name, p.Public(), tc.name, tc.public)
		}
	}
}

func TestRequirement(t *testing.T) {
	if got := Lookup("x.redis.cache.windows.net").Requirement(); got != "requires TLS on port 6380" {
		t.Errorf("Azure: %q", got)
	}
	if got := Lookup("x.upstash.io").Requirement(); got != "requires TLS" {
		t.Errorf("Upstash: %q", got)
	}
	if got := Lookup("ec2-1-2-3-4.compute-1.amazonaws.com").Certificate(); got != "a self-signed certificate" {
		t.Errorf("Heroku: %q", got)
	}
}

func TestTable(t *testing.T) {
	for _, p := range Table {
		if p.Name == "" || len(p.Suffixes) == 0 || p.Note == "" {
			t.Errorf("incomplete row %+v", p)
		}
		for _, s := range p.Suffixes {
			if s[0] != '.' || s != toLower(s) {
				t.Errorf("%s: suffix %q must be lower case and start with a dot", p.Name, s)
			}
		}
	}
}

func toLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
