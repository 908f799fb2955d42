package apiruntime

import (
	"strings"

	"github.com/apigen-dev/apigen/internal/version"
)

// CheckVersion returns an *UnsupportedVersionError when the server's
// version is known and older than since, the first version with the
// operation; nil otherwise, so an unknown version never blocks a call.
func CheckVersion(operation, since, server string) error {
	if since == "" || server == "" || version.Compare(server, since) >= 0 {
		return nil
	}
	return &UnsupportedVersionError{Operation: operation, Since: since, Server: server}
}

// NormalizeVersion reduces what a server reports to the dotted numbers
// apiruntime.CheckVersion compares: "v4.6.0" and "4.6.0-rc1+build" become
// "4.6.0", "1.9.x" becomes "1.9". A pre-release counts as its release, as
// it serves that release's API; refusing a call the server has is worse
// than letting the server refuse it. Anything else ("", "latest", an HTML
// page, "404 page not found") gives "", an unknown version.
func NormalizeVersion(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(strings.TrimPrefix(s, "v"), "V")
	end := strings.IndexFunc(s, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
	if end < 0 {
		end = len(s)
	}
	num, rest := strings.TrimRight(s[:end], "."), s[end:]
	switch {
	case num == "" || num[0] == '.' || strings.Contains(num, ".."):
		return ""
	case rest == "", rest[0] == '-', rest[0] == '+':
		return num
	case strings.HasSuffix(s[:end], "."):
		// A qualifier after a dot: "1.9.x", "5.0.0.RELEASE".
		return num
	}
	return ""
}
