package skipverify

import (
	"crypto/tls"
	"os"

	"github.com/redis/go-redis/v9"
)

// Justified by a comment: the team decided it.

func herokuSameLine() *redis.Client {
	return redis.NewClient(&redis.Options{
		Addr:      os.Getenv("REDIS_ADDR"),
		TLSConfig: &tls.Config{InsecureSkipVerify: true}, // Heroku Redis uses self-signed certificates.
	})
}

func herokuLineAbove() *redis.Client {
	return redis.NewClient(&redis.Options{
		Addr: os.Getenv("REDIS_ADDR"),
		TLSConfig: &tls.Config{
			// Heroku Redis presents a self-signed certificate:
			// https://devcenter.heroku.com/articles/connecting-heroku-redis#connecting-in-go
			InsecureSkipVerify: true,
		},
	})
}

func nolintWithReason() *redis.Client {
	return redis.NewClient(&redis.Options{
		Addr:      os.Getenv("REDIS_ADDR"),
		TLSConfig: &tls.Config{InsecureSkipVerify: true}, //nolint:gosec // private CA rotated by the provider; pinned elsewhere
	})
}

// Not justified: a trailing comment on the line above belongs to that line.
func trailingCommentAbove() *redis.Client {
	return redis.NewClient(&redis.Options{
		Addr:      os.Getenv("REDIS_ADDR"),               // primary
		TLSConfig: &tls.Config{InsecureSkipVerify: true}, // want `InsecureSkipVerify`
	})
}

// Not justified: a bare nolint says nothing about why.
func bareNolint() *redis.Client {
	return redis.NewClient(&redis.Options{
		Addr:      os.Getenv("REDIS_ADDR"),
		TLSConfig: &tls.Config{InsecureSkipVerify: true}, //nolint:gosec // want `InsecureSkipVerify`
	})
}

// Ignore directives work for every category.
func ignored() *redis.Client {
	//redistlslint:ignore the sidecar terminates TLS on this pod
	return redis.NewClient(&redis.Options{Addr: "redis-proxy.example.com:6379"})
}

func ignoreWithoutReason() *redis.Client {
	//redistlslint:ignore // want `redistlslint:ignore needs a reason`
	return redis.NewClient(&redis.Options{Addr: "redis-proxy.example.com:6379"}) // want `plaintext`
}
