package irdiff

import (
	"fmt"
	"slices"
	"strings"

	"github.com/apigen-dev/apigen/ir"
)

// bodyMediaTypes compares the media types a request body may be sent as.
// One removed is breaking: a call that picked it (WithContentType) is now
// refused before it is sent, unless a wildcard of the new list ("image/*",
// "*/*") still admits it. One added is a new choice, never breaking. The
// default's own change is body-media-type-changed, not repeated here.
func (d *differ) bodyMediaTypes(o, n *ir.Operation) {
	add := func(c Change) { d.add(opChange(n, c)) }
	from, to := mediaSet(o.Body.MediaTypes, o.Body.ContentType), mediaSet(n.Body.MediaTypes, n.Body.ContentType)
	moved := o.Body.ContentType != n.Body.ContentType
	for _, mt := range from {
		if slices.Contains(to, mt) || (moved && mt == o.Body.ContentType) {
			continue
		}
		breaking, why := true, ": a call that picks it is refused"
		if w := admits(to, mt); w != "" {
			breaking, why = false, ", still admitted by "+w
		}
		add(Change{Kind: BodyMediaRemoved, Breaking: breaking, Where: "body", From: mt,
			Message: fmt.Sprintf("the request body can no longer be sent as %s%s", mt, why)})
	}
	for _, mt := range to {
		if !slices.Contains(from, mt) && !(moved && mt == n.Body.ContentType) {
			add(Change{Kind: BodyMediaAdded, Where: "body", To: mt,
				Message: fmt.Sprintf("the request body can also be sent as %s", mt)})
		}
	}
}

// responseMediaTypes compares the media types a successful answer is
// documented in (what the client sends as Accept). The client decodes an
// answer by the class of its Content-Type: JSON into the result type, text
// into a string, anything else as bytes or a stream. So one removed is
// breaking only when it was the last of the class the old default
// (Response.ContentType) decodes as: the result the caller reads is gone.
// Another removed type was never decoded into the result; one added is
// only offered. The default's own change is response-media-type-changed.
func (d *differ) responseMediaTypes(or, nr *ir.Response, n *ir.Operation) {
	if (or.Type == nil) != (nr.Type == nil) {
		return // the answer's whole body comes or goes: response-type-changed says it
	}
	add := func(c Change) { d.add(opChange(n, c)) }
	from, to := mediaSet(or.MediaTypes, or.ContentType), mediaSet(nr.MediaTypes, nr.ContentType)
	moved := or.ContentType != nr.ContentType && or.ContentType != "" && nr.ContentType != ""
	decoded := decodeClass(or.ContentType)
	for _, mt := range from {
		if slices.Contains(to, mt) || (moved && mt == or.ContentType) {
			continue
		}
		breaking := or.ContentType != "" && decodeClass(mt) == decoded &&
			!slices.ContainsFunc(to, func(t string) bool { return decodeClass(t) == decoded })
		why := ""
		if breaking {
			why = fmt.Sprintf(": no %s answer is left to decode the result from", decoded)
		}
		add(Change{Kind: ResponseMediaRemoved, Breaking: breaking, Where: "response", From: mt,
			Message: fmt.Sprintf("the response is no longer documented as %s%s", mt, why)})
	}
	for _, mt := range to {
		if !slices.Contains(from, mt) && !(moved && mt == nr.ContentType) {
			add(Change{Kind: ResponseMediaAdded, Where: "response", To: mt,
				Message: fmt.Sprintf("the response is also documented as %s", mt)})
		}
	}
}

// mediaSet is the documented media types, or the default alone when the
// docs list no others.
func mediaSet(types []string, def string) []string {
	if len(types) > 0 {
		return types
	}
	if def != "" {
		return []string{def}
	}
	return nil
}

// admits returns the wildcard among types ("image/*", "*/*") that covers
// mt, "" when none does.
func admits(types []string, mt string) string {
	major, _, _ := strings.Cut(mediaType(mt), "/")
	for _, t := range types {
		if t := mediaType(t); t == "*/*" || t == major+"/*" {
			return t
		}
	}
	return ""
}

// decodeClass is how a generated client decodes an answer of media type
// mt: "JSON", "text" or "binary".
func decodeClass(mt string) string {
	mt = mediaType(mt)
	switch {
	case mt == "application/json" || strings.HasSuffix(mt, "+json") || strings.HasSuffix(mt, "/json"):
		return "JSON"
	case strings.HasPrefix(mt, "text/"):
		return "text"
	}
	return "binary"
}

// mediaType is mt lower-cased, without parameters.
func mediaType(mt string) string {
	mt, _, _ = strings.Cut(mt, ";")
	return strings.ToLower(strings.TrimSpace(mt))
}
