package apiruntime_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/apigen-dev/apigen/apiruntime"
)

// wireLength is how a request's body arrived: its Content-Length (-1 when
// none), its Transfer-Encoding and its bytes.
type wireLength struct {
	length   int64
	encoding []string
	body     string
}

// lengthRecorder answers 204 and keeps how each body arrived.
func lengthRecorder(t *testing.T) (*httptest.Server, *[]wireLength) {
	var got []wireLength
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got = append(got, wireLength{r.ContentLength, r.TransferEncoding, string(b)})
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(srv.Close)
	return srv, &got
}

// A streamed upload goes out with Content-Length whenever its size can be
// known from the reader or the caller, and chunked only otherwise.
func TestStreamContentLength(t *testing.T) {
	srv, got := lengthRecorder(t)
	tr := apiruntime.NewHTTP(srv.URL)
	dir := t.TempDir()
	file := func(content string, skip int64) *os.File {
		name := filepath.Join(dir, "f")
		if err := os.WriteFile(name, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Seek(skip, io.SeekStart); err != nil {
			t.Fatal(err)
		}
		return f
	}
	partly := strings.NewReader("0123456789")
	_, _ = partly.Read(make([]byte, 4))
	section := io.NewSectionReader(strings.NewReader("0123456789"), 2, 6)
	_, _ = section.Read(make([]byte, 1))
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	go func() { pw.WriteString("piped"); pw.Close() }()
	unknown := func() io.Reader { return io.MultiReader(strings.NewReader("ab"), strings.NewReader("cd")) }
	chunked := []string{"chunked"}
	for _, c := range []struct {
		name   string
		stream io.Reader
		opts   []apiruntime.CallOption
		want   wireLength
	}{
		{"strings.Reader partly read", partly, nil, wireLength{6, nil, "456789"}},
		{"bytes.Buffer", bytes.NewBufferString("buf"), nil, wireLength{3, nil, "buf"}},
		{"regular file, seeked", file("hello world", 6), nil, wireLength{5, nil, "world"}},
		{"section reader, partly read", section, nil, wireLength{5, nil, "34567"}},
		{"empty reader", strings.NewReader(""), nil, wireLength{0, nil, ""}},
		{"pipe", pr, nil, wireLength{-1, chunked, "piped"}},
		{"unknown reader", unknown(), nil, wireLength{-1, chunked, "abcd"}},
		{"unknown reader, length given", unknown(), []apiruntime.CallOption{apiruntime.WithContentLength(4)}, wireLength{4, nil, "abcd"}},
	} {
		*got = nil
		req := &apiruntime.Request{Operation: "upload", Method: "PUT", Path: "/blob", Stream: c.stream}
		req.Apply(c.opts...)
		if err := tr.Do(context.Background(), req, nil); err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if len(*got) != 1 || (*got)[0].length != c.want.length || !slices.Equal((*got)[0].encoding, c.want.encoding) || (*got)[0].body != c.want.body {
			t.Errorf("%s: arrived as %+v, want %+v", c.name, *got, c.want)
		}
	}

	// A wrong or misplaced length fails the call (sent to a server of its
	// own: the handler of a request cut short runs after the call returns);
	// a zero-length stream that is a Closer is still closed.
	sink := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = io.Copy(io.Discard, r.Body) }))
	defer sink.Close()
	var closed atomic.Int32
	for _, c := range []struct {
		name string
		req  *apiruntime.Request
		opt  apiruntime.CallOption
		want string
	}{
		{"too long", &apiruntime.Request{Stream: unknown()}, apiruntime.WithContentLength(9), "ContentLength=9 with Body length 4"},
		{"negative", &apiruntime.Request{Stream: closeCounter{unknown(), &closed}}, apiruntime.WithContentLength(-1), "content length -1 is negative"},
		{"no stream", &apiruntime.Request{Body: map[string]int{"a": 1}}, apiruntime.WithContentLength(7), "without a streamed body"},
	} {
		c.req.Operation, c.req.Method, c.req.Path = "upload", "PUT", "/blob"
		c.req.Apply(c.opt)
		if err := apiruntime.NewHTTP(sink.URL).Do(context.Background(), c.req, nil); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.name, err, c.want)
		}
	}
	if n := closed.Load(); n != 1 {
		t.Errorf("refused stream closed %d times, want once", n)
	}
	empty := file("", 0)
	*got = nil
	if err := tr.Do(context.Background(), &apiruntime.Request{Operation: "upload", Method: "PUT", Path: "/blob", Stream: empty}, nil); err != nil {
		t.Fatal(err)
	}
	if err := empty.Close(); !errors.Is(err, os.ErrClosed) {
		t.Errorf("empty file sent as no body: close = %v, want already closed", err)
	}
	if len(*got) != 1 || (*got)[0].length != 0 || (*got)[0].encoding != nil {
		t.Errorf("empty file arrived as %+v, want Content-Length 0", *got)
	}
}

// A multipart body goes with its exact Content-Length when every file's
// length is known (S3's POST uploads refuse chunked ones), chunked when one
// is not.
func TestMultipartContentLength(t *testing.T) {
	srv, got := lengthRecorder(t)
	tr := apiruntime.NewHTTP(srv.URL)
	f := filepath.Join(t.TempDir(), "photo.jpg")
	if err := os.WriteFile(f, []byte("\xff\xd8jpeg bytes"), 0o600); err != nil {
		t.Fatal(err)
	}
	type form struct {
		Key   string            `json:"key"`
		Photo *apiruntime.File  `json:"photo,omitempty"`
		Note  *apiruntime.File  `json:"note,omitempty"`
		Raw   []byte            `json:"raw,omitempty"`
		Meta  map[string]string `json:"meta,omitempty"`
	}
	open := func() *os.File {
		h, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	unknown := io.MultiReader(strings.NewReader("a"), strings.NewReader("b"))
	for _, c := range []struct {
		name  string
		v     form
		known bool
	}{
		{"text only", form{Key: "uploads/${filename}", Meta: map[string]string{"a": "1"}}, true},
		{"files of known length", form{Key: "k", Photo: apiruntime.NewFile("p.jpg", "image/jpeg", open()),
			Note: apiruntime.NewFile("n\".txt", "text/plain", strings.NewReader("note")), Raw: []byte("raw")}, true},
		{"a file of unknown length", form{Key: "k", Photo: apiruntime.NewFile("p.jpg", "image/jpeg", unknown)}, false},
	} {
		*got = nil
		body, ct, err := apiruntime.EncodeMultipart(c.v)
		if err != nil {
			t.Fatal(err)
		}
		if err := tr.Do(context.Background(), &apiruntime.Request{Operation: "upload", Method: "POST", Path: "/", Stream: body, ContentType: ct}, nil); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		w := (*got)[0]
		switch {
		case c.known && (w.length != int64(len(w.body)) || w.encoding != nil):
			t.Errorf("%s: Content-Length %d, Transfer-Encoding %v, body %d bytes", c.name, w.length, w.encoding, len(w.body))
		case !c.known && (w.length != -1 || len(w.encoding) != 1):
			t.Errorf("%s: Content-Length %d, Transfer-Encoding %v, want chunked", c.name, w.length, w.encoding)
		case !strings.Contains(w.body, `name="key"`):
			t.Errorf("%s: body %q", c.name, w.body)
		}
	}
}
