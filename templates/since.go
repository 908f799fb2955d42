package templates

import "strings"

// sinceNote is the version a "Since:" comment line shows for something
// added in since inside a container (a struct, an operation) added in
// outer: "" when the line would tell nothing — no version, the container's
// own, or one the description already states ("Added in 2.0.0."). The
// since struct tag is written whatever this returns.
func sinceNote(since, outer, desc string) string {
	if since == "" || since == outer || mentions(desc, since) {
		return ""
	}
	return since
}

// mentions reports whether text holds version v as a whole version: not
// inside a longer one (12.0.0, 2.0.0.1), though a full stop may follow
// and a "v" lead (v2.0.0).
func mentions(text, v string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], v)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(v)
		before := start == 0 || !isDigit(text[start-1]) && text[start-1] != '.'
		after := end == len(text) || !isDigit(text[end]) && !(text[end] == '.' && end+1 < len(text) && isDigit(text[end+1]))
		if before && after {
			return true
		}
		i = start + 1
	}
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }
