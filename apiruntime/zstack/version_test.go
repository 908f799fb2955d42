package zstack_test

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
	"github.com/apigen-dev/apigen/apiruntime/zstack"
)

const getVersionBody = `{"getVersion":{}}`

// versionRoute answers GetVersion with status and answer, and every other
// call with {}.
func versionRoute(status int, answer string) func(*http.Request, string) (int, string) {
	return func(r *http.Request, body string) (int, string) {
		if r.Method+" "+r.URL.Path == "PUT /zstack/v1/management-nodes/actions" && body == getVersionBody {
			return status, answer
		}
		return 200, `{}`
	}
}

func count(calls []call, method, path string) int {
	n := 0
	for _, c := range calls {
		if c.Method == method && c.Path == path {
			n++
		}
	}
	return n
}

func TestDetectVersionChecksLaterCalls(t *testing.T) {
	f, srv := newFake(t, versionRoute(200, `{"version":"v4.7.21-rc1+b5","success":true}`))
	tr := zstack.New(srv.URL)
	ctx := testCtx(t)
	got, err := tr.DetectVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got != "4.7.21" || tr.ServerVersion() != "4.7.21" {
		t.Fatalf("DetectVersion = %q, ServerVersion = %q, want 4.7.21", got, tr.ServerVersion())
	}
	calls := f.recorded()
	if len(calls) != 1 || calls[0].Body != getVersionBody || calls[0].Auth != "" {
		t.Fatalf("detection calls %+v, want one unauthenticated GetVersion", calls)
	}

	tr.SetSession(session)
	err = tr.Do(ctx, &apiruntime.Request{Operation: "CreatePriceTable", Method: "POST", Path: "/zstack/v1/billings/price-tables", Since: "5.0.0", Auth: true}, nil)
	var uv *apiruntime.UnsupportedVersionError
	if !errors.As(err, &uv) || uv.Since != "5.0.0" || uv.Server != "4.7.21" {
		t.Fatalf("newer call: err %v, want *UnsupportedVersionError", err)
	}
	if n := len(f.recorded()); n != 1 {
		t.Errorf("refused call reached the server (%d requests)", n)
	}
	for _, since := range []string{"0.6", "4.7.21"} {
		if err := tr.Do(ctx, &apiruntime.Request{Operation: "QueryZone", Method: "GET", Path: "/zstack/v1/zones", Since: since, Auth: true}, nil); err != nil {
			t.Errorf("since %s: %v", since, err)
		}
	}
	if n := count(f.recorded(), "GET", "/zstack/v1/zones"); n != 2 {
		t.Errorf("%d allowed calls reached the server, want 2", n)
	}
	// With a session, detection sends it.
	if _, err := tr.DetectVersion(ctx); err != nil {
		t.Fatal(err)
	}
	if c := f.recorded(); c[len(c)-1].Auth != "OAuth "+session {
		t.Errorf("detection with a session sent Authorization %q", c[len(c)-1].Auth)
	}
}

func TestDetectVersionFollowsJob(t *testing.T) {
	_, srv := newFake(t, func(r *http.Request, body string) (int, string) {
		switch r.Method + " " + r.URL.Path {
		case "PUT /zstack/v1/management-nodes/actions":
			return 202, `{"location":"http://10.0.0.1:8080/zstack/v1/api-jobs/v"}`
		case "GET /zstack/v1/api-jobs/v":
			return 200, `{"version":"5.5.6"}`
		}
		return 404, ""
	})
	tr := zstack.New(srv.URL, zstack.WithPollInterval(time.Millisecond))
	if got, err := tr.DetectVersion(testCtx(t)); err != nil || got != "5.5.6" {
		t.Fatalf("DetectVersion = %q, %v; want 5.5.6", got, err)
	}
}

func TestDetectVersionMissingLeavesCallsUnchecked(t *testing.T) {
	for _, c := range []struct {
		name, configured, answer string
	}{
		{"bare 404", "", `<html>Not Found</html>`},
		{"zstack 404", "4.8.0", `{"error":{"code":"SYS.1001","description":"no such API"}}`},
	} {
		t.Run(c.name, func(t *testing.T) {
			f, srv := newFake(t, versionRoute(404, c.answer))
			tr := zstack.New(srv.URL, zstack.WithServerVersion(c.configured))
			tr.SetSession(session)
			got, err := tr.DetectVersion(testCtx(t))
			if !errors.Is(err, zstack.ErrVersionUnknown) || got != "" {
				t.Fatalf("DetectVersion = %q, %v; want ErrVersionUnknown", got, err)
			}
			if tr.ServerVersion() != c.configured {
				t.Errorf("ServerVersion = %q after a failed detection, want %q", tr.ServerVersion(), c.configured)
			}
			err = tr.Do(testCtx(t), &apiruntime.Request{Operation: "QueryZone", Method: "GET", Path: "/zstack/v1/zones", Since: "4.8.0", Auth: true}, nil)
			if err != nil {
				t.Errorf("call after failed detection: %v", err)
			}
			if n := count(f.recorded(), "GET", "/zstack/v1/zones"); n != 1 {
				t.Errorf("%d requests, want 1", n)
			}
		})
	}
}

func TestDetectVersionErrors(t *testing.T) {
	for _, c := range []struct {
		name    string
		status  int
		answer  string
		unknown bool
	}{
		{"no version", 200, `{"success":true}`, true},
		{"placeholder", 200, `{"version":"unknown"}`, true},
		{"error in result", 200, `{"error":{"code":"SYS.1000","description":"internal"}}`, false},
		{"server error", 503, `{"error":{"code":"SYS.1000","description":"down"}}`, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, srv := newFake(t, versionRoute(c.status, c.answer))
			tr := zstack.New(srv.URL, zstack.WithServerVersion("v5.0.0"))
			_, err := tr.DetectVersion(testCtx(t))
			if err == nil || errors.Is(err, zstack.ErrVersionUnknown) != c.unknown {
				t.Errorf("err = %v, want ErrVersionUnknown %v", err, c.unknown)
			}
			if tr.ServerVersion() != "5.0.0" {
				t.Errorf("ServerVersion = %q, want the configured, normalised 5.0.0", tr.ServerVersion())
			}
		})
	}
}

func TestDetectVersionHonoursContext(t *testing.T) {
	// A node that never answers. The body is read so the server notices the
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
	tr := zstack.New(srv.URL)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := tr.DetectVersion(ctx)
	if !errors.Is(err, context.DeadlineExceeded) || errors.Is(err, zstack.ErrVersionUnknown) {
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
	_, srv := newFake(t, versionRoute(200, `{"version":"5.5.6"}`))
	tr := zstack.New(srv.URL)
	tr.SetSession(session)
	ctx := testCtx(t)
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
			if err := tr.Do(ctx, &apiruntime.Request{Operation: "QueryZone", Method: "GET", Path: "/zstack/v1/zones", Since: "4.0.0", Auth: true}, nil); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if tr.ServerVersion() != "5.5.6" {
		t.Errorf("ServerVersion = %q", tr.ServerVersion())
	}
}
