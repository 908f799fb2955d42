package openapi

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apigen-dev/apigen/ir"
)

// use types the schema at one place: a field, parameter, body, list item or
// map value. name is what an inline struct, enum or union found there is
// called; the second result says whether the place admits null.
func (p *parser) use(sr *openapi3.SchemaRef, name string, at loc) (ir.TypeRef, bool) {
	if sr == nil || sr.Value == nil {
		return ir.Prim(ir.KindAny, ""), false
	}
	if sr.Ref == "" && extBool(sr.Value.Extensions, "x-apigen-raw") {
		return ir.Prim(ir.KindRaw, ""), false // what apigen could not type, exported
	}
	if sr.Ref == "" && inlineEnum(sr.Value) {
		sr = &openapi3.SchemaRef{Value: withoutEnum(sr.Value)} // values kept on the field or parameter
	}
	if sr.Ref != "" {
		if c, ok := p.component(sr.Ref); ok {
			return ir.Ref(c), nullable(sr.Value)
		}
		// A reference into the middle of the document: the same *Schema as
		// the place it points to, so memoization makes both one type.
		at = p.refLoc(sr.Ref)
	}
	return p.schema(sr.Value, name, at)
}

// schema types an inline schema.
func (p *parser) schema(s *openapi3.Schema, name string, at loc) (ir.TypeRef, bool) {
	if r, ok := p.inline[s]; ok {
		return r, nullable(s)
	}
	sh := p.classify(s)
	null := nullable(s) || sh.nullable
	if sh.kind.named() {
		t := &ir.Type{Name: unique(p.names, bounded(name)), Pos: at.pos}
		p.addType(t)
		r := ir.Ref(t.Name)
		p.inline[s] = r
		p.fill(t, s, sh, at)
		return r, null
	}
	if p.active[s] {
		// A list, map or wrapper that contains itself through a reference
		// into the middle of the document, with no named type to break the
		// cycle.
		p.warnf(at.pos, "untyped-schema", "schema %s contains itself without a named type in between; it is kept as raw JSON", name)
		r := ir.Prim(ir.KindRaw, "")
		p.inline[s] = r
		return r, null
	}
	p.active[s] = true
	r, n := p.unnamed(s, sh, name, at)
	delete(p.active, s)
	if r.Kind == ir.KindRaw {
		p.inline[s] = r // warn once per schema, however often it is used
	}
	return r, null || n
}

// unnamed types a schema that needs no named type of its own.
func (p *parser) unnamed(s *openapi3.Schema, sh shape, name string, at loc) (ir.TypeRef, bool) {
	switch sh.kind {
	case shapePrim:
		return sh.prim, false
	case shapeList:
		elem, _ := p.use(s.Items, name, at.at("items"))
		return ir.ListOf(elem), false
	case shapeMap:
		elem := ir.Prim(ir.KindAny, "")
		if ap := s.AdditionalProperties.Schema; ap != nil {
			elem, _ = p.use(ap, name, at.at("additionalProperties"))
		}
		return ir.MapOf(elem), false
	case shapePass:
		m := sh.members[0]
		return p.use(m.ref, name, at.at(sh.keyword).idx(m.i))
	case shapeRaw:
		if sh.why != "" {
			p.warnf(at.pos, "untyped-schema", "schema %s is kept as raw JSON: %s", name, sh.why)
		}
		return ir.Prim(ir.KindRaw, ""), false
	}
	return ir.Prim(ir.KindAny, ""), false
}

// fill gives the named type t the shape of s: a struct, enum or union as
// such, anything else (a named list, map or primitive) as an alias.
func (p *parser) fill(t *ir.Type, s *openapi3.Schema, sh shape, at loc) {
	t.Description = s.Description
	t.Deprecated = s.Deprecated
	t.Since = extString(s.Extensions, "x-apigen-since")
	if extBool(s.Extensions, "x-apigen-struct") {
		t.Kind = ir.KindStruct // a struct with no fields, not a free-form map
		return
	}
	if extBool(s.Extensions, "x-apigen-enum") && sh.kind == shapePrim {
		t.Kind, t.Base = ir.KindEnum, sh.prim.Kind // an enum whose values the docs did not list
		return
	}
	switch sh.kind {
	case shapeStruct:
		p.fillStruct(t, s, at)
	case shapeEnum:
		p.fillEnum(t, s, sh)
	case shapeUnion:
		p.fillUnion(t, s, sh, at)
	default:
		r, _ := p.unnamed(s, sh, t.Name, at)
		t.Kind = ir.KindAlias
		t.Alias = &r
	}
}

// prop is one property gathered for a struct: its schema, the type it was
// declared in (inline types nested in it are named after that type) and its
// place.
type prop struct {
	name  string
	ref   *openapi3.SchemaRef
	owner string
	at    loc
}

// props gathers a struct's properties through allOf.
type props struct {
	list     []prop
	index    map[string]int // list position by name
	required map[string]bool
	extra    *prop // additionalProperties schema
	extraAny bool  // additionalProperties: true
	seen     map[*openapi3.Schema]bool
}

func (c *props) add(pr prop) {
	if i, ok := c.index[pr.name]; ok {
		// A later allOf member refines a property: its schema wins, the
		// first declaration keeps its place in the order.
		c.list[i] = pr
		return
	}
	c.index[pr.name] = len(c.list)
	c.list = append(c.list, pr)
}

// collect gathers the properties of s and of its allOf members, members
// first, each group in document order (kin-openapi's Properties is a Go map;
// the source tree gives the order back).
func (p *parser) collect(c *props, s *openapi3.Schema, owner string, at loc) {
	if c.seen[s] {
		return // an allOf cycle, or a member reached twice
	}
	c.seen[s] = true
	for i, m := range s.AllOf {
		if m == nil || m.Value == nil {
			continue
		}
		switch comp, ok := p.component(m.Ref); {
		case ok:
			p.collect(c, m.Value, comp, p.componentLoc(comp))
		case m.Ref != "":
			p.collect(c, m.Value, owner, p.refLoc(m.Ref))
		default:
			p.collect(c, m.Value, owner, at.at("allOf").idx(i))
		}
	}
	pat := at.at("properties")
	if o, ok := p.order[s]; ok {
		pat = o
	}
	for _, k := range orderedKeys(s.Properties, pat) {
		c.add(prop{name: k, ref: s.Properties[k], owner: owner, at: pat.at(k)})
	}
	for _, r := range s.Required {
		c.required[r] = true
	}
	switch ap := s.AdditionalProperties; {
	case ap.Schema != nil:
		c.extra = &prop{ref: ap.Schema, owner: owner, at: at.at("additionalProperties")}
	case ap.Has != nil && *ap.Has:
		c.extraAny = true
	}
}

// fillStruct makes t a struct of the properties of s and its allOf
// members; inline types in a property are named "<owner><property>".
func (p *parser) fillStruct(t *ir.Type, s *openapi3.Schema, at loc) {
	t.Kind = ir.KindStruct
	c := &props{index: map[string]int{}, required: map[string]bool{}, seen: map[*openapi3.Schema]bool{}}
	p.collect(c, s, t.Name, at)
	for _, pr := range c.list {
		f := &ir.Field{Name: pr.name, Required: c.required[pr.name], Pos: pr.at.pos}
		f.Type, f.Nullable = p.use(pr.ref, join(pr.owner, pr.name), pr.at)
		// A reference's target documents itself; siblings of $ref are
		// ignored in 3.0, so only inline schemas describe the field.
		if v := pr.ref.Value; pr.ref.Ref == "" && v != nil {
			f.Description = v.Description
			f.Deprecated = v.Deprecated
			f.ReadOnly = v.ReadOnly
			f.Default = literal(v.Default)
			apigenValue(v, &f.Since, &f.Inferred, &f.Enum)
		}
		t.Fields = append(t.Fields, f)
	}
	switch {
	case c.extra != nil && len(c.list) > 0:
		r, _ := p.use(c.extra.ref, join(c.extra.owner, "Value"), c.extra.at)
		t.AdditionalProperties = &r
	case c.extraAny && len(c.list) > 0:
		r := ir.Prim(ir.KindAny, "")
		t.AdditionalProperties = &r
	case c.extra != nil:
		// Only allOf members with map values: a named map.
		r, _ := p.use(c.extra.ref, join(c.extra.owner, "Value"), c.extra.at)
		m := ir.MapOf(r)
		t.Kind, t.Alias = ir.KindAlias, &m
	}
}

// fillEnum makes t an enum; null is not a value (it makes uses nullable)
// and repeated values are kept once.
func (p *parser) fillEnum(t *ir.Type, s *openapi3.Schema, sh shape) {
	t.Kind = ir.KindEnum
	t.Base = sh.base
	values := s.Enum
	if len(values) == 0 {
		values = []any{s.Const}
	}
	descs := enumDescriptions(s)
	seen := make(map[string]bool, len(values)) // a scan per value is quadratic
	for i, v := range values {
		if v == nil {
			continue
		}
		lit := literal(v)
		if seen[lit] {
			continue
		}
		seen[lit] = true
		ev := ir.EnumValue{Value: lit}
		if i < len(descs) {
			ev.Description = descs[i]
		}
		t.Values = append(t.Values, ev)
	}
}

// enumDescriptions reads the x-enum-descriptions extension (a list parallel
// to enum) that several generators write.
func enumDescriptions(s *openapi3.Schema) []string {
	list, _ := s.Extensions["x-enum-descriptions"].([]any)
	out := make([]string, len(list))
	for i, d := range list {
		out[i], _ = d.(string)
	}
	return out
}

// fillUnion makes t a union of the oneOf/anyOf members; inline members are
// named by their title, else by their position ("<Union>Variant2").
func (p *parser) fillUnion(t *ir.Type, s *openapi3.Schema, sh shape, at loc) {
	t.Kind = ir.KindUnion
	for _, m := range sh.members {
		name := "Variant" + strconv.Itoa(m.i+1)
		if m.ref.Ref == "" && m.ref.Value.Title != "" {
			name = m.ref.Value.Title
		}
		r, _ := p.use(m.ref, join(t.Name, name), at.at(sh.keyword).idx(m.i))
		if !slices.ContainsFunc(t.Variants, func(v ir.TypeRef) bool { return sameRef(v, r) }) {
			t.Variants = append(t.Variants, r)
		}
	}
	if d := s.Discriminator; d != nil {
		t.Discriminator = d.PropertyName
	}
	if len(t.Variants) == 1 {
		// The variants differed only in constraints apigen does not keep.
		t.Kind, t.Alias, t.Variants, t.Discriminator = ir.KindAlias, &t.Variants[0], nil, ""
	}
}

// sameRef compares two references, elements included.
func sameRef(a, b ir.TypeRef) bool {
	if a.Kind != b.Kind || a.Format != b.Format || a.Ref != b.Ref || (a.Elem == nil) != (b.Elem == nil) {
		return false
	}
	return a.Elem == nil || sameRef(*a.Elem, *b.Elem)
}

// literal renders a default or enum value as a JSON literal ("" for none).
// HTML escaping is off so "<" stays readable in generated comments.
func literal(v any) string {
	if v == nil {
		return ""
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return ""
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// component returns the component schema name a reference points to.
func (p *parser) component(ref string) (string, bool) {
	rest, ok := strings.CutPrefix(ref, "#/components/schemas/")
	if !ok || strings.Contains(rest, "/") || p.doc.Components == nil {
		return "", false
	}
	name := unescapeToken(rest)
	_, ok = p.doc.Components.Schemas[name]
	return name, ok
}

// componentLoc is where component schema name is declared.
func (p *parser) componentLoc(name string) loc {
	if p.v2 {
		return p.root.at("definitions", name)
	}
	return p.root.at("components", "schemas", name)
}

// refLoc is where a local reference points, in the source document.
func (p *parser) refLoc(ref string) loc {
	if p.v2 {
		ref = v2ref(ref)
	}
	if l, ok := pointer(p.root, ref); ok {
		return l
	}
	return loc{pos: ir.Pos{File: p.file}}
}

// defineComponents creates one named type per component schema, under its
// own name. All names are reserved first, so inline types named after
// their place never take a component's name; components are visited in
// name order, so the suffixes of clashing inline names are deterministic.
func (p *parser) defineComponents() {
	if p.doc.Components == nil {
		return
	}
	names := make([]string, 0, len(p.doc.Components.Schemas))
	for name := range p.doc.Components.Schemas {
		names = append(names, name)
		p.names.add(name)
	}
	slices.Sort(names)
	for _, name := range names {
		p.define(name, p.doc.Components.Schemas[name])
	}
}

// define creates the named type of one component schema.
func (p *parser) define(name string, sr *openapi3.SchemaRef) {
	at := p.componentLoc(name)
	t := &ir.Type{Name: name, Pos: at.pos}
	p.addType(t)
	switch {
	case sr == nil || sr.Value == nil:
		// kin-openapi leaves a cycle of bare references (X: {$ref: Y},
		// Y: {$ref: X}) unresolved.
		p.warnf(at.pos, "untyped-schema", "schema %s does not resolve to a schema; it is kept as raw JSON", name)
		r := ir.Prim(ir.KindRaw, "")
		t.Kind, t.Alias = ir.KindAlias, &r
	case sr.Ref != "":
		// A component that is only a reference is an alias of its target.
		r, _ := p.use(sr, name, at)
		t.Kind, t.Alias = ir.KindAlias, &r
	default:
		if _, done := p.inline[sr.Value]; !done {
			p.inline[sr.Value] = ir.Ref(name)
		}
		p.fill(t, sr.Value, p.classify(sr.Value), at)
	}
}

// breakAliasCycles turns aliases that lead back to themselves (X: {$ref: Y},
// Y: {$ref: X}, or X: {allOf: [{$ref: X}]}) into raw JSON: no language can
// declare such a type.
func (p *parser) breakAliasCycles() {
	for _, t := range p.api.Types {
		seen := map[string]bool{}
		for cur := t; cur != nil && cur.Kind == ir.KindAlias && cur.Alias != nil && cur.Alias.Kind == ir.KindRef; cur = p.types[cur.Alias.Ref] {
			if seen[cur.Name] {
				p.warnf(t.Pos, "untyped-schema", "schema %s is only a reference to itself; it is kept as raw JSON", t.Name)
				r := ir.Prim(ir.KindRaw, "")
				t.Alias = &r
				break
			}
			seen[cur.Name] = true
		}
	}
}
