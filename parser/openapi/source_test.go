package openapi

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/apigen-dev/apigen/ir"
)

// FuzzScanJSON checks the JSON scanner accepts exactly what encoding/json
// accepts (for objects), so kin-openapi never meets JSON the scanner let
// through and every syntax error gets a position.
func FuzzScanJSON(f *testing.F) {
	for _, s := range []string{
		`{}`, `{"a":1}`, `{"a":[1,2,{"b":null}],"c":"\u00e9\n"}`, `{"a":-0.5e+3}`,
		`{"a":01}`, `{"a":1.}`, `{"a":"\x"}`, `{"a":tru}`, `{"a":1,}`, `{"a" 1}`, `{"a":[1,]}`,
		"{\"a\":\"\t\"}", `{"$ref":"#/x"}`, `{"a":1} x`, `{"a":"\ud800"}`, `{"a":1e}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) == 0 || b[0] != '{' {
			return
		}
		_, _, err := scanJSON("t.json", b)
		if valid := json.Valid(b); valid != (err == nil) {
			t.Fatalf("scanJSON(%q) error %v, json.Valid %v", b, err, valid)
		}
	})
}

// FuzzParse checks Parse returns an API or an error, never panics, on
// mutations of the test specs.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*")
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		api, _, err := Parse("fuzz", src, Options{})
		if (api == nil) == (err == nil) {
			t.Fatalf("api %v, err %v", api != nil, err)
		}
		if api != nil {
			checkIntegrity(t, api)
		}
	})
}

func TestPointer(t *testing.T) {
	src := []byte(`{"a": {"b/c": {"d~e": [10, {"f": 1}]}, "sp ace": 1}}`)
	root, _, err := scanJSON("p.json", src)
	if err != nil {
		t.Fatal(err)
	}
	top := loc{n: root, pos: ir.Pos{File: "p.json", Line: 1, Col: 1}}
	for ref, want := range map[string]bool{
		"#":                 true,
		"#/a":               true,
		"#/a/b~1c/d~0e/1/f": true,
		"#/a/b~1c/d~0e/2":   false,
		"#/a/sp%20ace":      true,
		"#/a/missing":       false,
		"other.json#/a":     false,
		"#a":                false,
	} {
		if _, ok := pointer(top, ref); ok != want {
			t.Errorf("pointer(%q) = %v, want %v", ref, ok, want)
		}
	}
	if l, _ := pointer(top, "#/a/b~1c/d~0e/1"); l.pos.String() != "p.json:1:28" {
		t.Errorf("item position = %v, want p.json:1:28", l.pos)
	}
}
