package growth

import "testing"

// The ratio tells a linear pass from a quadratic one.
func TestRatio(t *testing.T) {
	sink := 0
	linear := func(n int) {
		for i := range n * 1000 {
			sink += i
		}
	}
	quadratic := func(n int) {
		for i := range n * n / 10 {
			sink += i
		}
	}
	if r := Ratio(linear, 1000, 3); r > MaxRatio {
		t.Errorf("linear loop: %.1f×", r)
	}
	if r := Ratio(quadratic, 1000, 3); r < 50 {
		t.Errorf("quadratic loop: %.1f×", r)
	}
	_ = sink
}

// Times calls f k times with the same n.
func TestTimes(t *testing.T) {
	var got []int
	Times(3, func(n int) { got = append(got, n) })(7)
	if len(got) != 3 || got[0] != 7 || got[2] != 7 {
		t.Errorf("calls: %v", got)
	}
}
