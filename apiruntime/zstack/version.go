package zstack

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/apigen-dev/apigen/apiruntime"
)

// ErrVersionUnknown matches (errors.Is) a DetectVersion failure that says
// the server cannot tell its version: GetVersion is not there (HTTP 404 or
// 405) or its answer holds no version. Calls then stay unchecked; network,
// auth and other failures do not match it.
var ErrVersionUnknown = errors.New("zstack: server version unknown")

// DetectVersion asks the management node its version (GetVersion:
// PUT /v1/management-nodes/actions {"getVersion":{}}) and keeps it, so later
// calls are checked exactly as with WithServerVersion. It returns the
// normalised version (see apiruntime.NormalizeVersion). On failure the version already
// known, if any, is kept. The answer is synchronous; a 202 job is followed
// as for any call.
func (t *Transport) DetectVersion(ctx context.Context) (string, error) {
	var out struct {
		Version string `json:"version"`
	}
	err := t.Do(ctx, &apiruntime.Request{
		Operation: "GetVersion",
		Method:    http.MethodPut,
		Path:      "/v1/management-nodes/actions",
		Body:      map[string]any{"getVersion": map[string]any{}},
		// The manual's example sends no session; credentials, when there
		// are some, go along in case a deployment wants them.
		Auth: t.Session() != "" || t.cfg.keyID != "",
	}, &out)
	if missing(err) {
		return "", fmt.Errorf("%w: %w", ErrVersionUnknown, err)
	}
	if err != nil {
		return "", err
	}
	v := apiruntime.NormalizeVersion(out.Version)
	if v == "" {
		return "", fmt.Errorf("%w: GetVersion answered version %q", ErrVersionUnknown, out.Version)
	}
	t.mu.Lock()
	t.version = v
	t.mu.Unlock()
	return v, nil
}

// missing reports whether err says the server has no such API: a 404 or
// 405, as a ZStack error or a bare HTTP one.
func missing(err error) bool {
	status := 0
	var ze *Error
	var ae *apiruntime.APIError
	switch {
	case errors.As(err, &ze):
		status = ze.StatusCode
	case errors.As(err, &ae):
		status = ae.StatusCode
	}
	return status == http.StatusNotFound || status == http.StatusMethodNotAllowed
}

// ServerVersion returns the version calls are checked against: the
// detected one, else WithServerVersion's, else "" (no checks).
func (t *Transport) ServerVersion() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.version
}
