package zstack

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
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
// context path), which the client often cannot reach.
func (t *Transport) jobURL(loc string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(loc))
	if err != nil {
		return "", fmt.Errorf("bad job location: %w", err)
	}
	p := u.EscapedPath()
	if i := strings.Index(p, "/v1/"); i >= 0 {
		p = t.context + p[i:]
	}
	j := t.origin.String() + p
	if u.RawQuery != "" {
		j += "?" + u.RawQuery
	}
	return j, nil
}

// wait polls an async API's job until it ends, the context ends, or the
// server gives up on it.
func (t *Transport) wait(ctx context.Context, req *apiruntime.Request, loc string, out any) error {
	target, err := t.jobURL(loc)
	if err != nil {
		return fmt.Errorf("%s: %w", req.Operation, err)
	}
	job := path.Base(strings.SplitN(target, "?", 2)[0])
	poll := &apiruntime.Request{Operation: req.Operation, Method: http.MethodGet, Auth: req.Auth}
	timer := time.NewTimer(0) // the first poll goes out at once: many jobs are quick
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return fmt.Errorf("%s: waiting for job %s: %w", req.Operation, job, ctx.Err())
		case <-timer.C:
		}
		hreq, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
		if err != nil {
			return fmt.Errorf("%s: %w", req.Operation, err)
		}
		hreq.Header.Set("Accept", "application/json")
		if err := t.authorize(hreq, req.Auth); err != nil {
			return fmt.Errorf("%s: %w", req.Operation, err)
		}
		resp, body, err := t.send(poll, hreq)
		if err != nil {
			if ctx.Err() != nil {
				return fmt.Errorf("%s: waiting for job %s: %w", req.Operation, job, ctx.Err())
			}
			return fmt.Errorf("job %s: %w", job, err)
		}
		switch {
		case resp.StatusCode == http.StatusAccepted:
			timer.Reset(t.cfg.pollInterval)
			continue
		case resp.StatusCode >= 200 && resp.StatusCode <= 299:
			return t.result(req, resp, body, out, job)
		case resp.StatusCode == http.StatusNotFound:
			return &JobExpiredError{Operation: req.Operation, JobUUID: job}
		}
		return t.failure(req, resp, body, job)
	}
}
