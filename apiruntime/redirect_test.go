package apiruntime_test

import (
	"context"
	"encoding/base64"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/apigen-dev/apigen/apiruntime"
	"github.com/apigen-dev/apigen/apiruntime/internal/wiretest"
)

const (
	redirBearer = "bearer-secret-1"
	redirPass   = "basic-secret-1"
	redirKey    = "key-secret-1"
	redirHdr    = "header-secret-1"
	redirBody   = "body-secret-1"
)

// offOrigin answers every request with code to the sink, echoing the
// path and query as a misconfigured proxy would.
func offOrigin(t *testing.T, code int, to *wiretest.Sink) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, to.URL+r.URL.RequestURI(), code)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestRedirectOffOriginCarriesNothing(t *testing.T) {
	styles := map[string][]apiruntime.Option{
		"bearer":     {apiruntime.WithBearerToken(redirBearer)},
		"basic":      {apiruntime.WithBasicAuth("ann", redirPass)},
		"key header": {apiruntime.WithAPIKey("header", "X-API-Key", redirKey)},
		"key query":  {apiruntime.WithAPIKey("query", "api_key", redirKey)},
		"key cookie": {apiruntime.WithAPIKey("cookie", "sid", redirKey)},
		"header":     {apiruntime.WithHeader("X-Custom-Auth", redirHdr)},
		"own client": {apiruntime.WithHTTPClient(&http.Client{}), apiruntime.WithAPIKey("header", "X-API-Key", redirKey)},
	}
	secrets := []string{redirBearer, redirPass, base64.StdEncoding.EncodeToString([]byte("ann:" + redirPass)), redirKey, redirHdr, redirBody}
	for _, code := range []int{301, 302, 303, 307, 308} {
		for name, opts := range styles {
			s := wiretest.NewSink(t)
			srv := offOrigin(t, code, s)
			err := apiruntime.NewHTTP(srv.URL+"/v1", opts...).Do(context.Background(), &apiruntime.Request{
				Operation: "createPet", Method: http.MethodPost, Path: "/pets",
				Body: map[string]string{"secret": redirBody}, Auth: true,
			}, nil)
			var re *apiruntime.RedirectError
			if !errors.As(err, &re) || re.StatusCode != code || re.Target != s.URL {
				t.Errorf("%d %s: err = %v, want *RedirectError to the sink", code, name, err)
			}
			for _, sec := range secrets {
				if err != nil && strings.Contains(err.Error(), sec) {
					t.Errorf("%d %s: error carries %q: %v", code, name, sec, err)
				}
			}
			s.Check(t, name, secrets...)
		}
	}
}

// The harness can see a leak: a bare http.Client following the same
// redirect sends the API key and the body to the sink.
func TestRedirectHarnessSeesLeaks(t *testing.T) {
	s := wiretest.NewSink(t)
	srv := offOrigin(t, 307, s)
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/v1/pets", strings.NewReader(redirBody))
	req.Header.Set("X-API-Key", redirKey)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got := s.Leaks(redirKey, redirBody); len(got) != 2 {
		t.Fatalf("bare client: sink saw %q, want both secrets (is 127.0.0.2 reachable?)", got)
	}
}

// sameOrigin redirects /old to /new on itself and records what /new got.
func sameOrigin(t *testing.T, code int) (*httptest.Server, *http.Header, *string) {
	var hdr http.Header
	var body string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/old") {
			http.Redirect(w, r, "/v1/new", code)
			return
		}
		b, _ := io.ReadAll(r.Body)
		hdr, body = r.Header.Clone(), string(b)
		io.WriteString(w, `{"ok":true}`)
	}))
	t.Cleanup(srv.Close)
	return srv, &hdr, &body
}

func TestRedirectSameOriginFollowed(t *testing.T) {
	srv, hdr, body := sameOrigin(t, 307)
	var calls atomic.Int32
	own := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { calls.Add(1); return nil }}
	tr := apiruntime.NewHTTP(srv.URL+"/v1", apiruntime.WithHTTPClient(own), apiruntime.WithAPIKey("header", "X-API-Key", redirKey))
	var out struct{ OK bool }
	err := tr.Do(context.Background(), &apiruntime.Request{Operation: "op", Method: http.MethodPost, Path: "/old", Body: map[string]string{"b": "v"}, Auth: true}, &out)
	if err != nil || !out.OK {
		t.Fatalf("same-origin 307: %v %+v", err, out)
	}
	if (*hdr).Get("X-API-Key") != redirKey || *body != `{"b":"v"}` {
		t.Errorf("same-origin 307 lost credentials or body: %v %q", *hdr, *body)
	}
	if calls.Load() != 1 {
		t.Errorf("caller's CheckRedirect ran %d times, want 1", calls.Load())
	}
	// The caller's own refusal still counts.
	own.CheckRedirect = func(*http.Request, []*http.Request) error { return errors.New("no thanks") }
	err = apiruntime.NewHTTP(srv.URL+"/v1", apiruntime.WithHTTPClient(own)).Do(context.Background(), &apiruntime.Request{Operation: "op", Path: "/old"}, nil)
	if err == nil || !strings.Contains(err.Error(), "no thanks") {
		t.Errorf("caller's CheckRedirect dropped: %v", err)
	}
}

func TestRedirectNever(t *testing.T) {
	srv, hdr, _ := sameOrigin(t, 308)
	err := apiruntime.NewHTTP(srv.URL+"/v1", apiruntime.WithRedirectPolicy(apiruntime.RedirectNever)).Do(context.Background(), &apiruntime.Request{Operation: "op", Path: "/old"}, nil)
	var ae *apiruntime.APIError
	if !errors.As(err, &ae) || ae.StatusCode != 308 {
		t.Errorf("RedirectNever: %v, want *APIError 308", err)
	}
	if *hdr != nil {
		t.Error("RedirectNever followed the redirect")
	}
}

func TestInsecureKeepsCustomRoundTripper(t *testing.T) {
	srv, _, _ := sameOrigin(t, 307)
	rt := &wiretest.CountingTransport{}
	own := &http.Client{Transport: rt}
	err := apiruntime.NewHTTP(srv.URL+"/v1", apiruntime.WithHTTPClient(own), apiruntime.WithInsecureSkipVerify()).Do(context.Background(), &apiruntime.Request{Operation: "op", Path: "/new"}, nil)
	if err != nil || rt.Count() != 1 {
		t.Errorf("custom RoundTripper used %d times (err %v), want 1", rt.Count(), err)
	}
	if own.CheckRedirect != nil || own.Transport != rt {
		t.Error("the caller's client was modified")
	}
}
