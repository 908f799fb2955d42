package qingcloud

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/apigen-dev/apigen/apiruntime"
)

// Transport sends action-style calls to one QingCloud or Shanhe endpoint
// and zone. It implements apiruntime.Transport and is safe for concurrent
// use.
type Transport struct {
	endpoint    *apiruntime.Endpoint // scheme://host/path, no query; path signed ("/iaas/")
	endpointErr error

	accessKeyID string
	secret      string
	zone        string

	ep       apiruntime.EndpointConfig
	clock    *clock
	limiter  *limiter
	retry    RetryPolicy
	retryAll bool
	expires  time.Duration
}

// Option configures a Transport.
type Option func(*Transport)

// WithHTTPClient sends requests through c instead of http.DefaultClient.
func WithHTTPClient(c *http.Client) Option { return func(t *Transport) { t.ep.HTTPClient = c } }

// WithInsecureSkipVerify turns TLS certificate checks off, for private
// deployments with self-signed certificates. Verification is on otherwise.
// A client with its own RoundTripper keeps it, and its TLS settings.
func WithInsecureSkipVerify() Option { return func(t *Transport) { t.ep.InsecureSkipVerify = true } }

// WithRedirectPolicy sets which redirects are followed; the default,
// apiruntime.RedirectSameOrigin, keeps the signed query on the endpoint's
// origin.
func WithRedirectPolicy(p apiruntime.RedirectPolicy) Option {
	return func(t *Transport) { t.ep.Redirects = p }
}

// WithMaxResponseBytes bounds every answer read; longer ones fail with
// *apiruntime.ResponseTooLargeError. n ≤ 0 keeps
// apiruntime.DefaultMaxResponseBytes.
func WithMaxResponseBytes(n int64) Option { return func(t *Transport) { t.ep.MaxResponseBytes = n } }

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

// WithExpires adds expires=now+d to every request, letting a signed
// request stay valid longer than time_stamp's 60 seconds. time_stamp is
// still sent: parameters.md lists it as required on every request, and
// overview.md's example sends the two together.
func WithExpires(d time.Duration) Option { return func(t *Transport) { t.expires = d } }

// New returns a Transport for endpoint (e.g. "https://api.qingcloud.com/iaas/",
// or a private deployment's "https://cloud.example/private/iaas/"; its path
// is where every call goes, and part of what is signed) and zone ("pek3a";
// "" sends none). An unusable endpoint is reported by the first call.
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

	u, err := apiruntime.ParseBaseURL(endpoint)
	if err != nil {
		t.endpointErr = fmt.Errorf("endpoint: %w", err)
		return t
	}
	// Only scheme, host and path are the endpoint: user info means nothing
	// to a signed API, and a query would not be signed.
	base := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: u.Path, RawPath: u.RawPath}
	if base.Path == "" {
		base.Path = "/"
	}
	t.endpoint = apiruntime.NewEndpointURL(base, t.ep)
	return t
}

// Fills reports whether the transport sends param itself when a call
// leaves it unset: zone, when the Transport was built with one. Generated
// clients ask it before refusing a call without a zone (see
// apiruntime.Filler).
func (t *Transport) Fills(param string) bool { return param == "zone" && t.zone != "" }

var _ apiruntime.Filler = (*Transport)(nil)

// Do sends req.Action with req.Params (and any extra req.Query values),
// signed, and decodes a successful answer into out. Every call is an HTTPS
// GET (overview.md), so req.Method is not consulted, and every call is
// signed: the docs require the common parameters on all actions, so neither
// is req.Auth. The endpoint's path wins over req.Path, which is the path
// the docs print ("/iaas/", IAM's "/iam/"): a deployment behind a prefix
// ("/private/iaas/") is reached where the user said. req.Path is used only
// when the endpoint has no path of its own ("https://api.qingcloud.com"),
// so an IAM client wants an endpoint ending in /iam/ or none. A zone in
// Params wins over the Transport's. A Describe* call's limit above
// MaxLimit is sent as MaxLimit: the server answers at most 100 items
// whatever limit says (overview.md), and the request should say what it
// gets.
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
	if err := apiruntime.CheckExtra(req, signedParams, nil); err != nil {
		return err
	}
	for k, vs := range req.Extra.Params {
		if _, ok := params[k]; ok {
			return &apiruntime.ExtraError{Operation: action, Kind: "parameter", Name: k}
		}
		params[k] = append([]string(nil), vs...)
	}
	if len(req.Extra.Body) > 0 {
		return fmt.Errorf("%s: extra body fields: actions have no body; use apiruntime.ExtraParam", action)
	}
	params.Set("action", action)
	if strings.HasPrefix(action, "Describe") {
		clampLimit(params)
	}
	if params.Get("zone") == "" {
		params.Del("zone")
		if t.zone != "" {
			params.Set("zone", t.zone)
		}
	}

	if !req.Wait.On {
		return t.call(ctx, req, action, params, out)
	}
	var job struct {
		JobID string `json:"job_id"`
	}
	if err := t.call(ctx, req, action, params, &both{out, &job}); err != nil {
		return err
	}
	if job.JobID == "" {
		return fmt.Errorf("%s: the answer has no job_id to wait for", action)
	}
	wctx, cancel := req.Wait.Bound(ctx)
	defer cancel()
	var opts []WaitOption
	if d := req.Wait.Interval; d > 0 {
		opts = append(opts, PollInterval(d, d))
	}
	if req.Wait.Progress != nil {
		opts = append(opts, WithProgress(req.Wait.Progress))
	}
	_, err = t.WaitJob(wctx, job.JobID, opts...)
	return req.Wait.TimedOut(ctx, wctx, action, "job "+job.JobID, err)
}

// signedParams are the parameters the transport signs a call with; no
// extra parameter may set them (action names the call itself).
var signedParams = []string{"access_key_id", "signature", "signature_method", "signature_version", "time_stamp", "expires", "version", "action"}

// call sends one action, retrying 5000/5100 as the policy allows.
func (t *Transport) call(ctx context.Context, req *apiruntime.Request, action string, params url.Values, out any) error {
	for attempt := 1; ; attempt++ {
		err := t.send(ctx, req, action, params, out)
		if err == nil || !IsRetryable(err) || attempt >= t.retry.MaxAttempts || !t.retryable(ctx, action) {
			return err
		}
		if serr := t.clock.sleep(ctx, t.retry.delay(attempt)); serr != nil {
			return fmt.Errorf("%w (retry abandoned: %w)", err, serr)
		}
	}
}

// both decodes one answer into two values: the caller's and the job id.
type both [2]any

func (b both) UnmarshalJSON(data []byte) error {
	for _, v := range b {
		if v == nil {
			continue
		}
		if err := json.Unmarshal(data, v); err != nil {
			return err
		}
	}
	return nil
}

// send signs and sends one attempt; each attempt gets a fresh time_stamp.
func (t *Transport) send(ctx context.Context, call *apiruntime.Request, action string, params url.Values, out any) error {
	if err := t.limiter.wait(ctx); err != nil {
		return fmt.Errorf("%s: %w", action, err)
	}
	u, err := t.callURL(call.Path)
	if err != nil {
		return fmt.Errorf("%s: %w", action, err)
	}
	path := u.EscapedPath()
	p := make(url.Values, len(params)+8)
	for k, vs := range params {
		p[k] = vs
	}
	now := t.clock.now().UTC()
	p.Set("access_key_id", t.accessKeyID)
	p.Set("version", "1")
	p.Set("signature_method", HmacSHA256)
	p.Set("signature_version", "1")
	p.Set("time_stamp", now.Format(TimeFormat))
	if t.expires > 0 {
		p.Set("expires", now.Add(t.expires).Format(TimeFormat))
	}
	sig := Sign(http.MethodGet, path, p, t.secret)
	u.RawQuery = CanonicalQuery(p) + "&signature=" + url.QueryEscape(sig)

	hreq, err := http.NewRequestWithContext(ctx, http.MethodGet, "/", nil)
	if err != nil {
		return fmt.Errorf("%s: build request: %w", action, err)
	}
	hreq.URL, hreq.Host = u, u.Host
	for k, vs := range call.Extra.Header {
		hreq.Header[http.CanonicalHeaderKey(k)] = append([]string(nil), vs...)
	}
	hreq.Header.Set("Accept", "application/json")
	req := &apiruntime.Request{Operation: action, Method: http.MethodGet}
	resp, err := t.endpoint.Send(req, hreq)
	if err != nil {
		return err
	}
	body, err := t.endpoint.ReadBody(req, resp)
	if err != nil {
		return err
	}
	return decode(action, apiruntime.SafeURL(u), resp, body, out)
}

// callURL is the URL a call goes to: the endpoint's, unless it has no
// path and the docs gave one. The docs' path is checked either way — it is
// joined to the origin, never concatenated, so one that would name another
// host ("@attacker:8443/") is refused rather than quietly ignored.
func (t *Transport) callURL(docPath string) (*url.URL, error) {
	base := t.endpoint.Base()
	origin := *base
	origin.Path, origin.RawPath = "", ""
	fromDoc, err := apiruntime.JoinURL(&origin, docPath, nil)
	if err != nil {
		return nil, err
	}
	if docPath != "" && base.Path == "/" {
		return fromDoc, nil
	}
	return apiruntime.JoinURL(base, "", nil)
}

// clampLimit lowers a limit above MaxLimit to MaxLimit.
func clampLimit(params url.Values) {
	if n, err := strconv.Atoi(params.Get("limit")); err == nil && n > MaxLimit {
		params.Set("limit", strconv.Itoa(MaxLimit))
	}
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
