package idioms

import (
	"time"

	redigo "github.com/gomodule/redigo/redis"
)

// Class 12: redigo's older DialTimeout has no TLS option at all.

// DialOld dials with the older API for its caller.
func DialOld(addr string) (redigo.Conn, error) { // want DialOld:`clients\(redigo\.DialTimeout at .* addrs=\[0\] noTLS\)`
	return redigo.DialTimeout("tcp", addr, time.Second, time.Second, time.Second) // want `DialTimeout to addr`
}

func useOldAPI() {
	redigo.DialTimeout("tcp", "cache.prod:6379", time.Second, time.Second, time.Second) // want `redigo.DialTimeout to "cache.prod:6379"`
	redigo.DialTimeout("tcp", "localhost:6379", time.Second, time.Second, time.Second)
	redigo.DialTimeout("unix", "/run/redis.sock", time.Second, time.Second, time.Second)
	DialOld("localhost:6379")
}
