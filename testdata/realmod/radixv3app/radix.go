// Package radixv3app uses the real radix v3 module.
package radixv3app

import (
	"crypto/tls"
	"os"
	"time"

	"github.com/mediocregopher/radix/v3"
)

func dial() (radix.Conn, error) {
	return radix.Dial("tcp", os.Getenv("REDIS_ADDR"), radix.DialTimeout(time.Second)) // want `radix.Dial to os.Getenv\("REDIS_ADDR"\) without radix.DialUseTLS`
}

func pool() (*radix.Pool, error) {
	return radix.NewPool("tcp", os.Getenv("REDIS_ADDR"), 10, radix.PoolPingInterval(time.Second)) // want `radix.NewPool to os.Getenv\("REDIS_ADDR"\) without a PoolConnFunc`
}

func cluster(addrs []string) (*radix.Cluster, error) {
	return radix.NewCluster(addrs) // want `radix.NewCluster to addrs without a ClusterPoolFunc`
}

func skipVerify() (radix.Conn, error) {
	return radix.Dial("tcp", os.Getenv("REDIS_ADDR"), radix.DialUseTLS(&tls.Config{InsecureSkipVerify: true})) // want `InsecureSkipVerify: true`
}

func securePool() (*radix.Pool, error) {
	return radix.NewPool("tcp", os.Getenv("REDIS_ADDR"), 10, radix.PoolConnFunc(func(network, addr string) (radix.Conn, error) {
		return radix.Dial(network, addr, radix.DialUseTLS(&tls.Config{MinVersion: tls.VersionTLS12}))
	}))
}
