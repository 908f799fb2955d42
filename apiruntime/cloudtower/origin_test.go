package cloudtower

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/apiruntime"
	"github.com/apigen-dev/apigen/apiruntime/internal/wiretest"
)

const (
	towerPass  = "tower-pass-secret-1"
	towerToken = "tower-token-secret-1"
)

// Login, calls, task polls and version detection all refuse a redirect
// off the tower's origin: neither password nor token goes along.
func TestRedirectsKeepToken(t *testing.T) {
	s := wiretest.NewSink(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, s.URL+r.URL.RequestURI(), http.StatusPermanentRedirect)
	}))
	defer srv.Close()
	check := func(what string, err error) {
		t.Helper()
		var re *apiruntime.RedirectError
		if !errors.As(err, &re) || re.Target != s.URL {
			t.Errorf("%s: err = %v, want *apiruntime.RedirectError to %s", what, err, s.URL)
		}
		if err != nil && (strings.Contains(err.Error(), towerPass) || strings.Contains(err.Error(), towerToken)) {
			t.Errorf("%s: error carries a secret: %v", what, err)
		}
	}
	tr := New(srv.URL+"/v2/api", WithToken(towerToken))
	check("login", tr.Login(context.Background(), "admin", towerPass))
	check("call", tr.Do(context.Background(), &apiruntime.Request{Operation: "GetVms", Path: "/get-vms", Body: map[string]any{}, Auth: true}, nil))
	check("task poll", tr.WaitTask(context.Background(), "task-1", WithInterval(1)))
	_, err := tr.DetectVersion(context.Background())
	check("version", err)
	s.Check(t, "cloudtower redirects", towerPass, towerToken)
}

func TestOriginAndLimit(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`[` + strings.Repeat(`{"id":"vm"},`, 10000) + `{}]`))
	}))
	defer srv.Close()
	tr := New(srv.URL+"/v2/api", WithToken(towerToken), WithMaxResponseBytes(4096))
	var tl *apiruntime.ResponseTooLargeError
	var out []map[string]any
	if err := tr.Do(context.Background(), &apiruntime.Request{Operation: "GetVms", Path: "/get-vms", Auth: true}, &out); !errors.As(err, &tl) || tl.Limit != 4096 {
		t.Errorf("err = %v, want *apiruntime.ResponseTooLargeError", err)
	}
	for _, p := range []string{"@127.0.0.2/get-vms", "//127.0.0.2/get-vms", apiruntime.Path("/vms/{id}", "id", "..")} {
		if err := tr.Do(context.Background(), &apiruntime.Request{Operation: "Op", Path: p, Auth: true}, nil); !errors.As(err, new(*apiruntime.URLError)) {
			t.Errorf("path %q: err = %v, want *apiruntime.URLError", p, err)
		}
	}
	if err := New("tower.example.com").Do(context.Background(), &apiruntime.Request{Operation: "Op", Path: "/x"}, nil); !errors.As(err, new(*apiruntime.URLError)) {
		t.Errorf("endpoint without scheme: %v", err)
	}
}

func TestInsecureKeepsCustomRoundTripper(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(`{}`)) }))
	defer srv.Close()
	rt := &wiretest.CountingTransport{}
	tr := New(srv.URL, WithHTTPClient(&http.Client{Transport: rt}), WithInsecureSkipVerify())
	if err := tr.Do(context.Background(), &apiruntime.Request{Operation: "Op", Path: "/x"}, nil); err != nil || rt.Count() != 1 {
		t.Errorf("custom RoundTripper used %d times (err %v), want 1", rt.Count(), err)
	}
}
