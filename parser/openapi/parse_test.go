package openapi

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/internal/irtest"
	"github.com/apigen-dev/apigen/ir"
)

func TestParseErrors(t *testing.T) {
	cases := []struct {
		name, src, want string
	}{
		{"json syntax", "{\n  \"openapi\": \"3.0.0\",\n  \"info\": {\"title\": \"x\" \"version\": \"1\"}\n}",
			`in.json:3:25: invalid JSON: unexpected '"' after object member (missing comma or '}')`},
		{"json eof", `{"openapi": "3.0.0", "info": {`, "in.json:1:31: invalid JSON: unexpected end of input"},
		{"json bad escape", "{\"openapi\": \"3.0\\q\"}", `in.json:1:17: invalid JSON: invalid escape \q in string`},
		{"yaml scanner", "openapi: 3.0.0\ninfo:\n\ttitle: x\n", "in.json:3: found character that cannot start any token"},
		{"yaml parser", "openapi: 3.0.0\ninfo:\n  title: x\n  version: [1\npaths: {}\n", "in.json:4: did not find expected ',' or ']'"},
		{"not a spec", "title: hello\n", `in.json:1:1: not an OpenAPI or Swagger document (no top-level "openapi" or "swagger" key)`},
		{"not a mapping", "- a\n- b\n", "in.json:1:1: expected a mapping at the top of the document"},
		{"empty", "", "in.json:1:1: empty document"},
		{"unquoted version", "info: {}\nopenapi: 3.0\n", `in.json:2:1: openapi version "" is not supported (want a quoted string like "3.0.3")`},
		{"openapi 2", `{"openapi": "2.0"}`, `in.json:1:2: openapi version "2.0" is not supported`},
		{"swagger 1.2", `{"swagger": "1.2"}`, `in.json:1:2: swagger version must be the string "2.0"`},
		{"kin type error", `{"openapi": "3.0.0", "info": {"title": "x", "version": 1}, "paths": {}}`,
			"in.json:1:22: cannot unmarshal number into field Info.version of type string"},
		{"kin type error deep", "{\"openapi\": \"3.0.0\", \"info\": {\"title\": \"x\", \"version\": \"1\"}, \"paths\": {\"/a\": {\"get\": {\"responses\": {\"200\": {\"description\": \"ok\",\n \"content\": {\"application/json\": {\"schema\": {\"type\": \"object\", \"properties\": {\"n\": {\"type\": \"string\", \"maxLength\": \"ten\"}}}}}}}}}}}",
			"in.json:2:79: cannot unmarshal string into field Schema.maxLength of type uint64"},
		{"kin type error in operation", "openapi: 3.0.0\ninfo: {title: x, version: '1'}\npaths:\n  /a:\n    get:\n      tags: oops\n      responses: {}\n",
			"in.json:5:5: cannot unmarshal string into field Operation.tags of type []string"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			api, diags, err := Parse("in.json", []byte(c.src), Options{})
			if err == nil {
				t.Fatalf("no error; api %v diags %v", api != nil, diags)
			}
			if !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("error = %q\nwant prefix %q", err, c.want)
			}
		})
	}
}

func TestIsOpenAPI(t *testing.T) {
	cases := map[string]bool{
		"openapi: 3.0.0\ninfo: {}\n":                              true,
		"# comment\n---\ninfo:\n  title: x\nswagger: '2.0'\n":     true,
		"\"openapi\": \"3.1.0\"\n":                                true,
		"{\"components\": {}, \"openapi\" : \"3.0.0\"}":           true,
		"\xef\xbb\xbf{\"swagger\": \"2.0\"}":                      true,
		"{\"name\": \"openapi\"}":                                 false,
		"# Title\n\nSome text.\n\n```yaml\nopenapi: 3.0.0\n```\n": false,
		"<html><body>openapi:</body></html>":                      false,
		"":                                                        false,
		"title: x\n  openapi: 3.0.0\n":                            false,
		// The words in prose, nested objects, strings and front matter pages.
		"{\"info\": {\"openapi\": \"3.0.0\"}, \"paths\": {}}":                  false,
		"{\"description\": \"\\\"swagger\\\": 2.0\", \"x\": [\"openapi\", 1]}": false,
		"---\ntitle: RunInstances\n---\n\nSee the spec:\nswagger: '2.0'\n":     false,
		"- item\nopenapi: 3.0.0\n":                                             false,
		"info:\n  description: |\n    openapi: 3.0.0\npaths: {}\n":             false,
		"tags:\n- name: a\nopenapi: 3.0.0\n":                                   true,
		"'swagger': '2.0'\n":                                                   true,
		"{\"a\": {\"b\": [{}]}, \"swagger\": \"2.0\"}":                         true,
	}
	for src, want := range cases {
		if got := IsOpenAPI([]byte(src)); got != want {
			t.Errorf("IsOpenAPI(%q) = %v, want %v", src, got, want)
		}
	}
	for _, f := range []string{"petstore.yaml", "swagger2.json", "cloudtower.json"} {
		src, err := os.ReadFile("testdata/" + f)
		if err != nil {
			t.Fatal(err)
		}
		if !IsOpenAPI(src) {
			t.Errorf("IsOpenAPI(%s) = false", f)
		}
	}
}

// The same document in YAML (with anchors, aliases and merge keys) and in
// JSON gives the same IR apart from positions.
func TestYAMLFeatures(t *testing.T) {
	yml := `openapi: "3.0.0"
info: {title: Anchors, version: "1"}
paths: {}
components:
  schemas:
    Base: &base
      type: object
      properties:
        id: {type: integer, format: int64}
        when: {type: string, format: date-time}
        on: {type: boolean, default: yes}
    Copy: *base
    Merged:
      description: merged
      required: [id]
      <<: *base
      type: object
    Numbers:
      type: object
      properties:
        hex: {type: integer, default: 0x1F}
        big: {type: number, default: 1_000.5}
        inf: {type: number, default: .inf}
        when: {type: string, default: 2001-12-14}
`
	jsn := `{"openapi": "3.0.0", "info": {"title": "Anchors", "version": "1"}, "paths": {},
"components": {"schemas": {
 "Base": {"type": "object", "properties": {"id": {"type": "integer", "format": "int64"}, "when": {"type": "string", "format": "date-time"}, "on": {"type": "boolean", "default": "yes"}}},
 "Copy": {"type": "object", "properties": {"id": {"type": "integer", "format": "int64"}, "when": {"type": "string", "format": "date-time"}, "on": {"type": "boolean", "default": "yes"}}},
 "Merged": {"description": "merged", "required": ["id"], "properties": {"id": {"type": "integer", "format": "int64"}, "when": {"type": "string", "format": "date-time"}, "on": {"type": "boolean", "default": "yes"}}, "type": "object"},
 "Numbers": {"type": "object", "properties": {"hex": {"type": "integer", "default": 31}, "big": {"type": "number", "default": 1000.5}, "inf": {"type": "number", "default": ".inf"}, "when": {"type": "string", "default": "2001-12-14"}}}
}}}`
	a, _, err := Parse("a.yaml", []byte(yml), Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := Parse("b.json", []byte(jsn), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if ja, jb := irJSON(t, a, true), irJSON(t, b, true); ja != jb {
		t.Errorf("YAML and JSON differ:\n%s\n%s", ja, jb)
	}
	m := mustType(t, a, "Merged")
	if !mustField(t, m, "id").Required || m.Description != "merged" {
		t.Errorf("Merged = %+v", m)
	}
}

// Parsing is deterministic: the same input twice gives byte-identical IR.
func TestDeterministic(t *testing.T) {
	for _, f := range []string{"petstore.yaml", "swagger2.json", "oneof.yaml", "allof.yaml"} {
		src, err := os.ReadFile("testdata/" + f)
		if err != nil {
			t.Fatal(err)
		}
		var first string
		for i := range 4 {
			api, _, err := Parse(f, src, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if j := irJSON(t, api, false); i == 0 {
				first = j
			} else if j != first {
				t.Fatalf("%s: run %d differs", f, i)
			}
		}
	}
}

// irJSON renders the IR; without positions (irtest.FactsJSON) when
// stripPos.
func irJSON(t *testing.T, api *ir.API, stripPos bool) string {
	t.Helper()
	if stripPos {
		return irtest.FactsJSON(t, api, nil)
	}
	b, err := json.MarshalIndent(api, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestBOMAndFlowJSON(t *testing.T) {
	src := "\xef\xbb\xbf{\"openapi\": \"3.0.0\", \"info\": {\"title\": \"t\", \"version\": \"1\"}, \"paths\": {}}"
	if _, _, err := Parse("bom.json", []byte(src), Options{}); err != nil {
		t.Errorf("BOM: %v", err)
	}
	// YAML flow style starts like JSON but is not JSON.
	src = "{openapi: 3.0.0, info: {title: t, version: '1'}, paths: {}}"
	if _, _, err := Parse("flow.yaml", []byte(src), Options{}); err != nil {
		t.Errorf("flow YAML: %v", err)
	}
}
