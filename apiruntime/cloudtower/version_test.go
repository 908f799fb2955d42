package cloudtower

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/apigen-dev/apigen/apiruntime"
)

// versionTower answers GET /v2/api/get-version with status and body, and
// any other path with an empty list; it counts requests per path.
type versionTower struct {
	status      int
	contentType string
	body        string

	mu    sync.Mutex
	hits  map[string]int
	auths []string // Authorization of each get-version request
}

func newVersionTower(t *testing.T, status int, body string) (*versionTower, *httptest.Server) {
	v := &versionTower{status: status, contentType: "application/json", body: body, hits: map[string]int{}}
	srv := httptest.NewServer(v)
	t.Cleanup(srv.Close)
	return v, srv
}

func (v *versionTower) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	v.mu.Lock()
	v.hits[r.Method+" "+r.URL.Path]++
	if r.URL.Path == "/v2/api/get-version" {
		v.auths = append(v.auths, r.Header.Get("Authorization"))
	}
	v.mu.Unlock()
	if r.URL.Path == "/v2/api/get-version" {
		w.Header().Set("Content-Type", v.contentType)
		w.WriteHeader(v.status)
		_, _ = io.WriteString(w, v.body)
		return
	}
	writeJSON(w, http.StatusOK, []string{})
}

func (v *versionTower) count(key string) int {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.hits[key]
}

func TestDetectVersionChecksLaterCalls(t *testing.T) {
	v, srv := newVersionTower(t, http.StatusOK, `"v4.1.0-rc1+build.7"`)
	tr := New(srv.URL+"/v2/api", WithToken("tok-123"))
	ctx := context.Background()
	got, err := tr.DetectVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got != "4.1.0" || tr.ServerVersion() != "4.1.0" {
		t.Fatalf("DetectVersion = %q, ServerVersion = %q, want 4.1.0", got, tr.ServerVersion())
	}
	if n := v.count("GET /v2/api/get-version"); n != 1 {
		t.Errorf("%d GET /get-version requests, want 1", n)
	}
	// security: [] in the spec: the token is not sent.
	if v.auths[0] != "" {
		t.Errorf("get-version sent Authorization %q", v.auths[0])
	}

	err = tr.Do(ctx, &apiruntime.Request{Operation: "GetNew", Path: "/get-new", Since: "4.6.0", Auth: true}, nil)
	var ve *apiruntime.UnsupportedVersionError
	if !errors.As(err, &ve) || ve.Since != "4.6.0" || ve.Server != "4.1.0" {
		t.Fatalf("newer call: err = %v, want *UnsupportedVersionError", err)
	}
	if n := v.count("POST /v2/api/get-new"); n != 0 {
		t.Errorf("refused call reached the server %d times", n)
	}
	// Older, and the release the rc belongs to, go through.
	for _, since := range []string{"3.0.0", "4.1.0"} {
		var out []string
		if err := tr.Do(ctx, &apiruntime.Request{Operation: "GetOld", Path: "/get-old", Since: since, Auth: true}, &out); err != nil {
			t.Errorf("since %s: %v", since, err)
		}
	}
	if n := v.count("POST /v2/api/get-old"); n != 2 {
		t.Errorf("%d allowed calls reached the server, want 2", n)
	}
}

func TestDetectVersionPlainText(t *testing.T) {
	v, srv := newVersionTower(t, http.StatusOK, "4.6.0\n")
	v.contentType = "text/plain"
	got, err := New(srv.URL + "/v2/api").DetectVersion(context.Background())
	if err != nil || got != "4.6.0" {
		t.Fatalf("DetectVersion = %q, %v; want 4.6.0", got, err)
	}
}

func TestDetectVersionMissingLeavesCallsUnchecked(t *testing.T) {
	for _, c := range []struct {
		name, configured string
	}{{"unset", ""}, {"configured", "3.0.0"}} {
		t.Run(c.name, func(t *testing.T) {
			// A pre-3.0 tower: no such route, answered with an ErrorBody.
			v, srv := newVersionTower(t, http.StatusNotFound, `{"message":"Cannot GET /v2/api/get-version","status":404}`)
			tr := New(srv.URL+"/v2/api", WithServerVersion(c.configured))
			got, err := tr.DetectVersion(context.Background())
			if !errors.Is(err, ErrVersionUnknown) || got != "" {
				t.Fatalf("DetectVersion = %q, %v; want ErrVersionUnknown", got, err)
			}
			var apiErr *apiruntime.APIError
			if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusNotFound {
				t.Errorf("err = %v, want it to wrap the HTTP 404", err)
			}
			if tr.ServerVersion() != c.configured {
				t.Errorf("ServerVersion = %q after a failed detection, want %q", tr.ServerVersion(), c.configured)
			}
			err = tr.Do(context.Background(), &apiruntime.Request{Operation: "GetNew", Path: "/get-new", Since: "3.0.0"}, nil)
			if err != nil {
				t.Errorf("call after failed detection: %v", err)
			}
			if n := v.count("POST /v2/api/get-new"); n != 1 {
				t.Errorf("%d requests, want 1", n)
			}
		})
	}
}

func TestDetectVersionErrors(t *testing.T) {
	for _, c := range []struct {
		name    string
		status  int
		body    string
		unknown bool
	}{
		{"spa fallback page", 200, "<!doctype html><html>v4 console</html>", true},
		{"not a version", 200, `"latest"`, true},
		{"empty", 200, "", true},
		{"server error", 500, `{"message":"boom","status":500}`, false},
		{"unauthorized", 401, `{"message":"unauthorized","status":401}`, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, srv := newVersionTower(t, c.status, c.body)
			tr := New(srv.URL+"/v2/api", WithServerVersion("4.0.0"))
			_, err := tr.DetectVersion(context.Background())
			if err == nil || errors.Is(err, ErrVersionUnknown) != c.unknown {
				t.Errorf("err = %v, want ErrVersionUnknown %v", err, c.unknown)
			}
			if tr.ServerVersion() != "4.0.0" {
				t.Errorf("ServerVersion = %q, want the configured 4.0.0 kept", tr.ServerVersion())
			}
		})
	}
}

func TestDetectVersionHonoursContext(t *testing.T) {
	// A tower that never answers. The body is read so the server notices the
	// client hanging up; release frees the handler should it not.
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	defer srv.Close()
	defer close(release)
	tr := New(srv.URL + "/v2/api")
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := tr.DetectVersion(ctx)
	if !errors.Is(err, context.DeadlineExceeded) || errors.Is(err, ErrVersionUnknown) {
		t.Fatalf("err = %v, want the context's deadline", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("DetectVersion returned after %s", d)
	}
	if tr.ServerVersion() != "" {
		t.Errorf("ServerVersion = %q", tr.ServerVersion())
	}
}

// TestDetectVersionConcurrent is for -race: detection and calls share the
// version.
func TestDetectVersionConcurrent(t *testing.T) {
	_, srv := newVersionTower(t, http.StatusOK, `"4.6.0"`)
	tr := New(srv.URL + "/v2/api")
	ctx := context.Background()
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			if _, err := tr.DetectVersion(ctx); err != nil {
				t.Error(err)
			}
		}()
		go func() {
			defer wg.Done()
			// Allowed whether or not detection has finished.
			if err := tr.Do(ctx, &apiruntime.Request{Operation: "GetOld", Path: "/get-old", Since: "4.0.0"}, nil); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if tr.ServerVersion() != "4.6.0" {
		t.Errorf("ServerVersion = %q", tr.ServerVersion())
	}
}
