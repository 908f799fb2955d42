package zstack_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/apigen-dev/apigen/apiruntime"
	"github.com/apigen-dev/apigen/apiruntime/internal/wiretest"
	"github.com/apigen-dev/apigen/apiruntime/zstack"
)

const keySecret = "ak-secret-value-1"

func createZone(path string) *apiruntime.Request {
	return &apiruntime.Request{Operation: "CreateZone", Method: "POST", Path: path, Body: apiruntime.JSONBody{"params": map[string]string{"name": "z"}}, Auth: true}
}

// A 202's location is polled on the configured origin or not at all:
// user info, "@host" and other hosts are refused before any poll.
func TestJobLocationStaysOnOrigin(t *testing.T) {
	s := wiretest.NewSink(t)
	sinkHost := strings.TrimPrefix(s.URL, "http://")
	for _, tc := range []struct {
		loc     string
		anyHost bool
		ok      bool
	}{
		{"@evil-host/zstack/v1/api-jobs/j1", false, false},
		{"@" + sinkHost + "/zstack/v1/api-jobs/j1", false, false},
		{"//evil.example/zstack/v1/api-jobs/j1", false, false},
		{"http://user@evil.example/zstack/v1/api-jobs/j1", false, false},
		{"http://user:pw@localhost:8080/zstack/v1/api-jobs/j1", true, false},
		{"http://evil.example/zstack/v1/api-jobs/j1", false, false},
		{"/zstack/v1/api-jobs/../../admin", false, false},
		{"api-jobs/j1", false, false},
		// What a management node calls itself is its own address.
		{s.URL + "/zstack/v1/api-jobs/j1", false, true},
		{"http://192.168.0.5:8080/zstack/v1/api-jobs/j1", false, true},
		{"http://[::1]:8080/v1/api-jobs/j1", false, true},
		// Any host, with the option, but still only on the origin.
		{"http://evil.example/zstack/v1/api-jobs/j1", true, true},
		{"//" + sinkHost + "/zstack/v1/api-jobs/j1", true, true},
	} {
		f, srv := newFake(t, func(r *http.Request, _ string) (int, string) {
			if r.Method == "POST" {
				return 202, `{"location":` + jsonString(tc.loc) + `}`
			}
			return 200, `{"inventory":{"name":"z"}}`
		})
		opts := []zstack.Option{zstack.WithPollInterval(time.Millisecond)}
		if tc.anyHost {
			opts = append(opts, zstack.WithAnyJobHost())
		}
		tr := zstack.New(srv.URL, opts...)
		tr.SetSession(session)
		err := tr.Do(testCtx(t), createZone("/v1/zones"), nil)
		calls := f.recorded()
		switch {
		case tc.ok && (err != nil || len(calls) != 2 || calls[1].Path != "/zstack/v1/api-jobs/j1"):
			t.Errorf("%q: err %v, calls %+v; want a poll of /zstack/v1/api-jobs/j1 on the origin", tc.loc, err, calls)
		case !tc.ok && (!errors.As(err, new(*apiruntime.URLError)) || len(calls) != 1):
			t.Errorf("%q: err %v, %d calls; want *apiruntime.URLError and no poll", tc.loc, err, len(calls))
		case err != nil && strings.Contains(err.Error(), "pw@"):
			t.Errorf("%q: error carries user info: %v", tc.loc, err)
		}
	}
	s.Check(t, "job locations", session)
}

func jsonString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		if r == '"' || r == '\\' {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	b.WriteByte('"')
	return b.String()
}

// Every exchange — login, a call with a session or an access key, a job
// poll, version detection — refuses a redirect off the origin.
func TestRedirectsKeepCredentials(t *testing.T) {
	s := wiretest.NewSink(t)
	var pollOnly atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if pollOnly.Load() && r.Method == "POST" {
			w.WriteHeader(202)
			w.Write([]byte(`{"location":"/zstack/v1/api-jobs/j1"}`))
			return
		}
		http.Redirect(w, r, s.URL+r.URL.RequestURI(), http.StatusTemporaryRedirect)
	}))
	defer srv.Close()
	secrets := []string{session, keySecret, passwordHash}
	check := func(what string, err error) {
		t.Helper()
		var re *apiruntime.RedirectError
		if !errors.As(err, &re) || re.Target != s.URL {
			t.Errorf("%s: err = %v, want *apiruntime.RedirectError to %s", what, err, s.URL)
		}
		for _, sec := range secrets {
			if err != nil && strings.Contains(err.Error(), sec) {
				t.Errorf("%s: error carries a secret: %v", what, err)
			}
		}
	}
	tr := zstack.New(srv.URL)
	check("login", tr.LogInByAccount(testCtx(t), "admin", "password"))
	tr.SetSession(session)
	check("session call", tr.Do(testCtx(t), createZone("/v1/zones"), nil))
	_, err := tr.DetectVersion(testCtx(t))
	check("version", err)
	check("access key call", zstack.New(srv.URL, zstack.WithAccessKey("ak-id", keySecret)).Do(testCtx(t), createZone("/v1/zones"), nil))
	pollOnly.Store(true)
	check("job poll", tr.Do(testCtx(t), createZone("/v1/zones"), nil))
	s.Check(t, "zstack redirects", secrets...)
}

// Answers past WithMaxResponseBytes fail, on the first exchange and on a
// job poll alike.
func TestResponseLimit(t *testing.T) {
	big := `{"inventory":{"name":"` + strings.Repeat("z", 64<<10) + `"}}`
	_, srv := newFake(t, func(r *http.Request, _ string) (int, string) {
		switch {
		case r.URL.Path == "/zstack/v1/zones" && r.Method == "GET":
			return 200, big
		case r.Method == "POST":
			return 202, `{"location":"/zstack/v1/api-jobs/j1"}`
		}
		return 200, big
	})
	tr := zstack.New(srv.URL, zstack.WithMaxResponseBytes(4096), zstack.WithPollInterval(time.Millisecond))
	tr.SetSession(session)
	for what, req := range map[string]*apiruntime.Request{
		"sync":     {Operation: "QueryZone", Method: "GET", Path: "/v1/zones", Auth: true},
		"job poll": createZone("/v1/zones"),
	} {
		var tl *apiruntime.ResponseTooLargeError
		if err := tr.Do(testCtx(t), req, nil); !errors.As(err, &tl) || tl.Limit != 4096 {
			t.Errorf("%s: err = %v, want *apiruntime.ResponseTooLargeError", what, err)
		}
	}
}

// A path parameter of "." or ".." cannot address another resource: the
// call is refused before anything is sent.
func TestDotSegmentValueRefused(t *testing.T) {
	f, srv := newFake(t, func(*http.Request, string) (int, string) { return 200, `{}` })
	tr := zstack.New(srv.URL)
	tr.SetSession(session)
	for _, v := range []string{"..", "."} {
		err := tr.Do(testCtx(t), &apiruntime.Request{Operation: "DeleteVm", Method: "DELETE", Path: apiruntime.Path("/v1/vm-instances/{uuid}/actions", "uuid", v), Auth: true}, nil)
		if !errors.As(err, new(*apiruntime.URLError)) {
			t.Errorf("uuid %q: err = %v, want *apiruntime.URLError", v, err)
		}
	}
	if n := len(f.recorded()); n != 0 {
		t.Errorf("%d requests sent", n)
	}
}

func TestInsecureKeepsCustomRoundTripper(t *testing.T) {
	_, srv := newFake(t, func(*http.Request, string) (int, string) { return 200, `{}` })
	rt := &wiretest.CountingTransport{}
	tr := zstack.New(srv.URL, zstack.WithHTTPClient(&http.Client{Transport: rt}), zstack.WithInsecureSkipVerify())
	if err := tr.Do(testCtx(t), &apiruntime.Request{Operation: "QueryZone", Path: "/v1/zones"}, nil); err != nil || rt.Count() != 1 {
		t.Errorf("custom RoundTripper used %d times (err %v), want 1", rt.Count(), err)
	}
}
