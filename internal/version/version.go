// Package version is the one ordering of dotted release versions that both
// sides of apigen use: the IR, to sort releases and pick since-versions,
// and the runtime, to refuse calls a server is too old for. It imports only
// the standard library, so the IR's contract test still holds through it.
package version

import (
	"cmp"
	"strconv"
	"strings"
)

// Compare orders dotted versions numerically ("4.10.0" after "4.9.1").
// A leading "v" is ignored, missing parts count as 0 ("5.2" equals
// "5.2.0": the same release written two ways), and parts that are not
// numbers compare as strings, after numbers. "" is unknown and sorts
// before every version.
func Compare(a, b string) int {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	switch {
	case a == b:
		return 0
	case a == "":
		return -1
	case b == "":
		return 1
	}
	as := strings.Split(strings.TrimPrefix(a, "v"), ".")
	bs := strings.Split(strings.TrimPrefix(b, "v"), ".")
	for i := 0; i < len(as) || i < len(bs); i++ {
		x, y := "0", "0"
		if i < len(as) {
			x = as[i]
		}
		if i < len(bs) {
			y = bs[i]
		}
		if c := comparePart(x, y); c != 0 {
			return c
		}
	}
	return 0
}

func comparePart(x, y string) int {
	xi, xerr := strconv.Atoi(x)
	yi, yerr := strconv.Atoi(y)
	switch {
	case xerr == nil && yerr == nil:
		return cmp.Compare(xi, yi)
	case xerr == nil:
		return -1
	case yerr == nil:
		return 1
	}
	return strings.Compare(x, y)
}

// Order is Compare made total for sorting: versions Compare calls equal
// but spelled differently ("5.2", "5.2.0", "v5.2") fall back to their
// text, so a sort or a pick of the earliest never depends on input order.
func Order(a, b string) int {
	if c := Compare(a, b); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}
