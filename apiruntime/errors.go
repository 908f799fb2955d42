package apiruntime

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
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
	// Header is the answer's headers (rate limits, Retry-After).
	Header http.Header
	Body   []byte
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

// ErrorResponse is a failed answer whose body is a documented error
// response, decoded into T (Stripe's error object, GitHub's basic-error).
// errors.As finds it by T, and through Unwrap the *APIError with the raw
// status, headers and body. Its text is the APIError's, so it holds no
// secret the transport redacted.
type ErrorResponse[T any] struct {
	*APIError
	Value T
}

func (e *ErrorResponse[T]) Error() string { return e.APIError.Error() }

func (e *ErrorResponse[T]) Unwrap() error { return e.APIError }

// ErrorCase is one documented error response of an operation.
type ErrorCase struct {
	// Code is the status as the spec writes it: "404", "4XX" or "default".
	Code string
	// Decode turns the raw error into a typed one (DecodeError[T]).
	Decode func(*APIError) error
}

// DecodeError decodes e's body as JSON into T and returns it as an
// *ErrorResponse[T]; a body that is not JSON, or does not decode, leaves
// e as it is.
func DecodeError[T any](e *APIError) error {
	body := bytes.TrimSpace(e.Body)
	if len(body) == 0 {
		return e
	}
	if mt := MediaType(e.Header.Get("Content-Type")); mt != "" && !IsJSON(mt) && body[0] != '{' && body[0] != '[' {
		return e
	}
	var v T
	if err := json.Unmarshal(body, &v); err != nil {
		return e
	}
	return &ErrorResponse[T]{APIError: e, Value: v}
}

// TypedError returns err with its *APIError decoded by the case matching
// its status: the exact code first, then the class ("4XX"), then
// "default". Other errors, and statuses no case documents, are returned
// as they are.
func TypedError(err error, cases []ErrorCase) error {
	var ae *APIError
	if len(cases) == 0 || !errors.As(err, &ae) {
		return err
	}
	code := strconv.Itoa(ae.StatusCode)
	for _, want := range []string{code, code[:1] + "XX", "default"} {
		for _, c := range cases {
			if strings.EqualFold(c.Code, want) && c.Decode != nil {
				return c.Decode(ae)
			}
		}
	}
	return err
}
