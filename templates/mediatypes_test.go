package templates

import "github.com/apigen-dev/apigen/ir"

// bodiesAPI has one operation per kind of body that is not plain JSON: a
// binary upload taking several image types, a "*/*" upload, a text body,
// a multipart form with a file, and a JSON body in two JSON media types.
func bodiesAPI() *ir.API {
	str := ir.Prim(ir.KindString, "")
	bin := ir.Prim(ir.KindBinary, "")
	return &ir.API{
		Name: "Bodies", Family: ir.FamilyOpenAPI, Version: "1",
		Operations: []*ir.Operation{
			{Name: "uploadImage", Method: "POST", Path: "/images", Auth: true,
				Body: &ir.Body{Type: bin, ContentType: "image/png", MediaTypes: []string{"image/png", "image/jpeg", "image/gif"}, Required: true}},
			{Name: "uploadAsset", Method: "POST", Path: "/assets", Auth: true,
				Body: &ir.Body{Type: bin, ContentType: "application/octet-stream", MediaTypes: []string{"*/*"}}},
			{Name: "renderMarkdown", Method: "POST", Path: "/markdown", Auth: true,
				Body: &ir.Body{Type: str, ContentType: "text/plain", Required: true}},
			{Name: "createFile", Method: "POST", Path: "/files", Auth: true,
				Body: &ir.Body{Type: ir.Ref("FileUpload"), ContentType: "multipart/form-data", Required: true}},
			{Name: "patchPet", Method: "PATCH", Path: "/pets", Auth: true,
				Body: &ir.Body{Type: ir.Ref("PetPatch"), ContentType: "application/merge-patch+json", MediaTypes: []string{"application/merge-patch+json", "application/json-patch+json"}, Required: true}},
		},
		Types: []*ir.Type{
			{Name: "FileUpload", Kind: ir.KindStruct, Fields: []*ir.Field{
				{Name: "purpose", Type: str, Required: true},
				{Name: "file", Type: bin, Required: true},
			}},
			{Name: "PetPatch", Kind: ir.KindStruct, Fields: []*ir.Field{{Name: "name", Type: str}}},
		},
	}
}

// bodiesTest runs in the generated bodies package against an httptest
// server that records the bytes and headers each call sends.
const bodiesTest = `package bodies

import (
	"context"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/apiruntime"
)

type seen struct {
	path, contentType, body, auth string
	parts                         []string
	length                        int64 // -1: no Content-Length
	encoding                      []string
}

func server(t *testing.T) (*Client, *seen) {
	var s seen
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s = seen{path: r.URL.Path, contentType: r.Header.Get("Content-Type"), auth: r.Header.Get("Authorization"),
			length: r.ContentLength, encoding: r.TransferEncoding}
		if mt, params, _ := mime.ParseMediaType(s.contentType); mt == "multipart/form-data" {
			mr := multipart.NewReader(r.Body, params["boundary"])
			for {
				p, err := mr.NextPart()
				if err != nil {
					break
				}
				b, _ := io.ReadAll(p)
				s.parts = append(s.parts, p.FormName()+"|"+p.FileName()+"|"+p.Header.Get("Content-Type")+"|"+string(b))
			}
		} else {
			b, _ := io.ReadAll(r.Body)
			s.body = string(b)
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(srv.Close)
	return New(apiruntime.NewHTTP(srv.URL, apiruntime.WithBearerToken("tok"))), &s
}

func TestBinaryUploadPicksItsType(t *testing.T) {
	c, s := server(t)
	ctx := context.Background()
	jpeg := "\xff\xd8\xff\xe0\"JFIF\""
	if err := c.UploadImage(ctx, &UploadImageParams{Body: strings.NewReader(jpeg)}, apiruntime.WithContentType("image/jpeg")); err != nil {
		t.Fatal(err)
	}
	if s.path != "/images" || s.body != jpeg || s.contentType != "image/jpeg" || s.auth != "Bearer tok" {
		t.Errorf("server saw %+v", *s)
	}
	if err := c.UploadImage(ctx, &UploadImageParams{Body: strings.NewReader("png")}); err != nil || s.contentType != "image/png" {
		t.Errorf("default type: %q %v", s.contentType, err)
	}
	*s = seen{}
	if err := c.UploadImage(ctx, &UploadImageParams{Body: strings.NewReader("x")}, apiruntime.WithContentType("application/msword")); err == nil || s.path != "" {
		t.Errorf("unlisted type: err %v, server saw %+v", err, *s)
	}
	var ve *apiruntime.ValidationError
	if err := c.UploadImage(ctx, &UploadImageParams{}); !errors.As(err, &ve) {
		t.Errorf("missing body: %v", err)
	}
}

func TestAnyTypeUploadIsRaw(t *testing.T) {
	c, s := server(t)
	data := "raw \"file\" data\n"
	if err := c.UploadAsset(context.Background(), &UploadAssetParams{Body: strings.NewReader(data)}); err != nil {
		t.Fatal(err)
	}
	if s.body != data || s.contentType != "application/octet-stream" {
		t.Errorf("server saw %+v, want the bytes unquoted", *s)
	}
	if err := c.UploadAsset(context.Background(), &UploadAssetParams{Body: strings.NewReader(data)}, apiruntime.WithContentType("application/zip")); err != nil || s.contentType != "application/zip" {
		t.Errorf("*/* admits any type: %q %v", s.contentType, err)
	}
}

// An upload whose size can be known goes out with Content-Length (many
// upload endpoints refuse chunked bodies); one that cannot is chunked
// unless the caller gives the length.
func TestUploadContentLength(t *testing.T) {
	c, s := server(t)
	ctx := context.Background()
	name := filepath.Join(t.TempDir(), "asset.bin")
	if err := os.WriteFile(name, []byte("0123456789"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.UploadAsset(ctx, &UploadAssetParams{Body: f}); err != nil || s.length != 10 || s.encoding != nil || s.body != "0123456789" {
		t.Errorf("file: %v, server saw %+v", err, *s)
	}
	unknown := func() io.Reader { return io.MultiReader(strings.NewReader("ab"), strings.NewReader("c")) }
	if err := c.UploadAsset(ctx, &UploadAssetParams{Body: unknown()}); err != nil || s.length != -1 || len(s.encoding) != 1 || s.encoding[0] != "chunked" || s.body != "abc" {
		t.Errorf("unknown size: %v, server saw %+v", err, *s)
	}
	if err := c.UploadAsset(ctx, &UploadAssetParams{Body: unknown()}, apiruntime.WithContentLength(3)); err != nil || s.length != 3 || s.encoding != nil || s.body != "abc" {
		t.Errorf("size given: %v, server saw %+v", err, *s)
	}
}

func TestTextBodyIsNotQuoted(t *testing.T) {
	c, s := server(t)
	if err := c.RenderMarkdown(context.Background(), &RenderMarkdownParams{Body: "# \"hi\""}); err != nil {
		t.Fatal(err)
	}
	if s.body != "# \"hi\"" || s.contentType != "text/plain" {
		t.Errorf("server saw %+v", *s)
	}
}

func TestMultipartFileNameAndType(t *testing.T) {
	c, s := server(t)
	err := c.CreateFile(context.Background(), &CreateFileParams{Body: FileUpload{
		Purpose: "dispute_evidence",
		File:    apiruntime.NewFile("receipt.pdf", "application/pdf", strings.NewReader("%PDF-1.7")),
	}})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"purpose|||dispute_evidence", "file|receipt.pdf|application/pdf|%PDF-1.7"}
	if strings.Join(s.parts, "\n") != strings.Join(want, "\n") {
		t.Errorf("parts %q, want %q", s.parts, want)
	}
	var ve *apiruntime.ValidationError
	if err := c.CreateFile(context.Background(), &CreateFileParams{Body: FileUpload{Purpose: "x"}}); !errors.As(err, &ve) {
		t.Errorf("missing file: %v", err)
	}
}

func TestJSONMediaTypeChoice(t *testing.T) {
	c, s := server(t)
	p := &PatchPetParams{Body: PetPatch{Name: apiruntime.Ptr("Rex")}}
	if err := c.PatchPet(context.Background(), p); err != nil || s.contentType != "application/merge-patch+json" || s.body != ` + "`" + `{"name":"Rex"}` + "`" + ` {
		t.Errorf("default: %+v %v", *s, err)
	}
	if err := c.PatchPet(context.Background(), p, apiruntime.WithContentType("application/json-patch+json")); err != nil || s.contentType != "application/json-patch+json" {
		t.Errorf("picked: %+v %v", *s, err)
	}
}
`
