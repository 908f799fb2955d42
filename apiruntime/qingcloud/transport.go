package qingcloud

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/apigen-dev/apigen/apiruntime"
)

// maxBody caps how much of an answer is read; a verbose page of 100
// instances is far below it.
const maxBody = 64 << 20

// Transport sends action-style calls to one QingCloud or Shanhe endpoint
// and zone. It implements apiruntime.Transport and is safe for concurrent
// use.
type Transport struct {
	baseURL     string // scheme://host/path, no query
	path        string // signed path, e.g. "/iaas/"
	endpointErr error

	accessKeyID string
	secret      string
	zone        string

	client   *http.Client
	insecure bool
	clock    *clock
	limiter  *limiter
	retry    RetryPolicy
	retryAll bool
	expires  time.Duration
}

// Option configures a Transport.
type Option func(*Transport)

// WithHTTPClient sends requests through c instead of http.DefaultClient.
func WithHTTPClient(c *http.Client) Option { return func(t *Transport) { t.client = c } }

// WithInsecureSkipVerify turns TLS certificate checks off, for private
// deployments with self-signed certificates. Verification is on otherwise.
func WithInsecureSkipVerify() Option { return func(t *Transport) { t.insecure = true } }

// WithClock replaces the time source: now stamps requests and drives the
// rate limiter; sleep (nil for a real, ctx-aware sleep) serves rate-limit
// waits, retry backoff and job polling. Tests use it to run without sleeping.
func WithClock(now func() time.Time, sleep func(ctx context.Context, d time.Duration) error) Option {
	return func(t *Transport) { t.clock = &clock{nowFunc: now, sleepFunc: sleep} }
}

// WithRateLimit allows n requests per period (token bucket, burst n). The
// default is the documented quota, 2000 per 3600 s; n ≤ 0 turns limiting off.
// Every HTTP request counts, retries and job polls included.
func WithRateLimit(n int, per time.Duration) Option {
	return func(t *Transport) { t.limiter = newLimiter(n, per, nil) }
}

// WithRetry sets the retry policy for ret_code 5000 and 5100; the default is
// DefaultRetryPolicy.
func WithRetry(p RetryPolicy) Option { return func(t *Transport) { t.retry = p } }

// WithRetryAll retries 5000/5100 for every action, not only Describe*.
func WithRetryAll() Option { return func(t *Transport) { t.retryAll = true } }

// WithExpires sends expires=now+d instead of time_stamp, letting a signed
// request stay valid longer than time_stamp's 60 seconds (as in the
// overview.md example).
func WithExpires(d time.Duration) Option { return func(t *Transport) { t.expires = d } }

// New returns a Transport for endpoint (e.g. "https://api.qingcloud.com/iaas/";
// its path is part of what is signed) and zone ("pek3a"; "" sends none).
// An unusable endpoint is reported by the first call.
func New(endpoint, accessKeyID, secretAccessKey, zone string, opts ...Option) *Transport {
	t := &Transport{
		accessKeyID: accessKeyID,
		secret:      secretAccessKey,
		zone:        zone,
		clock:       &clock{},
		retry:       DefaultRetryPolicy(),
	}
	t.limiter = newLimiter(DefaultRateLimit, DefaultRatePeriod, nil)
	for _, o := range opts {
		o(t)
	}
	if t.limiter != nil {
		t.limiter.clock = t.clock
	}
	if t.retry.MaxAttempts < 1 {
		t.retry.MaxAttempts = 1
	}
	t.client = httpClient(t.client, t.insecure)

	u, err := url.Parse(endpoint)
	switch {
	case err != nil:
		t.endpointErr = fmt.Errorf("endpoint: %w", err)
	case u.Scheme != "http" && u.Scheme != "https" || u.Host == "":
		t.endpointErr = fmt.Errorf("endpoint %q: want http(s)://host/path", redact(u))
	default:
		t.path = u.EscapedPath()
		if t.path == "" {
			t.path = "/"
		}
		t.baseURL = u.Scheme + "://" + u.Host + t.path
	}
	return t
}

func httpClient(c *http.Client, insecure bool) *http.Client {
	if !insecure {
		if c == nil {
			return http.DefaultClient
		}
		return c
	}
	var out http.Client
	if c != nil {
		out = *c
	}
	var tr *http.Transport
	if base, ok := out.Transport.(*http.Transport); ok {
		tr = base.Clone()
	} else {
		tr = http.DefaultTransport.(*http.Transport).Clone()
	}
	if tr.TLSClientConfig == nil {
		tr.TLSClientConfig = &tls.Config{}
	}
	tr.TLSClientConfig.InsecureSkipVerify = true
	out.Transport = tr
	return &out
}

// Do sends req.Action with req.Params (and any extra req.Query values),
// signed, and decodes a successful answer into out. Every call is an HTTPS
// GET (overview.md), so req.Method is not consulted, and every call is
// signed: the docs require the common parameters on all actions, so neither
// is req.Auth. req.Path, when set, replaces the endpoint's path (IAM's
// /iam/). A zone in Params wins over the Transport's.
func (t *Transport) Do(ctx context.Context, req *apiruntime.Request, out any) error {
	if req == nil {
		return errors.New("qingcloud: nil request")
	}
	action := req.Action
	if action == "" {
		action = req.Operation
	}
	if action == "" {
		return errors.New("qingcloud: request has no action")
	}
	if t.endpointErr != nil {
		return fmt.Errorf("%s: %w", action, t.endpointErr)
	}
	params, err := Encode(req.Params)
	if err != nil {
		return fmt.Errorf("%s: %w", action, err)
	}
	for k, vs := range req.Query {
		params[k] = append(params[k], vs...)
	}
	params.Set("action", action)
	if params.Get("zone") == "" {
		params.Del("zone")
		if t.zone != "" {
			params.Set("zone", t.zone)
		}
	}

	for attempt := 1; ; attempt++ {
		err := t.send(ctx, req.Path, action, params, out)
		if err == nil || !IsRetryable(err) || attempt >= t.retry.MaxAttempts || !t.retryable(ctx, action) {
			return err
		}
		if serr := t.clock.sleep(ctx, t.retry.delay(attempt)); serr != nil {
			return fmt.Errorf("%w (retry abandoned: %w)", err, serr)
		}
	}
}

// send signs and sends one attempt; each attempt gets a fresh time_stamp.
func (t *Transport) send(ctx context.Context, pathOverride, action string, params url.Values, out any) error {
	if err := t.limiter.wait(ctx); err != nil {
		return fmt.Errorf("%s: %w", action, err)
	}
	base, path := t.baseURL, t.path
	if pathOverride != "" {
		u, _ := url.Parse(t.baseURL)
		u.Path, u.RawPath = pathOverride, ""
		path = u.EscapedPath()
		base = u.Scheme + "://" + u.Host + path
	}
	p := make(url.Values, len(params)+8)
	for k, vs := range params {
		p[k] = vs
	}
	now := t.clock.now().UTC()
	p.Set("access_key_id", t.accessKeyID)
	p.Set("version", "1")
	p.Set("signature_method", HmacSHA256)
	p.Set("signature_version", "1")
	if t.expires > 0 {
		p.Del("time_stamp")
		p.Set("expires", now.Add(t.expires).Format(TimeFormat))
	} else {
		p.Set("time_stamp", now.Format(TimeFormat))
	}
	sig := Sign(http.MethodGet, path, p, t.secret)
	rawQuery := CanonicalQuery(p) + "&signature=" + url.QueryEscape(sig)

	hreq, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"?"+rawQuery, nil)
	if err != nil {
		return fmt.Errorf("%s: build request: %w", action, redactErr(err))
	}
	hreq.Header.Set("Accept", "application/json")
	resp, err := t.client.Do(hreq)
	if err != nil {
		return fmt.Errorf("%s: %w", action, redactErr(err))
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return fmt.Errorf("%s: read response: %w", action, err)
	}
	return decode(action, base, resp, body, out)
}

// decode checks ret_code and fills out. A non-2xx answer without a ret_code
// (a proxy's error page) becomes *apiruntime.APIError.
func decode(action, base string, resp *http.Response, body []byte, out any) error {
	var head struct {
		RetCode json.RawMessage `json:"ret_code"`
		Message string          `json:"message"`
	}
	jsonErr := json.Unmarshal(body, &head)
	code, hasCode := retCode(head.RetCode)
	if jsonErr == nil && hasCode && code != 0 {
		return newError(action, Code(code), head.Message, resp.StatusCode)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return &apiruntime.APIError{
			Operation:  action,
			StatusCode: resp.StatusCode,
			Status:     resp.Status,
			Method:     http.MethodGet,
			URL:        base,
			RequestID:  resp.Header.Get("X-Request-Id"),
			Body:       body,
		}
	}
	if jsonErr != nil {
		return fmt.Errorf("%s: decode response: %w", action, jsonErr)
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(body, out); err != nil {
		return fmt.Errorf("%s: decode response: %w", action, err)
	}
	return nil
}

// retCode reads ret_code whether the server wrote it as a number or a string.
func retCode(raw json.RawMessage) (int, bool) {
	s := strings.Trim(strings.TrimSpace(string(raw)), `"`)
	if s == "" || s == "null" {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// redactErr strips the query (access key, signature) from the URL inside
// net/http's *url.Error, keeping the cause for errors.Is.
func redactErr(err error) error {
	var ue *url.Error
	if !errors.As(err, &ue) {
		return err
	}
	u, perr := url.Parse(ue.URL)
	where := "request"
	if perr == nil {
		where = redact(u)
	}
	return fmt.Errorf("%s %s: %w", strings.ToUpper(ue.Op), where, ue.Err)
}

func redact(u *url.URL) string {
	c := *u
	c.RawQuery, c.Fragment, c.User = "", "", nil
	return c.String()
}
