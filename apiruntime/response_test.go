package apiruntime_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/apiruntime"
	"github.com/apigen-dev/apigen/apiruntime/internal/wiretest"
)

// answer serves body with Content-Type ct (none when "") and status.
func answer(t *testing.T, status int, ct, body string) (*httptest.Server, *http.Header) {
	t.Helper()
	var seen http.Header
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen = r.Header.Clone()
		if ct != "" {
			w.Header().Set("Content-Type", ct)
		} else {
			w.Header()["Content-Type"] = nil // no sniffing
		}
		w.Header().Set("X-Total-Count", "7")
		w.WriteHeader(status)
		io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv, &seen
}

func TestDecodeByContentType(t *testing.T) {
	ctx := context.Background()
	req := &apiruntime.Request{Operation: "op", Path: "/x"}
	do := func(ct, body string, out any) error {
		srv, _ := answer(t, 200, ct, body)
		return apiruntime.NewHTTP(srv.URL).Do(ctx, req, out)
	}
	var s string
	if err := do("text/html; charset=utf-8", "<p>hi</p>", &s); err != nil || s != "<p>hi</p>" {
		t.Errorf("html into string: %q %v", s, err)
	}
	if err := do("application/json", `"quoted"`, &s); err != nil || s != "quoted" {
		t.Errorf("JSON string into string: %q %v", s, err)
	}
	var b []byte
	if err := do("application/zip", "PK\x03\x04", &b); err != nil || string(b) != "PK\x03\x04" {
		t.Errorf("zip into bytes: %q %v", b, err)
	}
	var v struct{ A int }
	if err := do("application/problem+json", `{"A":3}`, &v); err != nil || v.A != 3 {
		t.Errorf("+json into struct: %+v %v", v, err)
	}
	// An HTML page where JSON was documented says so, not "invalid
	// character '<'".
	var cte *apiruntime.ContentTypeError
	if err := do("text/html", "<html>login</html>", &v); !errors.As(err, &cte) || cte.ContentType != "text/html" || strings.Contains(err.Error(), "invalid character") {
		t.Errorf("html into struct: %v", err)
	}
	// JSON mislabelled as text/plain still decodes.
	if err := do("text/plain", `{"A":4}`, &v); err != nil || v.A != 4 {
		t.Errorf("JSON as text/plain: %+v %v", v, err)
	}
}

func TestStreamedDownload(t *testing.T) {
	srv, _ := answer(t, 200, "application/octet-stream", strings.Repeat("z", 1000))
	var rc io.ReadCloser
	if err := apiruntime.NewHTTP(srv.URL).Do(context.Background(), &apiruntime.Request{Operation: "dl", Path: "/f"}, &rc); err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(rc)
	rc.Close()
	if err != nil || len(b) != 1000 {
		t.Errorf("stream: %d bytes, %v", len(b), err)
	}
	// Past the limit, the stream fails instead of reading on.
	if err := apiruntime.NewHTTP(srv.URL, apiruntime.WithMaxResponseBytes(999)).Do(context.Background(), &apiruntime.Request{Operation: "dl", Path: "/f"}, &rc); err == nil {
		_, err = io.ReadAll(rc)
		rc.Close()
		if !errors.As(err, new(*apiruntime.ResponseTooLargeError)) {
			t.Errorf("stream past the limit: %v", err)
		}
	} else if !errors.As(err, new(*apiruntime.ResponseTooLargeError)) {
		t.Errorf("stream past the limit: %v", err)
	}
	// Exactly the limit is fine.
	if err := apiruntime.NewHTTP(srv.URL, apiruntime.WithMaxResponseBytes(1000)).Do(context.Background(), &apiruntime.Request{Operation: "dl", Path: "/f"}, &rc); err != nil {
		t.Fatal(err)
	}
	if b, err := io.ReadAll(rc); err != nil || len(b) != 1000 {
		t.Errorf("stream of exactly the limit: %d %v", len(b), err)
	}
	rc.Close()
}

// A download redirected to another host is refused before anything goes
// there: streams take the same path as every call.
func TestStreamedDownloadRedirectOffOrigin(t *testing.T) {
	sink := wiretest.NewSink(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, sink.URL+"/steal", http.StatusTemporaryRedirect)
	}))
	t.Cleanup(srv.Close)
	var rc io.ReadCloser
	err := apiruntime.NewHTTP(srv.URL, apiruntime.WithBearerToken("dl-secret-1"), apiruntime.WithAPIKey("query", "k", "dl-secret-2")).
		Do(context.Background(), &apiruntime.Request{Operation: "dl", Path: "/f", Auth: true}, &rc)
	if !errors.As(err, new(*apiruntime.RedirectError)) {
		t.Errorf("redirect off origin: %v", err)
	}
	sink.Check(t, "download", "dl-secret-1", "dl-secret-2")
}

func TestAcceptHeader(t *testing.T) {
	srv, seen := answer(t, 200, "text/plain", "ok")
	ctx := context.Background()
	var s string
	req := &apiruntime.Request{Operation: "op", Path: "/x", Accept: "text/plain, application/json"}
	if err := apiruntime.NewHTTP(srv.URL).Do(ctx, req, &s); err != nil || seen.Get("Accept") != "text/plain, application/json" {
		t.Errorf("spec's Accept: %q %v", seen.Get("Accept"), err)
	}
	if err := apiruntime.NewHTTP(srv.URL, apiruntime.WithHeader("Accept", "text/html")).Do(ctx, req, &s); err != nil || seen.Get("Accept") != "text/html" {
		t.Errorf("WithHeader must win over the spec: %q %v", seen.Get("Accept"), err)
	}
	own := &apiruntime.Request{Operation: "op", Path: "/x", Accept: "text/plain", Header: http.Header{"Accept": {"application/vnd.diff"}}}
	if err := apiruntime.NewHTTP(srv.URL, apiruntime.WithHeader("Accept", "text/html")).Do(ctx, own, &s); err != nil || seen.Get("Accept") != "application/vnd.diff" {
		t.Errorf("the call's own Accept parameter must win: %q %v", seen.Get("Accept"), err)
	}
	if err := apiruntime.NewHTTP(srv.URL).Do(ctx, &apiruntime.Request{Operation: "op", Path: "/x"}, &s); err != nil || seen.Get("Accept") != "application/json" {
		t.Errorf("default Accept: %q %v", seen.Get("Accept"), err)
	}
}

type apiProblem struct {
	Error struct {
		Message string `json:"message"`
		Type    string `json:"type"`
	} `json:"error"`
}

type notFound struct {
	Detail string `json:"detail"`
}

func TestTypedErrors(t *testing.T) {
	ctx := context.Background()
	cases := []apiruntime.ErrorCase{
		{Code: "404", Decode: apiruntime.DecodeError[notFound]},
		{Code: "5XX", Decode: apiruntime.DecodeError[string]},
		{Code: "default", Decode: apiruntime.DecodeError[apiProblem]},
	}
	call := func(status int, ct, body string, opts ...apiruntime.Option) error {
		srv, _ := answer(t, status, ct, body)
		return apiruntime.NewHTTP(srv.URL, opts...).Do(ctx, &apiruntime.Request{Operation: "op", Path: "/x", Auth: true, Errors: cases}, nil)
	}

	err := call(402, "application/json", `{"error":{"message":"Your card was declined; key sk_live_abcdef1234 echoed","type":"card_error"}}`, apiruntime.WithBearerToken("sk_live_abcdef1234"))
	var pe *apiruntime.ErrorResponse[apiProblem]
	if !errors.As(err, &pe) || pe.Value.Error.Type != "card_error" || pe.StatusCode != 402 {
		t.Fatalf("default case: %T %v", err, err)
	}
	if strings.Contains(err.Error(), "sk_live_abcdef1234") || strings.Contains(pe.Value.Error.Message, "sk_live_abcdef1234") {
		t.Errorf("secret in the typed error: %v / %q", err, pe.Value.Error.Message)
	}
	var ae *apiruntime.APIError
	if !errors.As(err, &ae) || ae.Header.Get("X-Total-Count") != "7" || !strings.Contains(string(ae.Body), "card_error") {
		t.Errorf("raw error behind the typed one: %+v", ae)
	}

	var nf *apiruntime.ErrorResponse[notFound]
	if err := call(404, "application/json", `{"detail":"no such pet"}`); !errors.As(err, &nf) || nf.Value.Detail != "no such pet" {
		t.Errorf("exact code: %T %v", err, err)
	}
	var se *apiruntime.ErrorResponse[string]
	if err := call(503, "application/json", `"down for maintenance"`); !errors.As(err, &se) || se.Value != "down for maintenance" {
		t.Errorf("class 5XX: %T %v", err, err)
	}
	// A body that is not JSON stays a plain *APIError with its bytes.
	err = call(500, "text/html", "<h1>502 Bad Gateway</h1>")
	if errors.As(err, &se) || !errors.As(err, &ae) || string(ae.Body) != "<h1>502 Bad Gateway</h1>" {
		t.Errorf("html error: %T %v", err, err)
	}
}

func TestWithResponse(t *testing.T) {
	srv, _ := answer(t, 200, "application/json", `{"A":1}`)
	var meta apiruntime.Response
	var v struct{ A int }
	ctx := apiruntime.WithResponse(context.Background(), &meta)
	if err := apiruntime.NewHTTP(srv.URL).Do(ctx, &apiruntime.Request{Operation: "op", Path: "/x"}, &v); err != nil {
		t.Fatal(err)
	}
	if meta.StatusCode != 200 || meta.Header.Get("X-Total-Count") != "7" || string(meta.Body) != `{"A":1}` || meta.HTTP == nil {
		t.Errorf("response %+v", meta)
	}
	// A WithResponse inside another (an iterator's own, for its Link)
	// leaves the outer one filled too, redacted alike.
	var inner apiruntime.Response
	srv, _ = answer(t, 429, "application/json", `{"error":"slow down, tok-429-secret"}`)
	err := apiruntime.NewHTTP(srv.URL, apiruntime.WithBearerToken("tok-429-secret")).Do(apiruntime.WithResponse(ctx, &inner), &apiruntime.Request{Operation: "op", Path: "/x", Auth: true}, &v)
	for name, m := range map[string]*apiruntime.Response{"outer": &meta, "inner": &inner} {
		if err == nil || m.StatusCode != 429 || m.Header.Get("X-Total-Count") != "7" || len(m.Body) == 0 || strings.Contains(string(m.Body), "tok-429-secret") {
			t.Errorf("failed call's %s response %+v (%v)", name, *m, err)
		}
	}
	if apiruntime.WithResponse(ctx, nil) != ctx {
		t.Error("WithResponse(nil) added a recorder")
	}
}
