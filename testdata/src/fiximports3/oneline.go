package fiximports3

// The import block opens on the line of its first spec: crypto/tls goes
// before "os" on a line of its own (as cryptotls: thirdparty.go takes tls).
import ("os"
	"github.com/redis/go-redis/v9"
)

func oneLine() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")}) // want `plaintext`
}
