package openapi

import (
	"github.com/apigen-dev/apigen/ir"
)

// detectPaging recognises the common paging styles of plain OpenAPI list
// calls from their parameters and answer shape, so the client offers an
// iterator; families with their own paging (CloudTower) set it themselves.
//   - cursor (Stripe): a starting_after query parameter and an answer
//     object with a list "data" and a boolean "has_more"; items by "id";
//   - page (GitHub, Gitea): page with per_page or limit, answering a list;
//   - offset: offset with limit, answering an object with a list and a
//     total (total, total_count or count).
func (p *parser) detectPaging() {
	for _, o := range p.api.Operations {
		if o.Paging != nil || o.Method != "GET" || o.Response == nil || o.Response.Type == nil {
			continue
		}
		q := func(name string, kinds ...ir.Kind) bool {
			pr := o.Param(name)
			if pr == nil || pr.In != ir.InQuery {
				return false
			}
			for _, k := range kinds {
				if pr.Type.Kind == k {
					return true
				}
			}
			return false
		}
		rt := *o.Response.Type
		obj := p.structOf(rt)
		listField := func(t *ir.Type, name string) bool {
			f := t.Field(name)
			return f != nil && p.resolveAlias(f.Type).Kind == ir.KindList
		}
		switch {
		case q("starting_after", ir.KindString) && obj != nil && listField(obj, "data") && p.hasID(obj.Field("data")) && obj.Field("has_more") != nil && obj.Field("has_more").Type.Kind == ir.KindBoolean:
			o.Paging = &ir.Paging{Style: ir.PagingCursor, CursorParam: "starting_after", CursorField: "id", HasMoreField: "has_more", ItemsField: "data"}
			if q("limit", ir.KindInteger) {
				o.Paging.LimitParam, o.Paging.MaxLimit = "limit", 100
			}
		case q("page", ir.KindInteger) && p.resolveAlias(rt).Kind == ir.KindList:
			for _, l := range []string{"per_page", "limit", "page_size", "pageSize"} {
				if q(l, ir.KindInteger) {
					o.Paging = &ir.Paging{Style: ir.PagingPage, PageParam: "page", LimitParam: l}
					break
				}
			}
		case q("offset", ir.KindInteger) && q("limit", ir.KindInteger) && obj != nil:
			for _, items := range obj.Fields {
				if p.resolveAlias(items.Type).Kind != ir.KindList {
					continue
				}
				for _, total := range []string{"total", "total_count", "totalCount", "count"} {
					if f := obj.Field(total); f != nil && f.Type.Kind == ir.KindInteger {
						o.Paging = &ir.Paging{Style: ir.PagingOffset, OffsetParam: "offset", LimitParam: "limit", ItemsField: items.Name, TotalField: total}
						break
					}
				}
				break
			}
		}
	}
}

// resolveAlias follows named aliases to what they stand for (bounded, as
// alias cycles are only broken later).
func (p *parser) resolveAlias(r ir.TypeRef) ir.TypeRef {
	for range 16 {
		if r.Kind != ir.KindRef {
			return r
		}
		t := p.types[r.Ref]
		if t == nil || t.Kind != ir.KindAlias || t.Alias == nil {
			return r
		}
		r = *t.Alias
	}
	return r
}

// hasID reports whether the items of list field f are objects with an
// "id", the cursor a next page starts after.
func (p *parser) hasID(f *ir.Field) bool {
	l := p.resolveAlias(f.Type)
	if l.Elem == nil {
		return false
	}
	item := p.structOf(*l.Elem)
	return item != nil && item.Field("id") != nil && item.Field("id").Type.Kind == ir.KindString
}
