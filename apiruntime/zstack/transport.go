package zstack

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/apigen-dev/apigen/apiruntime"
)

// DefaultPollInterval is how often an async API's job is polled.
const DefaultPollInterval = time.Second

// defaultContextPath is where ZStack's REST API lives on the management
// node: http://host:8080/zstack/v1/...
const defaultContextPath = "/zstack"

// Transport is an apiruntime.Transport for ZStack. It is safe for
// concurrent use; the session can change (LogInByAccount, SetSession)
// while calls are in flight.
type Transport struct {
	origin   *url.URL // scheme and host of the endpoint
	context  string   // "/zstack", or "" when the API sits at /v1
	err      error    // a bad endpoint, reported by every call
	endpoint *apiruntime.Endpoint
	cfg      config

	// mu guards what can change while calls are in flight: the session
	// and the server's version (DetectVersion).
	mu      sync.Mutex
	session string
	version string
}

var _ apiruntime.Transport = (*Transport)(nil)

type config struct {
	ep            apiruntime.EndpointConfig
	anyJobHost    bool
	pollInterval  time.Duration
	serverVersion string
	contextPath   *string
	keyID         string
	keySecret     string
	now           func() time.Time
}

// Option configures a Transport.
type Option func(*config)

// WithHTTPClient sends requests through c.
func WithHTTPClient(c *http.Client) Option { return func(cfg *config) { cfg.ep.HTTPClient = c } }

// WithInsecureSkipVerify disables TLS certificate verification (management
// nodes often have self-signed certificates). Never the default. A client
// with its own RoundTripper keeps its own TLS settings.
func WithInsecureSkipVerify() Option { return func(cfg *config) { cfg.ep.InsecureSkipVerify = true } }

// WithRedirectPolicy sets which redirects are followed; the default,
// apiruntime.RedirectSameOrigin, keeps the session, the access-key
// signature and bodies on the configured origin.
func WithRedirectPolicy(p apiruntime.RedirectPolicy) Option {
	return func(cfg *config) { cfg.ep.Redirects = p }
}

// WithMaxResponseBytes bounds every answer read, job polls included;
// longer ones fail with *apiruntime.ResponseTooLargeError. n ≤ 0 keeps
// apiruntime.DefaultMaxResponseBytes.
func WithMaxResponseBytes(n int64) Option { return func(cfg *config) { cfg.ep.MaxResponseBytes = n } }

// WithAnyJobHost polls an async job's location on the configured origin
// whatever host it names. By default only a location naming the origin
// itself or what a management node calls itself (localhost, a loopback,
// private or link-local address) is followed, and any other host is an
// error. Either way only the location's path and query are used: the
// session never goes to the host a location names.
func WithAnyJobHost() Option { return func(cfg *config) { cfg.anyJobHost = true } }

// WithPollInterval sets how often async jobs are polled (default 1s).
func WithPollInterval(d time.Duration) Option { return func(cfg *config) { cfg.pollInterval = d } }

// WithServerVersion declares the server's version ("5.5.6"): calls to APIs
// added later fail early with *apiruntime.UnsupportedVersionError. It is
// normalised as DetectVersion's answer is.
func WithServerVersion(v string) Option { return func(cfg *config) { cfg.serverVersion = v } }

// WithAccessKey authenticates calls with an AccessKey pair instead of a
// session (used when no session is set).
func WithAccessKey(id, secret string) Option {
	return func(cfg *config) { cfg.keyID, cfg.keySecret = id, secret }
}

// WithContextPath overrides where the API sits under the endpoint's host:
// "/zstack" by default, "" for servers answering at /v1 directly.
func WithContextPath(p string) Option {
	return func(cfg *config) {
		p = "/" + strings.Trim(p, "/")
		if p == "/" {
			p = ""
		}
		cfg.contextPath = &p
	}
}

// New returns a Transport for the management node at endpoint, given as
// "http://host:8080" (the API is then at /zstack/v1) or with the context
// path, "http://host:8080/zstack". Without a scheme, http is assumed, as
// ZStack's port 8080 speaks it. Request paths may be written
// "/zstack/v1/…", "zstack/v1/…" or "/v1/…".
func New(endpoint string, opts ...Option) *Transport {
	t := &Transport{cfg: config{pollInterval: DefaultPollInterval, now: time.Now}}
	for _, o := range opts {
		o(&t.cfg)
	}
	if t.cfg.pollInterval <= 0 {
		t.cfg.pollInterval = DefaultPollInterval
	}
	t.version = apiruntime.NormalizeVersion(t.cfg.serverVersion)

	raw := strings.TrimSpace(endpoint)
	if !strings.Contains(raw, "://") {
		raw = "http://" + raw
	}
	u, err := url.Parse(raw)
	switch {
	case err != nil:
		t.err = fmt.Errorf("zstack: bad endpoint %q: %w", endpoint, err)
		return t
	case u.Host == "" || (u.Scheme != "http" && u.Scheme != "https"):
		t.err = fmt.Errorf("zstack: bad endpoint %q: want http(s)://host:port", endpoint)
		return t
	}
	t.origin = &url.URL{Scheme: u.Scheme, Host: u.Host}
	ctxPath := strings.TrimSuffix(strings.TrimRight(u.Path, "/"), "/v1")
	if ctxPath == "" {
		ctxPath = defaultContextPath
	}
	if t.cfg.contextPath != nil {
		ctxPath = *t.cfg.contextPath
	}
	t.context = ctxPath
	base, err := apiruntime.JoinURL(t.origin, ctxPath, nil)
	if err != nil {
		t.err = fmt.Errorf("zstack: bad context path: %w", err)
		return t
	}
	t.endpoint = apiruntime.NewEndpointURL(base, t.cfg.ep)
	return t
}

// apiPath turns a documented path ("zstack/v1/clusters") into one relative
// to the context path ("/v1/clusters"). Anything else is left for JoinURL
// to judge.
func apiPath(p string) string {
	for _, pre := range [...]string{defaultContextPath, defaultContextPath[1:]} {
		if rest, ok := strings.CutPrefix(p, pre); ok && (rest == "/v1" || strings.HasPrefix(rest, "/v1/")) {
			return rest
		}
	}
	return p
}

// Do sends req. A 202 answer is followed to the job's result, so out
// receives the final result of async APIs too, whether or not req.Wait.On
// asks for it (AndWait); req.Wait's Interval and Timeout, when set,
// replace WithPollInterval and bound the wait (*apiruntime.WaitTimeoutError).
func (t *Transport) Do(ctx context.Context, req *apiruntime.Request, out any) error {
	if t.err != nil {
		return fmt.Errorf("%s: %w", req.Operation, t.err)
	}
	if err := apiruntime.CheckVersion(req.Operation, req.Since, t.ServerVersion()); err != nil {
		return err
	}
	// Date is signed by access-key auth; Authorization is refused for
	// every transport.
	if err := apiruntime.CheckExtra(req, nil, []string{"Date"}); err != nil {
		return err
	}
	r := *req
	r.Path = apiPath(req.Path)
	hreq, err := t.endpoint.NewRequest(ctx, &r)
	if err != nil {
		return err
	}
	if err := t.authorize(hreq, req.Auth); err != nil {
		return fmt.Errorf("%s: %w", req.Operation, err)
	}
	resp, body, err := t.send(req, hreq)
	if err != nil {
		return err
	}
	switch {
	case resp.StatusCode == http.StatusAccepted:
		loc := jobLocation(resp, body)
		if loc == "" {
			return fmt.Errorf("%s: HTTP 202 without a job location", req.Operation)
		}
		return t.wait(ctx, req, loc, out)
	case resp.StatusCode >= 200 && resp.StatusCode <= 299:
		return t.result(req, resp, body, out, "")
	}
	return t.failure(req, resp, body, "")
}

// send performs one exchange and reads the whole answer, within the limit.
func (t *Transport) send(req *apiruntime.Request, hreq *http.Request) (*http.Response, []byte, error) {
	resp, err := t.endpoint.Send(req, hreq)
	if err != nil {
		return nil, nil, err
	}
	body, err := t.endpoint.ReadBody(req, resp)
	if err != nil {
		return nil, nil, err
	}
	return resp, body, nil
}

// result decodes a successful answer. ZStack documents an "error" field on
// every result that is null on success; one that is set is a failure.
func (t *Transport) result(req *apiruntime.Request, resp *http.Response, body []byte, out any, job string) error {
	if bytes.Contains(body, []byte(`"error"`)) {
		if e := parseError(body, true); e != nil {
			return t.finish(e, req, resp, job)
		}
	}
	return apiruntime.DecodeJSON(req, body, out)
}

// failure turns a non-success answer into *Error when it carries a ZStack
// error, and *apiruntime.APIError otherwise (proxies, HTML error pages).
func (t *Transport) failure(req *apiruntime.Request, resp *http.Response, body []byte, job string) error {
	if e := parseError(body, false); e != nil {
		return t.finish(e, req, resp, job)
	}
	ae := apiruntime.NewAPIError(resp, req, body)
	err := error(ae)
	apiruntime.Redact(err, t.secrets()...)
	return err
}

func (t *Transport) finish(e *Error, req *apiruntime.Request, resp *http.Response, job string) *Error {
	e.Operation, e.StatusCode, e.JobUUID = req.Operation, resp.StatusCode, job
	e.redact(t.secrets())
	return e
}

// secrets are the values no error may show.
func (t *Transport) secrets() []string {
	return []string{t.Session(), t.cfg.keySecret}
}
