package parser

import (
	"os"
	"path/filepath"
	"testing"
)

// TestSpecReadByAnother: a components file with its own "openapi" key,
// which the root spec reads through its references, is part of that spec
// when both are met in a directory walk, not an API of its own: its
// schemas the root does not use stay out.
func TestSpecReadByAnother(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"openapi.yaml": `openapi: 3.0.3
info: {title: Root, version: "1"}
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: 'common.yaml#/components/schemas/Pet'}
`,
		"common.yaml": `openapi: 3.0.3
info: {title: Common, version: "1"}
paths: {}
components:
  schemas:
    Pet: {type: object, properties: {name: {type: string}}}
    Unused: {type: object, properties: {x: {type: string}}}
`,
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	api, diags, err := Load([]string{dir}, Options{})
	if err != nil {
		t.Fatalf("Load: %v %v", err, diags)
	}
	if len(diags) > 0 {
		t.Errorf("diagnostics: %v", diags)
	}
	if api.Type("Pet") == nil || api.Type("Unused") != nil || api.Name != "Root" {
		var names []string
		for _, ty := range api.Types {
			names = append(names, ty.Name)
		}
		t.Errorf("API %q with types %v, want Root with Pet and without Unused", api.Name, names)
	}
}
