package apiruntime

import (
	"net/url"
	"strings"
)

// WithServer lets calls that the spec sends to another server (an
// operation's or path's own servers entry, such as Stripe's
// https://files.stripe.com/ for uploads) go there, with the transport's
// credentials. Only origins named this way are ever used: without it such
// calls go to the base URL, so no credential reaches a host the caller
// did not configure. A relative servers entry ("/v2") needs no option; it
// is resolved against the base URL.
func WithServer(serverURL string) Option {
	return func(cfg *Config) { cfg.Servers = append(cfg.Servers, serverURL) }
}

// endpointFor is the endpoint req goes to: the base URL's, unless
// req.Server names a relative path (resolved on the base's origin) or an
// origin the caller allowed with WithServer.
func (t *HTTPTransport) endpointFor(req *Request) (*Endpoint, error) {
	if req.Server == "" {
		return t.endpoint, nil
	}
	srv, err := url.Parse(strings.TrimSpace(req.Server))
	if err != nil {
		return nil, urlError("server", req.Server, "does not parse")
	}
	base := t.endpoint.Base()
	if srv.Host == "" {
		// Relative to the base URL (RFC 3986), but only its path is
		// taken: the origin stays the base's, and no dot segment may
		// climb out of the base path (as JoinURL refuses for paths).
		if err := checkPath(srv.Path, srv.Path); err != nil {
			return nil, urlError("server", req.Server, err.(*URLError).Reason)
		}
		ref := &url.URL{Path: srv.Path, RawPath: srv.RawPath}
		if !strings.HasSuffix(base.Path, "/") {
			base.Path += "/"
			base.RawPath = ""
		}
		u, err := ResolveLocation(base, base.ResolveReference(ref).EscapedPath())
		if err != nil {
			return nil, err
		}
		return t.endpointAt(u), nil
	}
	for _, allowed := range t.cfg.Servers {
		a, err := ParseBaseURL(allowed)
		if err == nil && SameOrigin(a, srv) && srv.User == nil {
			u, err := ParseBaseURL(srv.String())
			if err != nil {
				return nil, err
			}
			return t.endpointAt(u), nil
		}
	}
	// Another host the caller did not allow: the base URL serves it
	// (mocks and proxies serve every path on one origin).
	return t.endpoint, nil
}

func (t *HTTPTransport) endpointAt(u *url.URL) *Endpoint {
	return &Endpoint{base: u, client: t.endpoint.client, limit: t.endpoint.limit}
}
