package apiruntime

import (
	"net/url"
	"strings"
)

// Path expands a path template: Path("/pets/{id}", "id", 5) is "/pets/5".
// Each value is formatted plainly (strings, named string enums, numbers,
// bools, pointers followed) and escaped as one path segment, so a value
// holding "/" or "?" cannot change which resource is addressed. A nil value
// expands to "". A trailing name without a value is ignored.
func Path(template string, kv ...any) string {
	if len(kv) < 2 {
		return template
	}
	pairs := make([]string, 0, len(kv))
	for i := 0; i+1 < len(kv); i += 2 {
		name, _ := kv[i].(string)
		s, _ := formatValue(kv[i+1])
		pairs = append(pairs, "{"+name+"}", url.PathEscape(s))
	}
	// One pass, so an expanded value that looks like "{other}" is never
	// expanded again.
	return strings.NewReplacer(pairs...).Replace(template)
}
