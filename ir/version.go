package ir

import "github.com/apigen-dev/apigen/internal/version"

// CompareVersions orders dotted release versions as the runtime does (see
// internal/version): numerically, "5.2" equal to "5.2.0", "" first.
func CompareVersions(a, b string) int { return version.Compare(a, b) }

// orderVersions is CompareVersions made total, for sorts and picks that
// must not depend on input order when two spellings name one release.
func orderVersions(a, b string) int { return version.Order(a, b) }

// EarlierVersion returns the earlier of two since-versions, treating "" as
// unknown rather than earliest.
func EarlierVersion(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	case orderVersions(b, a) < 0:
		return b
	}
	return a
}
