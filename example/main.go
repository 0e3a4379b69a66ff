// Command example is a small Heroku-style web service that keeps a cache,
// a job queue and sessions in Redis. It is redistlslint's demo: run
// `cd example && go tool redistlslint ./...` from the repository root.
package main

import (
	"log"
	"net/http"
	"os"

	"github.com/redistlslint/redistlslint/example/cache"
	"github.com/redistlslint/redistlslint/example/jobs"
	"github.com/redistlslint/redistlslint/example/sessions"
)

func main() {
	c := cache.New()
	defer c.Close()
	pages, err := cache.FromURL()
	if err != nil {
		log.Fatal(err)
	}
	defer pages.Close()
	q := jobs.NewClient()
	defer q.Close()
	s := sessions.NewStore()
	defer s.Close()

	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if err := c.Ping(r.Context()).Err(); err != nil {
			http.Error(w, err.Error(), http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ok\n"))
	})
	log.Fatal(http.ListenAndServe(":"+os.Getenv("PORT"), nil))
}
