package cloudtower

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"

	"github.com/apigen-dev/apigen/apiruntime"
)

// Transport sends CloudTower calls: it adds the login token and the
// content-language header, refuses calls newer than the server, and turns
// CloudTower's error bodies into *Error. It is safe for concurrent use.
type Transport struct {
	endpoint *apiruntime.Endpoint
	err      error // a bad endpoint, reported by every call
	language string

	// mu guards what can change while calls are in flight: the token
	// (Login) and the server's version (DetectVersion).
	mu      sync.RWMutex
	token   string
	version string
}

var _ apiruntime.Transport = (*Transport)(nil)

// Option configures a Transport.
type Option func(*config)

type config struct {
	ep       apiruntime.EndpointConfig
	language string
	version  string
	token    string
}

// WithHTTPClient sends requests through c (timeouts, proxies, tracing).
func WithHTTPClient(c *http.Client) Option { return func(o *config) { o.ep.HTTPClient = c } }

// WithInsecureSkipVerify turns TLS certificate verification off, for towers
// with self-signed certificates. It is never the default. It applies to the
// client's *http.Transport (cloned, never modified in place); a client with
// another RoundTripper keeps its own TLS settings.
func WithInsecureSkipVerify() Option { return func(o *config) { o.ep.InsecureSkipVerify = true } }

// WithRedirectPolicy sets which redirects are followed; the default,
// apiruntime.RedirectSameOrigin, keeps the token, the login password and
// bodies on the tower's origin.
func WithRedirectPolicy(p apiruntime.RedirectPolicy) Option {
	return func(o *config) { o.ep.Redirects = p }
}

// WithMaxResponseBytes bounds every answer read; longer ones fail with
// *apiruntime.ResponseTooLargeError. n ≤ 0 keeps
// apiruntime.DefaultMaxResponseBytes.
func WithMaxResponseBytes(n int64) Option { return func(o *config) { o.ep.MaxResponseBytes = n } }

// WithLanguage sends content-language on every call ("en-US" or "zh-CN"),
// which picks the language of task descriptions and error messages. A
// content-language the request already carries wins.
func WithLanguage(lang string) Option { return func(o *config) { o.language = lang } }

// WithServerVersion declares the tower's API version (say "4.0.0") so that
// calls documented as added later fail before they are sent. It is
// normalised as DetectVersion's answer is.
func WithServerVersion(v string) Option { return func(o *config) { o.version = v } }

// WithToken starts with a token from an earlier Login, skipping the login.
func WithToken(token string) Option { return func(o *config) { o.token = token } }

// New returns a Transport for the tower API at endpoint, base path included
// (https://tower.example.com/v2/api). A bad endpoint is reported by every
// call.
func New(endpoint string, opts ...Option) *Transport {
	var c config
	for _, o := range opts {
		o(&c)
	}
	t := &Transport{
		language: c.language,
		version:  apiruntime.NormalizeVersion(c.version),
		token:    c.token,
	}
	t.endpoint, t.err = apiruntime.NewEndpoint(endpoint, c.ep)
	return t
}

// Token returns the current token ("" before Login), so a caller can keep
// it and pass it to WithToken later.
func (t *Transport) Token() string {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.token
}

// SetToken replaces the token, for callers that log in some other way.
func (t *Transport) SetToken(token string) {
	t.mu.Lock()
	t.token = token
	t.mu.Unlock()
}

// Do sends req and decodes a 2xx answer into out. Requests with Auth carry
// the token; without a token they go out bare and the tower answers 401.
// With req.Wait.On (AndWait), the task ids of the answer (a WithTask
// object or a list of them) are then waited on as WaitTasks does, with
// req.Wait's Interval and Timeout when set.
func (t *Transport) Do(ctx context.Context, req *apiruntime.Request, out any) error {
	if !req.Wait.On {
		return t.do(ctx, req, out)
	}
	var answer json.RawMessage
	if err := t.do(ctx, req, &answer); err != nil {
		return err
	}
	if out != nil && len(answer) > 0 {
		if err := json.Unmarshal(answer, out); err != nil {
			return fmt.Errorf("%s: decode response: %w", req.Operation, err)
		}
	}
	var opts []WaitOption
	if d := req.Wait.Interval; d > 0 {
		opts = append(opts, WithInterval(d))
	}
	if d := req.Wait.Timeout; d > 0 {
		opts = append(opts, WithTimeout(d))
	}
	if req.Wait.Progress != nil {
		opts = append(opts, WithProgress(req.Wait.Progress))
	}
	return t.WaitTasks(ctx, answerTaskIDs(answer), opts...)
}

// answerTaskIDs reads the task_id of a WithTask answer, or of each item
// of a list of them; null ids (calls that started nothing) are skipped.
func answerTaskIDs(answer json.RawMessage) []string {
	var one struct {
		TaskID *string `json:"task_id"`
	}
	var many []struct {
		TaskID *string `json:"task_id"`
	}
	var ids []string
	if json.Unmarshal(answer, &many) == nil {
		for _, w := range many {
			if w.TaskID != nil {
				ids = append(ids, *w.TaskID)
			}
		}
	} else if json.Unmarshal(answer, &one) == nil && one.TaskID != nil {
		ids = append(ids, *one.TaskID)
	}
	return ids
}

func (t *Transport) do(ctx context.Context, req *apiruntime.Request, out any) error {
	if t.err != nil {
		return fmt.Errorf("%s: %w", req.Operation, t.err)
	}
	if err := apiruntime.CheckVersion(req.Operation, req.Since, t.ServerVersion()); err != nil {
		return err
	}
	r := *req
	if r.Method == "" {
		// Every CloudTower operation but two read-only ones is a POST.
		r.Method = http.MethodPost
	}
	hr, err := t.endpoint.NewRequest(ctx, &r)
	if err != nil {
		return err
	}
	if t.language != "" && hr.Header.Get("content-language") == "" {
		hr.Header.Set("content-language", t.language)
	}
	if tok := t.Token(); r.Auth && tok != "" && hr.Header.Get("Authorization") == "" {
		hr.Header.Set("Authorization", tok)
	}
	resp, err := t.endpoint.Send(&r, hr)
	if err != nil {
		return err
	}
	// ReadResponse reads and closes the body.
	return towerError(t.endpoint.ReadResponse(resp, &r, out), resp.Header)
}

// towerError adds what CloudTower says beyond the HTTP status: its request
// id header and, when the body is an ErrorBody, the code and message.
func towerError(err error, h http.Header) error {
	var apiErr *apiruntime.APIError
	if !errors.As(err, &apiErr) {
		return err
	}
	if apiErr.RequestID == "" {
		apiErr.RequestID = h.Get("x-tower-request-id")
	}
	if e := parseErrorBody(apiErr); e != nil {
		return e
	}
	return err
}
