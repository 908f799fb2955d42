package apiruntime_test

import (
	"context"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/apigen-dev/apigen/apiruntime"
	"github.com/apigen-dev/apigen/apiruntime/internal/wiretest"
)

// received is what one request brought to a recording server.
type received struct {
	contentType string
	body        string
}

// bodyRecorder answers 204 and keeps what each request sent.
func bodyRecorder(t *testing.T) (*httptest.Server, *[]received) {
	var got []received
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got = append(got, received{r.Header.Get("Content-Type"), string(b)})
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(srv.Close)
	return srv, &got
}

// closeCounter is a stream that counts its Close calls.
type closeCounter struct {
	io.Reader
	closed *atomic.Int32
}

func (c closeCounter) Close() error { c.closed.Add(1); return nil }

// A binary body streams from the caller's reader, byte for byte, labelled
// with the type the caller picked among those the spec lists; an unlisted
// type fails before anything is sent.
func TestStreamBodyOnTheWire(t *testing.T) {
	srv, got := bodyRecorder(t)
	tr := apiruntime.NewHTTP(srv.URL)
	ctx := context.Background()
	upload := func(content string, opts ...apiruntime.CallOption) error {
		req := &apiruntime.Request{
			Operation: "upload", Method: "POST", Path: "/assets",
			Stream:       strings.NewReader(content),
			ContentType:  "application/msword",
			ContentTypes: []string{"application/msword", "image/jpeg", "image/*", "text/plain; charset=utf-8"},
		}
		req.Apply(opts...)
		return tr.Do(ctx, req, nil)
	}
	jpeg := "\xff\xd8\xff\xe0JFIF\x00\"quoted\""
	for _, c := range []struct {
		opt  []apiruntime.CallOption
		want string
	}{
		{nil, "application/msword"},
		{[]apiruntime.CallOption{apiruntime.WithContentType("image/jpeg")}, "image/jpeg"},
		{[]apiruntime.CallOption{apiruntime.WithContentType("image/webp")}, "image/webp"}, // image/*
		{[]apiruntime.CallOption{apiruntime.WithContentType("text/plain; charset=utf-8")}, "text/plain; charset=utf-8"},
	} {
		*got = nil
		if err := upload(jpeg, c.opt...); err != nil {
			t.Fatal(err)
		}
		if len(*got) != 1 || (*got)[0].body != jpeg || (*got)[0].contentType != c.want {
			t.Errorf("sent %+v, want body %q as %s", *got, jpeg, c.want)
		}
	}
	*got = nil
	for _, bad := range []string{"application/pdf", "image/*", "multipart/form-data", "not a type"} {
		if err := upload(jpeg, apiruntime.WithContentType(bad)); err == nil || !strings.Contains(err.Error(), "upload: content type") {
			t.Errorf("%q: err = %v", bad, err)
		}
	}
	if len(*got) != 0 {
		t.Errorf("refused types still sent %d requests", len(*got))
	}
	// A call with no body has nothing to label.
	err := tr.Do(ctx, func() *apiruntime.Request {
		r := &apiruntime.Request{Operation: "get", Path: "/x"}
		r.Apply(apiruntime.WithContentType("image/png"))
		return r
	}(), nil)
	if err == nil || !strings.Contains(err.Error(), "without a body") {
		t.Errorf("no body: %v", err)
	}
}

// The caller's stream is closed whether it was sent or the call failed
// before sending it.
func TestStreamBodyClosed(t *testing.T) {
	srv, _ := bodyRecorder(t)
	var closed atomic.Int32
	body := func() io.Reader { return closeCounter{strings.NewReader("x"), &closed} }
	tr := apiruntime.NewHTTP(srv.URL)
	if err := tr.Do(context.Background(), &apiruntime.Request{Operation: "up", Method: "PUT", Path: "/a", Stream: body()}, nil); err != nil {
		t.Fatal(err)
	}
	err := tr.Do(context.Background(), &apiruntime.Request{Operation: "up", Method: "PUT", Path: "/a", Stream: body(), Extra: apiruntime.Extra{Body: map[string]any{"k": 1}}}, nil)
	if err == nil {
		t.Fatal("extra body fields on a stream: want an error")
	}
	if n := closed.Load(); n != 2 {
		t.Errorf("stream closed %d times, want once per call", n)
	}
}

// A multipart body with a File reaches the server with the caller's file
// name and content type, and the bytes unchanged.
func TestMultipartFileOnTheWire(t *testing.T) {
	type parts map[string][3]string // field: file name, content type, content
	var got parts
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if err != nil {
			t.Error(err)
		}
		got = parts{}
		mr := multipart.NewReader(r.Body, params["boundary"])
		for {
			p, err := mr.NextPart()
			if err != nil {
				break
			}
			b, _ := io.ReadAll(p)
			got[p.FormName()] = [3]string{p.FileName(), p.Header.Get("Content-Type"), string(b)}
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()
	type upload struct {
		Purpose string           `json:"purpose"`
		File    *apiruntime.File `json:"file,omitempty"`
	}
	body, ct, err := apiruntime.EncodeMultipart(&upload{Purpose: "dispute_evidence", File: apiruntime.NewFile("receipt.pdf", "application/pdf", strings.NewReader("%PDF-1.7\x00"))})
	if err != nil {
		t.Fatal(err)
	}
	err = apiruntime.NewHTTP(srv.URL).Do(context.Background(), &apiruntime.Request{Operation: "createFile", Method: "POST", Path: "/v1/files", Stream: body, ContentType: ct}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := parts{"purpose": {"", "", "dispute_evidence"}, "file": {"receipt.pdf", "application/pdf", "%PDF-1.7\x00"}}
	if len(got) != len(want) || got["purpose"] != want["purpose"] || got["file"] != want["file"] {
		t.Errorf("server got %q, want %q", got, want)
	}
}

// A streamed upload redirected to another origin carries neither the
// credentials nor the body there.
func TestRedirectOffOriginStreamCarriesNothing(t *testing.T) {
	for _, code := range []int{301, 302, 303, 307, 308} {
		s := wiretest.NewSink(t)
		srv := offOrigin(t, code, s)
		body, ct, err := apiruntime.EncodeMultipart(map[string]any{"f": apiruntime.NewFile("a.bin", "image/png", strings.NewReader(redirBody))})
		if err != nil {
			t.Fatal(err)
		}
		for _, stream := range []io.Reader{strings.NewReader(redirBody), body} {
			err = apiruntime.NewHTTP(srv.URL+"/v1", apiruntime.WithBearerToken(redirBearer), apiruntime.WithAPIKey("query", "api_key", redirKey)).Do(context.Background(), &apiruntime.Request{
				Operation: "upload", Method: http.MethodPost, Path: "/assets", Stream: stream, ContentType: ct, Auth: true,
			}, nil)
			// 307 and 308 would resend the body, which a stream cannot
			// be rewound for: the answer itself comes back as an error.
			var re *apiruntime.RedirectError
			var ae *apiruntime.APIError
			if !errors.As(err, &re) && !(errors.As(err, &ae) && ae.StatusCode == code) {
				t.Errorf("%d: err = %v, want *RedirectError or the %d itself", code, err, code)
			}
		}
		s.Check(t, "stream", redirBearer, redirKey, redirBody)
	}
}
