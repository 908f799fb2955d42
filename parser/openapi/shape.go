package openapi

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apigen-dev/apigen/ir"
)

// A schema is typed in two steps: classify decides what it is (struct,
// enum, union, list…) without converting anything, then schema/fill build
// the TypeRef or named Type. Named types are registered before their
// contents are converted, so recursive and cyclic schemas terminate.

type shapeKind int

const (
	shapeAny shapeKind = iota
	shapeRaw
	shapePrim
	shapeList
	shapeMap
	shapeStruct // properties, possibly merged from allOf members
	shapeEnum
	shapeUnion
	shapePass // a wrapper (allOf/oneOf/anyOf of one schema): its member
)

// named reports whether the shape needs a named type.
func (k shapeKind) named() bool {
	return k == shapeStruct || k == shapeEnum || k == shapeUnion
}

type shape struct {
	kind shapeKind
	prim ir.TypeRef // shapePrim
	// keyword and members: the union's variants (shapeUnion) or the wrapped
	// schema (shapePass, one member), with their indexes under keyword.
	keyword string
	members []member
	base    ir.Kind // shapeEnum
	why     string  // shapeRaw: what could not be typed ("" when already warned)
	// nullable is set when a "null" member or value makes the schema nullable.
	nullable bool
}

type member struct {
	ref *openapi3.SchemaRef
	i   int
}

// classify decides what s is.
func (p *parser) classify(s *openapi3.Schema) shape {
	if unfollowed(s.Extensions) {
		return shape{kind: shapeRaw}
	}
	if s.Always != nil {
		return shape{kind: shapeAny}
	}
	if len(s.OneOf) > 0 || len(s.AnyOf) > 0 {
		if sh, ok := classifyUnion(s); ok {
			return sh
		}
	}
	if len(s.AllOf) > 0 {
		if sh, ok := classifyAllOf(s); ok {
			return sh
		}
	}
	if intOrString(s) {
		return primUnion("format", []string{"integer", "string"})
	}
	if len(s.Enum) > 0 || s.Const != nil {
		return p.classifyEnum(s)
	}
	if len(s.PrefixItems) > 0 {
		// A 3.1 tuple: its items differ by position, which no Go slice says.
		return shape{kind: shapeRaw, why: "it is a tuple (prefixItems)"}
	}
	types := nonNull(s.Type)
	if len(types) > 1 {
		if !slices.ContainsFunc(types, func(t string) bool { return t == "object" || t == "array" }) {
			// type: [integer, string] (3.1): one of those scalars.
			return primUnion("type", types)
		}
		return shape{kind: shapeRaw, why: "it allows several types (" + strings.Join(types, ", ") + ")"}
	}
	typ := ""
	if len(types) == 1 {
		typ = types[0]
	} else {
		typ = inferType(s)
	}
	switch typ {
	case "object":
		// An object with properties, even an explicitly empty list of them
		// (Stripe's "properties: {}"), or closed to others is a struct; an
		// open one without is a map. (openapi2conv gives every converted
		// schema an empty Properties map, so in 2.0 only a non-empty one
		// counts.)
		if len(s.Properties) > 0 || s.Properties != nil && !p.v2 || isFalse(s.AdditionalProperties.Has) {
			return shape{kind: shapeStruct}
		}
		return shape{kind: shapeMap}
	case "array":
		return shape{kind: shapeList}
	case "string", "integer", "number", "boolean", "file":
		return shape{kind: shapePrim, prim: primRef(typ, s)}
	case "", "null":
		return shape{kind: shapeAny}
	}
	return shape{kind: shapeRaw, why: "its type " + strconv.Quote(typ) + " is unknown"}
}

// intOrString reports Kubernetes' int-or-string (format int-or-string, or
// x-kubernetes-int-or-string in CRDs): declared a string, but servers send
// numbers (a probe's port: 8080), which a Go string cannot decode.
func intOrString(s *openapi3.Schema) bool {
	return s.Format == "int-or-string" || s.Extensions["x-kubernetes-int-or-string"] == true
}

// primUnion is a union of the scalar types named (as the "type" keyword
// names them), each a member of its own.
func primUnion(keyword string, types []string) shape {
	sh := shape{kind: shapeUnion, keyword: keyword}
	for i, t := range types {
		sh.members = append(sh.members, member{&openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{t}}}, i})
	}
	return sh
}

// classifyUnion handles oneOf/anyOf. ok is false when the keywords only
// constrain an object described otherwise ({properties…, oneOf: [{required:
// [a]}, {required: [b]}]}), which is then typed by its properties.
func classifyUnion(s *openapi3.Schema) (shape, bool) {
	object := len(s.Properties) > 0
	keyword, refs := "oneOf", s.OneOf
	if len(refs) == 0 || len(s.AnyOf) > 0 && allConstraints(refs, object) {
		keyword, refs = "anyOf", s.AnyOf
	}
	if allConstraints(refs, object) {
		return shape{}, false
	}
	if len(s.OneOf) > 0 && len(s.AnyOf) > 0 && !allConstraints(s.OneOf, object) && !allConstraints(s.AnyOf, object) {
		return shape{kind: shapeRaw, why: "it combines oneOf and anyOf"}, true
	}
	if len(s.AllOf) > 0 && !allConstraints(s.AllOf, false) {
		return shape{kind: shapeRaw, why: "it combines allOf with " + keyword}, true
	}
	sh := shape{keyword: keyword}
	for i, m := range refs {
		if m == nil || m.Value == nil {
			continue
		}
		if m.Ref == "" && isNull(m.Value) {
			sh.nullable = true
			continue
		}
		sh.members = append(sh.members, member{m, i})
	}
	switch {
	case len(sh.members) == 0:
		sh.kind = shapeAny
	case len(sh.members) == 1 && !hasStructure(s):
		sh.kind = shapePass
	default:
		sh.kind = shapeUnion
	}
	return sh, true
}

// classifyAllOf handles allOf: one structural member and nothing else is a
// wrapper (allOf: [{$ref: X}] + nullable, the usual way to annotate a
// reference in 3.0); several are merged into one struct, which needs every
// member to describe an object. ok is false when no member has structure.
func classifyAllOf(s *openapi3.Schema) (shape, bool) {
	sh := shape{keyword: "allOf"}
	for i, m := range s.AllOf {
		if m == nil || m.Value == nil || m.Ref == "" && shapeless(m.Value) {
			if m != nil && m.Value != nil && nullable(m.Value) {
				sh.nullable = true
			}
			continue
		}
		sh.members = append(sh.members, member{m, i})
	}
	switch {
	case len(sh.members) == 0:
		return shape{}, false
	case len(sh.members) == 1 && !hasStructure(s):
		sh.kind = shapePass
		return sh, true
	}
	for _, m := range sh.members {
		if !objectish(m.ref.Value) {
			return shape{kind: shapeRaw, why: "its allOf merges schemas that are not all objects"}, true
		}
	}
	sh.kind = shapeStruct
	return sh, true
}

// classifyEnum types an enum (or 3.1 const) by its declared type, or by its
// values when it declares none.
func (p *parser) classifyEnum(s *openapi3.Schema) shape {
	values := s.Enum
	if len(values) == 0 {
		values = []any{s.Const}
	}
	sh := shape{kind: shapeEnum}
	var kinds []ir.Kind
	for _, v := range values {
		var k ir.Kind
		switch v := v.(type) {
		case nil:
			sh.nullable = true
			continue
		case string:
			k = ir.KindString
		case bool:
			k = ir.KindBoolean
		case float64:
			k = ir.KindNumber
			if v == math.Trunc(v) {
				k = ir.KindInteger
			}
		default:
			k = ir.KindRaw
		}
		if !slices.Contains(kinds, k) {
			kinds = append(kinds, k)
		}
	}
	types := nonNull(s.Type)
	switch {
	case len(kinds) == 0:
		return shape{kind: shapeAny, nullable: true}
	case len(types) == 1 && (types[0] == "object" || types[0] == "array"):
		// An enum of objects or arrays constrains values it cannot name.
		s2 := *s
		s2.Enum, s2.Const = nil, nil
		sh2 := p.classify(&s2)
		sh2.nullable = sh2.nullable || sh.nullable
		return sh2
	case len(types) == 1 && types[0] == "string":
		sh.base = ir.KindString
	case len(types) == 1 && types[0] == "integer":
		sh.base = ir.KindInteger
	case len(types) == 1 && types[0] == "number":
		sh.base = ir.KindNumber
	case len(types) == 1 && types[0] == "boolean":
		sh.base = ir.KindBoolean
	case len(kinds) == 1 && kinds[0] != ir.KindRaw:
		sh.base = kinds[0]
	case len(kinds) == 2 && slices.Contains(kinds, ir.KindInteger) && slices.Contains(kinds, ir.KindNumber):
		sh.base = ir.KindNumber
	default:
		return shape{kind: shapeRaw, why: "its enum mixes values of different types"}
	}
	return sh
}

// shapeless reports whether a schema only annotates or constrains
// ({description…}, {required: […]}, {nullable: true}) and so adds no type of
// its own to an allOf, oneOf or anyOf.
func shapeless(s *openapi3.Schema) bool {
	return s.Type.IsEmpty() && !hasStructure(s) && len(s.AllOf) == 0 && len(s.OneOf) == 0 && len(s.AnyOf) == 0 &&
		s.Format == "" && s.Const == nil && !unfollowed(s.Extensions)
}

// allConstraints reports whether every member of an allOf, oneOf or anyOf
// only constrains: shapeless, or, beside the properties of an object
// (object), an object schema without properties of its own ({type: object,
// maxProperties: 0}, as GitHub writes "at least one of these").
func allConstraints(refs openapi3.SchemaRefs, object bool) bool {
	for _, m := range refs {
		if m == nil || m.Value == nil {
			continue
		}
		v := m.Value
		if m.Ref != "" {
			return false
		}
		if shapeless(v) {
			continue
		}
		if object && objectish(v) && len(v.Properties) == 0 && v.AdditionalProperties.Schema == nil && len(v.AllOf) == 0 {
			continue
		}
		return false
	}
	return true
}

// hasStructure reports whether s describes contents of its own besides a
// type name: properties, items, map values or values.
func hasStructure(s *openapi3.Schema) bool {
	return len(s.Properties) > 0 || s.AdditionalProperties.Schema != nil || s.Items != nil || len(s.Enum) > 0
}

// objectish reports whether s can be merged into a struct by allOf.
func objectish(s *openapi3.Schema) bool {
	types := nonNull(s.Type)
	switch {
	case len(types) > 1 || len(types) == 1 && types[0] != "object":
		return false
	case len(s.Enum) > 0 || s.Items != nil || len(s.OneOf) > 0 || len(s.AnyOf) > 0:
		return false
	}
	return true
}

// isNull reports whether s admits only null ({type: "null"}, {enum: [null]}).
func isNull(s *openapi3.Schema) bool {
	if s.Type.Is(openapi3.TypeNull) {
		return true
	}
	return len(s.Enum) == 1 && s.Enum[0] == nil
}

// nullable reports whether s admits null: 3.0 nullable, a 3.1 type list with
// "null", or Swagger 2's x-nullable (which openapi2conv converts only where
// it converts a schema, and some 3.0 generators write too).
func nullable(s *openapi3.Schema) bool {
	if s == nil {
		return false
	}
	return s.Nullable || s.Type.IncludesNull() || s.Extensions["x-nullable"] == true
}

func nonNull(t *openapi3.Types) []string {
	if t == nil {
		return nil
	}
	out := make([]string, 0, len(*t))
	for _, x := range *t {
		if x != openapi3.TypeNull {
			out = append(out, x)
		}
	}
	return out
}

// inferType guesses the type of a schema that declares none from the
// keywords it uses; "" means any JSON value.
func inferType(s *openapi3.Schema) string {
	switch {
	case len(s.Properties) > 0 || s.AdditionalProperties.Schema != nil || s.AdditionalProperties.Has != nil:
		return "object"
	case s.Items != nil:
		return "array"
	}
	switch s.Format {
	case "date-time", "date", "binary", "byte", "uuid", "email", "uri", "hostname", "ipv4", "ipv6", "password":
		return "string"
	case "int32", "int64":
		return "integer"
	case "float", "double":
		return "number"
	}
	return ""
}

func isFalse(b *bool) bool { return b != nil && !*b }

// primRef maps a primitive type and its format: date-time and date are
// times, binary (and Swagger 2's file) is a byte stream.
func primRef(typ string, s *openapi3.Schema) ir.TypeRef {
	switch typ {
	case "string":
		switch {
		case s.Format == "date-time" || s.Format == "date" || extBool(s.Extensions, "x-apigen-time"):
			return ir.Prim(ir.KindTime, s.Format)
		case s.Format == "binary" || s.ContentMediaType == "application/octet-stream":
			return ir.Prim(ir.KindBinary, "")
		case s.Format == "" && s.ContentEncoding == "base64":
			return ir.Prim(ir.KindString, "byte")
		}
		return ir.Prim(ir.KindString, s.Format)
	case "integer":
		return ir.Prim(ir.KindInteger, s.Format)
	case "number":
		return ir.Prim(ir.KindNumber, s.Format)
	case "boolean":
		return ir.Prim(ir.KindBoolean, "")
	}
	return ir.Prim(ir.KindBinary, "") // file
}
