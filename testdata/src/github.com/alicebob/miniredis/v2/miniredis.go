// Package miniredis is a stub for tests.
package miniredis

type Miniredis struct{}

func Run() (*Miniredis, error)      { return &Miniredis{}, nil }
func RunT(t interface{}) *Miniredis { return &Miniredis{} }
func (m *Miniredis) Addr() string   { return "127.0.0.1:0" }
func (m *Miniredis) Close()         {}
