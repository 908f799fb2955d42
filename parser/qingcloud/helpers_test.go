package qingcloud

import (
	"os"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/internal/irtest"
	"github.com/apigen-dev/apigen/ir"
)

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return src
}

func mustOp(t *testing.T, api *ir.API, name string) *ir.Operation {
	t.Helper()
	op := api.Operation(name)
	if op == nil {
		t.Fatalf("operation %s missing", name)
	}
	return op
}

func mustParam(t *testing.T, op *ir.Operation, name string) *ir.Param {
	t.Helper()
	p := op.Param(name)
	if p == nil {
		t.Fatalf("%s: parameter %s missing", op.Name, name)
	}
	return p
}

func mustType(t *testing.T, api *ir.API, name string) *ir.Type {
	t.Helper()
	ty := api.Type(name)
	if ty == nil {
		t.Fatalf("type %s missing", name)
	}
	return ty
}

func mustField(t *testing.T, ty *ir.Type, name string) *ir.Field {
	t.Helper()
	f := ty.Field(name)
	if f == nil {
		t.Fatalf("type %s: field %s missing", ty.Name, name)
	}
	return f
}

// lineOf returns the 1-based line of the first line of src containing s.
func lineOf(t *testing.T, src []byte, s string) int {
	t.Helper()
	for i, l := range strings.Split(string(src), "\n") {
		if strings.Contains(l, s) {
			return i + 1
		}
	}
	t.Fatalf("%q not in source", s)
	return 0
}

// withoutPos renders an API as JSON with every position removed, so that
// the same API read from differently laid out files compares equal.
func withoutPos(t *testing.T, api *ir.API) string {
	t.Helper()
	return irtest.FactsJSON(t, api, nil)
}

func kinds(ds []ir.Diagnostic) map[string]int {
	m := map[string]int{}
	for _, d := range ds {
		m[d.Kind]++
	}
	return m
}
