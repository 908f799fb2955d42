package apiruntime

import (
	"net/http"
	"net/url"
	"strings"
)

// AddQuery adds parameter name to q when v is set. Unset values — nil, nil
// pointers, absent Nullable, nil or empty slices — add nothing, so an
// optional parameter the caller left alone never reaches the server; a
// null Nullable adds "name=". Slices add one name=value per element
// (repeated keys, OpenAPI's form/explode default and ZStack's q=…&q=…).
func AddQuery(q url.Values, name string, v any) {
	if elems, ok := listValues(v); ok {
		for _, e := range elems {
			if s, ok := formatValue(e); ok {
				q.Add(name, s)
			}
		}
		return
	}
	if s, ok := formatValue(v); ok {
		q.Add(name, s)
	}
}

// AddQueryJoined adds parameter name to q as AddQuery does, except that a
// slice goes as one value joined by sep (OpenAPI's form, spaceDelimited
// and pipeDelimited styles without explode; Swagger 2.0's csv default).
func AddQueryJoined(q url.Values, name, sep string, v any) {
	elems, ok := listValues(v)
	if !ok {
		AddQuery(q, name, v)
		return
	}
	if s, ok := joinValues(elems, sep); ok {
		q.Add(name, s)
	}
}

// joinValues formats the set elements of a list and joins them with sep;
// false when none is set.
func joinValues(elems []any, sep string) (string, bool) {
	parts := make([]string, 0, len(elems))
	for _, e := range elems {
		if s, ok := formatValue(e); ok {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, sep), len(parts) > 0
}

// SetHeader sets header name when v is set, with AddQuery's skipping rules.
// Slices are joined with commas, OpenAPI's "simple" style for headers.
func SetHeader(h http.Header, name string, v any) {
	if elems, ok := listValues(v); ok {
		if s, ok := joinValues(elems, ","); ok {
			h.Set(name, s)
		}
		return
	}
	if s, ok := formatValue(v); ok {
		h.Set(name, s)
	}
}
