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

// SetHeader sets header name when v is set, with AddQuery's skipping rules.
// Slices are joined with commas, OpenAPI's "simple" style for headers.
func SetHeader(h http.Header, name string, v any) {
	if elems, ok := listValues(v); ok {
		parts := make([]string, 0, len(elems))
		for _, e := range elems {
			if s, ok := formatValue(e); ok {
				parts = append(parts, s)
			}
		}
		if len(parts) > 0 {
			h.Set(name, strings.Join(parts, ","))
		}
		return
	}
	if s, ok := formatValue(v); ok {
		h.Set(name, s)
	}
}
