package openapi

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/internal/irtest"
	"github.com/apigen-dev/apigen/ir"
)

// FuzzParseSpec feeds mutated OpenAPI 3 and Swagger 2 documents, YAML and
// JSON, to Parse and asserts what every caller relies on: no panic, an
// error that names the file, or an API that passes checkIntegrity with
// every position inside the file and the same result on a second run.
// Unlike FuzzParse (source_test.go), which mutates the whole test specs,
// inputs stay under 2 KB: kin-openapi is slow on large ones, and a fuzzer's
// worth is in many runs.
func FuzzParseSpec(f *testing.F) {
	for _, s := range []string{
		"openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /pets/{id}:\n    get:\n      operationId: getPet\n      parameters:\n        - {name: id, in: path, required: true, schema: {type: integer, format: int64}}\n        - {name: kind, in: query, schema: {type: string, enum: [a, b], default: a}}\n      responses:\n        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}\ncomponents:\n  schemas:\n    Pet:\n      type: object\n      required: [id]\n      properties:\n        id: {type: integer}\n        tags: {type: array, items: {type: string}}\n        owner: {$ref: '#/components/schemas/Pet'}\n        meta: {type: object, additionalProperties: {type: string}}\n        kind: {oneOf: [{type: string}, {$ref: '#/components/schemas/Pet'}]}\n        born: {type: string, format: date-time, nullable: true}\n",
		`{"swagger":"2.0","info":{"title":"t","version":"1"},"basePath":"/v1","paths":{"/a/{x}":{"post":{"operationId":"a","parameters":[{"name":"x","in":"path","required":true,"type":"string"},{"name":"b","in":"body","schema":{"$ref":"#/definitions/B"}},{"name":"f","in":"formData","type":"file"}],"responses":{"200":{"description":"ok","schema":{"type":"array","items":{"$ref":"#/definitions/B"}}}}}}},"definitions":{"B":{"type":"object","properties":{"c":{"$ref":"#/definitions/Missing"},"d":{"allOf":[{"$ref":"#/definitions/B"}]}}}}}`,
		"openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: '#/components/schemas/A'}\n    C: {type: [string, 'null']}\n    D: {allOf: [{$ref: '#/components/schemas/D'}, {$ref: 'other.yaml#/x'}]}\n",
		"openapi: 3.0.0\ninfo: {title: \"*/ func init() {} /*\", version: '1'}\npaths:\n  \"/x*/\":\n    get: {operationId: \"a/../b\", responses: {default: {description: x}}}\n",
		"openapi: '3.0.0'\ninfo: &a {title: t, version: '1'}\nx: *a\npaths: {/a: {get: {responses: {'200': {description: [unclosed",
		`{"openapi":"3.0.0","info":{"title":"t","version":"1"},"paths":{"/a":{"get":{"responses":{,}}}}}`,
		"swagger: 2.0\n",
		"",
	} {
		f.Add(uint8(0), []byte(s))
	}
	for _, name := range []string{"allof.yaml", "badrefs.yaml", "enums.yaml", "nullable.yaml", "oneof.yaml", "recursive.yaml"} {
		if src, err := os.ReadFile(filepath.Join("testdata", name)); err == nil {
			f.Add(uint8(0), src)
		}
	}
	f.Fuzz(func(t *testing.T, ext uint8, src []byte) {
		if len(src) > 2<<10 {
			t.Skip("larger than 2 KB")
		}
		file := "f" + []string{".yaml", ".json"}[ext%2]
		api, diags, err := Parse(file, src, Options{})
		if err != nil {
			if !strings.HasPrefix(err.Error(), file+":") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		checkParsed(t, file, src, api, diags)
		irtest.Stable(t, file, src, api, diags, func(file string, src []byte) (*ir.API, []ir.Diagnostic, error) {
			return Parse(file, src, Options{})
		})
	})
}

// checkParsed adds checkIntegrity's OpenAPI-specific checks to irtest.Check.
func checkParsed(t *testing.T, file string, src []byte, api *ir.API, diags []ir.Diagnostic) {
	t.Helper()
	irtest.Check(t, file, src, api, diags)
	checkIntegrity(t, api)
	if t.Failed() {
		t.FailNow()
	}
}
