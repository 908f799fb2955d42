package openapi

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/ir"
)

// parseTestdata parses testdata/name and fails the test on an error.
func parseTestdata(t *testing.T, name string) (*ir.API, []ir.Diagnostic) {
	t.Helper()
	file := filepath.Join("testdata", name)
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	api, diags, err := Parse(file, src, Options{})
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	checkIntegrity(t, api)
	return api, diags
}

// mustType returns the named type, failing the test when it is missing.
func mustType(t *testing.T, api *ir.API, name string) *ir.Type {
	t.Helper()
	ty := api.Type(name)
	if ty == nil {
		t.Fatalf("type %q missing; have %s", name, typeNames(api))
	}
	return ty
}

func mustField(t *testing.T, ty *ir.Type, name string) *ir.Field {
	t.Helper()
	f := ty.Field(name)
	if f == nil {
		t.Fatalf("type %s: field %q missing", ty.Name, name)
	}
	return f
}

func mustOp(t *testing.T, api *ir.API, name string) *ir.Operation {
	t.Helper()
	o := api.Operation(name)
	if o == nil {
		var names []string
		for _, o := range api.Operations {
			names = append(names, o.Name)
		}
		t.Fatalf("operation %q missing; have %v", name, names)
	}
	return o
}

func typeNames(api *ir.API) string {
	var names []string
	for _, t := range api.Types {
		names = append(names, t.Name)
	}
	return strings.Join(names, ", ")
}

func fieldNames(ty *ir.Type) []string {
	var names []string
	for _, f := range ty.Fields {
		names = append(names, f.Name)
	}
	return names
}

func enumValues(ty *ir.Type) []string {
	var vs []string
	for _, v := range ty.Values {
		vs = append(vs, v.Value)
	}
	return vs
}

// checkIntegrity asserts what every parse must give: type names unique and
// sorted, every reference naming an existing type, every operation and type
// positioned.
func checkIntegrity(t testing.TB, api *ir.API) {
	t.Helper()
	types := map[string]bool{}
	for i, ty := range api.Types {
		if types[ty.Name] {
			t.Errorf("type %q declared twice", ty.Name)
		}
		types[ty.Name] = true
		if i > 0 && api.Types[i-1].Name > ty.Name {
			t.Errorf("types not sorted: %q before %q", api.Types[i-1].Name, ty.Name)
		}
		if ty.Pos.File == "" {
			t.Errorf("type %q has no position", ty.Name)
		}
	}
	bad := 0
	var check func(where string, r ir.TypeRef)
	check = func(where string, r ir.TypeRef) {
		switch r.Kind {
		case ir.KindRef:
			if !types[r.Ref] {
				bad++
				if bad <= 10 {
					t.Errorf("%s: reference to missing type %q", where, r.Ref)
				}
			}
		case ir.KindList, ir.KindMap:
			if r.Elem == nil {
				t.Errorf("%s: %s without element type", where, r.Kind)
				return
			}
			check(where, *r.Elem)
		case "":
			t.Errorf("%s: empty type", where)
		}
	}
	for _, ty := range api.Types {
		for _, f := range ty.Fields {
			check(ty.Name+"."+f.Name, f.Type)
		}
		for _, v := range ty.Variants {
			check(ty.Name+" variant", v)
		}
		if ty.Alias != nil {
			check(ty.Name+" alias", *ty.Alias)
		}
		if ty.AdditionalProperties != nil {
			check(ty.Name+" additionalProperties", *ty.AdditionalProperties)
		}
		switch ty.Kind {
		case ir.KindStruct, ir.KindEnum, ir.KindUnion:
		case ir.KindAlias:
			if ty.Alias == nil {
				t.Errorf("alias %q without target", ty.Name)
			}
		default:
			t.Errorf("type %q has kind %q", ty.Name, ty.Kind)
		}
	}
	ops := map[string]bool{}
	for _, o := range api.Operations {
		if ops[o.Name] {
			t.Errorf("operation %q declared twice", o.Name)
		}
		ops[o.Name] = true
		if o.Pos.Line == 0 {
			t.Errorf("operation %q has no line", o.Name)
		}
		for _, p := range o.Params {
			check(o.Name+" param "+p.Name, p.Type)
		}
		if o.Body != nil {
			check(o.Name+" body", o.Body.Type)
		}
		if o.Response != nil && o.Response.Type != nil {
			check(o.Name+" response", *o.Response.Type)
		}
	}
	if !slices.IsSortedFunc(api.Operations, func(a, b *ir.Operation) int { return strings.Compare(a.Name, b.Name) }) {
		t.Error("operations not sorted")
	}
}
