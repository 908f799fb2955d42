// Package irtest checks, for parser tests and fuzz targets, the invariants
// every parser promises the emitters: names unique and sorted, references
// resolving, positions inside the file read, and the same result twice.
package irtest

import (
	"bytes"
	"encoding/json"
	"os"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/apigen-dev/apigen/ir"
)

// Check fails t at the first broken invariant of api and diags, parsed
// from src read as file.
func Check(t testing.TB, file string, src []byte, api *ir.API, diags []ir.Diagnostic) {
	t.Helper()
	if api == nil {
		t.Fatal("no API and no error")
	}
	lines := bytes.Count(src, []byte{'\n'}) + 1
	inside := func(what string, p ir.Pos) {
		if p.File != file || p.Line < 0 || p.Line > lines {
			t.Fatalf("%s at %s, outside the file's %d lines", what, p, lines)
		}
	}
	for _, d := range diags {
		inside("diagnostic "+d.Message, d.Pos)
		if d.Kind == "" || !utf8.ValidString(d.Message) {
			t.Fatalf("diagnostic without a kind or with invalid UTF-8: %q", d)
		}
	}
	types := map[string]bool{}
	for i, ty := range api.Types {
		if types[ty.Name] {
			t.Fatalf("type %q twice", ty.Name)
		}
		types[ty.Name] = true
		if i > 0 && api.Types[i-1].Name > ty.Name {
			t.Fatalf("types not sorted: %q before %q", api.Types[i-1].Name, ty.Name)
		}
	}
	var resolves func(what string, r ir.TypeRef)
	resolves = func(what string, r ir.TypeRef) {
		switch r.Kind {
		case ir.KindRef:
			if !types[r.Ref] {
				t.Fatalf("%s refers to undefined type %q", what, r.Ref)
			}
		case ir.KindList, ir.KindMap:
			if r.Elem != nil {
				resolves(what, *r.Elem)
			}
		case "":
			t.Fatalf("%s has no kind", what)
		}
	}
	for _, ty := range api.Types {
		inside("type "+ty.Name, ty.Pos)
		for _, fl := range ty.Fields {
			inside("field "+fl.Name, fl.Pos)
			resolves("field "+ty.Name+"."+fl.Name, fl.Type)
		}
		for _, r := range append(slices.Clone(ty.Variants), deref(ty.Alias, ty.AdditionalProperties)...) {
			resolves("type "+ty.Name, r)
		}
	}
	for i, op := range api.Operations {
		if op.Name == "" {
			t.Fatalf("operation without a name at %s", op.Pos)
		}
		if i > 0 && api.Operations[i-1].Name == op.Name {
			t.Fatalf("operation %q twice", op.Name)
		}
		inside("operation "+op.Name, op.Pos)
		for _, p := range op.Params {
			inside("param "+p.Name, p.Pos)
			resolves("param "+op.Name+"."+p.Name, p.Type)
		}
		if op.Body != nil {
			resolves("body of "+op.Name, op.Body.Type)
		}
		if op.Response != nil && op.Response.Type != nil {
			resolves("response of "+op.Name, *op.Response.Type)
		}
	}
}

// Stable parses a copy of src with parse once more and fails t unless the
// second run gives the same API and diagnostics as the first (api, diags).
func Stable(t testing.TB, file string, src []byte, api *ir.API, diags []ir.Diagnostic, parse func(file string, src []byte) (*ir.API, []ir.Diagnostic, error)) {
	t.Helper()
	again, diags2, err := parse(file, slices.Clone(src))
	if err != nil {
		t.Fatalf("second run failed: %v", err)
	}
	type run struct {
		A *ir.API
		D []ir.Diagnostic
	}
	a, _ := json.Marshal(run{api, diags})
	b, _ := json.Marshal(run{again, diags2})
	if !bytes.Equal(a, b) {
		t.Fatalf("two runs differ:\n%s\n%s", a, b)
	}
}

func deref(rs ...*ir.TypeRef) []ir.TypeRef {
	var out []ir.TypeRef
	for _, r := range rs {
		if r != nil {
			out = append(out, *r)
		}
	}
	return out
}

// ReadAll reads files into the path → bytes map the multi-file parsers
// (zstack.ParseFiles, qingcloud.ParseFiles) take.
func ReadAll(t testing.TB, files []string) map[string][]byte {
	t.Helper()
	srcs := map[string][]byte{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		srcs[f] = src
	}
	return srcs
}

// FactsJSON renders api as indented JSON without positions, so the same API
// read from differently laid out inputs (another format, split files, an
// export read back) compares equal. edit, when not nil, sees every object
// first; op is true inside the operations list.
func FactsJSON(t testing.TB, api *ir.API, edit func(obj map[string]any, op bool)) string {
	t.Helper()
	b, err := json.Marshal(api)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	var walk func(v any, op bool)
	walk = func(v any, op bool) {
		switch x := v.(type) {
		case map[string]any:
			delete(x, "pos")
			if edit != nil {
				edit(x, op)
			}
			for k, e := range x {
				walk(e, k == "operations")
			}
		case []any:
			for _, e := range x {
				walk(e, op)
			}
		}
	}
	walk(v, false)
	b, err = json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
