package apiruntime

import (
	"fmt"
	"strings"
)

// APIError is a non-success HTTP answer. It never holds request headers or
// credentials; Body is the server's answer, cut to a readable size in Error.
type APIError struct {
	Operation  string
	StatusCode int
	Status     string
	// Method and URL of the request; the URL's query is dropped, since
	// signed families carry signatures and keys there.
	Method    string
	URL       string
	RequestID string
	Body      []byte
}

func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s %s: HTTP %d", e.Operation, e.Method, e.URL, e.StatusCode)
	if e.RequestID != "" {
		fmt.Fprintf(&b, " (request id %s)", e.RequestID)
	}
	if body := strings.TrimSpace(string(e.Body)); body != "" {
		if len(body) > 512 {
			body = body[:512] + "…"
		}
		b.WriteString(": ")
		b.WriteString(body)
	}
	return b.String()
}

// ValidationError lists every problem Validate found in a param model, so a
// caller fixes them all at once before any request is sent.
type ValidationError struct {
	Operation string
	Problems  []string
}

func (e *ValidationError) Error() string {
	return e.Operation + ": invalid parameters: " + strings.Join(e.Problems, "; ")
}

// UnsupportedVersionError is returned before sending a call that the server,
// at version Server, is too old for.
type UnsupportedVersionError struct {
	Operation string
	Since     string
	Server    string
}

func (e *UnsupportedVersionError) Error() string {
	return fmt.Sprintf("%s: needs API version %s, server is %s", e.Operation, e.Since, e.Server)
}
