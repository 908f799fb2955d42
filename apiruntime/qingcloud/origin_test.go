package qingcloud

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/apiruntime"
	"github.com/apigen-dev/apigen/apiruntime/internal/wiretest"
)

// A path from a doc (Swagger basePath "@attacker.example:8443") cannot
// move signed calls to another host: JoinURL refuses it before signing.
func TestPathFromDocStaysOnOrigin(t *testing.T) {
	s := wiretest.NewSink(t)
	host := strings.TrimPrefix(s.URL, "http://")
	tr, f, _ := newTestTransport(t)
	f.handle["DescribeZones"] = func(url.Values) map[string]any { return map[string]any{} }
	for _, p := range []string{"@" + host + "/", "@" + host, "//" + host + "/iaas/", s.URL + "/iaas/", `\\` + host + `\iaas`, "/iaas/../iam/"} {
		err := tr.Do(context.Background(), &apiruntime.Request{Action: "DescribeZones", Path: p}, nil)
		if !errors.As(err, new(*apiruntime.URLError)) {
			t.Errorf("path %q: err = %v, want *apiruntime.URLError", p, err)
		}
	}
	if got := f.actions(); len(got) != 0 {
		t.Errorf("origin got %v", got)
	}
	s.Check(t, "paths", testKey, testSecret)
}

// Redirects off the endpoint's origin are refused for calls and job polls
// alike: the signed query (access_key_id, signature) never reaches them.
func TestRedirectsKeepSignature(t *testing.T) {
	s := wiretest.NewSink(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, s.URL+r.URL.RequestURI(), http.StatusTemporaryRedirect)
	}))
	defer srv.Close()
	tr := New(srv.URL+"/iaas/", testKey, testSecret, "pek3a")
	check := func(what string, err error) {
		t.Helper()
		var re *apiruntime.RedirectError
		if !errors.As(err, &re) || re.Target != s.URL {
			t.Errorf("%s: err = %v, want *apiruntime.RedirectError to %s", what, err, s.URL)
		}
		noSecrets(t, err)
		if err != nil && strings.Contains(err.Error(), "signature") {
			t.Errorf("%s: error shows the signed query: %v", what, err)
		}
	}
	check("call", tr.Do(context.Background(), &apiruntime.Request{Action: "RunInstances"}, nil))
	_, err := tr.WaitJob(context.Background(), "j-1")
	check("job poll", err)
	s.Check(t, "qingcloud redirects", testKey, testSecret)
}

func TestResponseLimit(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"ret_code":0,"zone_set":[` + strings.Repeat(`{"zone_id":"pek3a"},`, 10000) + `{}]}`))
	}))
	defer srv.Close()
	tr := New(srv.URL+"/iaas/", testKey, testSecret, "", WithMaxResponseBytes(4096))
	var tl *apiruntime.ResponseTooLargeError
	if err := tr.Do(context.Background(), &apiruntime.Request{Action: "DescribeZones"}, nil); !errors.As(err, &tl) || tl.Limit != 4096 || tl.Operation != "DescribeZones" {
		t.Errorf("err = %v, want *apiruntime.ResponseTooLargeError", err)
	} else {
		noSecrets(t, err)
	}
}

// Insecure mode used to swap a caller's RoundTripper for a fresh
// *http.Transport; the core keeps it and leaves TLS to it.
func TestInsecureKeepsCustomRoundTripper(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"ret_code":0}`))
	}))
	defer srv.Close()
	rt := &wiretest.CountingTransport{}
	tr := New(srv.URL+"/iaas/", testKey, testSecret, "", WithHTTPClient(&http.Client{Transport: rt}), WithInsecureSkipVerify())
	if err := tr.Do(context.Background(), &apiruntime.Request{Action: "DescribeZones"}, nil); err != nil || rt.Count() != 1 {
		t.Errorf("custom RoundTripper used %d times (err %v), want 1", rt.Count(), err)
	}
}
