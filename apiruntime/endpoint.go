package apiruntime

import (
	"context"
	"net/http"
	"net/url"
)

// EndpointConfig is the transport-independent part of every transport's
// options: how it reaches the server, not how it authenticates.
type EndpointConfig struct {
	// HTTPClient is the caller's client (timeouts, proxies, tracing, its
	// own RoundTripper); it is copied, never modified.
	HTTPClient         *http.Client
	InsecureSkipVerify bool
	Redirects          RedirectPolicy
	// MaxResponseBytes bounds every answer read; ≤ 0 means
	// DefaultMaxResponseBytes.
	MaxResponseBytes int64
}

// Endpoint is the HTTP core every transport (generic, ZStack, QingCloud,
// CloudTower) sends through: one configured origin, the client that talks
// to it with the redirect policy, and the response limit. Families add
// their auth, signing, jobs and errors on top, so a fix here reaches all.
type Endpoint struct {
	base   *url.URL
	client *http.Client
	limit  int64
}

// NewEndpoint parses base (see ParseBaseURL) and builds the client.
func NewEndpoint(base string, cfg EndpointConfig) (*Endpoint, error) {
	u, err := ParseBaseURL(base)
	if err != nil {
		return nil, err
	}
	return NewEndpointURL(u, cfg), nil
}

// NewEndpointURL is NewEndpoint for an already parsed base URL.
func NewEndpointURL(base *url.URL, cfg EndpointConfig) *Endpoint {
	limit := cfg.MaxResponseBytes
	if limit <= 0 {
		limit = DefaultMaxResponseBytes
	}
	b := *base
	return &Endpoint{
		base:   &b,
		client: HTTPClient(cfg.HTTPClient, cfg.InsecureSkipVerify, cfg.Redirects),
		limit:  limit,
	}
}

// Base returns a copy of the configured base URL.
func (e *Endpoint) Base() *url.URL { b := *e.base; return &b }

// Client returns the client requests go through.
func (e *Endpoint) Client() *http.Client { return e.client }

// URL is JoinURL on the endpoint's base.
func (e *Endpoint) URL(path string, q url.Values) (*url.URL, error) {
	return JoinURL(e.base, path, q)
}

// NewRequest builds req's HTTP request on the endpoint (see NewHTTPRequest).
func (e *Endpoint) NewRequest(ctx context.Context, req *Request) (*http.Request, error) {
	return newHTTPRequest(ctx, e.base, req)
}

// Send sends hreq; a failure to get any answer is wrapped by SendError, so
// it carries no query or user info.
func (e *Endpoint) Send(req *Request, hreq *http.Request) (*http.Response, error) {
	resp, err := e.client.Do(hreq)
	if err != nil {
		return nil, SendError(req, hreq, err)
	}
	return resp, nil
}

// ReadBody reads and closes resp's body within the endpoint's limit.
func (e *Endpoint) ReadBody(req *Request, resp *http.Response) ([]byte, error) {
	return ReadBody(req, resp, e.limit)
}

// ReadResponse is the package's ReadResponse within the endpoint's limit.
func (e *Endpoint) ReadResponse(resp *http.Response, req *Request, out any) error {
	return readResponse(resp, req, out, e.limit)
}
