package openapi

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestCorpusSplit splits a real spec (CloudTower 4.6.0: 554 path items,
// 1,813 schemas) into one file per path item and per schema, with the
// other components left in the root document and reached from the files
// by references back to it, and checks that the split spec gives the IR of
// the original. (Both are written from Go maps, so their objects list
// their keys in the same, sorted, order; the IR keeps the order of fields.)
func TestCorpusSplit(t *testing.T) {
	if testing.Short() {
		t.Skip("the corpus takes seconds to parse")
	}
	const spec = corpusDir + "/cloudtower/4.6.0-swagger.json"
	src, err := os.ReadFile(spec)
	if os.IsNotExist(err) {
		t.Skip("corpus not found at " + corpusDir)
	}
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name string, v any) {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", " ")
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// rewrite points the references of a file at toSchemas+<name>.json for
	// schemas and at toRoot+"#/components/…" for the other components.
	var rewrite func(v any, toSchemas, toRoot string)
	rewrite = func(v any, toSchemas, toRoot string) {
		switch v := v.(type) {
		case map[string]any:
			if ref, ok := v["$ref"].(string); ok {
				if name, ok := strings.CutPrefix(ref, "#/components/schemas/"); ok {
					v["$ref"] = toSchemas + name + ".json"
				} else if toRoot != "" {
					v["$ref"] = toRoot + ref
				}
			}
			for _, x := range v {
				rewrite(x, toSchemas, toRoot)
			}
		case []any:
			for _, x := range v {
				rewrite(x, toSchemas, toRoot)
			}
		}
	}
	write("single/openapi.json", doc)
	comps := doc["components"].(map[string]any)
	schemas := comps["schemas"].(map[string]any)
	for name, s := range schemas {
		rewrite(s, "", "../openapi.json")
		write("schemas/"+name+".json", s)
		schemas[name] = map[string]any{"$ref": "schemas/" + name + ".json"}
	}
	for sec, m := range comps {
		if sec != "schemas" {
			rewrite(m, "schemas/", "")
		}
	}
	paths := doc["paths"].(map[string]any)
	i := 0
	for p, item := range paths {
		rewrite(item, "../schemas/", "../openapi.json")
		name := "paths/p" + strconv.Itoa(i) + ".json"
		write(name, item)
		paths[p] = map[string]any{"$ref": name}
		i++
	}
	write("openapi.json", doc)

	want, _ := parseFile(t, filepath.Join(dir, "single", "openapi.json"), Options{})
	got, diags := parseFile(t, filepath.Join(dir, "openapi.json"), Options{})
	if len(diags) > 0 {
		t.Errorf("diagnostics:\n%s", diagText(diags[:min(len(diags), 10)]))
	}
	if len(got.Operations) != 554 {
		t.Errorf("%d operations, want 554", len(got.Operations))
	}
	if op := mustOp(t, got, "GetVms"); !strings.HasPrefix(op.Pos.File, filepath.Join(dir, "paths")) {
		t.Errorf("GetVms at %s, want a file of paths/", op.Pos)
	}
	if g, w := irJSON(t, got, true), irJSON(t, want, true); g != w {
		gl, wl := strings.Split(g, "\n"), strings.Split(w, "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("IR differs from the single file's at line %d:\n%s\nwant:\n%s", i+1, strings.Join(gl[i:min(i+8, len(gl))], "\n"), strings.Join(wl[i:min(i+8, len(wl))], "\n"))
			}
		}
		t.Fatalf("IR differs in length: %d lines, want %d", len(gl), len(wl))
	}
}
