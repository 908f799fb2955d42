package version

import "testing"

// The one table both the IR and the runtime are held to.
func TestCompare(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"4.10.0", "4.9.1", 1}, // numeric, not lexical
		{"4.9.1", "4.10.0", -1},
		{"0.6", "4.1.0", -1},
		{"5.2", "5.2.0", 0}, // one release, two spellings
		{"1.8.0", "1.8", 0},
		{"2.0.0", "2.0.0", 0},
		{"v3", "3", 0},
		{" 3.1 ", "3.1", 0},
		{"", "0.6", -1},
		{"", "0", -1}, // unknown is not version 0
		{"0.6", "", 1},
		{"", "", 0},
		{"5.0.0.RELEASE", "5.0.0", 1}, // a word after the numbers sorts after them
		{"1.9.x", "1.9.10", 1},
		{"4.6.0-rc1", "4.6.0-rc2", -1},
	} {
		if got := Compare(c.a, c.b); got != c.want {
			t.Errorf("Compare(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := Compare(c.b, c.a); got != -c.want {
			t.Errorf("Compare(%q, %q) = %d, want %d (not antisymmetric)", c.b, c.a, got, -c.want)
		}
	}
}

func TestOrderIsTotal(t *testing.T) {
	vs := []string{"5.2", "5.2.0", "v5.2", "", "4.10", "4.9.1", "x", "5.2.0.0"}
	for _, a := range vs {
		for _, b := range vs {
			if (Order(a, b) == 0) != (a == b) {
				t.Errorf("Order(%q, %q) = %d", a, b, Order(a, b))
			}
			if Order(a, b) != -Order(b, a) {
				t.Errorf("Order(%q, %q) not antisymmetric", a, b)
			}
			for _, c := range vs {
				if Order(a, b) < 0 && Order(b, c) < 0 && Order(a, c) >= 0 {
					t.Errorf("Order not transitive: %q < %q < %q", a, b, c)
				}
			}
		}
	}
}
