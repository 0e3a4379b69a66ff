// Package cgo uses cgo: the analyzer sees the files cgo generates, whose
// positions map back to this file through line directives.
package cgo

/*
#include <stdlib.h>
static int answer(void) { return 42; }
*/
import "C"

import (
	"os"

	"github.com/redis/go-redis/v9"
)

func Answer() int { return int(C.answer()) }

func Client() *redis.Client {
	addr := C.GoString(C.getenv(C.CString("REDIS_ADDR")))
	return redis.NewClient(&redis.Options{Addr: addr}) // want `has no TLSConfig.*\(no fix: cgo file\)$`
}

func FromEnv() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")}) // want `REDIS_ADDR.*\(no fix: cgo file\)$`
}

func Local() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: "localhost:6379"})
}
