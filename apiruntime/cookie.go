package apiruntime

import (
	"net/http"
	"strings"
)

// AddCookie adds cookie name=v to the request's Cookie header when v is
// set, with AddQuery's skipping rules; a null Nullable sends an empty
// value. Slices are joined with commas, OpenAPI's form style without
// explode. The value is written as net/http writes cookies: characters a
// cookie cannot carry are dropped, and a value with a space or comma is
// quoted. A name a cookie cannot have sends nothing.
func AddCookie(h http.Header, name string, v any) {
	var value string
	if elems, ok := listValues(v); ok {
		parts := make([]string, 0, len(elems))
		for _, e := range elems {
			if s, ok := formatValue(e); ok {
				parts = append(parts, s)
			}
		}
		if len(parts) == 0 {
			return
		}
		value = strings.Join(parts, ",")
	} else {
		s, ok := formatValue(v)
		if !ok {
			return
		}
		value = s
	}
	// Drop what a cookie cannot carry here, as net/http would, but without
	// the log line it writes for each dropped byte.
	value = strings.Map(func(r rune) rune {
		if r < 0x20 || r >= 0x7f || r == '"' || r == ';' || r == '\\' {
			return -1
		}
		return r
	}, value)
	c := (&http.Cookie{Name: name, Value: value}).String()
	if c == "" {
		return
	}
	if prev := h.Get("Cookie"); prev != "" {
		c = prev + "; " + c
	}
	h.Set("Cookie", c)
}
