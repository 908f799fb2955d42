package growth

import (
	"runtime"
	"testing"
	"time"
)

// MaxRatio is how many times longer a tenfold input may take: 10 for a
// linear pass, about 12 for n log n at the sizes tests use, 100 for a
// quadratic one.
const MaxRatio = 15

// Ratio is how many times more CPU time f(10n) takes than f(n): the least
// of runs timings of each, taken in turns so whatever disturbs one size
// disturbs the other too.
func Ratio(f func(n int), n, runs int) float64 {
	small, big := time.Duration(1<<62), time.Duration(1<<62)
	for range runs {
		small = min(small, timed(f, n))
		big = min(big, timed(f, 10*n))
	}
	return float64(big) / float64(max(small, 1))
}

func timed(f func(int), n int) time.Duration {
	runtime.GC() // the previous run's garbage is not this one's cost
	start := cpuTime()
	f(n)
	return cpuTime() - start
}

// Check fails t when f(10n) takes more than MaxRatio times f(n). n should
// make f(n) take a few milliseconds, so fixed costs do not flatter the
// ratio and timer noise does not spoil it.
func Check(t testing.TB, what string, n int, f func(n int)) {
	t.Helper()
	// A slow pass is slow every time; a disturbed measurement seldom
	// repeats, so the best of three attempts is kept.
	r := Ratio(f, n, 3)
	for try := 1; try < 3 && r > MaxRatio; try++ {
		r = min(r, Ratio(f, n, 3))
	}
	t.Logf("%s: n=%d → 10n costs %.1f×", what, n, r)
	if r > MaxRatio {
		t.Errorf("%s: 10× the input (n=%d) takes %.1f× the time, want at most %d× (quadratic?)", what, n, r, MaxRatio)
	}
}

// CheckCount fails t when f(10n) counts more than MaxRatio times the
// operations f(n) does: for passes whose cost is best counted (probes of a
// map), since the time of map-heavy code grows faster than its work once
// the map outgrows the CPU's caches.
func CheckCount(t testing.TB, what string, n int, f func(n int) int) {
	t.Helper()
	small, big := f(n), f(10*n)
	r := float64(big) / float64(max(small, 1))
	t.Logf("%s: n=%d → 10n counts %.1f×", what, n, r)
	if r > MaxRatio {
		t.Errorf("%s: 10× the input (n=%d) counts %.1f× the operations, want at most %d× (quadratic?)", what, n, r, MaxRatio)
	}
}

// Times runs f k times a call: for a pass one run of which is too short
// for the CPU clock to time well.
func Times(k int, f func(n int)) func(n int) {
	return func(n int) {
		for range k {
			f(n)
		}
	}
}
