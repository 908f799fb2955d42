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
func readParts(t *testing.T, body []byte, ctype string) []string {
	t.Helper()
	mt, params, err := mime.ParseMediaType(ctype)
	if err != nil || mt != "multipart/form-data" {
		t.Fatalf("content type %q: %v", ctype, err)
	}
	var out []string
	r := multipart.NewReader(bytes.NewReader(body), params["boundary"])
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
	body, ctype, err := apiruntime.EncodeMultipart(map[string]any{"a\"\r\nX-Evil: 1": []byte("x"), "b\"c": "v"})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(body, []byte("\r\nX-Evil")) {
		t.Errorf("header injected:\n%s", body)
	}
	if got := readParts(t, body, ctype); len(got) != 2 {
		t.Errorf("parts %q", got)
	}
}
