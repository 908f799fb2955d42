package cloudtower

import (
	"context"
	"errors"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/apiruntime"
)

func TestLoginThenCall(t *testing.T) {
	f, srv := newFakeTower(t)
	tr := New(srv.URL+"/v2/api/", WithLanguage("zh-CN"))
	ctx := context.Background()
	if err := tr.Login(ctx, "admin", "secret"); err != nil {
		t.Fatal(err)
	}
	if tr.Token() != "tok-123" {
		t.Errorf("token = %q, want tok-123", tr.Token())
	}
	login := f.recorded("/login")
	if len(login) != 1 {
		t.Fatalf("%d login requests, want 1", len(login))
	}
	if got := string(login[0].body); got != `{"username":"admin","password":"secret","source":"LOCAL"}` {
		t.Errorf("login body = %s", got)
	}
	if got := login[0].header.Get("Authorization"); got != "" {
		t.Errorf("login sent Authorization %q", got)
	}

	var out []struct {
		TaskID *string `json:"task_id"`
	}
	err := tr.Do(ctx, &apiruntime.Request{Operation: "CreateVm", Path: "/create-vm", Body: []any{map[string]string{"name": "a"}}, Auth: true}, &out)
	if err != nil {
		t.Fatal(err)
	}
	if ids := TaskIDs(out, func(v struct {
		TaskID *string `json:"task_id"`
	}) *string {
		return v.TaskID
	}); strings.Join(ids, ",") != "t1,t2" {
		t.Errorf("task ids = %v", ids)
	}
	create := f.recorded("/create-vm")[0]
	// The spec's scheme is a raw apiKey header: no "Bearer".
	if got := create.header.Get("Authorization"); got != "tok-123" {
		t.Errorf("Authorization = %q, want the raw token", got)
	}
	for _, r := range []*recorded{login[0], create} {
		if got := r.header.Get("content-language"); got != "zh-CN" {
			t.Errorf("%s: content-language = %q, want zh-CN", r.path, got)
		}
	}
}

func TestLoginUserSourceAndNoLanguage(t *testing.T) {
	f, srv := newFakeTower(t)
	tr := New(srv.URL+"/v2/api", WithHTTPClient(srv.Client()))
	if err := tr.Login(context.Background(), "bob", "secret", WithUserSource("LDAP")); err != nil {
		t.Fatal(err)
	}
	r := f.recorded("/login")[0]
	if !strings.Contains(string(r.body), `"source":"LDAP"`) {
		t.Errorf("login body = %s, want source LDAP", r.body)
	}
	if _, ok := r.header["Content-Language"]; ok {
		t.Errorf("content-language sent without WithLanguage")
	}
}

func TestLoginErrorHidesPassword(t *testing.T) {
	_, srv := newFakeTower(t)
	tr := New(srv.URL + "/v2/api")
	const pw = `hunter2"<x>`
	err := tr.Login(context.Background(), "admin", pw)
	var te *Error
	if !errors.As(err, &te) {
		t.Fatalf("err = %v (%T), want *Error", err, err)
	}
	if strings.Contains(err.Error(), "hunter2") || strings.Contains(string(te.Err.Body), "hunter2") {
		t.Errorf("password leaked: %v / body %s", err, te.Err.Body)
	}
	if tr.Token() != "" {
		t.Errorf("token set after a failed login")
	}
}

func TestUnauthenticatedCall(t *testing.T) {
	_, srv := newFakeTower(t)
	err := New(srv.URL+"/v2/api").Do(context.Background(), &apiruntime.Request{Operation: "GetVms", Path: "/get-vms", Body: map[string]any{}, Auth: true}, nil)
	var apiErr *apiruntime.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusUnauthorized {
		t.Fatalf("err = %v, want HTTP 401", err)
	}
}

func TestErrorBody(t *testing.T) {
	_, srv := newFakeTower(t)
	tr := New(srv.URL+"/v2/api", WithToken("tok-123"))
	err := tr.Do(context.Background(), &apiruntime.Request{Operation: "Locked", Path: "/locked", Body: map[string]any{}, Auth: true}, nil)
	var te *Error
	if !errors.As(err, &te) {
		t.Fatalf("err = %v (%T), want *Error", err, err)
	}
	if te.Code != "ResourceLocked" || te.Message != "vm vm1 is locked" || te.OperationName != "Locked" {
		t.Errorf("error = %+v", te)
	}
	var apiErr *apiruntime.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 400 || apiErr.RequestID != "req-/locked" {
		t.Errorf("wrapped APIError = %+v", apiErr)
	}
	if strings.Contains(err.Error(), "internal.js") {
		t.Errorf("error shows the server stack: %v", err)
	}
	if want := "Locked: HTTP 400 (request id req-/locked): ResourceLocked: vm vm1 is locked"; err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}
}

func TestPlainErrorBody(t *testing.T) {
	_, srv := newFakeTower(t)
	tr := New(srv.URL+"/v2/api", WithToken("tok-123"))
	err := tr.Do(context.Background(), &apiruntime.Request{Operation: "Plain", Path: "/plain-error", Auth: true}, nil)
	var te *Error
	var apiErr *apiruntime.APIError
	if errors.As(err, &te) || !errors.As(err, &apiErr) || apiErr.StatusCode != 400 {
		t.Fatalf("err = %v (%T), want a plain *APIError", err, err)
	}
}

func TestServerVersion(t *testing.T) {
	f, srv := newFakeTower(t)
	tr := New(srv.URL+"/v2/api", WithToken("tok-123"), WithServerVersion("3.0.0"))
	ctx := context.Background()
	err := tr.Do(ctx, &apiruntime.Request{Operation: "GetVms", Path: "/get-vms", Since: "4.0.0", Auth: true}, nil)
	var ve *apiruntime.UnsupportedVersionError
	if !errors.As(err, &ve) || ve.Since != "4.0.0" || ve.Server != "3.0.0" {
		t.Fatalf("err = %v, want *UnsupportedVersionError", err)
	}
	if n := len(f.recorded("/get-vms")); n != 0 {
		t.Errorf("%d requests sent for a refused call", n)
	}
	var vms []string
	if err := tr.Do(ctx, &apiruntime.Request{Operation: "GetVms", Path: "/get-vms", Since: "2.0.0", Auth: true}, &vms); err != nil {
		t.Errorf("call the server supports: %v", err)
	}
}

func TestInsecureSkipVerify(t *testing.T) {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(`{"task_id":null,"data":{"token":"t"}}`))
	}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshake
	srv.StartTLS()
	defer srv.Close()
	ctx := context.Background()
	if err := New(srv.URL).Login(ctx, "u", "p"); err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Errorf("self-signed tower accepted by default: %v", err)
	}
	if err := New(srv.URL, WithInsecureSkipVerify()).Login(ctx, "u", "p"); err != nil {
		t.Errorf("WithInsecureSkipVerify: %v", err)
	}
	// Order of options does not matter, and the caller's client is not changed.
	own := &http.Client{Transport: &http.Transport{}}
	if err := New(srv.URL, WithInsecureSkipVerify(), WithHTTPClient(own)).Login(ctx, "u", "p"); err != nil {
		t.Errorf("WithInsecureSkipVerify + WithHTTPClient: %v", err)
	}
	// (Clone fills the original's TLSClientConfig with HTTP/2 defaults, so
	// only the verification switch is checked.)
	if c := own.Transport.(*http.Transport).TLSClientConfig; c != nil && c.InsecureSkipVerify {
		t.Errorf("caller's transport modified")
	}
	if dt := http.DefaultTransport.(*http.Transport); dt.TLSClientConfig != nil && dt.TLSClientConfig.InsecureSkipVerify {
		t.Errorf("http.DefaultTransport modified")
	}
}
