package templates

import (
	"strconv"

	"github.com/apigen-dev/apigen/ir"
	"github.com/dave/jennifer/jen"
)

// planCursor checks what a cursor iterator needs: the cursor parameter, a
// result object with the list and has-more fields, and items with the
// cursor field (Stripe: starting_after, data, has_more, id).
func (g *gen) planCursor(o *ir.Operation, plan *pagingPlan, skip func(string, ...any)) {
	pg, info := o.Paging, g.opInfo[o]
	items := g.planCursorBase(o, plan, "cursor", skip)
	if items == nil {
		return
	}
	more := g.structField(info.result.typ, pg.HasMoreField)
	if more == nil || more.typ.cat != catBool || !more.typ.builtin {
		skip("the response has no boolean %q", pg.HasMoreField)
		return
	}
	id := g.structField(items.typ.elem, pg.CursorField)
	if id == nil || id.typ.cat != catString || !id.typ.builtin || id.nullable {
		skip("the items have no string field %q", pg.CursorField)
		return
	}
	plan.items, plan.elem = items.goName, items.typ.elem
	plan.hasMore = &pageField{goName: more.goName, typ: more.typ, ptr: isPointer(more.typ, more.f.Required, more.nullable, more.ptr)}
	plan.cursorOf = &pageField{goName: id.goName, typ: id.typ, ptr: isPointer(id.typ, id.f.Required, id.nullable, id.ptr)}
	plan.method = g.methods.take(info.method+"All", info.method+"Iter")
	info.paging = plan
}

// planCursorBase checks what cursor and token iterators share: the
// cursor parameter (what names it in a warning: "cursor", "token"), a page
// size if there is one, and a result object with the list; it returns the
// list field, or nil after skip.
func (g *gen) planCursorBase(o *ir.Operation, plan *pagingPlan, what string, skip func(string, ...any)) *fieldInfo {
	pg, res := o.Paging, g.opInfo[o].result
	var ok bool
	if plan.cursor, ok = g.paramField(o, pg.CursorParam, catString); !ok || plan.cursor.inBody {
		skip(what+" parameter %q not found or not a string", pg.CursorParam)
		return nil
	}
	if pg.LimitParam != "" {
		if plan.limit, ok = g.paramField(o, pg.LimitParam, catInt); !ok || plan.limit.inBody {
			plan.limit = nil
		}
	}
	if !res.ptr || res.envelope != "" {
		skip("the response is not an object")
		return nil
	}
	items := g.structField(res.typ, pg.ItemsField)
	if items == nil || items.typ.cat != catSlice || items.typ.elem == nil {
		skip("the response has no list %q", pg.ItemsField)
		return nil
	}
	return items
}

// planPages checks what a page-number iterator needs: the page and size
// parameters, and a list result.
func (g *gen) planPages(o *ir.Operation, plan *pagingPlan, skip func(string, ...any)) {
	pg, info := o.Paging, g.opInfo[o]
	var ok bool
	if plan.page, ok = g.paramField(o, pg.PageParam, catInt); !ok || plan.page.inBody {
		skip("page parameter %q not found or not an integer", pg.PageParam)
		return
	}
	if plan.limit, ok = g.paramField(o, pg.LimitParam, catInt); !ok || plan.limit.inBody {
		skip("page size parameter %q not found or not an integer", pg.LimitParam)
		return
	}
	res := info.result
	if res.typ.cat != catSlice || res.typ.elem == nil {
		skip("the response is not a list")
		return
	}
	plan.elem = res.typ.elem
	plan.method = g.methods.take(info.method+"All", info.method+"Iter")
	info.paging = plan
}

// iterDecl emits the iterator method around runtime call walk.
func (g *gen) iterDecl(d *decl, o *ir.Operation, what string, walk jen.Code, lines int) {
	info := g.opInfo[o]
	g.iterDoc(d, o, what)
	g.iterFunc(d, o,
		jen.Var().Id("base").Id(info.params),
		jen.If(jen.Id("p").Op("!=").Nil()).Block(jen.Id("base").Op("=").Op("*").Id("p")),
		jen.Return(walk),
	)
	d.lines += lines + 12
}

// iterDoc is the iterator's doc comment.
func (g *gen) iterDoc(d *decl, o *ir.Operation, what string) {
	info := g.opInfo[o]
	var dc doc
	dc.addf(info.paging.method, " iterates over every item ", info.method, " returns, ", what, "; it stops at the first error, which it yields.")
	dc.add("p's paging parameters are set by the iterator; p itself is not modified. opts go with every page's call.")
	d.add(dc.code()...)
}

// iterFunc emits the iterator method with body.
func (g *gen) iterFunc(d *decl, o *ir.Operation, body ...jen.Code) {
	pl := g.opInfo[o].paging
	params, results := g.iterSignature(o)
	d.add(
		jen.Func().Params(jen.Id("c").Op("*").Id("Client")).Id(pl.method).
			Params(params...).Add(results...).
			Block(body...),
		jen.Line(),
	)
}

// get is the expression reading f of x as a plain value (a nil pointer
// reads as the zero value).
func (f *pageField) get(x jen.Code) []jen.Code {
	v := jen.Add(x).Dot(f.goName)
	if !f.ptr {
		return []jen.Code{jen.Id("v").Op(":=").Add(v)}
	}
	return []jen.Code{
		jen.Var().Id("v").Add(f.typ.code),
		jen.If(jen.Add(v).Op("!=").Nil()).Block(jen.Id("v").Op("=").Op("*").Add(v)),
	}
}

// cursorDecl emits the cursor iterator (apiruntime.PaginateCursor).
func (g *gen) cursorDecl(d *decl, o *ir.Operation) {
	info := g.opInfo[o]
	pl := info.paging
	fetch := []jen.Code{
		jen.Id("q").Op(":=").Id("base"),
		jen.If(jen.Id("cursor").Op("!=").Lit("")).Block(jen.Id("q").Dot(pl.cursor.goName).Op("=").Add(pl.cursor.setString(jen.Id("cursor")))),
	}
	if pl.limit != nil {
		fetch = append(fetch, jen.If(jen.Id("q").Dot(pl.limit.goName).Op("==").Nil()).Block(
			jen.Id("q").Dot(pl.limit.goName).Op("=").Add(pl.limit.set(jen.Lit(pl.size)))))
	}
	last := jen.Id("out").Dot(pl.items).Index(jen.Len(jen.Id("out").Dot(pl.items)).Op("-").Lit(1))
	fetch = append(fetch,
		jen.List(jen.Id("out"), jen.Err()).Op(":=").Id("c").Dot(info.method).Call(jen.Id("ctx"), jen.Op("&").Id("q"), jen.Id("opts").Op("...")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Lit(""), jen.False(), jen.Err())),
		jen.Id("next").Op(":=").Lit(""),
		jen.If(jen.Len(jen.Id("out").Dot(pl.items)).Op(">").Lit(0)).Block(append(pl.cursorOf.get(last), jen.Id("next").Op("=").Id("v"))...),
		jen.Id("more").Op(":=").Add(pl.hasMore.value(jen.Id("out"))),
		jen.Return(jen.Id("out").Dot(pl.items), jen.Id("next"), jen.Id("more"), jen.Nil()),
	)
	walk := jen.Qual(runtimePath, "PaginateCursor").Call(jen.Id("ctx"),
		jen.Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("cursor").String()).
			Params(jen.Index().Add(pl.elem.code), jen.String(), jen.Bool(), jen.Error()).Block(fetch...))
	what := "following " + quote(o.Paging.CursorParam) + " while " + quote(o.Paging.HasMoreField) + " says more follow"
	g.iterDecl(d, o, what, walk, len(fetch))
}

// value reads a boolean field, nil pointers as false.
func (f *pageField) value(x jen.Code) jen.Code {
	v := jen.Add(x).Dot(f.goName)
	if f.ptr {
		return jen.Add(v).Op("!=").Nil().Op("&&").Op("*").Add(v)
	}
	return v
}

// pagesDecl emits the page-number iterator (apiruntime.PaginatePages):
// the next page comes from the answer's Link header, read with NextPage.
func (g *gen) pagesDecl(d *decl, o *ir.Operation) {
	info := g.opInfo[o]
	pl := info.paging
	fetch := []jen.Code{
		jen.Id("q").Op(":=").Id("base"),
		jen.Id("q").Dot(pl.page.goName).Op("=").Add(pl.page.set(jen.Id("page"))),
		jen.Id("q").Dot(pl.limit.goName).Op("=").Add(pl.limit.set(jen.Id("perPage"))),
		jen.Var().Id("meta").Qual(runtimePath, "Response"),
		jen.List(jen.Id("out"), jen.Err()).Op(":=").Id("c").Dot(info.method).Call(
			jen.Qual(runtimePath, "WithResponse").Call(jen.Id("ctx"), jen.Op("&").Id("meta")), jen.Op("&").Id("q"), jen.Id("opts").Op("...")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Lit(0), jen.Err())),
		jen.List(jen.Id("next"), jen.Err()).Op(":=").Qual(runtimePath, "NextPage").Call(
			jen.Op("&").Id("meta"), jen.Lit(o.Paging.PageParam), jen.Id("page"), jen.Id("perPage"), jen.Len(jen.Id("out"))),
		jen.Return(jen.Id("out"), jen.Id("next"), jen.Err()),
	}
	walk := jen.Qual(runtimePath, "PaginatePages").Call(jen.Id("ctx"), jen.Lit(pl.size),
		jen.Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.List(jen.Id("page"), jen.Id("perPage")).Int()).
			Params(jen.Index().Add(pl.elem.code), jen.Int(), jen.Error()).Block(fetch...))
	what := "asking for pages of " + strconv.Itoa(pl.size) + " by " + quote(o.Paging.PageParam) + " and following the Link header's next page on the same origin"
	g.iterDecl(d, o, what, walk, len(fetch))
}

// setString is the expression storing string v into f.
func (f *pageField) setString(v jen.Code) jen.Code {
	if f.typ.builtin {
		return f.wrap(v)
	}
	return f.wrap(jen.Add(f.typ.code).Call(v))
}
