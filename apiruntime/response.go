package apiruntime

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
)

// Response is what an answer carried besides the decoded value: status,
// headers (request ids, rate limits, Link, X-Total-Count) and the raw
// bytes. A caller asks for it per call with WithResponse, so no custom
// RoundTripper is needed to read a header.
type Response struct {
	StatusCode int
	Header     http.Header
	// Body is the answer as read, when it was read whole; nil for a
	// stream handed to the caller, and redacted like APIError.Body for
	// a failed call.
	Body []byte
	// HTTP is the answer itself; its Body is already consumed (or is the
	// stream the call returned).
	HTTP *http.Response
}

type responseKey struct{}

// WithResponse returns a context whose calls record their answer in r.
// An iterator's calls each overwrite it: while the iterator yields a
// page's items, r holds that page's answer (its Link, rate limits, request
// id). Every WithResponse of the context's chain is filled, so an
// iterator that records pages for itself leaves the caller's r working.
func WithResponse(ctx context.Context, r *Response) context.Context {
	if r == nil {
		return ctx
	}
	outer := recorders(ctx)
	return context.WithValue(ctx, responseKey{}, append(outer[:len(outer):len(outer)], r))
}

// recorders is every Response the context's WithResponse calls asked for,
// outermost first.
func recorders(ctx context.Context) []*Response {
	rs, _ := ctx.Value(responseKey{}).([]*Response)
	return rs
}

// record fills the Responses the request's context asks for, if any.
func record(resp *http.Response, body []byte) {
	if resp.Request == nil {
		return
	}
	for _, r := range recorders(resp.Request.Context()) {
		*r = Response{StatusCode: resp.StatusCode, Header: resp.Header, Body: body, HTTP: resp}
	}
}

// redactRecorded gives recorded failed answers the redacted body.
func redactRecorded(ctx context.Context, err error) {
	var ae *APIError
	if !errors.As(err, &ae) {
		return
	}
	for _, r := range recorders(ctx) {
		r.Body = ae.Body
	}
}

// MediaType is ct's media type, lower-cased and without parameters; ""
// when ct is empty or does not parse.
func MediaType(ct string) string {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return ""
	}
	return mt
}

// IsJSON reports whether media type mt carries JSON (application/json,
// application/problem+json, text/json…).
func IsJSON(mt string) bool {
	return mt == "application/json" || strings.HasSuffix(mt, "+json") || strings.HasSuffix(mt, "/json")
}

// ContentTypeError is a successful answer in a media type the call cannot
// decode into its result (an HTML login page where JSON was documented).
type ContentTypeError struct {
	Operation   string
	ContentType string
	StatusCode  int
}

func (e *ContentTypeError) Error() string {
	return fmt.Sprintf("%s: HTTP %d answer is %q, not JSON", e.Operation, e.StatusCode, e.ContentType)
}

// decodeBody decodes a successful answer into out by the answer's
// Content-Type: *string takes text as is (and a JSON string decoded),
// *[]byte the raw bytes, anything else JSON. A body that is not JSON by
// its Content-Type nor by its first byte is a *ContentTypeError, so an
// HTML page never reads as "invalid character '<'".
func decodeBody(req *Request, resp *http.Response, body []byte, out any) error {
	mt := MediaType(resp.Header.Get("Content-Type"))
	switch o := out.(type) {
	case nil:
		return nil
	case *[]byte:
		*o = body
		return nil
	case *string:
		if !IsJSON(mt) {
			*o = string(body)
			return nil
		}
	}
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return nil
	}
	if mt != "" && !IsJSON(mt) && !strings.Contains(mt, "json") && trimmed[0] != '{' && trimmed[0] != '[' {
		return &ContentTypeError{Operation: req.Operation, ContentType: mt, StatusCode: resp.StatusCode}
	}
	if err := json.Unmarshal(body, out); err != nil {
		return fmt.Errorf("%s: decode response: %w", req.Operation, err)
	}
	return nil
}

// limitedBody is a streamed answer handed to the caller: reading past the
// transport's limit fails with *ResponseTooLargeError instead of going on
// for as long as the server sends.
type limitedBody struct {
	rc     io.ReadCloser
	left   int64
	tooBig func() error
}

func (b *limitedBody) Read(p []byte) (int, error) {
	if b.left <= 0 {
		// One byte more than allowed tells a body exactly at the limit
		// from a longer one.
		var one [1]byte
		if n, _ := b.rc.Read(one[:]); n > 0 {
			return 0, b.tooBig()
		}
		return 0, io.EOF
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.rc.Read(p)
	b.left -= int64(n)
	if err == io.EOF && b.left <= 0 {
		err = nil
	}
	return n, err
}

func (b *limitedBody) Close() error { return b.rc.Close() }
