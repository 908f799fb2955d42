package templates

import (
	"github.com/apigen-dev/apigen/ir"
	"github.com/dave/jennifer/jen"
)

// variantInfo is one alternative of a union: its Go name part (AsPet,
// FromPet) and type.
type variantInfo struct {
	name string
	typ  *goType
}

// planUnion names a union's variants, one registry per union so two
// variants that read alike ("pet", "Pet") still get distinct methods.
func (g *gen) planUnion(t *ir.Type) {
	info := g.info[t]
	ctx := typeCtx{tolerant: g.tolerant}
	claims := make([]claim, len(t.Variants))
	for i, v := range t.Variants {
		vt := g.resolve(v, ctx)
		if vt.problem != "" {
			g.warn(t.Pos, "untyped", "union %q: variant %d: %s; using json.RawMessage", t.Name, i+1, vt.problem)
		}
		info.variants = append(info.variants, variantInfo{typ: vt})
		claims[i] = claim{base: g.variantName(v, vt)}
	}
	reg := newRegistry()
	// Variant names become methods As<name> and From<name>.
	reg.limit = maxIdent - len("From")
	names, _ := reg.assign(claims)
	for i := range info.variants {
		info.variants[i].name = names[i]
	}
	if t.Discriminator != "" && !tagSafe(t.Discriminator) {
		g.warn(t.Pos, "unrepresentable-name", "union %q: discriminator %s cannot be written as a json tag; no accessor", t.Name, quote(t.Discriminator))
	}
}

func (g *gen) variantName(r ir.TypeRef, vt *goType) string {
	if vt.problem != "" {
		return "Raw"
	}
	switch r.Kind {
	case ir.KindRef:
		return g.info[vt.named].goName
	case ir.KindString:
		return "String"
	case ir.KindInteger:
		if r.Format == "int32" && !g.tolerant {
			return "Int32"
		}
		return "Int64"
	case ir.KindNumber:
		return "Float64"
	case ir.KindBoolean:
		return "Bool"
	case ir.KindTime:
		return "Time"
	case ir.KindBinary:
		return "Bytes"
	case ir.KindAny:
		return "Any"
	case ir.KindList, ir.KindMap:
		elem := "Any"
		if r.Elem != nil {
			elem = g.variantName(*r.Elem, vt.elem)
		}
		if r.Kind == ir.KindList {
			return elem + "List"
		}
		return elem + "Map"
	}
	return "Raw"
}

// unionDecl emits a union as the raw JSON it was sent as, with a typed
// accessor and setter per variant: decoding never fails on a variant the
// docs did not foresee, and the caller picks the reading.
func (g *gen) unionDecl(t *ir.Type) *decl {
	info := g.info[t]
	name := info.goName
	d := &decl{key: name}
	var dc doc
	dc.lead(name, t.Description, name+" is the API's "+quote(t.Name)+", one of several types.")
	if len(info.variants) > 0 {
		dc.para()
		vs := ""
		for i, v := range info.variants {
			if i > 0 {
				vs += ", "
			}
			vs += v.name
		}
		dc.addf("It holds one of: ", vs, ". Read it with the As methods and set it with the From methods.")
	}
	typeDoc(&dc, t)
	d.add(dc.code()...)
	u := func() *jen.Statement { return jen.Id("u").Id(name) }
	pu := func() *jen.Statement { return jen.Id("u").Op("*").Id(name) }
	d.add(
		jen.Type().Id(name).Struct(jen.Id("raw").Qual(jsonPath, "RawMessage")),
		jen.Line(),
		jen.Comment("// Raw returns the value's JSON as received or set."),
		jen.Func().Params(u()).Id("Raw").Params().Qual(jsonPath, "RawMessage").Block(jen.Return(jen.Id("u").Dot("raw"))),
		jen.Line(),
		jen.Comment("// IsZero reports whether no value was set: such a union is left out of"),
		jen.Comment("// JSON bodies (omitzero), forms and queries."),
		jen.Func().Params(u()).Id("IsZero").Params().Bool().Block(jen.Return(jen.Len(jen.Id("u").Dot("raw")).Op("==").Lit(0))),
		jen.Line(),
		jen.Comment("// MarshalJSON writes the value, or null when none was set."),
		jen.Func().Params(u()).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
			jen.If(jen.Len(jen.Id("u").Dot("raw")).Op("==").Lit(0)).Block(
				jen.Return(jen.Index().Byte().Call(jen.Lit("null")), jen.Nil()),
			),
			jen.Return(jen.Id("u").Dot("raw"), jen.Nil()),
		),
		jen.Line(),
		jen.Comment("// UnmarshalJSON keeps a copy of the JSON; the As methods decode it."),
		jen.Func().Params(pu()).Id("UnmarshalJSON").Params(jen.Id("b").Index().Byte()).Error().Block(
			jen.Id("u").Dot("raw").Op("=").Append(jen.Qual(jsonPath, "RawMessage").Call(jen.Nil()), jen.Id("b").Op("...")),
			jen.Return(jen.Nil()),
		),
		jen.Line(),
	)
	for _, v := range info.variants {
		d.add(
			jen.Comment("// As"+v.name+" decodes the value as "+v.name+"."),
			jen.Func().Params(u()).Id("As"+v.name).Params().Params(jen.Add(v.typ.code), jen.Error()).Block(
				jen.Var().Id("v").Add(v.typ.code),
				jen.Err().Op(":=").Qual(jsonPath, "Unmarshal").Call(jen.Id("u").Dot("raw"), jen.Op("&").Id("v")),
				jen.Return(jen.Id("v"), jen.Err()),
			),
			jen.Line(),
			jen.Comment("// From"+v.name+" sets the value to v."),
			jen.Func().Params(pu()).Id("From"+v.name).Params(jen.Id("v").Add(v.typ.code)).Error().Block(
				jen.List(jen.Id("b"), jen.Err()).Op(":=").Qual(jsonPath, "Marshal").Call(jen.Id("v")),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
				jen.Id("u").Dot("raw").Op("=").Id("b"),
				jen.Return(jen.Nil()),
			),
			jen.Line(),
		)
		d.lines += 14
	}
	if t.Discriminator != "" && tagSafe(t.Discriminator) {
		d.add(
			jen.Comment("// Discriminator returns the "+quote(t.Discriminator)+" property that tells the variants apart."),
			jen.Func().Params(u()).Id("Discriminator").Params().Params(jen.String(), jen.Error()).Block(
				jen.Var().Id("v").Struct(jen.Id("Value").String().Tag(map[string]string{"json": t.Discriminator})),
				jen.Err().Op(":=").Qual(jsonPath, "Unmarshal").Call(jen.Id("u").Dot("raw"), jen.Op("&").Id("v")),
				jen.Return(jen.Id("v").Dot("Value"), jen.Err()),
			),
			jen.Line(),
		)
	}
	d.lines += 25
	return d
}
