package apiruntime

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
)

// Extras reach the wire beside what the call sets; none may name a
// credential (the standard headers, a configured API key, a header set
// with WithHeader) or something the call already sets, and a refused call
// sends nothing. The generic transport refuses to wait.
func TestCallOptionsOnHTTPTransport(t *testing.T) {
	var got *http.Request
	var body string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got, body = r, string(b)
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{}`)
	}))
	defer srv.Close()
	tr := NewHTTP(srv.URL, WithBearerToken("tok"), WithAPIKey("query", "api_key", "k1"), WithAPIKey("header", "X-API-Key", "k2"), WithHeader("X-Tenant", "t1"))
	ctx := context.Background()
	call := func(opts ...CallOption) error {
		req := &Request{Operation: "Op", Method: "POST", Path: "/pets", Query: url.Values{"limit": {"1"}}, Header: http.Header{}, Auth: true, Body: map[string]any{"name": "rex"}}
		req.Apply(opts...)
		return tr.Do(ctx, req, nil)
	}
	if err := call(ExtraParam("debug", "1"), ExtraHeader("X-Trace", "a"), ExtraBodyField("tag", "b")); err != nil {
		t.Fatal(err)
	}
	if got.URL.Query().Get("debug") != "1" || got.Header.Get("X-Trace") != "a" || body != `{"name":"rex","tag":"b"}` {
		t.Errorf("sent %s %v %s", got.URL, got.Header, body)
	}
	for _, c := range []struct {
		opt        CallOption
		credential bool
	}{
		{ExtraHeader("authorization", "Bearer evil"), true},
		{ExtraHeader("Cookie", "s=1"), true},
		{ExtraHeader("x-api-key", "evil"), true},
		{ExtraHeader("X-Tenant", "t2"), true},
		{ExtraParam("api_key", "evil"), true},
		{ExtraParam("limit", "500"), false},
		{ExtraBodyField("name", "felix"), false},
	} {
		got = nil
		var xe *ExtraError
		if err := call(c.opt); !errors.As(err, &xe) || xe.Credential != c.credential {
			t.Errorf("got %v, want an ExtraError (credential %v)", err, c.credential)
		}
		if got != nil {
			t.Errorf("a refused call was sent: %s", got.URL)
		}
	}
	if err := call(AndWait()); !errors.Is(err, ErrCannotWait) {
		t.Errorf("AndWait on the generic transport: %v", err)
	}
	// An extra body field on a raw (form) body is refused, not dropped.
	req := &Request{Operation: "Op", Method: "POST", Path: "/f", RawBody: []byte("a=1"), ContentType: "application/x-www-form-urlencoded"}
	req.Apply(ExtraBodyField("b", 2))
	if err := tr.Do(ctx, req, nil); err == nil {
		t.Error("extra body field on a form body was accepted")
	}
}

// Generated code leaves Query and Header nil when a call has no parameter
// there: credentials, WithHeader and extras still reach the wire, and
// nothing writes to the nil maps.
func TestNilQueryAndHeader(t *testing.T) {
	var got *http.Request
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{}`)
	}))
	defer srv.Close()
	tr := NewHTTP(srv.URL, WithAPIKey("query", "api_key", "k1"), WithAPIKey("header", "X-API-Key", "k2"), WithHeader("X-Tenant", "t1"))
	for _, opts := range [][]CallOption{nil, {ExtraParam("debug", "1"), ExtraHeader("X-Trace", "a")}} {
		req := &Request{Operation: "Op", Method: "GET", Path: "/pets", Auth: true}
		req.Apply(opts...)
		if err := tr.Do(context.Background(), req, nil); err != nil {
			t.Fatal(err)
		}
		q := got.URL.Query()
		if q.Get("api_key") != "k1" || got.Header.Get("X-API-Key") != "k2" || got.Header.Get("X-Tenant") != "t1" {
			t.Errorf("sent %s %v", got.URL, got.Header)
		}
		if opts != nil && (q.Get("debug") != "1" || got.Header.Get("X-Trace") != "a") {
			t.Errorf("extras missing: %s %v", got.URL, got.Header)
		}
		if req.Query != nil || req.Header != nil {
			t.Errorf("the transport wrote to the request's maps: %v %v", req.Query, req.Header)
		}
	}
}
