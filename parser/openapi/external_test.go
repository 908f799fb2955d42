package openapi

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/ir"
	"github.com/apigen-dev/apigen/templates"
)

// writeTree writes files (slash paths → contents) below a new directory.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// parseFile parses the spec at path with opts.
func parseFile(t *testing.T, path string, opts Options) (*ir.API, []ir.Diagnostic) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	api, diags, err := Parse(path, src, opts)
	if err != nil {
		t.Fatalf("Parse(%s): %v", path, err)
	}
	checkIntegrity(t, api)
	return api, diags
}

// sameOutput asserts that two APIs are the same but for positions (which
// it clears), and generate byte-identical Go files.
func sameOutput(t *testing.T, got, want *ir.API) {
	t.Helper()
	g, w := irJSON(t, got, true), irJSON(t, want, true)
	if g != w {
		t.Fatalf("IR differs from the bundled spec's:\n%s\nwant:\n%s", g, w)
	}
	gf, _, err := templates.Generate(got, templates.Options{Package: "api"})
	if err != nil {
		t.Fatal(err)
	}
	wf, _, err := templates.Generate(want, templates.Options{Package: "api"})
	if err != nil {
		t.Fatal(err)
	}
	if len(gf) != len(wf) {
		t.Fatalf("%d files generated, the bundled spec gives %d", len(gf), len(wf))
	}
	for i := range gf {
		if gf[i].Name != wf[i].Name || !bytes.Equal(gf[i].Content, wf[i].Content) {
			t.Errorf("%s differs from the bundled spec's %s", gf[i].Name, wf[i].Name)
		}
	}
}

func diagText(ds []ir.Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(d.String() + "\n")
	}
	return b.String()
}

// petFiles is a spec split the way large APIs are: path items, schemas,
// parameters, responses, request bodies, examples and headers each in
// their own file, in nested directories, with references between the
// files, back to the root document and in a cycle (Pet ↔ Owner).
var petFiles = map[string]string{
	"openapi.yaml": `openapi: 3.0.3
info: {title: Pets, version: "1"}
paths:
  /pets:
    $ref: paths/pets.yaml
  /pets/{id}:
    $ref: paths/pet.yaml
components:
  schemas:
    Pet:
      $ref: schemas/Pet.yaml
`,
	"paths/pets.yaml": `get:
  operationId: listPets
  parameters:
    - $ref: ../parameters/limit.yaml
  responses:
    '200':
      description: ok
      content:
        application/json:
          schema:
            type: array
            items:
              $ref: ../schemas/Pet.yaml
    default:
      $ref: ../responses/Error.yaml
post:
  operationId: createPet
  requestBody:
    $ref: ../bodies/NewPet.yaml
  responses:
    '201':
      description: created
      content:
        application/json:
          schema:
            $ref: ../openapi.yaml#/components/schemas/Pet
          examples:
            rex:
              $ref: ../examples/rex.yaml
`,
	"paths/pet.yaml": `parameters:
  - name: id
    in: path
    required: true
    schema: {type: string}
get:
  operationId: getPet
  responses:
    '200':
      description: ok
      headers:
        X-Rate:
          $ref: ../headers/rate.yaml
      content:
        application/json:
          schema:
            $ref: ../schemas/Pet.yaml
`,
	"schemas/Pet.yaml": `type: object
required: [id]
properties:
  id: {type: string}
  owner:
    $ref: Owner.yaml
  kind:
    $ref: ../common/kinds.yaml#/Kind
  food:
    $ref: ../common/kinds.yaml#/components/schemas/Food
  default:
    description: a property named like a keyword
    type: string
    default: {$ref: data, not a reference}
`,
	"schemas/Owner.yaml": `type: object
properties:
  name: {type: string}
  pets:
    type: array
    items:
      $ref: Pet.yaml
`,
	"common/kinds.yaml": `Kind:
  type: string
  enum: [cat, dog]
components:
  schemas:
    Food:
      type: object
      properties:
        brand: {$ref: '#/components/schemas/Brand'}
    Brand:
      type: string
`,
	"parameters/limit.yaml": "name: limit\nin: query\nschema: {type: integer, format: int32}\n",
	"responses/Error.yaml": `description: error
content:
  application/json:
    schema:
      type: object
      properties:
        message: {type: string}
`,
	"bodies/NewPet.yaml": `required: true
content:
  application/json:
    schema:
      $ref: ../schemas/Pet.yaml
`,
	"examples/rex.yaml": "summary: Rex\nvalue: {id: \"1\", owner: {$ref: not a reference either}}\n",
	"headers/rate.yaml": "schema: {type: integer}\n",
}

// petBundled is petFiles bundled by hand: path items in place, every other
// object a component named after its file or fragment.
const petBundled = `openapi: 3.0.3
info: {title: Pets, version: "1"}
paths:
  /pets:
    get:
      operationId: listPets
      parameters:
        - $ref: '#/components/parameters/limit'
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: array
                items:
                  $ref: '#/components/schemas/Pet'
        default:
          $ref: '#/components/responses/Error'
    post:
      operationId: createPet
      requestBody:
        $ref: '#/components/requestBodies/NewPet'
      responses:
        '201':
          description: created
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Pet'
              examples:
                rex:
                  $ref: '#/components/examples/rex'
  /pets/{id}:
    parameters:
      - name: id
        in: path
        required: true
        schema: {type: string}
    get:
      operationId: getPet
      responses:
        '200':
          description: ok
          headers:
            X-Rate:
              $ref: '#/components/headers/rate'
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Pet'
components:
  schemas:
    Pet:
      type: object
      required: [id]
      properties:
        id: {type: string}
        owner:
          $ref: '#/components/schemas/Owner'
        kind:
          $ref: '#/components/schemas/Kind'
        food:
          $ref: '#/components/schemas/Food'
        default:
          description: a property named like a keyword
          type: string
          default: {$ref: data, not a reference}
    Owner:
      type: object
      properties:
        name: {type: string}
        pets:
          type: array
          items:
            $ref: '#/components/schemas/Pet'
    Kind:
      type: string
      enum: [cat, dog]
    Food:
      type: object
      properties:
        brand: {$ref: '#/components/schemas/Brand'}
    Brand:
      type: string
  parameters:
    limit: {name: limit, in: query, schema: {type: integer, format: int32}}
  responses:
    Error:
      description: error
      content:
        application/json:
          schema:
            type: object
            properties:
              message: {type: string}
  requestBodies:
    NewPet:
      required: true
      content:
        application/json:
          schema:
            $ref: '#/components/schemas/Pet'
  examples:
    rex: {summary: Rex, value: {id: "1", owner: {$ref: not a reference either}}}
  headers:
    rate: {schema: {type: integer}}
`

func TestMultiFileSpec(t *testing.T) {
	dir := writeTree(t, petFiles)
	api, diags := parseFile(t, filepath.Join(dir, "openapi.yaml"), Options{})
	if len(diags) > 0 {
		t.Errorf("diagnostics:\n%s", diagText(diags))
	}
	twin := writeTree(t, map[string]string{"bundled.yaml": petBundled})
	want, wdiags := parseFile(t, filepath.Join(twin, "bundled.yaml"), Options{})
	if len(wdiags) > 0 {
		t.Errorf("bundled diagnostics:\n%s", diagText(wdiags))
	}

	// Positions are in the file each thing comes from.
	rel := func(p ir.Pos) string {
		r, _ := filepath.Rel(dir, p.File)
		return ir.Pos{File: filepath.ToSlash(r), Line: p.Line, Col: p.Col}.String()
	}
	for what, got := range map[string]ir.Pos{
		"listPets":        mustOp(t, api, "listPets").Pos,
		"getPet id param": mustOp(t, api, "getPet").Params[0].Pos,
		"Owner.pets":      mustField(t, mustType(t, api, "Owner"), "pets").Pos,
		"Kind":            mustType(t, api, "Kind").Pos,
		"Food.brand":      mustField(t, mustType(t, api, "Food"), "brand").Pos,
		"Pet.owner":       mustField(t, mustType(t, api, "Pet"), "owner").Pos,
	} {
		wantPos := map[string]string{
			"listPets":        "paths/pets.yaml:1:1",
			"getPet id param": "paths/pet.yaml:2:5",
			"Owner.pets":      "schemas/Owner.yaml:4:3",
			"Kind":            "common/kinds.yaml:1:1",
			"Food.brand":      "common/kinds.yaml:9:9",
			"Pet.owner":       "schemas/Pet.yaml:5:3",
		}[what]
		if rel(got) != wantPos {
			t.Errorf("%s at %s, want %s", what, rel(got), wantPos)
		}
	}
	sameOutput(t, api, want)
}

func TestMultiFileSwagger2(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"swagger.json": `{"swagger": "2.0", "info": {"title": "S", "version": "1"},
 "paths": {"/pets": {"$ref": "paths.json#/pets"}},
 "definitions": {"Pet": {"$ref": "defs.json#/Pet"}}}`,
		"paths.json": `{"pets": {"get": {"operationId": "list",
 "parameters": [{"$ref": "params.json#/limit"}],
 "responses": {"200": {"description": "ok", "schema": {"type": "array", "items": {"$ref": "defs.json#/Pet"}}}}}}}`,
		"defs.json":   `{"Pet": {"type": "object", "properties": {"tag": {"$ref": "#/Tag"}}}, "Tag": {"type": "string", "enum": ["a", "b"]}}`,
		"params.json": `{"limit": {"name": "limit", "in": "query", "type": "integer"}}`,
	})
	api, diags := parseFile(t, filepath.Join(dir, "swagger.json"), Options{})
	if len(diags) > 0 {
		t.Errorf("diagnostics:\n%s", diagText(diags))
	}
	twin := writeTree(t, map[string]string{"swagger.json": `{"swagger": "2.0", "info": {"title": "S", "version": "1"},
 "paths": {"/pets": {"get": {"operationId": "list",
  "parameters": [{"$ref": "#/parameters/limit"}],
  "responses": {"200": {"description": "ok", "schema": {"type": "array", "items": {"$ref": "#/definitions/Pet"}}}}}}},
 "definitions": {"Pet": {"type": "object", "properties": {"tag": {"$ref": "#/definitions/Tag"}}}, "Tag": {"type": "string", "enum": ["a", "b"]}},
 "parameters": {"limit": {"name": "limit", "in": "query", "type": "integer"}}}`})
	want, _ := parseFile(t, filepath.Join(twin, "swagger.json"), Options{})
	if p := mustOp(t, api, "list").Params[0].Pos; p.File != filepath.Join(dir, "params.json") || p.Line != 1 {
		t.Errorf("parameter limit at %s, want params.json:1", p)
	}
	sameOutput(t, api, want)
}

// TestRefusedReferences: references that leave the tree, name a URL, an
// absolute path, a special file or a link out of the tree, or a file that
// is missing or malformed, each cost their value and a warning at the
// reference; a path item lost is an error unless partial output is
// allowed. Nothing is read from a FIFO or /dev/zero (the test would hang).
func TestRefusedReferences(t *testing.T) {
	root := writeTree(t, map[string]string{
		"outside.yaml": "name: secret\nin: query\nschema: {type: string}\n",
		"tree/openapi.yaml": `openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /ok:
    get:
      operationId: ok
      parameters:
        - $ref: ../outside.yaml
        - $ref: /etc/passwd
        - $ref: 'https://example.com/p.yaml'
        - $ref: fifo.yaml
        - $ref: zero.yaml
        - $ref: out-link.yaml
        - $ref: missing.yaml
        - $ref: bad.yaml
        - $ref: sub/../../outside.yaml
      responses:
        default:
          $ref: missing-response.yaml
  /lost:
    $ref: paths/missing.yaml
`,
		"tree/bad.yaml": "name: [unclosed\n",
	})
	tree := filepath.Join(root, "tree")
	if err := mkfifo(filepath.Join(tree, "fifo.yaml")); err != nil {
		t.Fatal(err)
	}
	for link, target := range map[string]string{"zero.yaml": "/dev/zero", "out-link.yaml": filepath.Join(root, "outside.yaml")} {
		if err := os.Symlink(target, filepath.Join(tree, link)); err != nil {
			t.Fatal(err)
		}
	}
	file := filepath.Join(tree, "openapi.yaml")
	for _, partial := range []bool{false, true} {
		api, diags := parseFile(t, file, Options{AllowPartial: partial})
		if ops := len(api.Operations); ops != 1 || len(api.Operations[0].Params) != 0 {
			t.Errorf("partial=%v: %d operations, want ok alone with no parameter", partial, ops)
		}
		got := strings.ReplaceAll(diagText(diags), tree+string(filepath.Separator), "")
		got = strings.ReplaceAll(got, root+string(filepath.Separator), "")
		want := []string{
			`openapi.yaml:8:11: warning: $ref "../outside.yaml" is not followed: it leads out of tree, the directory of the input; the parameter is left out [external-ref]`,
			`openapi.yaml:9:11: warning: $ref "/etc/passwd" is not followed: it is an absolute path`,
			`openapi.yaml:10:11: warning: $ref "https://example.com/p.yaml" is not followed: it is a URL`,
			`openapi.yaml:11:11: warning: $ref "fifo.yaml" is not followed: it cannot be read: fifo.yaml: a named pipe (FIFO), not a regular file`,
			`openapi.yaml:12:11: warning: $ref "zero.yaml" is not followed: zero.yaml is a link to a file outside`,
			`openapi.yaml:13:11: warning: $ref "out-link.yaml" is not followed: out-link.yaml is a link to a file outside`,
			`openapi.yaml:14:11: warning: $ref "missing.yaml" is not followed: it cannot be read: open missing.yaml: no such file or directory; the parameter is left out`,
			`openapi.yaml:15:11: warning: $ref "bad.yaml" is not followed: it cannot be read: bad.yaml:2: did not find expected ',' or ']'; the parameter is left out`,
			`openapi.yaml:16:11: warning: $ref "sub/../../outside.yaml" is not followed: it leads out of`,
			`openapi.yaml:19:11: warning: $ref "missing-response.yaml" is not followed: it cannot be read: open missing-response.yaml: no such file or directory; the response is kept as raw JSON`,
		}
		lost := `openapi.yaml:21:5: error: $ref "paths/missing.yaml" is not followed: it cannot be read: open paths/missing.yaml: no such file or directory; path "/lost" and its operations are left out (--allow-partial, or allowPartial: true in apigen.yaml, generates the rest without them) [external-ref]`
		if partial {
			lost = `openapi.yaml:21:5: warning: $ref "paths/missing.yaml" is not followed: it cannot be read: open paths/missing.yaml: no such file or directory; path "/lost" and its operations are left out [external-ref]`
		}
		want = append(want, lost)
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("partial=%v: diagnostics lack\n%s\nhave:\n%s", partial, w, got)
			}
		}
		if n := strings.Count(got, "\n"); n != len(want) {
			t.Errorf("partial=%v: %d diagnostics, want %d:\n%s", partial, n, len(want), got)
		}
		if strings.Contains(got, "secret") {
			t.Errorf("a file outside the tree was read:\n%s", got)
		}
	}
}

// TestReferencesByPosition: whether "$ref" is a reference depends on where
// it sits in the document model, not on the key above it. Each of these
// used to end the run (kin-openapi: "encountered disallowed external
// reference", "failed to resolve ... in fragment"); each now costs one value
// and a warning, and data that looks like a reference stays data.
func TestReferencesByPosition(t *testing.T) {
	src := `openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /a:
    get:
      operationId: a
      responses:
        default:
          $ref: '#/components/responses/Missing'
  /b:
    get:
      operationId: b
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  x: {type: string, default: {$ref: '#/nowhere'}, example: {$ref: other.yaml}}
                  y:
                    type: object
                    properties: {t: {type: string}}
                    discriminator:
                      propertyName: t
                      mapping:
                        m: other.yaml#/components/schemas/M
                        n: '#/components/schemas/N'
              examples:
                e1:
                  $ref: '#/components/examples/Missing'
                e2:
                  $ref: 'https://example.com/e.yaml'
              example: {$ref: data}
`
	dir := writeTree(t, map[string]string{"spec.yaml": src})
	file := filepath.Join(dir, "spec.yaml")
	api, diags := parseFile(t, file, Options{})
	if len(api.Operations) != 2 {
		t.Errorf("%d operations, want 2", len(api.Operations))
	}
	got := strings.ReplaceAll(diagText(diags), dir+string(filepath.Separator), "")
	want := `spec.yaml:9:11: warning: $ref "#/components/responses/Missing" is not followed: it points to nothing in this document; the response is kept as raw JSON [dangling-ref]
spec.yaml:28:25: warning: discriminator mapping "m": "other.yaml#/components/schemas/M" is not followed: it cannot be read: open other.yaml: no such file or directory; the mapping is left out [external-ref]
spec.yaml:32:19: warning: $ref "#/components/examples/Missing" is not followed: it points to nothing in this document; the example is left out [dangling-ref]
spec.yaml:34:19: warning: $ref "https://example.com/e.yaml" is not followed: it is a URL; apigen reads only files beside the spec; the example is left out [external-ref]
`
	if got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	if d := mustField(t, mustType(t, api, "BResponse"), "x").Default; d != `{"$ref":"#/nowhere"}` {
		t.Errorf("default of x = %s, want the literal object", d)
	}
}

// TestTuples: a draft-4 tuple (items: [...]) fails kin-openapi's decoding
// of the whole document; it becomes raw JSON with a warning at its items,
// and the rest of the document is read. A 3.1 tuple (prefixItems) is raw
// JSON too.
func TestTuples(t *testing.T) {
	for _, c := range []struct{ version, schema, warn string }{
		{"3.0.3", "{type: array, items: [{type: string}, {type: integer}]}",
			`spec.yaml:12:25: warning: schema has a list of schemas under "items"`},
		{"3.1.0", "{type: array, prefixItems: [{type: string}, {type: integer}]}",
			"spec.yaml:12:5: warning: schema Pair is kept as raw JSON: it is a tuple (prefixItems)"},
	} {
		src := `openapi: ` + c.version + `
info: {title: T, version: "1"}
paths:
  /p:
    get:
      operationId: p
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pair'}}}}
components:
  schemas:
    Other: {type: object, properties: {a: {type: string}}}
    Pair: ` + c.schema + "\n"
		dir := writeTree(t, map[string]string{"spec.yaml": src})
		api, diags := parseFile(t, filepath.Join(dir, "spec.yaml"), Options{})
		got := strings.ReplaceAll(diagText(diags), dir+string(filepath.Separator), "")
		if !strings.HasPrefix(got, c.warn) || strings.Count(got, "\n") != 1 {
			t.Errorf("%s: diagnostics:\n%s\nwant one, starting %s", c.version, got, c.warn)
		}
		pair := mustType(t, api, "Pair")
		if pair.Kind != ir.KindAlias || pair.Alias.Kind != ir.KindRaw {
			t.Errorf("%s: Pair is %s %v, want raw JSON", c.version, pair.Kind, pair.Alias)
		}
		mustType(t, api, "Other")
		mustOp(t, api, "p")
	}
}

// TestGoldenTwins: each multi-file golden case (testdata/multifile/*) has
// bundled.yaml beside its input, the same spec in one file by hand; both
// must give the same IR and the same Go files.
func TestGoldenTwins(t *testing.T) {
	twins, err := filepath.Glob("../../testdata/multifile/*/bundled.yaml")
	if err != nil || len(twins) == 0 {
		t.Fatalf("no twins: %v", err)
	}
	for _, twin := range twins {
		dir := filepath.Dir(twin)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			in := filepath.Join(dir, "input")
			var root string
			filepath.WalkDir(in, func(path string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					if src, _ := os.ReadFile(path); IsOpenAPI(src) {
						root = path
					}
				}
				return err
			})
			// The tree is what parser.Load gives: the directory named
			// among the inputs, or the named file's own.
			rel, _ := filepath.Rel(in, root)
			tree := filepath.Join(in, strings.Split(filepath.ToSlash(rel), "/")[0])
			if !strings.Contains(filepath.ToSlash(rel), "/") {
				tree = in
			}
			api, diags := parseFile(t, root, Options{Tree: tree})
			want, wdiags := parseFile(t, twin, Options{})
			if len(diags)+len(wdiags) > 0 {
				t.Errorf("diagnostics:\n%s%s", diagText(diags), diagText(wdiags))
			}
			sameOutput(t, api, want)
		})
	}
}

// TestKinErrorInOtherFile: what kin-openapi cannot decode is reported at
// its place in the file it comes from.
func TestKinErrorInOtherFile(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"openapi.yaml":   "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    $ref: paths/a.yaml\n",
		"paths/a.yaml":   "get:\n  responses:\n    '200':\n      description: ok\n      content:\n        application/json:\n          schema: {$ref: ../schemas/S.yaml}\n",
		"schemas/S.yaml": "type: object\nproperties:\n  n:\n    type: string\n    maxLength: ten\n",
	})
	file := filepath.Join(dir, "openapi.yaml")
	src, _ := os.ReadFile(file)
	_, _, err := Parse(file, src, Options{})
	want := filepath.Join(dir, "schemas", "S.yaml") + ":3:3: cannot unmarshal string into field Schema.maxLength of type uint64"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant %s", err, want)
	}
}
