package apiruntime_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/apiruntime"
)

// endless streams n bytes of a JSON string; with length it says so in
// Content-Length, otherwise the answer is chunked.
func endless(t *testing.T, n int, length bool) *httptest.Server {
	chunk := []byte(strings.Repeat("a", 32<<10))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if length {
			w.Header().Set("Content-Length", fmt.Sprint(n+2))
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`"`))
		for sent := 0; sent < n; sent += len(chunk) {
			if _, err := w.Write(chunk[:min(len(chunk), n-sent)]); err != nil {
				return // the client hung up, as it should
			}
		}
		w.Write([]byte(`"`))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestResponseLimit(t *testing.T) {
	const limit = 1 << 20
	for _, length := range []bool{false, true} {
		srv := endless(t, 64<<20, length)
		tr := apiruntime.NewHTTP(srv.URL, apiruntime.WithMaxResponseBytes(limit), apiruntime.WithAPIKey("query", "k", "limit-secret-1"))
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		var out string
		err := tr.Do(context.Background(), &apiruntime.Request{Operation: "big", Path: "/x", Auth: true}, &out)
		runtime.ReadMemStats(&after)
		var tl *apiruntime.ResponseTooLargeError
		if !errors.As(err, &tl) || tl.Limit != limit || tl.Operation != "big" || tl.Method != "GET" {
			t.Fatalf("content-length %v: err = %v, want *ResponseTooLargeError", length, err)
		}
		if strings.Contains(err.Error(), "limit-secret-1") {
			t.Errorf("error carries the key: %v", err)
		}
		// Reading all 64 MiB would allocate at least that; the limit
		// keeps the whole call to a few times 1 MiB.
		if got := after.TotalAlloc - before.TotalAlloc; got > 16<<20 {
			t.Errorf("content-length %v: allocated %d MiB for a 1 MiB limit", length, got>>20)
		}
	}
	// Exactly the limit is fine.
	srv := endless(t, limit-2, false)
	var out string
	if err := apiruntime.NewHTTP(srv.URL, apiruntime.WithMaxResponseBytes(limit)).Do(context.Background(), &apiruntime.Request{Operation: "big", Path: "/x"}, &out); err != nil || len(out) != limit-2 {
		t.Errorf("body of exactly the limit: %v (%d bytes)", err, len(out))
	}
	// Without an option, the default holds.
	resp := &http.Response{StatusCode: 200, ContentLength: apiruntime.DefaultMaxResponseBytes + 1, Body: http.NoBody}
	if err := apiruntime.ReadResponse(resp, &apiruntime.Request{Operation: "big"}, &out); !errors.As(err, new(*apiruntime.ResponseTooLargeError)) {
		t.Errorf("ReadResponse past the default limit: %v", err)
	}
}
