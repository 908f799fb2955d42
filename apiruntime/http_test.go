package apiruntime_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/apigen-dev/apigen/apiruntime"
)

// seen is what the fake server received.
type seen struct {
	method, path, rawPath, query, body string
	header                             http.Header
	cookies                            []*http.Cookie
}

func recorder(t *testing.T, status int, answer string, extra http.Header) (*httptest.Server, *seen) {
	t.Helper()
	s := &seen{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		*s = seen{r.Method, r.URL.Path, r.URL.EscapedPath(), r.URL.RawQuery, string(b), r.Header.Clone(), r.Cookies()}
		for k, vs := range extra {
			w.Header()[k] = vs
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		io.WriteString(w, answer)
	}))
	t.Cleanup(srv.Close)
	return srv, s
}

func TestHTTPTransportSends(t *testing.T) {
	srv, s := recorder(t, 200, `{"id":7,"name":"rex"}`, nil)
	tr := apiruntime.NewHTTP(srv.URL+"/api/", apiruntime.WithHeader("User-Agent", "apigen-test"),
		apiruntime.WithBearerToken("tok-123"),
		apiruntime.WithRequestEditor(func(_ context.Context, r *http.Request) error {
			r.Header.Set("X-Edited", "yes")
			return nil
		}))
	q := url.Values{}
	apiruntime.AddQuery(q, "tags", []string{"a", "b c"})
	var out struct {
		ID   apiruntime.Int64 `json:"id"`
		Name string           `json:"name"`
	}
	err := tr.Do(context.Background(), &apiruntime.Request{
		Operation: "updatePet",
		Method:    http.MethodPut,
		Path:      apiruntime.Path("/pets/{id}", "id", "a/b"),
		Query:     q,
		Header:    http.Header{"X-Request-Tag": {"t1"}},
		Body:      map[string]any{"name": "rex"},
		Auth:      true,
	}, &out)
	if err != nil {
		t.Fatal(err)
	}
	if out.ID != 7 || out.Name != "rex" {
		t.Errorf("out = %+v", out)
	}
	checks := map[string][2]string{
		"method":        {s.method, "PUT"},
		"escaped path":  {s.rawPath, "/api/pets/a%2Fb"},
		"query":         {s.query, "tags=a&tags=b+c"},
		"body":          {s.body, `{"name":"rex"}`},
		"authorization": {s.header.Get("Authorization"), "Bearer tok-123"},
		"content-type":  {s.header.Get("Content-Type"), "application/json"},
		"accept":        {s.header.Get("Accept"), "application/json"},
		"default hdr":   {s.header.Get("User-Agent"), "apigen-test"},
		"request hdr":   {s.header.Get("X-Request-Tag"), "t1"},
		"editor":        {s.header.Get("X-Edited"), "yes"},
	}
	for name, c := range checks {
		if c[0] != c[1] {
			t.Errorf("%s: got %q, want %q", name, c[0], c[1])
		}
	}
}

func TestHTTPTransportAuthStyles(t *testing.T) {
	srv, s := recorder(t, 204, "", nil)
	ctx := context.Background()

	tr := apiruntime.NewHTTP(srv.URL, apiruntime.WithBasicAuth("ann", "s3cret"))
	if err := tr.Do(ctx, &apiruntime.Request{Operation: "op", Path: "/x", Auth: true}, nil); err != nil {
		t.Fatal(err)
	}
	if u, p, ok := (&http.Request{Header: s.header}).BasicAuth(); !ok || u != "ann" || p != "s3cret" {
		t.Errorf("basic auth = %q %q %v", u, p, ok)
	}

	tr = apiruntime.NewHTTP(srv.URL,
		apiruntime.WithAPIKey("header", "X-API-Key", "hk"),
		apiruntime.WithAPIKey("query", "api_key", "qk"),
		apiruntime.WithAPIKey("cookie", "sid", "ck"))
	if err := tr.Do(ctx, &apiruntime.Request{Operation: "op", Path: "/x", Query: url.Values{"a": {"1"}}, Auth: true}, nil); err != nil {
		t.Fatal(err)
	}
	if s.header.Get("X-Api-Key") != "hk" || s.query != "a=1&api_key=qk" || len(s.cookies) != 1 || s.cookies[0].Value != "ck" {
		t.Errorf("api keys: header %q query %q cookies %v", s.header.Get("X-Api-Key"), s.query, s.cookies)
	}

	// Auth false: no credential of any kind goes out.
	if err := tr.Do(ctx, &apiruntime.Request{Operation: "login", Path: "/login"}, nil); err != nil {
		t.Fatal(err)
	}
	if s.header.Get("X-Api-Key") != "" || s.query != "" || len(s.cookies) != 0 || s.header.Get("Authorization") != "" {
		t.Errorf("unauthenticated call carried credentials: %v %q", s.header, s.query)
	}
}

func TestHTTPTransportAPIError(t *testing.T) {
	srv, _ := recorder(t, 404, `{"message":"no such pet"}`, http.Header{"X-Request-Id": {"req-42"}})
	tr := apiruntime.NewHTTP(srv.URL, apiruntime.WithAPIKey("query", "api_key", "query-secret"))
	err := tr.Do(context.Background(), &apiruntime.Request{Operation: "getPet", Method: "GET", Path: "/pets/1", Query: url.Values{"x": {"1"}}, Auth: true}, nil)
	var ae *apiruntime.APIError
	if !errors.As(err, &ae) {
		t.Fatalf("err %T %v, want *APIError", err, err)
	}
	if ae.StatusCode != 404 || ae.RequestID != "req-42" || ae.Operation != "getPet" || ae.Method != "GET" {
		t.Errorf("APIError = %+v", ae)
	}
	if ae.URL != srv.URL+"/pets/1" {
		t.Errorf("URL %q, want it without the query", ae.URL)
	}
	var body struct{ Message string }
	if json.Unmarshal(ae.Body, &body) != nil || body.Message != "no such pet" {
		t.Errorf("body %s", ae.Body)
	}
	msg := err.Error()
	for _, want := range []string{"getPet", "404", "req-42", "no such pet"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q lacks %q", msg, want)
		}
	}
	if strings.Contains(msg, "query-secret") || strings.Contains(msg, "x=1") {
		t.Errorf("error %q shows the query", msg)
	}
}

func TestSecretsNeverInErrors(t *testing.T) {
	// A server that echoes the request's credentials back in its error.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(401)
		io.WriteString(w, `{"error":"bad credentials","got":"`+r.Header.Get("Authorization")+`","key":"`+r.Header.Get("X-Key")+`"}`)
	}))
	defer srv.Close()
	ctx := context.Background()
	req := &apiruntime.Request{Operation: "op", Path: "/x", Auth: true}

	for name, tc := range map[string]struct {
		opt    apiruntime.Option
		secret []string
	}{
		"bearer": {apiruntime.WithBearerToken("tok-very-secret"), []string{"tok-very-secret"}},
		"basic":  {apiruntime.WithBasicAuth("ann", "pa55word"), []string{"pa55word", "YW5uOnBhNTV3b3Jk"}},
		"apikey": {apiruntime.WithAPIKey("header", "X-Key", "key-very-secret"), []string{"key-very-secret"}},
	} {
		err := apiruntime.NewHTTP(srv.URL, tc.opt).Do(ctx, req, nil)
		if err == nil {
			t.Fatalf("%s: want an error", name)
		}
		var ae *apiruntime.APIError
		if !errors.As(err, &ae) || ae.StatusCode != 401 {
			t.Errorf("%s: err %v", name, err)
		}
		for _, s := range tc.secret {
			if strings.Contains(err.Error(), s) || strings.Contains(string(ae.Body), s) {
				t.Errorf("%s: secret %q in error %q", name, s, err)
			}
		}
	}

	// Transport failures: net/http's *url.Error would quote the query.
	dead := httptest.NewServer(http.NotFoundHandler())
	deadURL := dead.URL
	dead.Close()
	err := apiruntime.NewHTTP(deadURL, apiruntime.WithAPIKey("query", "api_key", "qs-very-secret"), apiruntime.WithBearerToken("tok-very-secret")).Do(ctx, req, nil)
	if err == nil || strings.Contains(err.Error(), "qs-very-secret") || strings.Contains(err.Error(), "tok-very-secret") {
		t.Errorf("transport error %v", err)
	}
}

func TestHTTPTransportContext(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}))
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	err := apiruntime.NewHTTP(srv.URL).Do(ctx, &apiruntime.Request{Operation: "slow", Path: "/"}, nil)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err %v, want DeadlineExceeded", err)
	}
}

func TestHTTPTransportTLS(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, `{}`) }))
	defer srv.Close()
	req := &apiruntime.Request{Operation: "op", Path: "/"}
	if err := apiruntime.NewHTTP(srv.URL).Do(context.Background(), req, nil); err == nil {
		t.Error("self-signed certificate accepted without WithInsecureSkipVerify")
	}
	if err := apiruntime.NewHTTP(srv.URL, apiruntime.WithInsecureSkipVerify()).Do(context.Background(), req, nil); err != nil {
		t.Errorf("with WithInsecureSkipVerify: %v", err)
	}
	// A caller's client is used as given, and not modified by the opt-out.
	base := srv.Client()
	before := base.Transport
	if err := apiruntime.NewHTTP(srv.URL, apiruntime.WithHTTPClient(base), apiruntime.WithInsecureSkipVerify()).Do(context.Background(), req, nil); err != nil {
		t.Errorf("injected client: %v", err)
	}
	if base.Transport != before {
		t.Error("the injected client was modified")
	}
}

func TestHTTPTransportVersionAndDecode(t *testing.T) {
	srv, s := recorder(t, 200, `not json`, nil)
	tr := apiruntime.NewHTTP(srv.URL, apiruntime.WithServerVersion("4.0.0"))
	s.method = "untouched"
	err := tr.Do(context.Background(), &apiruntime.Request{Operation: "newOp", Path: "/", Since: "4.6.0"}, nil)
	var uv *apiruntime.UnsupportedVersionError
	if !errors.As(err, &uv) || s.method != "untouched" {
		t.Errorf("err %v, server called: %v", err, s.method != "untouched")
	}
	var out map[string]any
	err = tr.Do(context.Background(), &apiruntime.Request{Operation: "oldOp", Path: "/", Since: "3.0"}, &out)
	if err == nil || !strings.Contains(err.Error(), "oldOp: decode response") {
		t.Errorf("decode error = %v", err)
	}
	var raw []byte
	if err := tr.Do(context.Background(), &apiruntime.Request{Operation: "raw", Path: "/"}, &raw); err != nil || string(raw) != "not json" {
		t.Errorf("raw = %q, %v", raw, err)
	}
}

func TestNewHTTPRequestRawBody(t *testing.T) {
	r, err := apiruntime.NewHTTPRequest(context.Background(), "http://h/base", &apiruntime.Request{
		Operation: "upload", Method: "POST", Path: "files", RawBody: []byte("abc"), ContentType: "text/plain",
	})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(r.Body)
	if r.URL.String() != "http://h/base/files" || string(b) != "abc" || r.Header.Get("Content-Type") != "text/plain" {
		t.Errorf("%s %q %q", r.URL, b, r.Header.Get("Content-Type"))
	}
	if r.GetBody == nil {
		t.Error("GetBody unset: redirects and retries cannot resend the body")
	}
}
