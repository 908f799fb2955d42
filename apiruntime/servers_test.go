package apiruntime_test

import (
	"context"
	"testing"

	"github.com/apigen-dev/apigen/apiruntime"
	"github.com/apigen-dev/apigen/apiruntime/internal/wiretest"
)

// An operation's own server on another host is used only when the caller
// allowed it; otherwise the call, and its credentials, go to the base URL.
func TestOperationServer(t *testing.T) {
	ctx := context.Background()
	sink := wiretest.NewSink(t)
	srv, s := recorder(t, 200, `{}`, nil)
	creds := []apiruntime.Option{apiruntime.WithBearerToken("srv-secret-1"), apiruntime.WithAPIKey("query", "key", "srv-secret-2")}

	req := &apiruntime.Request{Operation: "upload", Method: "POST", Path: "/v1/files", Server: sink.URL + "/", Auth: true}
	if err := apiruntime.NewHTTP(srv.URL, creds...).Do(ctx, req, nil); err != nil {
		t.Fatal(err)
	}
	if s.path != "/v1/files" || s.header.Get("Authorization") != "Bearer srv-secret-1" {
		t.Errorf("not allowed: the base URL should have served it: %q %v", s.path, s.header)
	}
	sink.Check(t, "operation server not allowed", "srv-secret-1", "srv-secret-2")

	// A user info or another port is another origin, not the allowed one.
	for _, other := range []string{"http://user:pw@" + sink.URL[len("http://"):], "http://127.0.0.2:1"} {
		req.Server = other
		_ = apiruntime.NewHTTP(srv.URL, append(creds, apiruntime.WithServer(sink.URL))...).Do(ctx, req, nil)
	}
	sink.Check(t, "look-alike origins", "srv-secret-1", "srv-secret-2")

	// Allowed: the call goes there, with the credentials the caller chose
	// to send there.
	req.Server = sink.URL + "/"
	if err := apiruntime.NewHTTP(srv.URL, append(creds, apiruntime.WithServer(sink.URL))...).Do(ctx, req, nil); err != nil {
		t.Fatal(err)
	}
	if got := sink.Requests(); len(got) != 1 || got[0].URL != "/v1/files?key=srv-secret-2" {
		t.Errorf("allowed server: %+v", got)
	}

	// A relative server is a path on the base URL's origin.
	for _, c := range []struct{ base, server, want string }{
		{srv.URL + "/api/v1", "/v2", "/v2/x"},
		{srv.URL + "/api/v1", "v2", "/api/v1/v2/x"},
		{srv.URL + "/api/v1/", "../up", ""},
	} {
		err := apiruntime.NewHTTP(c.base).Do(ctx, &apiruntime.Request{Operation: "op", Path: "/x", Server: c.server}, nil)
		switch {
		case c.want == "" && err == nil:
			t.Errorf("server %q on %s: no error", c.server, c.base)
		case c.want != "" && (err != nil || s.path != c.want):
			t.Errorf("server %q on %s: path %q, %v; want %q", c.server, c.base, s.path, err, c.want)
		}
	}
}
