// Package plain has nothing to report.
package plain

import "fmt"

func Hello() { fmt.Println("hello") }
