package templates

import (
	"fmt"
	"testing"

	"github.com/apigen-dev/apigen/ir"
)

// synthetic builds an API of about nTypes types and nOps operations with
// the mix real specs have (mostly structs of ~10 fields referring to each
// other, some enums, unions and aliases; list calls that page), without
// depending on the corpus.
func synthetic(nTypes, nOps int) *ir.API {
	api := &ir.API{Name: "Synthetic", Family: ir.FamilyOpenAPI, Version: "1.0"}
	str := ir.Prim(ir.KindString, "")
	name := func(i int) string { return fmt.Sprintf("resource%dInfo", i) }
	for i := range nTypes {
		t := &ir.Type{Name: name(i), Description: fmt.Sprintf("Resource %d.\nIt has several lines of description text that wrap.", i)}
		switch {
		case i%10 == 1:
			t.Kind, t.Base = ir.KindEnum, ir.KindString
			for v := range 6 {
				t.Values = append(t.Values, ir.EnumValue{Value: fmt.Sprintf(`"state_%d"`, v)})
			}
		case i%50 == 2:
			t.Kind = ir.KindUnion
			t.Variants = []ir.TypeRef{ir.Ref(name(i + 3)), ir.Ref(name(i + 4)), str}
		case i%25 == 3:
			t.Kind, t.Alias = ir.KindAlias, &ir.TypeRef{Kind: ir.KindList, Elem: &ir.TypeRef{Kind: ir.KindRef, Ref: name((i + 5) % nTypes)}}
		default:
			t.Kind = ir.KindStruct
			for f := range 10 {
				fl := &ir.Field{Name: fmt.Sprintf("field_%d_id", f), Type: str, Required: f%3 == 0, Description: "A field."}
				switch f {
				case 1:
					fl.Type = ir.Prim(ir.KindInteger, "int64")
				case 2:
					fl.Type = ir.Ref(name((i + 1) % nTypes))
				case 3:
					fl.Type = ir.ListOf(ir.Ref(name((i + 7) % nTypes)))
				case 4:
					fl.Type, fl.Since = ir.Prim(ir.KindTime, "date-time"), "1.2.0"
				case 5:
					fl.Nullable = true
				case 6:
					fl.Type = ir.Ref(name((i*7 + 11) % nTypes))
				}
				t.Fields = append(t.Fields, fl)
			}
		}
		api.Types = append(api.Types, t)
	}
	for i := range nOps {
		o := &ir.Operation{Name: fmt.Sprintf("op%dResource", i), Method: "GET", Path: fmt.Sprintf("/r%d/{id}", i), Auth: true,
			Summary: "Does something.", Since: "1.0"}
		o.Params = []*ir.Param{
			{Name: "id", In: ir.InPath, Type: str, Required: true},
			{Name: "offset", In: ir.InQuery, Type: ir.Prim(ir.KindInteger, "")},
			{Name: "limit", In: ir.InQuery, Type: ir.Prim(ir.KindInteger, "")},
			{Name: "mode", In: ir.InQuery, Type: str, Enum: []string{`"a"`, `"b"`}},
			{Name: "X-Token", In: ir.InHeader, Type: str},
		}
		if i%3 == 0 {
			o.Method, o.Body = "POST", &ir.Body{Type: ir.Ref(name(i % nTypes)), ContentType: "application/json", Required: true}
		}
		o.Response = &ir.Response{Type: &ir.TypeRef{Kind: ir.KindRef, Ref: name((i * 3) % nTypes)}}
		if i%10 == 0 {
			o.Response = &ir.Response{Type: &ir.TypeRef{Kind: ir.KindList, Elem: &ir.TypeRef{Kind: ir.KindRef, Ref: name(i % nTypes)}}}
			o.Paging = &ir.Paging{Style: "offset", OffsetParam: "offset", LimitParam: "limit"}
		}
		api.Operations = append(api.Operations, o)
	}
	api.Sort()
	return api
}

func BenchmarkGenerate(b *testing.B) {
	api := synthetic(2000, 600)
	b.ReportAllocs()
	var bytes int
	for b.Loop() {
		files, _, err := Generate(api, Options{})
		if err != nil {
			b.Fatal(err)
		}
		bytes = 0
		for _, f := range files {
			bytes += len(f.Content)
		}
	}
	b.ReportMetric(float64(bytes), "out-bytes")
}

// TestSyntheticCompiles builds a quarter of the benchmark's API (500
// types, 150 operations): name collisions, cycles and file splitting all
// happen already, and the build fits the test budget; the corpus tests
// compile the real large specs.
func TestSyntheticCompiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a large module")
	}
	files, diags := generate(t, synthetic(500, 150), Options{})
	if len(diags) > 0 {
		t.Errorf("diagnostics: %v", diags[0])
	}
	big := 0
	for name, c := range files {
		lines := 0
		for _, b := range c {
			if b == '\n' {
				lines++
			}
		}
		big = max(big, lines)
		if lines > maxFileLinesSeen {
			t.Errorf("%s has %d lines", name, lines)
		}
	}
	t.Logf("%d files, largest %d lines", len(files), big)
	gocheckCompile(t, files)
}

// maxFileLinesSeen bounds a generated file: layout counts declarations,
// not lines, and maxFileDecls of them stay well under this.
const maxFileLinesSeen = 8000
