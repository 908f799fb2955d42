package cloudtower

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/apigen-dev/apigen/apiruntime"
)

// ErrVersionUnknown matches (errors.Is) a DetectVersion failure that says
// the tower cannot tell its version: GET /get-version is missing (towers
// before 3.0.0 lack it) or answers something that is not a version. Calls
// then stay unchecked; network and auth failures do not match it.
var ErrVersionUnknown = errors.New("cloudtower: server version unknown")

// DetectVersion asks the tower its API version (GET /get-version,
// GetApiVersion, no auth; in the specs since 3.0.0) and keeps it, so later
// calls are checked exactly as with WithServerVersion. It returns the
// normalised version (see apiruntime.NormalizeVersion). On failure the version already
// known, if any, is kept; a tower without the endpoint yields an error
// matching ErrVersionUnknown and wrapping the *apiruntime.APIError.
func (t *Transport) DetectVersion(ctx context.Context) (string, error) {
	var body []byte // raw, so a text/plain answer is read too
	err := t.Do(ctx, &apiruntime.Request{
		Operation: "GetApiVersion",
		Method:    http.MethodGet,
		Path:      "/get-version",
	}, &body)
	var apiErr *apiruntime.APIError
	if errors.As(err, &apiErr) && (apiErr.StatusCode == http.StatusNotFound || apiErr.StatusCode == http.StatusMethodNotAllowed) {
		return "", fmt.Errorf("%w: %w", ErrVersionUnknown, err)
	}
	if err != nil {
		return "", err
	}
	// The spec's schema is a JSON string ("4.6.0"); a bare one is accepted too.
	raw := string(bytes.TrimSpace(body))
	var s string
	if json.Unmarshal(body, &s) == nil {
		raw = s
	}
	v := apiruntime.NormalizeVersion(raw)
	if v == "" {
		if len(raw) > 64 {
			raw = raw[:64] + "…"
		}
		return "", fmt.Errorf("%w: GetApiVersion answered %q", ErrVersionUnknown, raw)
	}
	t.mu.Lock()
	t.version = v
	t.mu.Unlock()
	return v, nil
}

// ServerVersion returns the version calls are checked against: the
// detected one, else WithServerVersion's, else "" (no checks).
func (t *Transport) ServerVersion() string {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.version
}
