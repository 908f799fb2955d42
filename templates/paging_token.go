package templates

import (
	"strings"

	"github.com/apigen-dev/apigen/ir"
	"github.com/dave/jennifer/jen"
)

// Token paging (Kubernetes' continue, Google's pageToken, Slack's cursor):
// each answer carries the opaque token the next request sends back.

// planToken checks what a token iterator needs: the token parameter, a
// page size if there is one, and in the answer a list and the next token
// at the path NextField names, through plain or pointer struct fields.
func (g *gen) planToken(o *ir.Operation, plan *pagingPlan, skip func(string, ...any)) {
	pg, info := o.Paging, g.opInfo[o]
	items := g.planCursorBase(o, plan, "token", skip)
	if items == nil {
		return
	}
	typ := info.result.typ
	for _, wire := range strings.Split(pg.NextField, ".") {
		fi := g.structField(typ, wire)
		if fi == nil || fi.nullable {
			skip("the response has no plain field %q", pg.NextField)
			return
		}
		plan.next = append(plan.next, &pageField{goName: fi.goName, typ: fi.typ, ptr: isPointer(fi.typ, fi.f.Required, false, fi.ptr)})
		typ = fi.typ
	}
	if last := plan.next[len(plan.next)-1]; last.typ.cat != catString {
		skip("the next token %q is not a string", pg.NextField)
		return
	}
	plan.items, plan.elem = items.goName, items.typ.elem
	plan.method = g.methods.take(info.method+"All", info.method+"Iter")
	info.paging = plan
}

// tokenDecl emits the token iterator (apiruntime.WalkTokens).
func (g *gen) tokenDecl(d *decl, o *ir.Operation) {
	info := g.opInfo[o]
	pl := info.paging
	what := "sending back as " + quote(o.Paging.CursorParam) + " the " + quote(o.Paging.NextField) + " each answer carries"
	if g.tokenByData(o) {
		g.tokenDataDecl(d, o, what)
		return
	}
	fetch := []jen.Code{
		jen.Id("q").Op(":=").Id("base"),
		jen.If(jen.Id("token").Op("!=").Lit("")).Block(jen.Id("q").Dot(pl.cursor.goName).Op("=").Add(pl.cursor.setString(jen.Id("token")))),
	}
	if pl.limit != nil && pl.limit.ptr {
		fetch = append(fetch, jen.If(jen.Id("q").Dot(pl.limit.goName).Op("==").Nil()).Block(
			jen.Id("q").Dot(pl.limit.goName).Op("=").Add(pl.limit.set(jen.Lit(pl.size)))))
	}
	// The token is read through the path, each pointer checked on the way
	// (a selector goes through a pointer to a struct by itself).
	var conds []jen.Code
	x := jen.Id("out")
	for _, f := range pl.next {
		x = jen.Add(x).Dot(f.goName)
		if f.ptr {
			conds = append(conds, jen.Add(x).Op("!=").Nil())
		}
	}
	last := pl.next[len(pl.next)-1]
	val := jen.Add(x)
	if last.ptr {
		val = jen.Op("*").Add(x)
	}
	if !last.typ.builtin {
		val = jen.String().Call(val)
	}
	set := jen.Id("next").Op("=").Add(val)
	if len(conds) > 0 {
		set = jen.If(jen.Add(andAll(conds))).Block(set)
	}
	fetch = append(fetch,
		jen.List(jen.Id("out"), jen.Err()).Op(":=").Id("c").Dot(info.method).Call(jen.Id("ctx"), jen.Op("&").Id("q"), jen.Id("opts").Op("...")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Lit(0), jen.Lit(""), jen.Err())),
		jen.Id("next").Op(":=").Lit(""),
		set,
		jen.Id("items").Op("=").Id("out").Dot(pl.items),
		jen.Return(jen.Len(jen.Id("items")), jen.Id("next"), jen.Nil()),
	)
	// apiruntime.WalkTokens has no type parameter: an instantiation of
	// PaginateToken per item type cost the compiler ten times a method.
	walk := jen.Func().Params(jen.Id("yield").Func().Params(pl.elem.code, jen.Error()).Bool()).Block(
		jen.Var().Id("items").Index().Add(pl.elem.code),
		jen.Qual(runtimePath, "WalkTokens").Call(
			jen.Id("ctx"),
			jen.Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("token").String()).
				Params(jen.Int(), jen.String(), jen.Error()).Block(fetch...),
			eachItem(pl.elem.code, jen.Id("items")),
		),
	)
	g.iterDecl(d, o, what, walk, len(fetch))
}

// tokenByData reports whether apiruntime.TokenPages can make o's calls
// itself: the method is one apiruntime.Call, and the token and page size
// are plain string and integer parameters it finds by json name.
func (g *gen) tokenByData(o *ir.Operation) bool {
	info := g.opInfo[o]
	pl := info.paging
	byName := func(f *pageField, name string) bool {
		if f.inBody || f.nullable || !f.typ.builtin {
			return false
		}
		for _, pi := range info.fields {
			if pi.goName == f.goName {
				return pi.json != "-" && pi.p.Name == name
			}
		}
		return false
	}
	if !info.callOnly || !byName(pl.cursor, o.Paging.CursorParam) {
		return false
	}
	return pl.limit == nil || !pl.limit.ptr || byName(pl.limit, o.Paging.LimitParam)
}

// pagingName is the package-level apiruntime.TokenPaging of o's iterator.
func pagingName(info *opInfo) string { return "paging" + info.method }

// tokenDataDecl emits a token iterator over apiruntime.TokenPages, with
// the package-level description it reads.
func (g *gen) tokenDataDecl(d *decl, o *ir.Operation, what string) {
	info := g.opInfo[o]
	pl := info.paging
	g.iterDoc(d, o, what)
	g.iterFunc(d, o, jen.Return(jen.Func().Params(jen.Id("yield").Func().Params(pl.elem.code, jen.Error()).Bool()).Block(
		jen.Var().Id("page").Add(info.result.typ.code),
		jen.Qual(runtimePath, "TokenPages").Call(
			jen.Id("ctx"), jen.Id("c").Dot("t"), jen.Op("&").Id(descName(info)), jen.Op("&").Id(pagingName(info)),
			jen.Id("p"), jen.Op("&").Id("page"), jen.Id("opts"),
			eachItem(pl.elem.code, jen.Id("page").Dot(pl.items)),
		),
	)))
	kv := func(k string, v jen.Code) jen.Code { return jen.Id(k).Op(":").Add(v) }
	fields := []jen.Code{kv("Token", jen.Lit(o.Paging.CursorParam))}
	if pl.limit != nil && pl.limit.ptr {
		fields = append(fields, kv("Limit", jen.Lit(o.Paging.LimitParam)), kv("Size", jen.Lit(pl.size)))
	}
	next := make([]jen.Code, 0, len(pl.next))
	for _, w := range strings.Split(o.Paging.NextField, ".") {
		next = append(next, jen.Lit(w))
	}
	fields = append(fields, kv("Items", jen.Lit(o.Paging.ItemsField)), kv("Next", jen.Index().String().Values(next...)))
	d.add(
		jen.Comment("// "+pagingName(info)+" is where "+pl.method+" finds the token, page size and items."),
		jen.Var().Id(pagingName(info)).Op("=").Qual(runtimePath, "TokenPaging").Values(multiline(fields)...),
		jen.Line(),
	)
	d.lines += 24
}

// eachItem is the each callback of apiruntime.WalkTokens and TokenPages:
// it yields item i of items, of type elem, or the error.
func eachItem(elem, items jen.Code) jen.Code {
	return jen.Func().Params(jen.Id("i").Int(), jen.Err().Error()).Bool().Block(
		jen.If(jen.Err().Op("!=").Nil()).Block(
			jen.Var().Id("zero").Add(elem),
			jen.Return(jen.Id("yield").Call(jen.Id("zero"), jen.Err())),
		),
		jen.Return(jen.Id("yield").Call(jen.Add(items).Index(jen.Id("i")), jen.Nil())),
	)
}

// andAll joins conditions with &&.
func andAll(conds []jen.Code) jen.Code {
	c := jen.Add(conds[0])
	for _, x := range conds[1:] {
		c = c.Op("&&").Add(x)
	}
	return c
}
