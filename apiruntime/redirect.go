package apiruntime

import (
	"crypto/tls"
	"errors"
	"fmt"
	"net/http"
)

// RedirectPolicy says which redirects a transport follows. Go's
// http.Client alone would follow any, dropping only Authorization and
// cookies off the host: API-key headers, custom headers and 307/308 bodies
// would go along. So every transport checks each hop itself.
type RedirectPolicy int

const (
	// RedirectSameOrigin, the default, follows redirects that stay on the
	// configured origin (scheme, host and port) and refuses any other with
	// *RedirectError before a byte is sent there.
	RedirectSameOrigin RedirectPolicy = iota
	// RedirectNever follows none: the 3xx answer is returned as the
	// response (a non-2xx answer, so an *APIError or the family's error).
	RedirectNever
)

// maxRedirects is Go's own default limit, kept when the caller's client
// has no CheckRedirect of its own.
const maxRedirects = 10

// RedirectError is a redirect the policy refused. It names the target's
// origin only: a Location's path and query may echo credentials.
type RedirectError struct {
	StatusCode int
	// Target is the redirect's scheme://host:port.
	Target string
}

func (e *RedirectError) Error() string {
	return fmt.Sprintf("HTTP %d redirect to %s refused: credentials and bodies stay on the configured origin", e.StatusCode, e.Target)
}

// NewHTTPClient returns a copy of base (or a fresh client when nil) that
// follows only same-origin redirects (RedirectSameOrigin), with TLS
// verification turned off only when insecure is true. See HTTPClient.
func NewHTTPClient(base *http.Client, insecure bool) *http.Client {
	return HTTPClient(base, insecure, RedirectSameOrigin)
}

// HTTPClient returns a copy of base (or a fresh client when nil) for a
// transport: redirects pass policy first, then base's own CheckRedirect
// (or Go's 10-hop limit); insecure turns TLS verification off on base's
// *http.Transport (cloned, never modified in place). A custom RoundTripper
// is kept as is and owns its TLS settings. base and http.DefaultTransport
// are never modified.
func HTTPClient(base *http.Client, insecure bool, policy RedirectPolicy) *http.Client {
	var c http.Client
	if base != nil {
		c = *base
	}
	c.CheckRedirect = checkRedirect(policy, c.CheckRedirect)
	if !insecure {
		return &c
	}
	var tr *http.Transport
	switch rt := c.Transport.(type) {
	case nil:
		tr = http.DefaultTransport.(*http.Transport).Clone()
	case *http.Transport:
		tr = rt.Clone()
	default:
		// A custom RoundTripper owns its TLS settings.
		return &c
	}
	if tr.TLSClientConfig == nil {
		tr.TLSClientConfig = &tls.Config{}
	}
	tr.TLSClientConfig.InsecureSkipVerify = true
	c.Transport = tr
	return &c
}

// checkRedirect applies policy, then the caller's own check. Every first
// request of a transport goes to its configured origin, so via[0] is it.
func checkRedirect(policy RedirectPolicy, next func(*http.Request, []*http.Request) error) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		status := 0
		if req.Response != nil {
			status = req.Response.StatusCode
		}
		switch {
		case policy == RedirectNever:
			return http.ErrUseLastResponse
		case len(via) == 0 || !SameOrigin(via[0].URL, req.URL):
			return &RedirectError{StatusCode: status, Target: Origin(req.URL)}
		case next != nil:
			return next(req, via)
		case len(via) >= maxRedirects:
			return errors.New("stopped after 10 redirects")
		}
		return nil
	}
}
