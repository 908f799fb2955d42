package oas

import (
	"bytes"
	"encoding/json"

	"github.com/apigen-dev/apigen/ir"
)

// refPrefix is where named types live in the document.
const refPrefix = "#/components/schemas/"

// schema renders a type reference.
func schema(r ir.TypeRef) *object {
	s := obj()
	switch r.Kind {
	case ir.KindString:
		s.set("type", "string").set("format", r.Format)
	case ir.KindInteger:
		s.set("type", "integer").set("format", r.Format)
	case ir.KindNumber:
		s.set("type", "number").set("format", r.Format)
	case ir.KindBoolean:
		s.set("type", "boolean")
	case ir.KindTime:
		// The IR's time formats beyond OpenAPI's own (ZStack's
		// "Jun 7, 2017 9:20:28 PM", RFC 822) are formats too: tools that do
		// not know them treat the value as a string, as they should.
		f := r.Format
		if f == "" {
			f = "date-time"
		}
		s.set("type", "string").set("format", f).set("x-apigen-time", f != "date-time" && f != "date")
	case ir.KindBinary:
		s.set("type", "string").set("format", "binary")
	case ir.KindRaw:
		s.set("x-apigen-raw", true)
	case ir.KindList:
		items := obj()
		if r.Elem != nil {
			items = schema(*r.Elem)
		}
		s.set("type", "array").put("items", items)
	case ir.KindMap:
		if r.Elem != nil {
			s.set("type", "object").set("additionalProperties", schema(*r.Elem))
		} else {
			s.set("type", "object")
		}
	case ir.KindRef:
		s.set("$ref", refPrefix+r.Ref)
	}
	return s
}

// nullable widens s to also allow null, the OpenAPI 3.1 way: a type list,
// or for a reference (which takes no siblings that change it) an anyOf.
func nullable(s *object) *object {
	switch t := s.get("type").(type) {
	case string:
		s.vals["type"] = []any{t, "null"}
		return s
	case nil:
		if s.get("$ref") == nil {
			return s // any value already includes null
		}
	}
	return obj().set("anyOf", []any{s, obj().set("type", "null")})
}

// literal turns one of the IR's JSON literals (defaults, enum values) back
// into a value; text that is not JSON (prose the parser kept) stays text.
func literal(s string) any {
	var v any
	dec := json.NewDecoder(bytes.NewReader([]byte(s)))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil || dec.More() {
		return s
	}
	return numbers(v)
}

// numbers turns json.Numbers into Go numbers, which YAML writes as numbers
// too (a json.Number is a string to it). Integers stay exact.
func numbers(v any) any {
	switch v := v.(type) {
	case json.Number:
		if i, err := v.Int64(); err == nil {
			return i
		}
		if f, err := v.Float64(); err == nil {
			return f
		}
		return v.String()
	case []any:
		for i := range v {
			v[i] = numbers(v[i])
		}
	case map[string]any:
		for k := range v {
			v[k] = numbers(v[k])
		}
	}
	return v
}

func literals(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = literal(s)
	}
	return out
}

// facts adds what a parameter or field says beyond its type, and returns
// the schema to use: a reference with something to add is wrapped in an
// allOf, since readers of OpenAPI 3.0 (kin-openapi among them) ignore what
// sits beside $ref.
func facts(s *object, description, def string, enum []string, inferred bool, since string, deprecated bool, marks ...string) *object {
	if s.get("$ref") != nil && (description != "" || def != "" || inferred || since != "" || deprecated || len(marks) > 0) {
		s = obj().set("allOf", []any{s})
	}
	if len(enum) > 0 && s.get("$ref") == nil {
		// The IR keeps these values on the parameter or field itself, not as
		// a named enum type: the mark keeps it so when read back.
		s.set("enum", literals(enum)).set("x-apigen-inline-enum", true)
	}
	if def != "" {
		s.put("default", literal(def)) // put: false and 0 are defaults too
	}
	s.set("description", description).set("deprecated", deprecated)
	s.set("x-apigen-since", since).set("x-apigen-inferred", inferred)
	for _, m := range marks {
		s.set(m, true)
	}
	return s
}

// namedType renders one of the API's types for components.schemas.
func namedType(t *ir.Type) *object {
	s := obj()
	switch t.Kind {
	case ir.KindStruct:
		s.set("type", "object")
		props := obj()
		var required []any
		for _, f := range t.Fields {
			props.put(f.Name, field(f))
			if f.Required {
				required = append(required, f.Name)
			}
		}
		s.set("properties", props).set("required", required)
		s.set("x-apigen-struct", len(t.Fields) == 0 && t.AdditionalProperties == nil) // not a free-form map
		if ap := t.AdditionalProperties; ap != nil {
			if ap.Kind == ir.KindAny {
				s.put("additionalProperties", true)
			} else {
				s.set("additionalProperties", schema(*ap))
			}
		}
	case ir.KindEnum:
		base := schema(ir.Prim(t.Base, ""))
		for _, k := range base.keys {
			s.set(k, base.vals[k])
		}
		var values, descs []any
		documented := false
		for _, v := range t.Values {
			values = append(values, literal(v.Value))
			descs = append(descs, v.Description)
			documented = documented || v.Description != ""
		}
		if len(values) == 0 {
			s.set("x-apigen-enum", true) // no values documented yet
		} else {
			s.put("enum", values)
		}
		if documented {
			s.set("x-enum-descriptions", descs)
		}
	case ir.KindUnion:
		var variants []any
		for _, v := range t.Variants {
			variants = append(variants, schema(v))
		}
		s.set("oneOf", variants)
		if t.Discriminator != "" {
			s.set("discriminator", obj().set("propertyName", t.Discriminator))
		}
	case ir.KindAlias:
		if t.Alias != nil {
			s = schema(*t.Alias)
		}
	}
	s.set("description", t.Description).set("deprecated", t.Deprecated).set("x-apigen-since", t.Since)
	return s
}

func field(f *ir.Field) *object {
	s := schema(f.Type)
	if f.Nullable {
		s = nullable(s)
	}
	var marks []string
	if f.ReadOnly {
		marks = append(marks, "readOnly")
	}
	s = facts(s, f.Description, f.Default, f.Enum, f.Inferred, f.Since, f.Deprecated, marks...)
	return s
}
