package templates

import (
	"github.com/apigen-dev/apigen/ir"
	"github.com/dave/jennifer/jen"
)

// validateMethod is the unexported method every struct a request can carry
// gets when something inside it can be checked. Struct fields are always
// exported, so it cannot collide with one; it is reserved in each struct's
// registry all the same.
const validateMethod = "validate"

// check is what Validate (of a param struct) or validate (of a request
// struct) looks at in one value: presence when required, the documented
// values, and the structs inside it.
type check struct {
	goName   string
	typ      *goType
	required bool
	nullable bool
	// ptr is a pointer forced to break a recursive type.
	ptr bool
	// allowed are the parsed literal values (Param.Enum, Field.Enum); enum
	// is an enum type whose Values function lists them instead.
	allowed []any
	enum    *ir.Type
	// filled is a required parameter the transport may send itself:
	// present also when the Validator says the transport fills it.
	filled bool
}

// planValidation decides which struct types get a validate method: those
// a request can carry (reachable from an operation's body or parameters
// through struct fields, lists and maps — never through unions or aliases,
// whose contents are not typed fields) that check something themselves or
// hold such a struct. Types are visited in their fixed order, so the
// warnings about unreadable enum values come out the same every run.
func (g *gen) planValidation() {
	reach := map[*ir.Type]bool{}
	var queue []*ir.Type
	push := func(t *goType) {
		if s := g.structIn(t); s != nil && !reach[s] {
			reach[s] = true
			queue = append(queue, s)
		}
	}
	for _, o := range g.ops {
		info := g.opInfo[o]
		if info.body != "" {
			push(info.bodyType)
		}
		for _, pi := range info.fields {
			push(pi.typ)
		}
	}
	for len(queue) > 0 {
		t := queue[0]
		queue = queue[1:]
		for _, fi := range g.info[t].fields {
			if !fi.f.ReadOnly {
				push(fi.typ)
			}
		}
	}
	needs := map[*ir.Type]bool{}
	for _, t := range g.types {
		if !reach[t] {
			continue
		}
		for _, fi := range g.info[t].fields {
			f := fi.f
			if f.ReadOnly {
				// The server sets it; a request need not, even when the
				// schema lists it as required (OpenAPI says so).
				continue
			}
			if !f.Inferred {
				fi.allowed = g.parseAllowed(f.Enum, fi.typ, func(lit string, cat category) {
					g.warn(f.Pos, "invalid-enum-value", "type %q: field %q: value %s is not %s literal; not checked", t.Name, f.Name, quote(lit), baseName(cat))
				})
			}
			if len(fi.allowed) == 0 {
				fi.enum = g.enumIn(fi.typ)
			}
			// presence is nil where a missing value cannot be told from a
			// set one (numbers, booleans, structs).
			c := fi.check()
			if len(c.allowed) > 0 || c.enum != nil || (c.required && presence(jen.Id("x"), c.typ, c.nullable, c.ptr) != nil) {
				needs[t] = true
			}
		}
	}
	// A struct holding one that checks something checks it too.
	for changed := true; changed; {
		changed = false
		for _, t := range g.types {
			if !reach[t] || needs[t] {
				continue
			}
			for _, fi := range g.info[t].fields {
				if s := g.structIn(fi.typ); s != nil && needs[s] && !fi.f.ReadOnly {
					needs[t], changed = true, true
					break
				}
			}
		}
	}
	for t := range needs {
		g.info[t].validate = true
	}
}

// structIn is the struct type a value of type t holds directly or as the
// elements of a plain list or map; nil for anything else.
func (g *gen) structIn(t *goType) *ir.Type {
	if t.named == nil && (t.cat == catSlice || t.cat == catMap) && t.elem != nil {
		t = t.elem
	}
	if t.named != nil && t.named.Kind == ir.KindStruct && !g.info[t.named].degraded {
		return t.named
	}
	return nil
}

// enumIn is the enum type (with documented values) a value of type t is,
// or a plain list holds; nil otherwise.
func (g *gen) enumIn(t *goType) *ir.Type {
	if t.named == nil && t.cat == catSlice && t.elem != nil {
		t = t.elem
	}
	if t.named != nil && t.named.Kind == ir.KindEnum && !g.info[t.named].degraded && len(g.info[t.named].consts) > 0 {
		return t.named
	}
	return nil
}

// parseAllowed parses documented values for a check. bad is called for a
// value that is not a literal of the value's type.
func (g *gen) parseAllowed(lits []string, t *goType, bad func(lit string, cat category)) []any {
	if len(lits) == 0 {
		return nil
	}
	cat := t.cat
	if cat == catSlice && t.elem != nil {
		cat = t.elem.cat
	}
	switch cat {
	case catString, catInt, catFloat, catBool:
	default:
		return nil
	}
	var out []any
	seen := map[any]bool{}
	for _, lit := range lits {
		v, ok := parseLiteral(lit, cat)
		if !ok {
			bad(lit, cat)
			continue
		}
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

func (fi *fieldInfo) check() check {
	return check{goName: fi.goName, typ: fi.typ, required: fi.f.Required && !fi.f.ReadOnly,
		nullable: fi.nullable, ptr: fi.ptr, allowed: fi.allowed, enum: fi.enum}
}

// checkPath is where a checked value sits, as problems name it:
// "body.items[2].kind". In a struct's validate method it continues the
// path the caller passed in; in Validate it starts from a literal.
type checkPath struct {
	dynamic bool // prefixed by the path parameter
	lit     string
}

func (p checkPath) code() *jen.Statement {
	if p.dynamic {
		return jen.Id("path").Op("+").Lit(p.lit)
	}
	return jen.Lit(p.lit)
}

// index is the path of element i of the list at p.
func (p checkPath) index(i jen.Code) *jen.Statement {
	return checkPath{p.dynamic, p.lit + "["}.code().Op("+").Add(i).Op("+").Lit("]")
}

// checkCode emits the checks of one value: recv.goName, reported under
// path, through validator (an expression of type *apiruntime.Validator).
// tmp names the variable a Nullable's value is read into.
func (g *gen) checkCode(recv string, c check, path checkPath, validator func() jen.Code, tmp string) []jen.Code {
	field := func() *jen.Statement { return jen.Id(recv).Dot(c.goName) }
	var out []jen.Code
	if c.required {
		if p := presence(field(), c.typ, c.nullable, c.ptr); p != nil {
			if c.filled {
				p = jen.Add(p).Op("||").Id("v").Dot("Fills").Call(path.code())
			}
			// v is the Validator or a pointer to it: the call reads the same.
			out = append(out, jen.Id("v").Dot("Required").Call(path.code(), p))
		}
	}
	// What is checked inside the value, given an expression for it that
	// is neither Nullable nor a forced pointer.
	var inner func(val func() *jen.Statement) []jen.Code
	switch {
	case len(c.allowed) > 0 || c.enum != nil:
		inner = func(val func() *jen.Statement) []jen.Code {
			return []jen.Code{enumCall(validator(), path.code(), val(), c.typ, c.allowed, g.enumValuesFunc(c.enum))}
		}
	case g.structIn(c.typ) != nil && g.info[g.structIn(c.typ)].validate:
		inner = func(val func() *jen.Statement) []jen.Code { return g.visitCode(val, c.typ, path, validator) }
	}
	if inner == nil {
		return out
	}
	switch {
	case c.nullable:
		got := jen.If(jen.List(jen.Id(tmp), jen.Id("ok")).Op(":=").Add(field()).Dot("Get").Call(), jen.Id("ok"))
		val := func() *jen.Statement { return jen.Id(tmp) }
		if c.ptr && !c.typ.cat.nilable() {
			got = jen.If(jen.List(jen.Id(tmp), jen.Id("ok")).Op(":=").Add(field()).Dot("Get").Call(), jen.Id("ok").Op("&&").Id(tmp).Op("!=").Nil())
		}
		out = append(out, got.Block(inner(val)...))
	case isPointer(c.typ, c.required, false, c.ptr) && c.enum == nil && len(c.allowed) == 0:
		// apiruntime.Enum follows pointers itself; a struct's method
		// must not be called through nil.
		out = append(out, jen.If(field().Op("!=").Nil()).Block(inner(field)...))
	case c.required && !c.nullable && c.typ.cat == catString && (len(c.allowed) > 0 || c.enum != nil):
		// An empty required value is reported as missing, once.
		out = append(out, jen.If(field().Op("!=").Lit("")).Block(inner(field)...))
	default:
		out = append(out, inner(field)...)
	}
	return out
}

// visitCode calls validate on the struct val holds, or on each element of
// the list or map it is.
func (g *gen) visitCode(val func() *jen.Statement, t *goType, path checkPath, validator func() jen.Code) []jen.Code {
	call := func(x jen.Code, p jen.Code) jen.Code {
		return jen.Add(x).Dot(validateMethod).Call(validator(), p)
	}
	switch {
	case t.named == nil && t.cat == catSlice:
		return []jen.Code{jen.For(jen.Id("i").Op(":=").Range().Add(val())).Block(
			call(val().Index(jen.Id("i")), path.index(jen.Qual("strconv", "Itoa").Call(jen.Id("i")))),
		)}
	case t.named == nil && t.cat == catMap:
		// Sorted, so problems come out in the same order every time.
		return []jen.Code{jen.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Qual("slices", "Sorted").Call(jen.Qual("maps", "Keys").Call(val()))).Block(
			jen.Id("e").Op(":=").Add(val()).Index(jen.Id("k")),
			call(jen.Id("e"), path.index(jen.Qual("strconv", "Quote").Call(jen.Id("k")))),
		)}
	}
	return []jen.Code{call(val(), path.code())}
}

// enumValuesFunc is the name of an enum type's Values function, "" for nil.
func (g *gen) enumValuesFunc(t *ir.Type) string {
	if t == nil {
		return ""
	}
	return g.info[t].values
}

// enumCall calls apiruntime.Enum with the allowed values as untyped
// constants of the value's base type, or with the enum type's Values.
func enumCall(validator, name, value jen.Code, t *goType, allowed []any, valuesFunc string) jen.Code {
	if len(allowed) == 0 {
		return jen.Qual(runtimePath, "Enum").Call(validator, name, value, jen.Id(valuesFunc).Call().Op("..."))
	}
	cat := t.cat
	if cat == catSlice && t.elem != nil {
		cat = t.elem.cat
	}
	var typ jen.Code
	switch cat {
	case catInt:
		typ = jen.Int64()
	case catFloat:
		typ = jen.Float64()
	case catBool:
		typ = jen.Bool()
	default:
		typ = jen.String()
	}
	args := []jen.Code{validator, name, value}
	for _, a := range allowed {
		args = append(args, litCode(a))
	}
	return jen.Qual(runtimePath, "Enum").Types(typ).Call(args...)
}

// validateDecl emits a request struct's validate method.
func (g *gen) validateDecl(d *decl, t *ir.Type) {
	info := g.info[t]
	var body []jen.Code
	validator := func() jen.Code { return jen.Id("v") }
	for _, fi := range info.fields {
		if fi.f.ReadOnly {
			continue
		}
		body = append(body, g.checkCode("x", fi.check(), checkPath{dynamic: true, lit: "." + fi.f.Name}, validator, "y")...)
	}
	d.add(
		jen.Comment("// "+validateMethod+" adds to v the problems of x, sent at path: missing required fields"),
		jen.Comment("// and values outside their documented set, in x and the structs it holds."),
		jen.Func().Params(jen.Id("x").Op("*").Id(info.goName)).Id(validateMethod).
			Params(jen.Id("v").Op("*").Qual(runtimePath, "Validator"), jen.Id("path").String()).
			Block(body...),
		jen.Line(),
	)
	d.lines += len(body) + 5
}
