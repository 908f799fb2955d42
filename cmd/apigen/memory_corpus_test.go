package main

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/apigen-dev/apigen/internal/gocheck"
)

// TestCorpusCloudTowerPeakRSS: generating CloudTower 4.6.0, the largest
// spec of the corpus, peaks well under a quarter of the memory oapi-codegen
// v2.8.2 takes for it (340–370 MiB in make bench; issue 16): the loader
// drops the spec's bytes once parsed, the parsers' models are collected
// before rendering, and the source tree and scalar field types are small.
// One run's peak moves by ±8 MiB with where the collector happens to run,
// so the least of three is held to 82 MiB: before those changes it was
// 84–86 MiB, after them 70–77.
func TestCorpusCloudTowerPeakRSS(t *testing.T) {
	spec := filepath.Join(gocheck.CorpusDir(t), "openapi", "cloudtower", "4.6.0-swagger.json")
	least := int64(-1)
	for range 3 {
		code, stderr, rss := runBounded(t, 2*time.Minute, "generate", "--force", "-o", filepath.Join(t.TempDir(), "tower"), "-p", "tower", spec)
		if code != exitOK {
			t.Fatalf("exit %d:\n%s", code, stderr)
		}
		if rss < 0 {
			t.Fatal("no peak RSS: this test reads /proc/self/status")
		}
		t.Logf("peak RSS %.1f MiB", float64(rss)/(1<<20))
		if least < 0 || rss < least {
			least = rss
		}
	}
	const limit = 82 << 20
	if least > limit {
		t.Errorf("least peak RSS of three runs %.1f MiB, over %d MiB", float64(least)/(1<<20), limit>>20)
	}
}
