package urls

import (
	"crypto/tls"
	"os"

	"github.com/redis/go-redis/v9"
)

const prodURL = "redis://default:hunter2@prod.example.com:6379/0" // want `the URL "redis://default:xxxxx@prod.example.com:6379/0" uses redis://`

func fromConst() (*redis.Options, error) { return redis.ParseURL(prodURL) }

func literal() (*redis.Options, error) {
	return redis.ParseURL("redis://cache.example.com:6379") // want `use rediss://`
}

func cluster() (*redis.ClusterOptions, error) {
	return redis.ParseClusterURL("redis://a.example.com:6379?addr=b.example.com:6379") // want `uses redis://`
}

func skipVerify() (*redis.Options, error) {
	return redis.ParseURL("rediss://cache.example.com:6380/0?skip_verify=true&dial_timeout=3s") // want `skip_verify in the URL`
}

func skipVerifyOne() (*redis.FailoverOptions, error) {
	return redis.ParseFailoverURL("rediss://s1.example.com:26379?master_name=m&skip_verify=1") // want `skip_verify`
}

// The fix turns on verified TLS: a skip_verify that redis:// ignores is
// dropped with the switch to rediss://, unless a comment says why.
func plainWithSkipVerify() (*redis.Options, error) {
	return redis.ParseURL("redis://cache.example.com:6379?skip_verify=true&db=1") // want `uses redis://`
}

func plainWithJustifiedSkipVerify() (*redis.Options, error) {
	// The provider's certificate is self-signed and its CA is not published.
	return redis.ParseURL("redis://cache.example.com:6379?skip_verify=true") // want `uses redis://`
}

// Not reported.

func local() (*redis.Options, error) { return redis.ParseURL("redis://localhost:6379/0") }

func unixSocket() (*redis.Options, error) { return redis.ParseURL("unix:///tmp/redis.sock") }

func secure() (*redis.Options, error) { return redis.ParseURL("rediss://cache.example.com:6380") }

func verifyOn() (*redis.Options, error) {
	return redis.ParseURL("rediss://cache.example.com:6380?skip_verify=false")
}

func runtime() (*redis.Options, error) { return redis.ParseURL(os.Getenv("REDIS_URL")) }

func plainThenTLS() (*redis.Client, error) {
	opt, err := redis.ParseURL("redis://cache.example.com:6379")
	if err != nil {
		return nil, err
	}
	opt.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	return redis.NewClient(opt), nil
}

func justifiedSkip() (*redis.Options, error) {
	// Provider's self-signed certificate; CA not published.
	return redis.ParseURL("rediss://cache.example.com:6380?skip_verify=true")
}
