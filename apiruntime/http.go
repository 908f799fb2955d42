package apiruntime

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// Config is what Options set on an HTTPTransport. Credentials live here and
// nowhere else: they are added to each request and scrubbed from errors.
type Config struct {
	HTTPClient *http.Client
	// Header is sent with every request unless the request sets it itself.
	Header http.Header
	// Editors run last on every request, in order (custom auth, tracing).
	Editors []func(ctx context.Context, r *http.Request) error

	BearerToken string
	BasicUser   string
	BasicPass   string
	APIKeys     []APIKey

	// ServerVersion, when known, makes calls newer than it fail early with
	// *UnsupportedVersionError.
	ServerVersion string
	// InsecureSkipVerify turns TLS certificate checks off. Off by default;
	// only WithInsecureSkipVerify sets it.
	InsecureSkipVerify bool
	// Redirects is which redirects are followed (RedirectSameOrigin).
	Redirects RedirectPolicy
	// MaxResponseBytes bounds every answer read (≤ 0: the default).
	MaxResponseBytes int64
	// Servers are the origins besides the base URL that calls may go
	// to when the spec names them for an operation (WithServer).
	Servers []string
}

// APIKey is one API key credential: In is "header", "query" or "cookie".
type APIKey struct{ In, Name, Value string }

// Option configures an HTTPTransport.
type Option func(*Config)

// WithHTTPClient sends requests through c (timeouts, proxies, tracing).
func WithHTTPClient(c *http.Client) Option { return func(cfg *Config) { cfg.HTTPClient = c } }

// WithHeader sends header k: v with every request.
func WithHeader(k, v string) Option {
	return func(cfg *Config) {
		if cfg.Header == nil {
			cfg.Header = http.Header{}
		}
		cfg.Header.Add(k, v)
	}
}

// WithRequestEditor runs fn on every request just before it is sent.
func WithRequestEditor(fn func(ctx context.Context, r *http.Request) error) Option {
	return func(cfg *Config) { cfg.Editors = append(cfg.Editors, fn) }
}

// WithBearerToken sends "Authorization: Bearer tok" on authenticated calls.
func WithBearerToken(tok string) Option { return func(cfg *Config) { cfg.BearerToken = tok } }

// WithBasicAuth sends HTTP basic credentials on authenticated calls.
func WithBasicAuth(user, pass string) Option {
	return func(cfg *Config) { cfg.BasicUser, cfg.BasicPass = user, pass }
}

// WithAPIKey sends an API key on authenticated calls; in is "header",
// "query" or "cookie", as in an OpenAPI apiKey security scheme.
func WithAPIKey(in, name, value string) Option {
	return func(cfg *Config) { cfg.APIKeys = append(cfg.APIKeys, APIKey{In: in, Name: name, Value: value}) }
}

// WithServerVersion declares the server's API version (see CheckVersion).
func WithServerVersion(v string) Option { return func(cfg *Config) { cfg.ServerVersion = v } }

// WithInsecureSkipVerify disables TLS certificate verification, for lab
// servers with self-signed certificates. It is never the default.
func WithInsecureSkipVerify() Option { return func(cfg *Config) { cfg.InsecureSkipVerify = true } }

// WithRedirectPolicy sets which redirects are followed; the default,
// RedirectSameOrigin, never lets credentials or bodies leave the origin.
func WithRedirectPolicy(p RedirectPolicy) Option { return func(cfg *Config) { cfg.Redirects = p } }

// WithMaxResponseBytes bounds every answer read; longer ones fail with
// *ResponseTooLargeError. n ≤ 0 keeps DefaultMaxResponseBytes.
func WithMaxResponseBytes(n int64) Option { return func(cfg *Config) { cfg.MaxResponseBytes = n } }

// HTTPTransport is the Transport for generic OpenAPI clients: it sends each
// Request as is, with the configured credentials, and decodes JSON.
type HTTPTransport struct {
	cfg      Config
	endpoint *Endpoint
	err      error // a bad base URL, reported by every call
}

var _ Transport = (*HTTPTransport)(nil)

// NewHTTP returns a transport sending requests to baseURL
// ("https://api.example.com/v1"; request paths are appended to it, see
// JoinURL). A bad baseURL is reported by every call.
func NewHTTP(baseURL string, opts ...Option) *HTTPTransport {
	t := &HTTPTransport{}
	for _, o := range opts {
		o(&t.cfg)
	}
	t.endpoint, t.err = NewEndpoint(baseURL, EndpointConfig{
		HTTPClient:         t.cfg.HTTPClient,
		InsecureSkipVerify: t.cfg.InsecureSkipVerify,
		Redirects:          t.cfg.Redirects,
		MaxResponseBytes:   t.cfg.MaxResponseBytes,
	})
	return t
}

// Do sends req and decodes a 2xx JSON answer into out.
func (t *HTTPTransport) Do(ctx context.Context, req *Request, out any) error {
	if t.err != nil {
		return fmt.Errorf("%s: %w", req.Operation, t.err)
	}
	if err := CheckVersion(req.Operation, req.Since, t.cfg.ServerVersion); err != nil {
		return err
	}
	if req.Wait.On {
		return fmt.Errorf("%s: %w", req.Operation, ErrCannotWait)
	}
	if err := t.checkExtra(req); err != nil {
		return err
	}
	ep, err := t.endpointFor(req)
	if err != nil {
		return fmt.Errorf("%s: %w", req.Operation, err)
	}
	hreq, err := ep.NewRequest(ctx, req)
	if err != nil {
		return err
	}
	for k, vs := range t.cfg.Header {
		// Configured headers fill what the call did not set; Accept also
		// replaces the spec's default, never the call's own parameter.
		_, set := hreq.Header[k]
		if !set || k == "Accept" && req.Header.Get("Accept") == "" {
			hreq.Header[k] = vs
		}
	}
	if req.Auth {
		t.authorize(hreq)
	}
	for _, edit := range t.cfg.Editors {
		if err := edit(ctx, hreq); err != nil {
			return fmt.Errorf("%s: edit request: %w", req.Operation, err)
		}
	}
	resp, err := ep.Send(req, hreq)
	if err != nil {
		return err
	}
	err = ep.ReadResponse(resp, req, out)
	Redact(err, t.secrets()...)
	redactRecorded(ctx, err)
	// Decoded after redaction, so the typed value holds no echoed secret.
	return TypedError(err, req.Errors)
}

// checkExtra refuses extras naming a configured API key or a header set
// with WithHeader (which may carry a credential of its own).
func (t *HTTPTransport) checkExtra(req *Request) error {
	var params, headers []string
	for _, k := range t.cfg.APIKeys {
		switch strings.ToLower(k.In) {
		case "query":
			params = append(params, k.Name)
		case "header":
			headers = append(headers, k.Name)
		}
	}
	for k := range t.cfg.Header {
		headers = append(headers, k)
	}
	return CheckExtra(req, params, headers)
}

func (t *HTTPTransport) authorize(r *http.Request) {
	c := &t.cfg
	switch {
	case c.BearerToken != "":
		r.Header.Set("Authorization", "Bearer "+c.BearerToken)
	case c.BasicUser != "" || c.BasicPass != "":
		r.SetBasicAuth(c.BasicUser, c.BasicPass)
	}
	for _, k := range c.APIKeys {
		switch strings.ToLower(k.In) {
		case "query":
			q := r.URL.Query()
			q.Set(k.Name, k.Value)
			r.URL.RawQuery = q.Encode()
		case "cookie":
			r.AddCookie(&http.Cookie{Name: k.Name, Value: k.Value})
		default:
			r.Header.Set(k.Name, k.Value)
		}
	}
}

// secrets lists every credential value, in the forms a server might echo.
func (t *HTTPTransport) secrets() []string {
	c := &t.cfg
	s := []string{c.BearerToken, c.BasicPass}
	if c.BasicUser != "" || c.BasicPass != "" {
		s = append(s, base64.StdEncoding.EncodeToString([]byte(c.BasicUser+":"+c.BasicPass)))
	}
	for _, k := range c.APIKeys {
		s = append(s, k.Value)
	}
	return s
}

// NewHTTPRequest builds the HTTP request for req against baseURL: method,
// URL (JoinURL of the base, path and query), req.Header, and the body as
// JSON (or RawBody with ContentType). Family transports add auth and send
// it themselves.
func NewHTTPRequest(ctx context.Context, baseURL string, req *Request) (*http.Request, error) {
	base, err := ParseBaseURL(baseURL)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", req.Operation, err)
	}
	return newHTTPRequest(ctx, base, req)
}

func newHTTPRequest(ctx context.Context, base *url.URL, req *Request) (hreq *http.Request, err error) {
	if c, ok := req.Stream.(io.Closer); ok {
		// Sent, the client closes it; not sent, it is closed here.
		defer func() {
			if err != nil {
				c.Close()
			}
		}()
	}
	method := req.Method
	if method == "" {
		method = http.MethodGet
	}
	query, header := req.Query, req.Header
	var jsonBody []byte
	if req.RawBody == nil && req.Stream == nil && req.Body != nil {
		b, err := json.Marshal(req.Body)
		if err != nil {
			return nil, fmt.Errorf("%s: encode body: %w", req.Operation, err)
		}
		jsonBody = b
	}
	if !req.Extra.empty() {
		if (req.RawBody != nil || req.Stream != nil) && len(req.Extra.Body) > 0 {
			return nil, fmt.Errorf("%s: extra body fields need a JSON object body", req.Operation)
		}
		query, header = url.Values{}, http.Header{}
		for k, vs := range req.Query {
			query[k] = vs
		}
		for k, vs := range req.Header {
			header[http.CanonicalHeaderKey(k)] = vs
		}
		b, err := addExtra(req, query, header, jsonBody)
		if err != nil {
			return nil, err
		}
		jsonBody = b
	}
	u, err := JoinURL(base, req.Path, query)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", req.Operation, err)
	}
	if err := checkLength(req); err != nil {
		return nil, err
	}
	var body io.Reader
	fallback := ""
	switch {
	case req.Stream != nil:
		body, fallback = req.Stream, "application/octet-stream"
	case req.RawBody != nil:
		body, fallback = bytes.NewReader(req.RawBody), "application/octet-stream"
	case jsonBody != nil:
		body, fallback = bytes.NewReader(jsonBody), "application/json"
	case req.chosenType != "":
		return nil, fmt.Errorf("%s: content type %q given for a call without a body", req.Operation, req.chosenType)
	}
	contentType := ""
	if body != nil {
		if contentType, err = bodyContentType(req, fallback); err != nil {
			return nil, err
		}
	}
	// The URL is set after, not parsed from a string, so it is sent
	// exactly as JoinURL built it.
	hreq, err = http.NewRequestWithContext(ctx, method, "/", body)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", req.Operation, err)
	}
	if req.Stream != nil {
		// A known length goes out as Content-Length instead of chunked.
		n, ok := streamLength(req.Stream)
		if req.length != nil {
			n, ok = *req.length, true
		}
		if ok {
			hreq.ContentLength = n
			if n == 0 {
				// net/http reads 0 with a body as unknown; nothing to send
				// is sent now, as far as a Closer is concerned.
				hreq.Body = http.NoBody
				if c, ok := req.Stream.(io.Closer); ok {
					c.Close()
				}
			}
		}
	}
	hreq.URL, hreq.Host = u, u.Host
	for k, vs := range header {
		hreq.Header[http.CanonicalHeaderKey(k)] = append([]string(nil), vs...)
	}
	if contentType != "" && (req.chosenType != "" || hreq.Header.Get("Content-Type") == "") {
		hreq.Header.Set("Content-Type", contentType)
	}
	if hreq.Header.Get("Accept") == "" {
		accept := req.Accept
		if accept == "" {
			accept = "application/json"
		}
		hreq.Header.Set("Accept", accept)
	}
	return hreq, nil
}

// maxErrorBody bounds how much of a failed answer is kept in an APIError.
const maxErrorBody = 1 << 20

// ReadResponse reads and closes resp. A 2xx answer is decoded into out
// by its Content-Type (see Transport; an empty body or nil out is fine);
// anything else becomes an *APIError. A body longer than
// DefaultMaxResponseBytes is a *ResponseTooLargeError. A Response the
// request's context asks for (WithResponse) is filled.
func ReadResponse(resp *http.Response, req *Request, out any) error {
	return readResponse(resp, req, out, DefaultMaxResponseBytes)
}

func readResponse(resp *http.Response, req *Request, out any, limit int64) error {
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		defer resp.Body.Close()
		body, _ := io.ReadAll(io.LimitReader(resp.Body, min(maxErrorBody, limit)))
		e := NewAPIError(resp, req, body)
		record(resp, e.Body)
		return e
	}
	switch o := out.(type) {
	case nil:
		// Drained so the connection is reused, but never past the limit.
		defer resp.Body.Close()
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, limit))
		record(resp, nil)
		return nil
	case *io.ReadCloser:
		if resp.ContentLength > limit {
			resp.Body.Close()
			return tooLarge(req, resp, limit)
		}
		*o = &limitedBody{rc: resp.Body, left: limit, tooBig: func() error { return tooLarge(req, resp, limit) }}
		record(resp, nil)
		return nil
	}
	body, err := ReadBody(req, resp, limit)
	if err != nil {
		return err
	}
	record(resp, body)
	return decodeBody(req, resp, body, out)
}

// DecodeJSON decodes a successful answer's body into out, as ReadResponse
// does for a JSON answer: empty bodies leave out alone and *[]byte
// receives the raw bytes.
func DecodeJSON(req *Request, body []byte, out any) error {
	return decodeBody(req, &http.Response{Header: http.Header{"Content-Type": {"application/json"}}}, body, out)
}

// NewAPIError describes a failed answer whose body has already been read.
func NewAPIError(resp *http.Response, req *Request, body []byte) *APIError {
	e := &APIError{
		Operation:  req.Operation,
		StatusCode: resp.StatusCode,
		Status:     resp.Status,
		Header:     resp.Header,
		Body:       body,
	}
	for _, h := range [...]string{"X-Request-Id", "Request-Id", "X-Amzn-Requestid", "X-Correlation-Id"} {
		if id := resp.Header.Get(h); id != "" {
			e.RequestID = id
			break
		}
	}
	if r := resp.Request; r != nil {
		e.Method = r.Method
		e.URL = SafeURL(r.URL)
	} else {
		e.Method = req.Method
		e.URL = req.Path
	}
	return e
}

// SafeURL renders u without its query, fragment and user info, where
// signatures, keys and passwords travel.
func SafeURL(u *url.URL) string {
	if u == nil {
		return ""
	}
	c := *u
	c.User, c.RawQuery, c.ForceQuery, c.Fragment, c.RawFragment = nil, "", false, "", ""
	return c.String()
}

// SendError wraps a failure to get any answer. net/http's *url.Error
// quotes the whole URL, query included, so it is unwrapped and the URL
// rebuilt without the query; errors.Is still finds context errors.
func SendError(req *Request, hreq *http.Request, err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return fmt.Errorf("%s: %s %s: %w", req.Operation, hreq.Method, SafeURL(hreq.URL), err)
}

// Redact replaces every non-empty secret in an *APIError's body with
// "[redacted]", for servers that echo credentials back in error answers.
// Other errors are left alone.
func Redact(err error, secrets ...string) {
	var ae *APIError
	if !errors.As(err, &ae) || len(ae.Body) == 0 {
		return
	}
	for _, s := range secrets {
		if len(s) >= 4 {
			ae.Body = bytes.ReplaceAll(ae.Body, []byte(s), []byte("[redacted]"))
		}
	}
}
