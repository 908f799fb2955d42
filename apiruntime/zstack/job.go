package zstack

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/netip"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/apigen-dev/apigen/apiruntime"
)

// ErrJobExpired matches (errors.Is) a *JobExpiredError.
var ErrJobExpired = errors.New("zstack: api job expired")

// JobExpiredError is a 404 from an async API's job location: the server no
// longer knows the job (polled too late, or a wrong location).
type JobExpiredError struct {
	Operation string
	JobUUID   string
}

func (e *JobExpiredError) Error() string {
	return fmt.Sprintf("%s: api job %s expired or unknown (HTTP 404)", e.Operation, e.JobUUID)
}

// Is makes errors.Is(err, ErrJobExpired) true.
func (e *JobExpiredError) Is(target error) bool { return target == ErrJobExpired }

// jobLocation finds the polling address of a 202 answer: the body's
// "location" field, else the Location header.
func jobLocation(resp *http.Response, body []byte) string {
	var b struct {
		Location string `json:"location"`
	}
	if json.Unmarshal(body, &b) == nil && b.Location != "" {
		return b.Location
	}
	return resp.Header.Get("Location")
}

// jobURL points a job location at the configured endpoint: servers answer
// with their own idea of their address (an internal IP, localhost, no
// context path), which the client often cannot reach. Only the location's
// path and query are used, and only for hosts selfHost (or WithAnyJobHost)
// accepts: "@evil/…", "//evil/…" and user info are refused.
func (t *Transport) jobURL(loc string) (*url.URL, error) {
	self := selfHost
	if t.cfg.anyJobHost {
		self = func(string) bool { return true }
	}
	u, err := apiruntime.ResolveLocationSelf(t.origin, loc, self)
	if err != nil {
		return nil, err
	}
	p := u.EscapedPath()
	if i := strings.Index(p, "/v1/"); i >= 0 {
		p = t.context + p[i:]
	}
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return apiruntime.JoinURL(t.origin, p, nil)
}

// selfHost reports whether host is how a management node may name itself
// in a job location: localhost, or a loopback, private (RFC 1918, ULA),
// link-local or unspecified address. Such an address means the server,
// whatever network the client sees it from.
func selfHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return false
	}
	return ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsUnspecified()
}

// wait polls an async API's job until it ends, the context ends, or the
// server gives up on it.
func (t *Transport) wait(ctx context.Context, req *apiruntime.Request, loc string, out any) error {
	target, err := t.jobURL(loc)
	if err != nil {
		return fmt.Errorf("%s: %w", req.Operation, err)
	}
	job := path.Base(target.Path)
	wctx, cancel := req.Wait.Bound(ctx)
	defer cancel()
	err = t.poll(wctx, req, target, job, out)
	return req.Wait.TimedOut(ctx, wctx, req.Operation, "job "+job, err)
}

// poll is wait's loop; wctx is ctx bounded by the call's wait timeout.
func (t *Transport) poll(wctx context.Context, req *apiruntime.Request, target *url.URL, job string, out any) error {
	interval := t.cfg.pollInterval
	if d := req.Wait.Interval; d > 0 {
		interval = d
	}
	poll := &apiruntime.Request{Operation: req.Operation, Method: http.MethodGet, Auth: req.Auth}
	timer := time.NewTimer(0) // the first poll goes out at once: many jobs are quick
	defer timer.Stop()
	start, polls := time.Now(), 0
	for {
		select {
		case <-wctx.Done():
			return fmt.Errorf("%s: waiting for job %s: %w", req.Operation, job, wctx.Err())
		case <-timer.C:
		}
		hreq, err := http.NewRequestWithContext(wctx, http.MethodGet, "/", nil)
		if err != nil {
			return fmt.Errorf("%s: %w", req.Operation, err)
		}
		u := *target
		hreq.URL, hreq.Host = &u, u.Host
		hreq.Header.Set("Accept", "application/json")
		if err := t.authorize(hreq, req.Auth); err != nil {
			return fmt.Errorf("%s: %w", req.Operation, err)
		}
		resp, body, err := t.send(poll, hreq)
		if err != nil {
			if wctx.Err() != nil {
				return fmt.Errorf("%s: waiting for job %s: %w", req.Operation, job, wctx.Err())
			}
			return fmt.Errorf("job %s: %w", job, err)
		}
		switch {
		case resp.StatusCode == http.StatusAccepted:
			polls++
			req.Wait.Report(apiruntime.Progress{ID: "job " + job, Status: "running", Polls: polls, Elapsed: time.Since(start)})
			timer.Reset(interval)
			continue
		case resp.StatusCode >= 200 && resp.StatusCode <= 299:
			return t.result(req, resp, body, out, job)
		case resp.StatusCode == http.StatusNotFound:
			return &JobExpiredError{Operation: req.Operation, JobUUID: job}
		}
		return t.failure(req, resp, body, job)
	}
}
