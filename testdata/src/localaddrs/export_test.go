package localaddrs

import (
	"flag"
	"fmt"
)

var (
	serverHost = flag.String("redis-host", "127.0.0.1", "the test server's host")
	serverPort = flag.Int("redis-port", 16379, "the test server's port")
	sharedHost = flag.String("shared-host", "staging.example.com", "a shared staging Redis")
)

// ServerAddr is the address of the redis-server the tests start
// (exported to package localaddrs_test, as redigo's DefaultServerAddr).
func ServerAddr() (string, error) { // want ServerAddr:"localAddr"
	return fmt.Sprintf("%v:%d", *serverHost, *serverPort), nil
}

func SharedAddr() string { return fmt.Sprintf("%s:%d", *sharedHost, *serverPort) }
