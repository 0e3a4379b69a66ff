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
