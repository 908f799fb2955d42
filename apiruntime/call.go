package apiruntime

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"
)

// CallOption changes one call of a generated client, and only that call:
// what it sends beyond its param model (ExtraParam, ExtraHeader,
// ExtraBodyField) and how its AndWait variant waits (PollInterval,
// WaitTimeout). Only this package makes them.
type CallOption struct{ apply func(*Request) }

// Apply applies opts to r, in order. Generated methods call it on the
// request they built, just before handing it to the transport.
//
// Not inlined: generated code calls it once per method, thousands of times
// in a large client, and every inlined copy is compiled again in the
// user's package (Kubernetes: 7.0 → 4.9 s of compiler CPU for the three).
//
//go:noinline
func (r *Request) Apply(opts ...CallOption) {
	for _, o := range opts {
		if o.apply != nil {
			o.apply(r)
		}
	}
}

// Extra is what one call sends that its docs do not list (RunInstances
// takes nics, boot_dev… that its page omits). It is unchecked: Validate
// never sees it. It only adds: a name the call already sets, or one the
// transport uses for credentials (Authorization, Cookie, QingCloud's
// access_key_id and signature…), is refused with an error before anything
// is sent, so an extra can never replace a credential.
type Extra struct {
	// Params go in the query string, or among the signed action
	// parameters of QingCloud calls.
	Params url.Values
	Header http.Header
	// Body holds top-level keys added to a JSON object body.
	Body map[string]any
}

func (e *Extra) empty() bool { return len(e.Params) == 0 && len(e.Header) == 0 && len(e.Body) == 0 }

// ExtraParam sends name=value with this call, unchecked (see Extra).
// Repeated, it sends each value.
func ExtraParam(name, value string) CallOption {
	return CallOption{func(r *Request) {
		if r.Extra.Params == nil {
			r.Extra.Params = url.Values{}
		}
		r.Extra.Params.Add(name, value)
	}}
}

// ExtraHeader sends the header name: value with this call, unchecked (see
// Extra).
func ExtraHeader(name, value string) CallOption {
	return CallOption{func(r *Request) {
		if r.Extra.Header == nil {
			r.Extra.Header = http.Header{}
		}
		r.Extra.Header.Add(name, value)
	}}
}

// ExtraBodyField adds key: value (encoded as JSON) to the call's JSON
// object body, unchecked (see Extra). A call with no body gets one.
func ExtraBodyField(key string, value any) CallOption {
	return CallOption{func(r *Request) {
		if r.Extra.Body == nil {
			r.Extra.Body = map[string]any{}
		}
		r.Extra.Body[key] = value
	}}
}

// credentialHeaders carry credentials in every family; no extra may set
// them. Transports add their own names (CheckExtra).
var credentialHeaders = []string{"Authorization", "Proxy-Authorization", "Cookie"}

// ExtraError is an extra parameter, header or body field refused because
// the call or the transport already sets it.
type ExtraError struct {
	Operation string
	// Kind is "parameter", "header" or "body field".
	Kind, Name string
	// Credential is set when the name is one the transport uses for
	// credentials.
	Credential bool
}

func (e *ExtraError) Error() string {
	why := "the call already sets it"
	if e.Credential {
		why = "it carries credentials"
	}
	return fmt.Sprintf("%s: extra %s %q refused: %s", e.Operation, e.Kind, e.Name, why)
}

// CheckExtra refuses req's extras that name one of a transport's
// credentials: params (query or action parameters) and headers, matched
// case-insensitively for headers. The standard credential headers
// (Authorization, Proxy-Authorization, Cookie) are always refused.
func CheckExtra(req *Request, params, headers []string) error {
	for name := range req.Extra.Params {
		for _, p := range params {
			if name == p {
				return &ExtraError{Operation: req.Operation, Kind: "parameter", Name: name, Credential: true}
			}
		}
	}
	for name := range req.Extra.Header {
		for _, h := range append(credentialHeaders[:len(credentialHeaders):len(credentialHeaders)], headers...) {
			if http.CanonicalHeaderKey(name) == http.CanonicalHeaderKey(h) {
				return &ExtraError{Operation: req.Operation, Kind: "header", Name: name, Credential: true}
			}
		}
	}
	return nil
}

// addExtra puts req's extras on q, h and the JSON body b (nil when the
// call has none), refusing any name already there.
func addExtra(req *Request, q url.Values, h http.Header, b []byte) ([]byte, error) {
	if err := CheckExtra(req, nil, nil); err != nil {
		return nil, err
	}
	for name, vs := range req.Extra.Params {
		if _, ok := q[name]; ok {
			return nil, &ExtraError{Operation: req.Operation, Kind: "parameter", Name: name}
		}
		q[name] = append([]string(nil), vs...)
	}
	for name, vs := range req.Extra.Header {
		k := http.CanonicalHeaderKey(name)
		if _, ok := h[k]; ok {
			return nil, &ExtraError{Operation: req.Operation, Kind: "header", Name: name}
		}
		h[k] = append([]string(nil), vs...)
	}
	if len(req.Extra.Body) == 0 {
		return b, nil
	}
	obj := map[string]json.RawMessage{}
	if len(b) > 0 && string(b) != "null" {
		if err := json.Unmarshal(b, &obj); err != nil {
			return nil, fmt.Errorf("%s: extra body fields need a JSON object body: %w", req.Operation, err)
		}
	}
	for k, v := range req.Extra.Body {
		if _, ok := obj[k]; ok {
			return nil, &ExtraError{Operation: req.Operation, Kind: "body field", Name: k}
		}
		raw, err := json.Marshal(v)
		if err != nil {
			return nil, fmt.Errorf("%s: extra body field %q: %w", req.Operation, k, err)
		}
		obj[k] = raw
	}
	return json.Marshal(obj)
}

// Wait is how a call waits for the asynchronous work it started (a
// QingCloud job, a CloudTower task, a ZStack API job) before returning.
type Wait struct {
	// On asks the transport to wait; generated AndWait methods set it.
	On bool
	// Interval between polls and Timeout of the whole wait; zero keeps
	// the transport's own (its documentation says which).
	Interval, Timeout time.Duration
	// Progress, when set, hears of every poll that found the work still
	// running.
	Progress func(Progress)
}

// Progress is one poll of a wait that found the work still running.
type Progress struct {
	// ID names what is waited on ("job 9a8b…", "task t1"); Status is the
	// API's word for its state ("running" when the API has none).
	ID, Status string
	// Polls counts the polls so far; Elapsed is the time since the wait began.
	Polls   int
	Elapsed time.Duration
}

// OnProgress reports the polls of an AndWait call to f, e.g. for a
// progress line.
func OnProgress(f func(Progress)) CallOption {
	return CallOption{func(r *Request) { r.Wait.Progress = f }}
}

// Report calls w.Progress, when set.
func (w Wait) Report(p Progress) {
	if w.Progress != nil {
		w.Progress(p)
	}
}

// AndWait makes the call wait for the work it started. Generated
// <Operation>AndWait methods pass it; they exist only for operations the
// docs mark asynchronous.
func AndWait() CallOption { return CallOption{func(r *Request) { r.Wait.On = true }} }

// PollInterval sets how long an AndWait call pauses between polls.
func PollInterval(d time.Duration) CallOption {
	return CallOption{func(r *Request) { r.Wait.Interval = d }}
}

// WaitTimeout bounds how long an AndWait call waits; past it the call
// fails with an error matching ErrWaitTimeout (errors.Is).
func WaitTimeout(d time.Duration) CallOption {
	return CallOption{func(r *Request) { r.Wait.Timeout = d }}
}

// ErrWaitTimeout matches (errors.Is) every family's error for a wait that
// outlived its timeout.
var ErrWaitTimeout = errors.New("wait timed out")

// WaitTimeoutError is a wait that outlived Wait.Timeout; ID names what was
// waited on (a job).
type WaitTimeoutError struct {
	Operation, ID string
	Timeout       time.Duration
}

func (e *WaitTimeoutError) Error() string {
	return fmt.Sprintf("%s: %s still running after %s", e.Operation, e.ID, e.Timeout)
}

// Is makes errors.Is(err, ErrWaitTimeout) true.
func (e *WaitTimeoutError) Is(target error) bool { return target == ErrWaitTimeout }

// Bound returns ctx limited by w.Timeout (unchanged when it is zero, but
// still cancellable); TimedOut tells its end from the caller's.
func (w Wait) Bound(ctx context.Context) (context.Context, context.CancelFunc) {
	if w.Timeout <= 0 {
		return context.WithCancel(ctx)
	}
	return context.WithTimeoutCause(ctx, w.Timeout, ErrWaitTimeout)
}

// TimedOut returns a *WaitTimeoutError for err when the wait's own timeout
// (wctx from Bound) ended it, and err otherwise.
func (w Wait) TimedOut(ctx, wctx context.Context, op, id string, err error) error {
	if err != nil && ctx.Err() == nil && context.Cause(wctx) == ErrWaitTimeout {
		return &WaitTimeoutError{Operation: op, ID: id, Timeout: w.Timeout}
	}
	return err
}

// ErrCannotWait is returned for an AndWait call through a transport that
// knows no asynchronous work (the generic HTTP one).
var ErrCannotWait = errors.New("this transport cannot wait for asynchronous work; use the API family's transport")
