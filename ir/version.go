package ir

import (
	"strconv"
	"strings"
)

// CompareVersions orders dotted release versions numerically ("4.10.0" after
// "4.9.1"); non-numeric parts compare as strings. "" sorts first.
func CompareVersions(a, b string) int {
	if a == b {
		return 0
	}
	as, bs := strings.Split(strings.TrimPrefix(a, "v"), "."), strings.Split(strings.TrimPrefix(b, "v"), ".")
	for i := 0; i < len(as) || i < len(bs); i++ {
		var x, y string
		if i < len(as) {
			x = as[i]
		}
		if i < len(bs) {
			y = bs[i]
		}
		xi, xerr := strconv.Atoi(x)
		yi, yerr := strconv.Atoi(y)
		switch {
		case xerr == nil && yerr == nil:
			if xi != yi {
				if xi < yi {
					return -1
				}
				return 1
			}
		case x != y:
			if x < y {
				return -1
			}
			return 1
		}
	}
	return 0
}

// EarlierVersion returns the earlier of two since-versions, treating "" as
// unknown rather than earliest.
func EarlierVersion(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	case CompareVersions(b, a) < 0:
		return b
	}
	return a
}
