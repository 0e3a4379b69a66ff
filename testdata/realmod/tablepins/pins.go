// Package tablepins imports every client package the analyzer's table
// names, so that testdata/realmod/go.mod pins each at the version the
// table is checked against (TestTableMatchesLibraries).
package tablepins

import (
	_ "github.com/garyburd/redigo/redis"
	_ "github.com/go-redis/redis"
	_ "github.com/go-redis/redis/v7"
	_ "github.com/go-redis/redis/v8"
	_ "github.com/gomodule/redigo/redis"
	_ "github.com/hibiken/asynq"
	_ "github.com/mediocregopher/radix/v3"
	_ "github.com/mediocregopher/radix/v4"
	_ "github.com/redis/go-redis/v9"
	_ "github.com/redis/rueidis"
	_ "github.com/rueian/rueidis"
	_ "github.com/valkey-io/valkey-go"
	_ "gopkg.in/redis.v3"
	_ "gopkg.in/redis.v4"
	_ "gopkg.in/redis.v5"
)
