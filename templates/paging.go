package templates

import (
	"strconv"

	"github.com/apigen-dev/apigen/ir"
	"github.com/dave/jennifer/jen"
)

// defaultPageSize is used when the docs give no maximum page size.
const defaultPageSize = 100

// pagingPlan is how an operation's iterator sets its page and reads the
// answer.
type pagingPlan struct {
	method               string
	elem                 *goType
	offset, limit, count *pageField
	// items is the Go field of the result holding the page ("" when the
	// result is the list itself); total the field holding the total.
	items string
	total *pageField
	size  int
	// cursor paging: the parameter, the item's id and the has-more field.
	cursor, cursorOf, hasMore *pageField
	// page paging: the page number parameter.
	page *pageField
	// token paging: the path to the answer's next token.
	next []*pageField
}

// pageField is a settable or readable field of the params, of the body
// struct inside them, or of the result.
type pageField struct {
	inBody   bool
	goName   string
	typ      *goType
	ptr      bool
	nullable bool
}

// planPaging checks that everything the iterator needs exists and has a
// type it can set or read; if not, the operation gets no iterator and a
// warning says why.
func (g *gen) planPaging(o *ir.Operation) {
	pg := o.Paging
	if pg == nil {
		return
	}
	info := g.opInfo[o]
	skip := func(why string, args ...any) {
		g.warn(o.Pos, "unsupported-paging", "operation %q: no iterator: "+why, append([]any{o.Name}, args...)...)
	}
	if info.params == "" || info.result == nil {
		skip("it takes no parameters or returns nothing")
		return
	}
	plan := &pagingPlan{size: defaultPageSize}
	if pg.MaxLimit > 0 {
		plan.size = pg.MaxLimit
	}
	switch pg.Style {
	case ir.PagingCursor:
		g.planCursor(o, plan, skip)
		return
	case ir.PagingPage:
		g.planPages(o, plan, skip)
		return
	case ir.PagingToken:
		g.planToken(o, plan, skip)
		return
	}
	var ok bool
	if plan.offset, ok = g.paramField(o, pg.OffsetParam, catInt, catFloat, catString); !ok {
		skip("offset parameter %q not found or not a number", pg.OffsetParam)
		return
	}
	if plan.limit, ok = g.paramField(o, pg.LimitParam, catInt, catFloat, catString); !ok {
		skip("limit parameter %q not found or not a number", pg.LimitParam)
		return
	}
	if pg.CountParam != "" {
		if plan.count, ok = g.paramField(o, pg.CountParam, catBool); !ok {
			g.warn(o.Pos, "unsupported-paging", "operation %q: count parameter %q not found or not a boolean; not set", o.Name, pg.CountParam)
		}
	}
	res := info.result
	switch {
	case pg.ItemsField == "":
		if res.typ.cat != catSlice || res.typ.elem == nil {
			skip("the response is not a list")
			return
		}
		plan.elem = res.typ.elem
	default:
		fi := g.structField(res.typ, pg.ItemsField)
		if !res.ptr || fi == nil || fi.typ.cat != catSlice || fi.typ.elem == nil {
			skip("the response has no list field %q", pg.ItemsField)
			return
		}
		plan.items, plan.elem = fi.goName, fi.typ.elem
	}
	if pg.TotalField != "" && res.ptr && res.envelope == "" {
		fi := g.structField(res.typ, pg.TotalField)
		if fi != nil && (fi.typ.cat == catInt || fi.typ.cat == catFloat) {
			plan.total = &pageField{goName: fi.goName, typ: fi.typ, nullable: fi.nullable,
				ptr: isPointer(fi.typ, fi.f.Required, fi.nullable, fi.ptr)}
		} else {
			g.warn(o.Pos, "unsupported-paging", "operation %q: total field %q not found or not a number; paging stops on a short page", o.Name, pg.TotalField)
		}
	}
	plan.method = g.methods.take(info.method+"All", info.method+"Iter")
	info.paging = plan
}

// paramField finds a paging parameter among the params, or else among the
// fields of the body struct (CloudTower puts first/skip in the body).
func (g *gen) paramField(o *ir.Operation, name string, cats ...category) (*pageField, bool) {
	info := g.opInfo[o]
	okCat := func(t *goType) bool {
		for _, c := range cats {
			if t.cat == c {
				return true
			}
		}
		return false
	}
	for _, pi := range info.fields {
		if pi.p.Name == name {
			if !okCat(pi.typ) {
				return nil, false
			}
			return &pageField{goName: pi.goName, typ: pi.typ, nullable: pi.p.Nullable,
				ptr: isPointer(pi.typ, pi.p.Required, pi.p.Nullable, false)}, true
		}
	}
	if info.body == "" || info.bodyType.cat != catStruct {
		return nil, false
	}
	fi := g.structField(info.bodyType, name)
	if fi == nil || !okCat(fi.typ) {
		return nil, false
	}
	return &pageField{inBody: true, goName: fi.goName, typ: fi.typ, nullable: fi.nullable,
		ptr: isPointer(fi.typ, fi.f.Required, fi.nullable, fi.ptr)}, true
}

// structField finds a field by wire name in the struct t names.
func (g *gen) structField(t *goType, wire string) *fieldInfo {
	if t.named == nil {
		return nil
	}
	named := t.named
	if named.Kind == ir.KindAlias {
		// An alias of a struct type: look through it.
		if target := g.aliasTarget(named); target.named != nil && target.named.Kind == ir.KindStruct {
			named = target.named
		}
	}
	if named.Kind != ir.KindStruct {
		return nil
	}
	for _, fi := range g.info[named].fields {
		if fi.f.Name == wire {
			return fi
		}
	}
	return nil
}

// set is the expression storing v (an int, or true) into f.
func (f *pageField) set(v jen.Code) jen.Code {
	var x jen.Code
	switch {
	case f.typ.cat == catString && f.typ.builtin:
		x = jen.Qual("strconv", "Itoa").Call(v)
	case f.typ.cat == catString:
		x = jen.Add(f.typ.code).Call(jen.Qual("strconv", "Itoa").Call(v))
	case f.typ.cat == catBool && f.typ.builtin:
		x = v
	default:
		x = jen.Add(f.typ.code).Call(v)
	}
	return f.wrap(x)
}

// wrap is x as f holds it: in a Nullable, behind a pointer, or as is.
func (f *pageField) wrap(x jen.Code) jen.Code {
	switch {
	case f.nullable:
		return jen.Qual(runtimePath, "Value").Call(x)
	case f.ptr:
		return jen.Qual(runtimePath, "Ptr").Call(x)
	}
	return x
}

// pagingDecl emits <Op>All: an iterator over every item, one page at a time.
func (g *gen) pagingDecl(d *decl, o *ir.Operation) {
	info := g.opInfo[o]
	pl := info.paging
	switch o.Paging.Style {
	case ir.PagingCursor:
		g.cursorDecl(d, o)
		return
	case ir.PagingPage:
		g.pagesDecl(d, o)
		return
	case ir.PagingToken:
		g.tokenDecl(d, o)
		return
	}
	elem := pl.elem.code
	q := jen.Id("q")
	var fetch []jen.Code
	fetch = append(fetch, jen.Id("q").Op(":=").Id("base"))
	var bodySets, paramSets []jen.Code
	for _, s := range []struct {
		f *pageField
		v jen.Code
	}{{pl.offset, jen.Id("offset")}, {pl.limit, jen.Id("limit")}, {pl.count, jen.True()}} {
		if s.f == nil {
			continue
		}
		if s.f.inBody {
			bodySets = append(bodySets, jen.Id("body").Dot(s.f.goName).Op("=").Add(s.f.set(s.v)))
		} else {
			paramSets = append(paramSets, jen.Add(q).Dot(s.f.goName).Op("=").Add(s.f.set(s.v)))
		}
	}
	fetch = append(fetch, paramSets...)
	if len(bodySets) > 0 {
		bodyPtr := isPointer(info.bodyType, o.Body.Required, false, false)
		if bodyPtr {
			fetch = append(fetch,
				jen.Var().Id("body").Add(info.bodyType.code),
				jen.If(jen.Id("base").Dot(info.body).Op("!=").Nil()).Block(jen.Id("body").Op("=").Op("*").Id("base").Dot(info.body)),
			)
		} else {
			fetch = append(fetch, jen.Id("body").Op(":=").Id("base").Dot(info.body))
		}
		fetch = append(fetch, bodySets...)
		if bodyPtr {
			fetch = append(fetch, jen.Id("q").Dot(info.body).Op("=").Op("&").Id("body"))
		} else {
			fetch = append(fetch, jen.Id("q").Dot(info.body).Op("=").Id("body"))
		}
	}
	fetch = append(fetch,
		jen.List(jen.Id("out"), jen.Err()).Op(":=").Id("c").Dot(info.method).Call(jen.Id("ctx"), jen.Op("&").Id("q"), jen.Id("opts").Op("...")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Lit(0), jen.Err())),
	)
	items := jen.Id("out")
	if pl.items != "" && info.result.envelope != "" {
		// An enveloped result is nil when the envelope key is missing.
		fetch = append(fetch, jen.If(jen.Id("out").Op("==").Nil()).Block(jen.Return(jen.Nil(), jen.Lit(0), jen.Nil())))
	}
	if pl.items != "" {
		items = jen.Id("out").Dot(pl.items)
	}
	total := jen.Lit(-1)
	if t := pl.total; t != nil {
		fv := jen.Id("out").Dot(t.goName)
		switch {
		case t.nullable:
			fetch = append(fetch,
				jen.Id("total").Op(":=").Lit(-1),
				jen.If(jen.List(jen.Id("n"), jen.Id("ok")).Op(":=").Add(fv).Dot("Get").Call(), jen.Id("ok")).Block(
					jen.Id("total").Op("=").Int().Call(jen.Id("n"))),
			)
			total = jen.Id("total")
		case t.ptr:
			fetch = append(fetch,
				jen.Id("total").Op(":=").Lit(-1),
				jen.If(jen.Add(fv).Op("!=").Nil()).Block(jen.Id("total").Op("=").Int().Call(jen.Op("*").Add(fv))),
			)
			total = jen.Id("total")
		default:
			total = jen.Int().Call(fv)
		}
	}
	fetch = append(fetch, jen.Return(items, total, jen.Nil()))

	var dc doc
	dc.addf(pl.method, " iterates over every item ", info.method, " returns, asking for pages of ",
		strconv.Itoa(pl.size), "; it stops at the first error, which it yields.")
	dc.add("p's paging parameters are set by the iterator; p itself is not modified. opts go with every page's call.")
	d.add(dc.code()...)
	params, results := g.iterSignature(o)
	d.add(
		jen.Func().Params(jen.Id("c").Op("*").Id("Client")).Id(pl.method).
			Params(params...).Add(results...).
			Block(
				jen.Var().Id("base").Id(info.params),
				jen.If(jen.Id("p").Op("!=").Nil()).Block(jen.Id("base").Op("=").Op("*").Id("p")),
				jen.Return(jen.Qual(runtimePath, "Paginate").Call(jen.Id("ctx"), jen.Lit(pl.size),
					jen.Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.List(jen.Id("offset"), jen.Id("limit")).Int()).
						Params(jen.Index().Add(elem), jen.Int(), jen.Error()).Block(fetch...))),
			),
		jen.Line(),
	)
	d.lines += len(fetch) + 12
}
