package apiruntime

import (
	"fmt"
	"io"
	"net/http"
)

// DefaultMaxResponseBytes bounds the answers a transport reads when no
// WithMaxResponseBytes option says otherwise: decoding JSON costs a few
// times the body in memory, so a hostile or broken server sending
// gigabytes would otherwise take the client down.
const DefaultMaxResponseBytes = 64 << 20

// ResponseTooLargeError is an answer longer than the transport's limit;
// nothing of it is decoded.
type ResponseTooLargeError struct {
	Operation string
	Method    string
	// URL is the request's, without query or user info.
	URL   string
	Limit int64
}

func (e *ResponseTooLargeError) Error() string {
	return fmt.Sprintf("%s: %s %s: answer is larger than the limit of %d bytes (raise it with WithMaxResponseBytes)", e.Operation, e.Method, e.URL, e.Limit)
}

// ReadBody reads and closes resp's body, at most limit bytes (≤ 0: the
// default); a longer body is a *ResponseTooLargeError, found from its
// Content-Length before reading when the server sends one.
func ReadBody(req *Request, resp *http.Response, limit int64) ([]byte, error) {
	defer resp.Body.Close()
	if limit <= 0 {
		limit = DefaultMaxResponseBytes
	}
	if resp.ContentLength > limit {
		return nil, tooLarge(req, resp, limit)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: read response: %w", req.Operation, err)
	}
	if int64(len(body)) > limit {
		return nil, tooLarge(req, resp, limit)
	}
	return body, nil
}

func tooLarge(req *Request, resp *http.Response, limit int64) error {
	e := &ResponseTooLargeError{Operation: req.Operation, Method: req.Method, Limit: limit}
	if r := resp.Request; r != nil {
		e.Method, e.URL = r.Method, SafeURL(r.URL)
	}
	return e
}
