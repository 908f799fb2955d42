package openapi

import (
	"slices"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/ir"
)

func TestAllOf(t *testing.T) {
	api, diags := parseTestdata(t, "allof.yaml")

	ext := mustType(t, api, "Extended")
	if ext.Kind != ir.KindStruct {
		t.Fatalf("Extended = %s, want a merged struct", ext.Kind)
	}
	// Members first, in allOf order, then the schema's own properties; a
	// property redeclared later keeps its place but takes the later schema.
	if got, want := fieldNames(ext), []string{"id", "kind", "size", "note"}; !slices.Equal(got, want) {
		t.Errorf("Extended fields = %v, want %v", got, want)
	}
	if !mustField(t, ext, "id").Required || !mustField(t, ext, "size").Required || mustField(t, ext, "note").Required {
		t.Error("Extended: required must be the union of the members' required lists")
	}
	if d := mustField(t, ext, "kind").Description; d != "narrowed by Extended" {
		t.Errorf("Extended.kind description = %q", d)
	}

	h := mustType(t, api, "Holder")
	if f := mustField(t, h, "maybe"); f.Type != ir.Ref("Base") || !f.Nullable || f.Description != "A nullable reference." {
		t.Errorf("allOf:[$ref]+nullable = %+v, want a nullable ref(Base) with the wrapper's description", f)
	}
	if f := mustField(t, h, "plain"); f.Type != ir.Ref("Base") || f.Nullable {
		t.Errorf("plain = %+v", f)
	}
	if f := mustField(t, h, "annotated"); f.Type != ir.Ref("Base") {
		t.Errorf("allOf with an annotation-only member = %s, want ref(Base)", f.Type)
	}
	if f := mustField(t, h, "mixed"); f.Type.Kind != ir.KindRaw {
		t.Errorf("allOf of an object and a string = %s, want raw", f.Type)
	}
	if len(diags) != 1 || diags[0].Kind != "untyped-schema" || diags[0].Pos.String() != "testdata/allof.yaml:46:9" || !strings.Contains(diags[0].Message, "HolderMixed") {
		t.Errorf("diags = %v, want one untyped-schema warning for Holder.mixed at 46:9", diags)
	}

	// An allOf cycle terminates, each side holding both properties.
	for _, name := range []string{"Loop1", "Loop2"} {
		if got := fieldNames(mustType(t, api, name)); len(got) != 2 {
			t.Errorf("%s fields = %v, want one and two", name, got)
		}
	}
	if a := mustType(t, api, "Alias"); a.Kind != ir.KindAlias || *a.Alias != ir.Ref("Base") {
		t.Errorf("Alias = %+v, want alias of ref(Base)", a)
	}
	if w := mustType(t, api, "Wrapped"); w.Kind != ir.KindAlias || *w.Alias != ir.Ref("Base") {
		t.Errorf("Wrapped = %+v, want alias of ref(Base)", w)
	}
}

func TestOneOf(t *testing.T) {
	api, diags := parseTestdata(t, "oneof.yaml")

	pet := mustType(t, api, "Pet")
	if pet.Kind != ir.KindUnion || pet.Discriminator != "kind" ||
		!slices.Equal(pet.Variants, []ir.TypeRef{ir.Ref("Cat"), ir.Ref("Dog")}) {
		t.Errorf("Pet = %+v, want union of Cat and Dog on kind", pet)
	}
	owner := mustType(t, api, "Owner")
	if f := mustField(t, owner, "pet"); f.Type != ir.Ref("Cat") || !f.Nullable {
		t.Errorf("anyOf [Cat, null] = %+v, want a nullable ref(Cat)", f)
	}
	id := mustType(t, api, mustField(t, owner, "id").Type.Ref)
	if id.Kind != ir.KindUnion || !slices.Equal(id.Variants, []ir.TypeRef{ir.Prim(ir.KindString, ""), ir.Prim(ir.KindInteger, "int64")}) {
		t.Errorf("oneOf [string, integer] = %+v", id)
	}
	choice := mustType(t, api, "OwnerChoice")
	if want := []ir.TypeRef{ir.Ref("OwnerChoiceByName"), ir.Ref("OwnerChoiceVariant2")}; !slices.Equal(choice.Variants, want) {
		t.Errorf("OwnerChoice variants = %v, want %v (inline variants named by title or index)", choice.Variants, want)
	}
	if v := mustType(t, api, "OwnerChoiceVariant2"); v.Kind != ir.KindEnum || !slices.Equal(enumValues(v), []string{`""`}) {
		t.Errorf("OwnerChoiceVariant2 = %+v", v)
	}
	if same := mustType(t, api, "OwnerSame"); same.Kind != ir.KindAlias || *same.Alias != ir.Prim(ir.KindString, "") {
		t.Errorf("oneOf of two strings = %+v, want an alias of string", same)
	}
	// oneOf members that only list required properties constrain the
	// object; they do not make it a union.
	if c := mustType(t, api, "Constrained"); c.Kind != ir.KindStruct || len(c.Fields) != 2 {
		t.Errorf("Constrained = %+v, want a struct of a and b", c)
	}
	if b := mustType(t, api, "Both"); b.Kind != ir.KindAlias || b.Alias.Kind != ir.KindRaw {
		t.Errorf("Both = %+v, want raw", b)
	}
	if len(diags) != 1 || !strings.Contains(diags[0].Message, "combines oneOf and anyOf") || diags[0].Pos.Line != 72 {
		t.Errorf("diags = %v", diags)
	}
}

func TestEnums(t *testing.T) {
	api, diags := parseTestdata(t, "enums.yaml")
	cases := []struct {
		name   string
		base   ir.Kind
		values []string
	}{
		{"Color", ir.KindString, []string{`"red"`, `"green"`, `"blue"`}}, // duplicate dropped
		{"Level", ir.KindInteger, []string{"1", "2", "3"}},
		{"Ratio", ir.KindNumber, []string{"0.5", "1", "1.5"}},
		{"Flag", ir.KindBoolean, []string{"true"}},
		{"Untyped", ir.KindString, []string{`"a"`, `"b"`}},
		{"ThingSize", ir.KindString, []string{`"small"`, `"large"`}},
		{"ThingCount", ir.KindInteger, []string{"10", "20"}},
		{"ListThingsOrder", ir.KindString, []string{`"asc"`, `"desc"`}},
	}
	for _, c := range cases {
		ty := mustType(t, api, c.name)
		if ty.Kind != ir.KindEnum || ty.Base != c.base || !slices.Equal(enumValues(ty), c.values) {
			t.Errorf("%s = %s base %s %v, want enum base %s %v", c.name, ty.Kind, ty.Base, enumValues(ty), c.base, c.values)
		}
	}
	if c := mustType(t, api, "Color"); c.Values[1].Description != "Green" || c.Description != "A color." {
		t.Errorf("Color = %+v, want x-enum-descriptions and the description", c)
	}
	thing := mustType(t, api, "Thing")
	if f := mustField(t, thing, "size"); f.Type != ir.Ref("ThingSize") || !f.Nullable || f.Default != `"small"` {
		t.Errorf("Thing.size = %+v, want nullable ref(ThingSize) (null dropped from the values) with default", f)
	}
	if p := mustOp(t, api, "listThings").Param("order"); p.Type != ir.Ref("ListThingsOrder") || p.Default != `"asc"` {
		t.Errorf("order = %+v", p)
	}
	if m := mustType(t, api, "Mixed"); m.Kind != ir.KindAlias || m.Alias.Kind != ir.KindRaw {
		t.Errorf("Mixed = %+v, want raw", m)
	}
	if len(diags) != 1 || diags[0].Pos.String() != "testdata/enums.yaml:43:5" || diags[0].Kind != "untyped-schema" {
		t.Errorf("diags = %v, want one for Mixed at 43:5", diags)
	}
}

func TestNullable31(t *testing.T) {
	api, diags := parseTestdata(t, "nullable.yaml")
	item := mustType(t, api, "Item")
	cases := []struct {
		field    string
		typ      string
		nullable bool
	}{
		{"name", "string", true},             // type: [string, "null"]
		{"count", "integer", false},          // type: [integer]
		{"target", "ref(Target)", true},      // anyOf: [$ref, {type: "null"}]
		{"either", "ref(ItemEither)", false}, // type: [string, integer], a union
		{"fixed", "ref(ItemFixed)", false},
	}
	for _, c := range cases {
		f := mustField(t, item, c.field)
		if f.Type.String() != c.typ || f.Nullable != c.nullable {
			t.Errorf("Item.%s = %s nullable=%v, want %s nullable=%v", c.field, f.Type, f.Nullable, c.typ, c.nullable)
		}
	}
	if e := mustType(t, api, "ItemFixed"); e.Kind != ir.KindEnum || e.Base != ir.KindInteger || !slices.Equal(enumValues(e), []string{"3"}) {
		t.Errorf("const 3 = %+v, want a one-value integer enum", e)
	}
	if e := mustType(t, api, "ItemEither"); e.Kind != ir.KindUnion || len(e.Variants) != 2 {
		t.Errorf("type [string, integer] = %+v, want a union of both", e)
	}
	if len(diags) != 0 {
		t.Errorf("diags = %v", diags)
	}
}

func TestRecursive(t *testing.T) {
	api, diags := parseTestdata(t, "recursive.yaml")
	node := mustType(t, api, "Node")
	if f := mustField(t, node, "children"); f.Type.String() != "[]ref(Node)" {
		t.Errorf("Node.children = %s", f.Type)
	}
	if f := mustField(t, node, "parent"); f.Type != ir.Ref("Node") {
		t.Errorf("Node.parent = %s", f.Type)
	}
	// A reference into the middle of a schema reaches the same inline
	// schema, which is one type that refers to itself.
	meta := mustType(t, api, "NodeMeta")
	if f := mustField(t, meta, "origin"); f.Type != ir.Ref("NodeMeta") {
		t.Errorf("NodeMeta.origin = %s, want ref(NodeMeta)", f.Type)
	}
	if f := mustField(t, mustType(t, api, "A"), "b"); f.Type != ir.Ref("B") {
		t.Errorf("A.b = %s", f.Type)
	}
	where := mustType(t, api, "Where")
	if f := mustField(t, where, "AND"); f.Type.String() != "[]ref(Where)" || !f.Nullable {
		t.Errorf("Where.AND = %+v", f)
	}
	for _, name := range []string{"Loopy", "PingA", "PingB"} {
		if ty := mustType(t, api, name); ty.Kind != ir.KindAlias || ty.Alias.Kind != ir.KindRaw {
			t.Errorf("%s = %s %v, want an alias of raw", name, ty.Kind, ty.Alias)
		}
	}
	if f := mustField(t, mustType(t, api, "Lists"), "nested"); f.Type.String() != "[]raw" {
		t.Errorf("Lists.nested = %s, want []raw", f.Type)
	}
	var got []string
	for _, d := range diags {
		got = append(got, d.Pos.String())
	}
	want := []string{"testdata/recursive.yaml:57:5", "testdata/recursive.yaml:60:5", "testdata/recursive.yaml:62:5", "testdata/recursive.yaml:67:9"}
	if !slices.Equal(got, want) {
		t.Errorf("warnings at %v, want %v", got, want)
	}
	if len(api.Types) != 9 {
		t.Errorf("types = %s, want 9", typeNames(api))
	}
}

func TestUnfollowedRefs(t *testing.T) {
	api, diags := parseTestdata(t, "badrefs.yaml")
	var got []string
	for _, d := range diags {
		got = append(got, d.Pos.String()+" "+d.Kind)
	}
	want := []string{
		"testdata/badrefs.yaml:12:11 external-ref",
		"testdata/badrefs.yaml:33:11 external-ref",
		"testdata/badrefs.yaml:35:11 external-ref",
		"testdata/badrefs.yaml:37:11 dangling-ref",
	}
	// The "$ref" inside the example is data and draws no warning.
	if !slices.Equal(got, want) {
		t.Errorf("diags = %v\nwant %v", got, want)
	}
	thing := mustType(t, api, "Thing")
	for _, name := range []string{"other", "remote", "missing"} {
		if f := mustField(t, thing, name); f.Type.Kind != ir.KindRaw {
			t.Errorf("Thing.%s = %s, want raw", name, f.Type)
		}
	}
	if f := mustField(t, thing, "fine"); f.Type.Kind != ir.KindString {
		t.Errorf("Thing.fine = %s", f.Type)
	}
	if op := mustOp(t, api, "getThing"); len(op.Params) != 1 || op.Params[0].Name != "q" {
		t.Errorf("getThing params = %+v, want only q (the external parameter is left out)", op.Params)
	}
}

// Schemas that allow several scalar types are unions of them, so a value
// of either kind decodes: Kubernetes' int-or-string (declared a string,
// sent as 8080 or "http"), its CRD extension, and 3.1 type lists.
func TestScalarUnions(t *testing.T) {
	src := `openapi: 3.1.0
info: {title: T, version: "1"}
paths: {}
components:
  schemas:
    IntOrString: {type: string, format: int-or-string}
    CRDPort: {x-kubernetes-int-or-string: true}
    Either: {type: [integer, string, "null"]}
    Shaped: {type: [object, string]}
`
	api, _, err := Parse("s.yaml", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	intStr := []ir.TypeRef{ir.Prim(ir.KindInteger, ""), ir.Prim(ir.KindString, "")}
	for _, name := range []string{"IntOrString", "CRDPort", "Either"} {
		if ty := mustType(t, api, name); ty.Kind != ir.KindUnion || !slices.Equal(ty.Variants, intStr) {
			t.Errorf("%s = %+v, want a union of integer and string", name, ty)
		}
	}
	if ty := mustType(t, api, "Shaped"); ty.Kind != ir.KindAlias || ty.Alias.Kind != ir.KindRaw {
		t.Errorf("Shaped = %+v, want raw (an object or a string is not a scalar union)", ty)
	}
}
