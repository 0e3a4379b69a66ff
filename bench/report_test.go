package main

import (
	"strings"
	"testing"
	"time"
)

// TestRenderTargets checks the table and the verdicts on made-up numbers
// (the benchmark itself asserts no time).
func TestRenderTargets(t *testing.T) {
	st := func(wall, cpu float64, rssMiB int64) *stats {
		w := time.Duration(wall * float64(time.Second))
		c := time.Duration(cpu * float64(time.Second))
		return &stats{n: 1, wall: w, wallMin: w, wallMax: w, cpu: c, cpuMin: c, cpuMax: c, rss: rssMiB << 20, rssMin: rssMiB << 20, rssMax: rssMiB << 20}
	}
	r := moduleResult{mod: module{Path: "example.com/app/v2", Version: "v2.0.0"}, packages: 3, stats: map[string]*stats{
		kStandalone: st(1.05, 2.4, 100),
		kFloor:      st(1.00, 2.0, 100),
		kGosec:      st(20, 30, 300),
		kVetWarm:    st(10, 10, 50),
		kVetWarmNop: st(10, 10, 50),
		kGoList:     st(0.5, 0.8, 30),
	}}
	table := renderTable([]moduleResult{r})
	for _, want := range []string{
		"| app (3) | redistlslint | 1 | 1.05 | 2.40 | 100 | 1.05× | 1.20× | 1.00× | 19.0× |",
		"|  | go list alone (the checkers' query) | 1 | 0.50 | 0.80 | 30 | 0.50× | 0.40× | 0.30× | 40.0× |",
		"| go vet, warm: noop |",
	} {
		if !strings.Contains(table, want) {
			t.Errorf("table lacks %q:\n%s", want, table)
		}
	}
	if strings.Contains(table, "cold") {
		t.Errorf("table has cold rows without cold runs:\n%s", table)
	}
	targets := renderTargets([]moduleResult{r})
	for _, want := range []string{
		"| standalone ≤ 1.10× floor | 1.05× (app) | 1.20× (app) **missed** |",
		"| ≥ 10× faster than gosec -include=G402 (gosec / redistlslint) | 19.05× (app) | 12.50× (app) |",
		"| go vet, warm: ≤ 1.05× noop | 1.00× (app) | 1.00× (app) |",
		"| app | 40.0× | 19.0× | yes |",
	} {
		if !strings.Contains(targets, want) {
			t.Errorf("targets lack %q:\n%s", want, targets)
		}
	}
}

// TestRenderGolangci checks the golangci-lint table: each configuration
// against the one it is compared with, cold rows before warm.
func TestRenderGolangci(t *testing.T) {
	st := func(wall, cpu float64, rssMiB int64) *stats {
		w := time.Duration(wall * float64(time.Second))
		c := time.Duration(cpu * float64(time.Second))
		return &stats{n: 2, wall: w, wallMin: w, wallMax: w, cpu: c, cpuMin: c, cpuMax: c, rss: rssMiB << 20, rssMin: rssMiB << 20, rssMax: rssMiB << 20}
	}
	r := golangciResult{mod: module{Path: "example.com/app", Version: "v1.0.0"}, packages: 3, runs: 2, stats: map[string]*stats{
		"standard/cold":   st(10, 20, 500),
		"standard+r/cold": st(10.3, 20.6, 510),
		"trivial/cold":    st(2, 3, 200),
		"alone/cold":      st(5.6, 9, 340),
		"standard/warm":   st(1, 1, 100),
	}}
	table := renderGolangci([]golangciResult{r})
	for _, want := range []string{
		"| app (3) | standard linters | cold | 2 | 10.00 | 20.00 | 500 |  |  |  |  |",
		"|  | standard + redistlslint | cold | 2 | 10.30 | 20.60 | 510 | standard linters | 1.03× | 1.03× | 1.02× |",
		"|  | only redistlslint | cold | 2 | 5.60 | 9.00 | 340 | only durationcheck (trivial, type-aware) | 2.80× | 3.00× | 1.70× |",
		"|  | standard linters | warm | 2 | 1.00 |",
	} {
		if !strings.Contains(table, want) {
			t.Errorf("table lacks %q:\n%s", want, table)
		}
	}
	if strings.Index(table, "| cold |") > strings.Index(table, "| warm |") {
		t.Errorf("warm rows before cold rows:\n%s", table)
	}
}
