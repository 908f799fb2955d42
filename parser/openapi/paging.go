package openapi

import (
	"slices"

	"github.com/apigen-dev/apigen/ir"
)

// detectPaging recognises the common paging styles of plain OpenAPI list
// calls from their parameters and answer shape, so the client offers an
// iterator; families with their own paging (CloudTower) set it themselves.
//   - cursor (Stripe): a starting_after query parameter and an answer
//     object with a list "data" and a boolean "has_more"; items by "id";
//   - page (GitHub, Gitea): page with per_page or limit, answering a list;
//   - offset: offset with limit, answering an object with a list and a
//     total (total, total_count or count);
//   - token (Kubernetes, Google APIs, Slack): a continue, pageToken or
//     cursor query parameter and an answer object with a list and a string
//     next token, at its top (nextPageToken) or in its metadata
//     (metadata.continue, response_metadata.next_cursor).
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
		case obj != nil && p.tokenPaging(o, obj, q):
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

// Token paging's names: the query parameter taking the token, the
// answer's field holding the next one (at its top, or inside one of
// tokenHolders), and the page size parameter.
var (
	tokenParams  = []string{"continue", "pageToken", "page_token", "nextToken", "next_token", "cursor"}
	tokenFields  = []string{"nextPageToken", "next_page_token", "nextToken", "next_token", "nextCursor", "next_cursor", "continue"}
	tokenHolders = []string{"metadata", "meta", "pagination", "response_metadata"}
	tokenLimits  = []string{"limit", "maxResults", "max_results", "pageSize", "page_size", "per_page"}
)

// tokenPaging sets o's token paging when it takes a token parameter and
// obj, its answer, has a list and a next token; it reports whether it did.
func (p *parser) tokenPaging(o *ir.Operation, obj *ir.Type, q func(string, ...ir.Kind) bool) bool {
	param := ""
	for _, name := range tokenParams {
		if q(name, ir.KindString) {
			param = name
			break
		}
	}
	if param == "" {
		return false
	}
	next := p.tokenField(obj, "")
	for _, h := range tokenHolders {
		if next != "" {
			break
		}
		if f := obj.Field(h); f != nil {
			if inner := p.structOf(f.Type); inner != nil {
				next = p.tokenField(inner, h+".")
			}
		}
	}
	items := p.itemsField(obj)
	if next == "" || items == "" {
		return false
	}
	o.Paging = &ir.Paging{Style: ir.PagingToken, CursorParam: param, NextField: next, ItemsField: items}
	for _, l := range tokenLimits {
		if q(l, ir.KindInteger) {
			o.Paging.LimitParam = l
			break
		}
	}
	return true
}

// tokenField is the wire path, under prefix, of t's next-token field.
func (p *parser) tokenField(t *ir.Type, prefix string) string {
	for _, name := range tokenFields {
		if f := t.Field(name); f != nil && p.resolveAlias(f.Type).Kind == ir.KindString {
			return prefix + name
		}
	}
	return ""
}

// itemsField is the list field of a page: items, data or results, else
// the only list there is.
func (p *parser) itemsField(t *ir.Type) string {
	var lists []string
	for _, f := range t.Fields {
		if p.resolveAlias(f.Type).Kind == ir.KindList {
			lists = append(lists, f.Name)
		}
	}
	for _, name := range []string{"items", "data", "results"} {
		if slices.Contains(lists, name) {
			return name
		}
	}
	if len(lists) == 1 {
		return lists[0]
	}
	return ""
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
