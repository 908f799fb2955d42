package templates

import (
	"strings"

	"github.com/apigen-dev/apigen/ir"
	"github.com/dave/jennifer/jen"
)

// paramInfo is what plan decided about one parameter.
type paramInfo struct {
	p      *ir.Param
	goName string
	typ    *goType
	// json is the json tag value: the wire name, or "-" when a tag cannot
	// carry it or another parameter already uses it.
	json string
	// allowed are the parsed enum values Validate checks; enum is an enum
	// type whose values it checks instead.
	allowed []any
	enum    *ir.Type
}

func (pi *paramInfo) check() check {
	return check{goName: pi.goName, typ: pi.typ, required: pi.p.Required,
		nullable: pi.p.Nullable, allowed: pi.allowed, enum: pi.enum,
		filled: pi.p.Required && pi.p.TransportFills}
}

// validateFor is the method that validates a param struct for the
// transport a call goes through, when one of its required parameters is
// one the transport may fill (ir.Param.TransportFills).
const validateFor = "ValidateFor"

// transportFills reports whether o's param struct has a required
// parameter the transport may fill, and so a ValidateFor method.
func (info *opInfo) transportFills() bool {
	for _, pi := range info.fields {
		if pi.check().filled {
			return true
		}
	}
	return false
}

// planParams names the fields of an operation's param struct (one
// registry per struct, with Validate and Body reserved) and decides their
// types, tags and enum checks.
func (g *gen) planParams(o *ir.Operation) {
	info := g.opInfo[o]
	if info.params == "" {
		return
	}
	reg := newRegistry("Validate", validateFor)
	if o.Body != nil {
		info.body = reg.take("Body")
		info.bodyType = g.resolve(o.Body.Type, typeCtx{stream: true})
		if p := info.bodyType.problem; p != "" {
			g.warn(o.Pos, "untyped", "operation %q: body: %s; using json.RawMessage", o.Name, p)
		}
	}
	type key struct {
		in   ir.Location
		name string
	}
	seen := map[key]*ir.Param{}
	tagged := map[string]bool{}
	for _, p := range o.Params {
		if p == nil {
			continue
		}
		k := key{p.In, p.Name}
		if prev := seen[k]; prev != nil {
			g.warn(p.Pos, "duplicate-param", "operation %q: %s parameter %q is also defined at %s; keeping that one", o.Name, p.In, p.Name, prev.Pos)
			continue
		}
		seen[k] = p
		pi := &paramInfo{p: p, typ: g.resolve(p.Type, typeCtx{}), json: "-"}
		if pr := pi.typ.problem; pr != "" {
			g.warn(p.Pos, "untyped", "operation %q: parameter %q: %s; using json.RawMessage", o.Name, p.Name, pr)
		}
		switch {
		case tagSafe(p.Name) && !tagged[p.Name]:
			tagged[p.Name] = true
			pi.json = jsonTag(p.Name, p.Required, p.Nullable)
		case o.Action != "":
			// Action-style transports find parameters by json tag only.
			g.warn(p.Pos, "unrepresentable-name", "operation %q: parameter %s cannot be written as a json tag; skipped", o.Name, quote(p.Name))
			continue
		}
		switch p.In {
		case ir.InPath, ir.InQuery, ir.InHeader, ir.InCookie, ir.InBody, ir.InForm:
		default:
			if o.Action == "" {
				g.warn(p.Pos, "unsupported-param", "operation %q: parameter %q: location %q is not supported; the field is not sent", o.Name, p.Name, p.In)
			}
		}
		// Values read from prose are documented but not enforced: the
		// prose may be out of date, and refusing a value the server takes
		// is worse than sending it.
		if !p.Inferred {
			pi.allowed = g.parseAllowed(p.Enum, pi.typ, func(lit string, cat category) {
				g.warn(p.Pos, "invalid-enum-value", "operation %q: parameter %q: value %s is not %s literal; not checked", o.Name, p.Name, quote(lit), baseName(cat))
			})
		}
		if len(pi.allowed) == 0 {
			pi.enum = g.enumIn(pi.typ)
		}
		info.fields = append(info.fields, pi)
	}
	nameFields(reg, info.fields, func(pi *paramInfo) string { return pi.p.Name }, func(pi *paramInfo, n string) { pi.goName = n })
}

// paramsDecl emits the param struct and its Validate method.
func (g *gen) paramsDecl(o *ir.Operation) *decl {
	info := g.opInfo[o]
	d := &decl{key: info.params}
	d.add(jen.Comment("// " + info.params + " holds the parameters of " + info.method + "."))
	fields := []jen.Code{jen.Id("_").Qual(runtimePath, "NoCompare")}
	if info.body != "" {
		var bd doc
		bd.add(o.Body.Description)
		if info.bodyType.cat == catStream {
			bd.para()
			bd.add(info.body + " is streamed with a Content-Length when its size can be known (*os.File, *bytes.Reader, " +
				"*strings.Reader, io.SectionReader, or apiruntime.WithContentLength), else chunked, which some servers refuse.")
		}
		fields = append(fields, bd.code()...)
		tag := map[string]string{"json": "-"}
		if g.jsonBody(o) {
			tag["body"] = "json"
		}
		fields = append(fields, jen.Id(info.body).Add(fieldType(info.bodyType, o.Body.Required, false, false)).Tag(tag))
		d.lines += bd.len() + 1
	}
	for _, pi := range info.fields {
		p := pi.p
		fd := fieldDoc(p.Description, p.Default, p.Enum, p.Inferred, sinceNote(p.Since, o.Since, p.Description), p.Deprecated, false)
		fields = append(fields, fd.code()...)
		extra := []string{}
		if tagValueSafe(string(p.In)) && p.In != "" {
			extra = append(extra, "in", string(p.In))
		}
		if _, joined := querySeparators[p.Style]; p.In == ir.InQuery && (joined || p.Style == ir.StyleDeep) {
			// apiruntime.NewRequest reads how the list goes from it.
			extra = append(extra, "style", string(p.Style))
		}
		fields = append(fields, jen.Id(pi.goName).Add(fieldType(pi.typ, p.Required, p.Nullable, false)).Tag(tags(pi.json, p.Since, extra...)))
		d.lines += fd.len() + 1
	}
	d.add(jen.Type().Id(info.params).Struct(fields...), jen.Line())
	if cs := g.paramConstsCode(o); cs != nil {
		d.add(cs...)
		d.lines += 2 * len(info.consts)
	}

	var checks []jen.Code
	validator := func() jen.Code { return jen.Op("&").Id("v") }
	if info.body != "" {
		body := check{goName: info.body, typ: info.bodyType, required: o.Body.Required}
		checks = append(checks, g.checkCode("p", body, checkPath{lit: "body"}, validator, "x")...)
	}
	for _, pi := range info.fields {
		checks = append(checks, g.checkCode("p", pi.check(), checkPath{lit: pi.p.Name}, validator, "x")...)
	}
	recv := jen.Id("p").Op("*").Id(info.params)
	body := func(b *jen.Group) {
		for _, c := range checks {
			b.Add(c)
		}
		b.Return(jen.Id("v").Dot("Err").Call(jen.Lit(o.Name)))
	}
	d.add(
		jen.Comment("// Validate reports every missing required parameter and every value outside its"),
		jen.Comment("// documented set at once, as a *apiruntime.ValidationError."),
	)
	if info.transportFills() {
		var filled []string
		for _, pi := range info.fields {
			if pi.check().filled {
				filled = append(filled, pi.p.Name)
			}
		}
		var fd doc
		fd.addf("Parameters a transport may fill (", strings.Join(filled, ", "), ") are missing here when unset: see ", validateFor, ".")
		d.add(jen.Comment("//"))
		d.add(fd.code()...)
		d.add(
			jen.Func().Params(recv).Id("Validate").Params().Error().Block(jen.Return(jen.Id("p").Dot(validateFor).Call(jen.Nil()))),
			jen.Line(),
			jen.Comment("// "+validateFor+" is Validate for a call through t: a required parameter t sends"),
			jen.Comment("// itself when the call leaves it unset (apiruntime.Filler) is not missing."),
			jen.Func().Params(jen.Id("p").Op("*").Id(info.params)).Id(validateFor).Params(jen.Id("t").Qual(runtimePath, "Transport")).Error().BlockFunc(func(b *jen.Group) {
				b.Id("v").Op(":=").Qual(runtimePath, "ValidatorFor").Call(jen.Id("t"))
				body(b)
			}),
			jen.Line(),
		)
	} else {
		d.add(
			jen.Func().Params(recv).Id("Validate").Params().Error().BlockFunc(func(b *jen.Group) {
				b.Var().Id("v").Qual(runtimePath, "Validator")
				body(b)
			}),
			jen.Line(),
		)
	}
	d.lines += len(checks) + 8
	return d
}

// presence is the expression that is true when a required value was set,
// or nil when the zero value is a legitimate value (0, false, a struct).
func presence(field *jen.Statement, t *goType, nullable, ptr bool) jen.Code {
	switch {
	case nullable:
		return jen.Op("!").Add(field).Dot("IsZero").Call()
	case ptr && !t.cat.nilable():
		return jen.Add(field).Op("!=").Nil()
	case t.cat == catString:
		return jen.Add(field).Op("!=").Lit("")
	case t.cat.nilable():
		return jen.Add(field).Op("!=").Nil()
	case t.cat == catTime, isUnion(t):
		return jen.Op("!").Add(field).Dot("IsZero").Call()
	}
	return nil
}

// isUnion reports whether t is a generated union (which has IsZero).
func isUnion(t *goType) bool {
	return t.cat == catStruct && t.named != nil && t.named.Kind == ir.KindUnion
}
