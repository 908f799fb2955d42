package templates

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/apigen-dev/apigen/ir"
	"github.com/dave/jennifer/jen"
)

// planStruct names a struct's fields (a registry per struct, so "a_b",
// "a-b", "AB" and "ab" all get distinct names), resolves their types and
// drops the fields that cannot be written: duplicate wire names and names a
// json tag cannot carry.
func (g *gen) planStruct(t *ir.Type) {
	info := g.info[t]
	ctx := typeCtx{tolerant: g.tolerant, file: g.multipart[t]}
	reg := newRegistry(validateMethod)
	if t.AdditionalProperties != nil {
		// The methods that carry the extra keys, and their field.
		reg = newRegistry(validateMethod, "MarshalJSON", "UnmarshalJSON")
		info.addl = reg.take("AdditionalProperties")
		info.addlType = g.resolve(*t.AdditionalProperties, ctx)
		if p := info.addlType.problem; p != "" {
			g.warn(t.Pos, "untyped", "type %q: additional properties: %s; using json.RawMessage", t.Name, p)
		}
	}
	seen := map[string]*ir.Field{}
	for _, f := range t.Fields {
		if f == nil {
			continue
		}
		if prev := seen[f.Name]; prev != nil {
			g.warn(f.Pos, "duplicate-field", "type %q: field %q is also defined at %s; keeping that one", t.Name, f.Name, prev.Pos)
			continue
		}
		seen[f.Name] = f
		if !tagSafe(f.Name) {
			g.warn(f.Pos, "unrepresentable-name", "type %q: field %s cannot be written as a json tag; skipped", t.Name, quote(f.Name))
			continue
		}
		fi := &fieldInfo{f: f, typ: g.resolve(f.Type, ctx), nullable: f.Nullable}
		if p := fi.typ.problem; p != "" {
			g.warn(f.Pos, "untyped", "type %q: field %q: %s; using json.RawMessage", t.Name, f.Name, p)
		}
		info.fields = append(info.fields, fi)
	}
	nameFields(reg, info.fields, func(fi *fieldInfo) string { return fi.f.Name }, func(fi *fieldInfo, n string) { fi.goName = n })
	for _, fi := range info.fields {
		fi.json = jsonTag(fi.f.Name, fi.f.Required, fi.nullable)
		if isUnion(fi.typ) && !fi.nullable && fi.f.Required && fi.f.Name != "-" {
			// An unset union is absent, never null: Validate reports a
			// required one missing before anything is sent.
			fi.json += ",omitzero"
		}
	}
}

// nameFields assigns Go names in wire-name order, so which of two
// colliding fields gets the plain name does not depend on document order.
func nameFields[T any](reg *registry, items []T, wire func(T) string, set func(T, string)) {
	order := slices.Clone(items)
	slices.SortStableFunc(order, func(a, b T) int { return cmp.Compare(wire(a), wire(b)) })
	claims := make([]claim, len(order))
	for i, it := range order {
		claims[i] = claim{base: goName(wire(it), "Field")}
	}
	names, _ := reg.assign(claims)
	for i, it := range order {
		set(it, names[i])
	}
}

// tagSafe reports whether a wire name can be a json tag name that
// encoding/json honours (its isValidTag) and go vet accepts.
func tagSafe(name string) bool {
	if name == "" {
		return false
	}
	for _, r := range name {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", r):
		case unicode.IsLetter(r), unicode.IsDigit(r):
		default:
			return false
		}
	}
	return true
}

// jsonTag is a json tag value. "-" alone would mean "skip", so it is
// written "-,".
func jsonTag(wire string, required, nullable bool) string {
	switch {
	case nullable && !required:
		return wire + ",omitzero"
	case !required:
		return wire + ",omitempty"
	case wire == "-":
		return "-,"
	}
	return wire
}

// tags builds a field's struct tag: json plus since when it is set and
// safe inside a tag.
func tags(json, since string, extra ...string) map[string]string {
	m := map[string]string{"json": json}
	if since != "" && tagValueSafe(since) {
		m["since"] = since
	}
	for i := 0; i+1 < len(extra); i += 2 {
		m[extra[i]] = extra[i+1]
	}
	return m
}

func tagValueSafe(s string) bool {
	for _, r := range s {
		if r == '"' || r == '\\' || r == '`' || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return false
		}
	}
	return true
}

// fieldDoc is the comment of a struct field or param: description, then
// the documented default, allowed values and version (only where it tells
// something, see sinceNote). Values read from prose say so: they are
// shown, but Validate does not enforce them.
func fieldDoc(desc, def string, enum []string, inferred bool, since string, deprecated, readOnly bool) *doc {
	var d doc
	d.add(desc)
	from := ""
	if inferred {
		from = " (from description)"
	}
	if def != "" {
		d.addf("Default", from, ": ", def)
	}
	if len(enum) > 0 {
		d.addf("Allowed", from, ": ", literalList(enum))
	}
	if readOnly {
		d.add("Read-only: set by the server.")
	}
	if since != "" {
		d.addf("Since: ", since)
	}
	if deprecated {
		d.deprecated("field")
	}
	return &d
}

// structDecl emits a struct type, and the JSON methods that carry its
// additional properties when it has them.
func (g *gen) structDecl(t *ir.Type) *decl {
	info := g.info[t]
	d := &decl{key: info.goName}
	var dc doc
	dc.lead(info.goName, t.Description, info.goName+" is the API's "+quote(t.Name)+" object.")
	typeDoc(&dc, t)
	d.add(dc.code()...)
	var fields []jen.Code
	for _, fi := range info.fields {
		f := fi.f
		fd := fieldDoc(f.Description, f.Default, f.Enum, f.Inferred, sinceNote(f.Since, t.Since, f.Description), f.Deprecated, f.ReadOnly)
		fields = append(fields, fd.code()...)
		fields = append(fields, jen.Id(fi.goName).Add(fieldType(fi.typ, f.Required, fi.nullable, fi.ptr)).Tag(tags(fi.json, f.Since)))
		d.lines += fd.len() + 1
	}
	if info.addl != "" {
		fields = append(fields,
			jen.Comment("// "+info.addl+" holds the keys the API does not declare."),
			jen.Id(info.addl).Map(jen.String()).Add(info.addlType.code).Tag(map[string]string{"json": "-"}))
	}
	d.add(jen.Type().Id(info.goName).Struct(fields...), jen.Line())
	if info.addl != "" {
		g.addlMethods(d, t)
	}
	if info.validate {
		g.validateDecl(d, t)
	}
	return d
}

// addlMethods emits MarshalJSON and UnmarshalJSON that move undeclared keys
// to and from the additional-properties map.
func (g *gen) addlMethods(d *decl, t *ir.Type) {
	info := g.info[t]
	name := info.goName
	known := make([]jen.Code, len(info.fields))
	for i, fi := range info.fields {
		known[i] = jen.Lit(fi.f.Name)
	}
	raw := jen.Map(jen.String()).Qual(jsonPath, "RawMessage")
	d.add(
		jen.Comment("// MarshalJSON writes the declared fields and then "+info.addl+"."),
		jen.Func().Params(jen.Id("v").Id(name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
			jen.Type().Id("plain").Id(name),
			jen.List(jen.Id("b"), jen.Err()).Op(":=").Qual(jsonPath, "Marshal").Call(jen.Id("plain").Call(jen.Id("v"))),
			jen.If(jen.Err().Op("!=").Nil().Op("||").Len(jen.Id("v").Dot(info.addl)).Op("==").Lit(0)).Block(
				jen.Return(jen.Id("b"), jen.Err()),
			),
			jen.Var().Id("all").Add(raw),
			jen.If(jen.Err().Op(":=").Qual(jsonPath, "Unmarshal").Call(jen.Id("b"), jen.Op("&").Id("all")), jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Nil(), jen.Err()),
			),
			jen.For(jen.List(jen.Id("k"), jen.Id("x")).Op(":=").Range().Id("v").Dot(info.addl)).Block(
				jen.If(jen.List(jen.Id("_"), jen.Id("ok")).Op(":=").Id("all").Index(jen.Id("k")), jen.Id("ok")).Block(jen.Continue()),
				jen.List(jen.Id("e"), jen.Err()).Op(":=").Qual(jsonPath, "Marshal").Call(jen.Id("x")),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
				jen.Id("all").Index(jen.Id("k")).Op("=").Id("e"),
			),
			jen.Return(jen.Qual(jsonPath, "Marshal").Call(jen.Id("all"))),
		),
		jen.Line(),
		jen.Comment("// UnmarshalJSON reads the declared fields and puts every other key in "+info.addl+"."),
		jen.Func().Params(jen.Id("v").Op("*").Id(name)).Id("UnmarshalJSON").Params(jen.Id("b").Index().Byte()).Error().Block(
			jen.Type().Id("plain").Id(name),
			jen.If(jen.Err().Op(":=").Qual(jsonPath, "Unmarshal").Call(jen.Id("b"), jen.Parens(jen.Op("*").Id("plain")).Parens(jen.Id("v"))), jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Err()),
			),
			jen.Var().Id("all").Add(raw),
			jen.If(jen.Err().Op(":=").Qual(jsonPath, "Unmarshal").Call(jen.Id("b"), jen.Op("&").Id("all")), jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Err()),
			),
			jen.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Index().String().Values(known...)).Block(
				jen.Id("delete").Call(jen.Id("all"), jen.Id("k")),
			),
			jen.Id("v").Dot(info.addl).Op("=").Nil(),
			jen.For(jen.List(jen.Id("k"), jen.Id("e")).Op(":=").Range().Id("all")).Block(
				jen.Var().Id("x").Add(info.addlType.code),
				jen.If(jen.Err().Op(":=").Qual(jsonPath, "Unmarshal").Call(jen.Id("e"), jen.Op("&").Id("x")), jen.Err().Op("!=").Nil()).Block(
					jen.Return(jen.Err()),
				),
				jen.If(jen.Id("v").Dot(info.addl).Op("==").Nil()).Block(
					jen.Id("v").Dot(info.addl).Op("=").Map(jen.String()).Add(info.addlType.code).Values(),
				),
				jen.Id("v").Dot(info.addl).Index(jen.Id("k")).Op("=").Id("x"),
			),
			jen.Return(jen.Nil()),
		),
		jen.Line(),
	)
	d.lines += 45
}

// aliasDecl emits a named list, map or primitive. Targets that carry JSON
// methods (runtime types, json.RawMessage, other named types) are Go
// aliases, so the methods stay; plain built-ins get a defined type.
func (g *gen) aliasDecl(t *ir.Type) *decl {
	info := g.info[t]
	d := &decl{key: info.goName}
	var dc doc
	dc.lead(info.goName, t.Description, info.goName+" is the API's "+quote(t.Name)+" type.")
	typeDoc(&dc, t)
	d.add(dc.code()...)
	if info.degraded {
		d.add(jen.Type().Id(info.goName).Op("=").Qual(jsonPath, "RawMessage"), jen.Line())
		return d
	}
	target := g.aliasTarget(t)
	var defined bool
	switch {
	case target.named != nil:
	case target.cat == catSlice, target.cat == catMap, target.cat == catString, target.cat == catBytes:
		defined = true
	case target.cat == catInt, target.cat == catFloat, target.cat == catBool:
		defined = !g.tolerant // tolerant ones are runtime types with methods
	}
	if defined {
		d.add(jen.Type().Id(info.goName).Add(target.code), jen.Line())
	} else {
		d.add(jen.Type().Id(info.goName).Op("=").Add(target.code), jen.Line())
	}
	return d
}
