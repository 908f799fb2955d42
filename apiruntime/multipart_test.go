package apiruntime_test

import (
	"bytes"
	"io"
	"mime"
	"mime/multipart"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/apiruntime"
)

// readParts decodes a multipart body into "name[;filename]=content" lines.
func readParts(t *testing.T, body io.Reader, ctype string) []string {
	t.Helper()
	mt, params, err := mime.ParseMediaType(ctype)
	if err != nil || mt != "multipart/form-data" {
		t.Fatalf("content type %q: %v", ctype, err)
	}
	var out []string
	r := multipart.NewReader(body, params["boundary"])
	for {
		p, err := r.NextPart()
		if err == io.EOF {
			return out
		} else if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(p)
		name := p.FormName()
		if p.FileName() != "" {
			name += ";" + p.FileName()
			if ct := p.Header.Get("Content-Type"); ct != "application/octet-stream" {
				name += ";" + ct
			}
		}
		out = append(out, name+"="+string(b))
	}
}

func TestEncodeMultipart(t *testing.T) {
	type link struct {
		Create    bool   `json:"create"`
		ExpiresAt *int64 `json:"expires_at,omitempty"`
	}
	type upload struct {
		File    []byte   `json:"file"`
		Purpose string   `json:"purpose"`
		Expand  []string `json:"expand,omitempty"`
		Link    *link    `json:"file_link_data,omitempty"`
		Thumb   []byte   `json:"thumb,omitempty"`
		Note    *string  `json:"note,omitempty"`
	}
	body, ctype, err := apiruntime.EncodeMultipart(&upload{
		File:    []byte("%PDF-1.7\x00\xff"),
		Purpose: "dispute_evidence",
		Expand:  []string{"file_link"},
		Link:    &link{Create: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(readParts(t, body, ctype), "\n")
	want := strings.Join([]string{
		"purpose=dispute_evidence",
		"expand[0]=file_link",
		"file_link_data[create]=true",
		"file;file=%PDF-1.7\x00\xff",
	}, "\n")
	if got != want {
		t.Errorf("parts\n got %q\nwant %q", got, want)
	}

	// Nothing set: a well-formed body with no parts.
	body, ctype, err = apiruntime.EncodeMultipart((*upload)(nil))
	if err != nil || len(readParts(t, body, ctype)) != 0 {
		t.Errorf("nil: %q %v", body, err)
	}
	// A form has no place for a bare value.
	if _, _, err := apiruntime.EncodeMultipart("text"); err == nil || !strings.Contains(err.Error(), "not an object") {
		t.Errorf("bare string: %v", err)
	}
}

// A field name that would break the part header is escaped, not injected.
func TestEncodeMultipartHostileNames(t *testing.T) {
	stream, ctype, err := apiruntime.EncodeMultipart(map[string]any{
		"a\"\r\nX-Evil: 1": []byte("x"), "b\"c": "v",
		"f": apiruntime.NewFile("evil\"\r\nX-Evil: 2.jpg", "image/jpeg\r\nX-Evil: 3", strings.NewReader("y")),
	})
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(stream)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(body, []byte("\r\nX-Evil")) {
		t.Errorf("header injected:\n%s", body)
	}
	if got := readParts(t, bytes.NewReader(body), ctype); len(got) != 3 {
		t.Errorf("parts %q", got)
	}
}

// A File part goes with the name and type the caller gave, its content
// streamed only when the body is read; a nil Content is an error, and a
// File has no place in a URL-encoded form.
func TestEncodeMultipartFile(t *testing.T) {
	type upload struct {
		Purpose string           `json:"purpose"`
		File    *apiruntime.File `json:"file,omitempty"`
		Other   apiruntime.File  `json:"other"`
		Skip    *apiruntime.File `json:"skip,omitempty"`
	}
	read := 0
	content := readerFunc(func(p []byte) (int, error) {
		if read > 0 {
			return 0, io.EOF
		}
		read++
		return copy(p, "\xff\xd8JPEG"), nil
	})
	body, ctype, err := apiruntime.EncodeMultipart(&upload{
		Purpose: "identity_document",
		File:    apiruntime.NewFile("passport.jpg", "image/jpeg", content),
		Other:   apiruntime.File{Content: strings.NewReader("plain")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if read != 0 {
		t.Fatal("content read before the body was")
	}
	got := strings.Join(readParts(t, body, ctype), "\n")
	want := "purpose=identity_document\nfile;passport.jpg;image/jpeg=\xff\xd8JPEG\nother;other=plain"
	if got != want {
		t.Errorf("parts\n got %q\nwant %q", got, want)
	}
	// Closed unread: nothing was started, nothing blocks.
	body, _, _ = apiruntime.EncodeMultipart(&upload{File: apiruntime.NewFile("a", "", strings.NewReader("x"))})
	if err := body.Close(); err != nil {
		t.Errorf("close unread: %v", err)
	}
	if _, _, err := apiruntime.EncodeMultipart(&upload{File: &apiruntime.File{Name: "a"}}); err == nil || !strings.Contains(err.Error(), "no Content") {
		t.Errorf("nil content: %v", err)
	}
	if _, err := apiruntime.EncodeForm(&upload{File: apiruntime.NewFile("a", "", strings.NewReader("x"))}); err == nil || !strings.Contains(err.Error(), "multipart") {
		t.Errorf("file in a form: %v", err)
	}
}

type readerFunc func([]byte) (int, error)

func (f readerFunc) Read(p []byte) (int, error) { return f(p) }
