package apiruntime

import (
	"fmt"
	"mime"
	"strings"
)

// WithContentType sends this call's body labelled ct, one of the media
// types the spec lists for it: an upload documented as image/png,
// image/jpeg… says which this file is. A type the spec does not list (a
// listed "image/*" or "*/*" admits every type it covers) fails the call
// before anything is sent; so does a call without a body to label.
func WithContentType(ct string) CallOption {
	return CallOption{func(r *Request) { r.chosenType = ct }}
}

// bodyContentType is the Content-Type req's body goes with: the caller's
// pick when it is allowed, else req.ContentType, else fallback.
func bodyContentType(req *Request, fallback string) (string, error) {
	if req.chosenType == "" {
		if req.ContentType != "" {
			return req.ContentType, nil
		}
		return fallback, nil
	}
	ct := req.chosenType
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil || strings.Contains(mt, "*") {
		return "", fmt.Errorf("%s: content type %q is not a media type", req.Operation, ct)
	}
	if strings.HasPrefix(mt, "multipart/") {
		return "", fmt.Errorf("%s: content type %q: the multipart encoder sets its own", req.Operation, ct)
	}
	listed := req.ContentTypes
	if len(listed) == 0 && req.ContentType != "" {
		listed = []string{req.ContentType}
	}
	for _, l := range listed {
		if covers(l, mt) {
			return ct, nil
		}
	}
	return "", fmt.Errorf("%s: content type %q is not one the operation takes (%s)", req.Operation, ct, strings.Join(listed, ", "))
}

// covers reports whether the listed media type (possibly "type/*" or
// "*/*", possibly with parameters) admits mt.
func covers(listed, mt string) bool {
	l, _, _ := strings.Cut(listed, ";")
	l = strings.ToLower(strings.TrimSpace(l))
	switch {
	case l == "*/*" || l == mt:
		return true
	case strings.HasSuffix(l, "/*"):
		return strings.HasPrefix(mt, strings.TrimSuffix(l, "*"))
	}
	return false
}
