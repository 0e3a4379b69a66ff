// Package skipfix: removing a skip-verify is offered as a fix only when
// the target is a managed provider whose certificate chains to public
// roots (no -fix-skip-verify here).
package skipfix

import (
	"crypto/tls"
	"os"

	redigo "github.com/gomodule/redigo/redis"
	"github.com/redis/go-redis/v9"
)

// Public-CA providers: the fix is attached.

func elastiCache() *redis.Client {
	return redis.NewClient(&redis.Options{
		Addr:      "master.my-cache.abc123.use1.cache.amazonaws.com:6379",
		TLSConfig: &tls.Config{InsecureSkipVerify: true}, // want `InsecureSkipVerify: true turns off Redis certificate checks; Amazon ElastiCache has a public-CA certificate: remove it`
	})
}

func azure() *redis.ClusterClient {
	return redis.NewClusterClient(&redis.ClusterOptions{
		Addrs:     []string{"mycache.redis.cache.windows.net:6380"},
		TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: true}, // want `Azure Cache for Redis has a public-CA certificate: remove it`
	})
}

func upstashURL() (*redis.Options, error) {
	return redis.ParseURL("rediss://default:secret@eu1-fine-fox-12345.upstash.io:6379?skip_verify=true") // want `skip_verify in the URL .* Upstash has a public-CA certificate: remove it`
}

func redigoElastiCache() (redigo.Conn, error) {
	return redigo.Dial("tcp", "my-cache.serverless.use1.cache.amazonaws.com:6379",
		redigo.DialUseTLS(true),
		redigo.DialTLSSkipVerify(true), // want `redigo.DialTLSSkipVerify\(true\) turns off Redis certificate checks; Amazon ElastiCache`
	)
}

// Self-signed or private-CA providers, and unknown targets: no fix; the
// message advises pinning on a provider that needs it.

func heroku() *redis.Client {
	return redis.NewClient(&redis.Options{
		Addr:      "ec2-3-1-2-3.compute-1.amazonaws.com:12345",
		TLSConfig: &tls.Config{InsecureSkipVerify: true}, // want `Heroku Redis has a self-signed certificate: pin it in RootCAs or say why in a comment`
	})
}

func redisCloudURL() (*redis.Options, error) {
	return redis.ParseURL("rediss://redis-12345.c1.us-east-1-2.ec2.redns.redis-cloud.com:12345?skip_verify=true") // want `Redis Cloud has a private-CA certificate: pin its CA`
}

func fromEnv() *redis.Client {
	return redis.NewClient(&redis.Options{
		Addr:      os.Getenv("REDIS_ADDR"),
		TLSConfig: &tls.Config{InsecureSkipVerify: true}, // want `trust its CA via RootCAs or say why in a comment`
	})
}

func unknownHost() *redis.Client {
	return redis.NewClient(&redis.Options{
		Addr:      "cache.example.com:6380",
		TLSConfig: &tls.Config{InsecureSkipVerify: true}, // want `InsecureSkipVerify: true`
	})
}

// One public provider and one unknown host: not every target verifies.
func mixed() *redis.ClusterClient {
	return redis.NewClusterClient(&redis.ClusterOptions{
		Addrs:     []string{"a.cache.amazonaws.com:6379", os.Getenv("REDIS_ADDR")},
		TLSConfig: &tls.Config{InsecureSkipVerify: true}, // want `InsecureSkipVerify: true`
	})
}

func redigoHeroku() (redigo.Conn, error) {
	return redigo.Dial("tcp", "ec2-3-1-2-3.compute-1.amazonaws.com:12345",
		redigo.DialUseTLS(true),
		redigo.DialTLSSkipVerify(true), // want `Heroku Redis has a self-signed certificate`
	)
}

// Missing TLS names what the provider requires.

func azurePlain() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: "mycache.redis.cache.windows.net:6380"}) // want `redis.Options for "mycache.redis.cache.windows.net:6380" has no TLSConfig: plaintext, but Azure Cache for Redis requires TLS on port 6380`
}

func digitalOceanURL() (*redis.Options, error) {
	return redis.ParseURL("redis://db-redis-nyc1-1-do-user-1-0.b.db.ondigitalocean.com:25061") // want `uses redis://: plaintext, but DigitalOcean Managed Redis requires TLS on port 25061; use rediss://`
}

// Turning TLS on for a public-CA provider also drops the skip_verify the
// secure scheme would honour.
func upstashPlain() (*redis.Options, error) {
	return redis.ParseURL("redis://eu1-fine-fox-12345.upstash.io:6379?skip_verify=true") // want `uses redis://: plaintext, but Upstash requires TLS; use rediss://`
}
