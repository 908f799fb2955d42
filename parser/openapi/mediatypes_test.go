package openapi

import (
	"slices"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/ir"
)

// Request media types: a raw "*/*" body, every listed type kept for the
// caller to pick, and Swagger 2.0's file forms and Content-Type/Accept
// parameters.
func TestRequestMediaTypes(t *testing.T) {
	v3 := `openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /assets:
    post:
      operationId: uploadAsset
      requestBody:
        content:
          "*/*":
            schema: {type: string, description: The raw file data}
      responses: {"201": {description: ok}}
  /images:
    post:
      operationId: uploadImage
      requestBody:
        content:
          image/png: {schema: {type: string, format: binary}}
          image/jpeg: {schema: {type: string, format: binary}}
      responses: {"204": {description: ok}}
  /objects:
    put:
      operationId: putObject
      requestBody:
        content:
          "*/*":
            schema: {type: object, properties: {a: {type: string}}}
      responses: {"204": {description: ok}}
`
	api, _, err := Parse("v3.yaml", []byte(v3), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		op, ct string
		kind   ir.Kind
		types  []string
	}{
		{"uploadAsset", "application/octet-stream", ir.KindBinary, []string{"*/*"}},
		{"uploadImage", "image/png", ir.KindBinary, []string{"image/png", "image/jpeg"}},
		{"putObject", "application/json", ir.KindRef, []string{"*/*"}}, // an object still goes as JSON
	} {
		b := mustOp(t, api, c.op).Body
		if b == nil || b.ContentType != c.ct || b.Type.Kind != c.kind || !slices.Equal(b.MediaTypes, c.types) {
			t.Errorf("%s: body %+v, want %s %s %v", c.op, b, c.ct, c.kind, c.types)
		}
	}

	v2 := `swagger: "2.0"
info: {title: T, version: "1"}
paths:
  /upload:
    post:
      operationId: upload
      consumes: [application/x-www-form-urlencoded, multipart/form-data]
      parameters:
        - {name: note, in: formData, type: string}
        - {name: attachment, in: formData, type: file}
      responses: {"200": {description: ok}}
  /raw:
    post:
      operationId: raw
      consumes: [application/octet-stream]
      produces: [application/json]
      parameters:
        - {name: Content-Type, in: header, type: string, enum: [image/png, image/jpeg]}
        - {name: Accept, in: header, type: string, enum: [text/plain, text/html]}
        - {name: body, in: body, schema: {type: string, format: binary}}
      responses: {"200": {description: ok, schema: {type: string}}}
  /pods/{name}:
    patch:
      operationId: patchPod
      consumes: [application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml]
      parameters:
        - {name: name, in: path, required: true, type: string}
        - $ref: "#/parameters/patch"
      responses: {"200": {description: ok}}
  /vague:
    post:
      operationId: vague
      parameters:
        - {name: Content-Type, in: header, type: string}
      responses: {"204": {description: ok}}
parameters:
  patch: {name: body, in: body, required: true, schema: {type: object}}
`
	api, diags, err := Parse("v2.yaml", []byte(v2), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if b := mustOp(t, api, "upload").Body; b == nil || b.ContentType != "multipart/form-data" {
		t.Errorf("file form: body %+v, want multipart/form-data", b)
	}
	raw := mustOp(t, api, "raw")
	if b := raw.Body; b == nil || b.ContentType != "image/png" || !slices.Equal(b.MediaTypes, []string{"image/png", "image/jpeg"}) {
		t.Errorf("raw: body %+v, want image/png of [image/png image/jpeg]", b)
	}
	if r := raw.Response; r == nil || !slices.Equal(r.MediaTypes, []string{"text/plain", "text/html"}) {
		t.Errorf("raw: response %+v, want Accept text/plain, text/html", r)
	}
	for _, p := range raw.Params {
		if strings.EqualFold(p.Name, "content-type") || strings.EqualFold(p.Name, "accept") {
			t.Errorf("raw: parameter %q kept; the transport sets it", p.Name)
		}
	}
	// The conversion keys every body parameter as application/json; a
	// shared body parameter (Kubernetes' PATCH) whose consumes does not list it goes as the first JSON type
	// it lists (a Kubernetes server answers 415 to application/json).
	if b := mustOp(t, api, "patchPod").Body; b == nil || b.ContentType != "application/json-patch+json" || len(b.MediaTypes) != 3 {
		t.Errorf("patchPod: body %+v, want application/json-patch+json of the three consumes types", b)
	}
	var warned []string
	for _, d := range diags {
		if d.Kind == "media-type-parameter" {
			warned = append(warned, d.Pos.String())
		}
	}
	if !slices.Equal(warned, []string{"v2.yaml:34:11"}) {
		t.Errorf("media-type-parameter warnings at %v, want one at the vague Content-Type parameter; all: %v", warned, diags)
	}
}
