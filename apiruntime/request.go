package apiruntime

import (
	"context"
	"io"
	"net/http"
	"net/url"
)

// Request is one call as generated code describes it. Transports turn it
// into HTTP: the generic one as is, family ones adding auth, signing,
// async polling or action parameters.
type Request struct {
	// Operation is the operation's wire name, for errors and logs.
	Operation string
	Method    string
	// Path is already expanded and escaped (see Path).
	Path string
	// Query and Header are nil when the call has no parameter there:
	// transports only read them.
	Query  url.Values
	Header http.Header
	// Body, when non-nil, is sent as JSON; RawBody's bytes or Stream's
	// contents (a binary upload, a multipart body) are sent as they are,
	// labelled ContentType. A Stream that is an io.Closer is closed once
	// sent, or when the call fails before sending it.
	Body        any
	RawBody     []byte
	Stream      io.Reader
	ContentType string
	// ContentTypes are the media types the spec lets this body go as
	// ("image/png", "image/*", "*/*"); WithContentType picks one of them
	// for a call instead of ContentType, the first listed.
	ContentTypes []string
	// chosenType is the caller's pick (WithContentType), checked against
	// ContentTypes when the request is built.
	chosenType string
	// length is the Stream's length as the caller gave it
	// (WithContentLength); nil asks the Stream itself (see streamLength).
	length *int64
	// Action and Params carry action-style calls (QingCloud): the transport
	// encodes Params (a generated param struct) itself.
	Action string
	Params any
	// Since is the first API version with this operation; transports that
	// know the server's version refuse calls the server is too old for.
	Since string
	// Auth is false for calls that must go out without credentials (login).
	Auth bool
	// Server is the spec's own server for this operation ("" for the
	// API's): a relative one is resolved against the base URL; one on
	// another origin is used only when the caller allowed it (WithServer).
	Server string
	// Accept lists the media types the spec documents for the answers
	// ("application/json", "text/plain"); it is sent as the Accept header
	// unless the call's own header parameter or WithHeader sets one.
	Accept string
	// Errors are the documented error answers; HTTPTransport decodes a
	// failed answer by them into *ErrorResponse[T] (see TypedError).
	Errors []ErrorCase
	// Extra is what the caller added to this call beyond its param model
	// (CallOption ExtraParam, ExtraHeader, ExtraBodyField): unchecked,
	// never over what the call or the transport's credentials set.
	Extra Extra
	// Wait, when On, asks the transport to return only once the
	// asynchronous work the call started has ended (AndWait).
	Wait Wait
}

// Transport sends a Request and decodes the successful response into out
// (a pointer, or nil to discard): by the answer's Content-Type, JSON into
// the value, text into a *string, bytes into a *[]byte; an *io.ReadCloser
// receives the body as a stream the caller must close. Errors are typed (*APIError and the
// family's own) and never carry secrets.
type Transport interface {
	Do(ctx context.Context, req *Request, out any) error
}

// TransportFunc adapts a function to Transport.
type TransportFunc func(ctx context.Context, req *Request, out any) error

func (f TransportFunc) Do(ctx context.Context, req *Request, out any) error { return f(ctx, req, out) }
