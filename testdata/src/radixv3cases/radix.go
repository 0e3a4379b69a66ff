package radixv3cases

import (
	"crypto/tls"
	"net"
	"os"
	"time"

	"github.com/mediocregopher/radix/v3"
)

func dial() (radix.Conn, error) {
	return radix.Dial("tcp", os.Getenv("REDIS_ADDR"), radix.DialAuthPass(os.Getenv("REDIS_PASSWORD"))) // want `radix.Dial to os.Getenv\("REDIS_ADDR"\) without radix.DialUseTLS\(&tls.Config\{MinVersion: tls.VersionTLS12\}\)`
}

func dialURL() (radix.Conn, error) {
	return radix.Dial("tcp", "redis://user:secret@cache.example.com:6379/0") // want `radix.Dial to "redis://user:secret@cache.example.com:6379/0"`
}

func pool(addr string) (*radix.Pool, error) {
	return radix.NewPool("tcp", addr, 10) // want `radix.NewPool to addr without a PoolConnFunc whose connections use radix.DialUseTLS`
}

func poolWithOptions(addr string) (*radix.Pool, error) {
	return radix.NewPool("tcp", addr, 10, radix.PoolPingInterval(time.Second)) // want `radix.NewPool to addr`
}

func plainConnFunc(addr string) (*radix.Pool, error) {
	connFunc := func(network, addr string) (radix.Conn, error) {
		return radix.Dial(network, addr, radix.DialTimeout(time.Second), radix.DialAuthPass("x"))
	}
	return radix.NewPool("tcp", addr, 10, radix.PoolConnFunc(connFunc)) // want `radix.NewPool to addr`
}

func plainDialInConnFunc(addr string) (*radix.Pool, error) {
	// The dial itself is reported: once.
	return radix.NewPool("tcp", addr, 10, radix.PoolConnFunc(func(network, a string) (radix.Conn, error) {
		return radix.Dial("tcp", a) // want `radix.Dial to a without radix.DialUseTLS`
	}))
}

func cluster() (*radix.Cluster, error) {
	return radix.NewCluster([]string{"node1.example.com:6379", "node2.example.com:6379"}) // want `radix.NewCluster to "node1.example.com:6379", \.\.\. without a ClusterPoolFunc`
}

func clusterPlainPools(addrs []string) (*radix.Cluster, error) {
	return radix.NewCluster(addrs, radix.ClusterPoolFunc(func(network, addr string) (radix.Client, error) { // want `radix.NewCluster to addrs`
		return radix.NewPool(network, addr, 4, radix.PoolPingInterval(time.Second))
	}))
}

func sentinel(addrs []string) (*radix.Sentinel, error) {
	return radix.NewSentinel("mymaster", addrs) // want `radix.NewSentinel to addrs without SentinelConnFunc and SentinelPoolFunc`
}

func optionSlice(addr string) (radix.Conn, error) {
	opts := []radix.DialOpt{radix.DialSelectDB(1)}
	return radix.Dial("tcp", addr, opts...) // want `radix.Dial to addr`
}

// The TLS config given to DialUseTLS is judged.

func skipVerify(addr string) (radix.Conn, error) {
	return radix.Dial("tcp", addr, radix.DialUseTLS(&tls.Config{InsecureSkipVerify: true})) // want `InsecureSkipVerify: true`
}

func weak(addr string) (radix.Conn, error) {
	cfg := &tls.Config{MinVersion: tls.VersionTLS10} // want `below 1.2`
	return radix.Dial("tcp", addr, radix.DialUseTLS(cfg))
}

// Not reported.

func secure(addr string) (radix.Conn, error) {
	return radix.Dial("tcp", addr, radix.DialUseTLS(&tls.Config{MinVersion: tls.VersionTLS12}))
}

func secureDefaults(addr string) (radix.Conn, error) {
	return radix.Dial("tcp", addr, radix.DialAuthPass("x"), radix.DialUseTLS(nil))
}

func tlsConnFunc(network, addr string) (radix.Conn, error) {
	return radix.Dial(network, addr, radix.DialUseTLS(&tls.Config{}))
}

func securePool(addr string) (*radix.Pool, error) {
	return radix.NewPool("tcp", addr, 10, radix.PoolConnFunc(tlsConnFunc))
}

func secureCluster(addrs []string) (*radix.Cluster, error) {
	return radix.NewCluster(addrs, radix.ClusterPoolFunc(func(network, addr string) (radix.Client, error) {
		return radix.NewPool(network, addr, 4, radix.PoolConnFunc(tlsConnFunc))
	}))
}

func customConnFunc(addr string) (*radix.Pool, error) {
	// User code makes the connection: it decides.
	return radix.NewPool("tcp", addr, 10, radix.PoolConnFunc(func(network, addr string) (radix.Conn, error) {
		c, err := tls.Dial(network, addr, &tls.Config{})
		if err != nil {
			return nil, err
		}
		return conn{c}, nil
	}))
}

type conn struct{ net.Conn }

func defaultConnFunc(addr string) (*radix.Pool, error) {
	return radix.NewPool("tcp", addr, 10, radix.PoolConnFunc(radix.DefaultConnFunc))
}

func local() (radix.Conn, error) { return radix.Dial("tcp", "127.0.0.1:6379") }

func localURL() (radix.Conn, error) { return radix.Dial("tcp", "redis://localhost:6379/1") }

func socket() (*radix.Pool, error) { return radix.NewPool("unix", "/tmp/redis.sock", 1) }

func localCluster() (*radix.Cluster, error) {
	return radix.NewCluster([]string{"127.0.0.1:7000", "127.0.0.1:7001"})
}

func optionsFromElsewhere(addr string, opts []radix.DialOpt) (radix.Conn, error) {
	return radix.Dial("tcp", addr, opts...)
}
