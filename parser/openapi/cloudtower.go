package openapi

import (
	"strings"

	"github.com/apigen-dev/apigen/ir"
)

// cloudTower adds the conventions CloudTower follows but its spec does not
// state:
//   - a call answering WithTask_X ({task_id, data}), or a list of them,
//     started a task the client must wait on: Async;
//   - a list call whose body has first and skip (and where) pages by
//     first/skip with no total, and answers the page itself as an array.
//
// The content-language header stays an ordinary header parameter, typed by
// the ContentLanguage enum the spec declares.
func (p *parser) cloudTower(o *ir.Operation) {
	if r := o.Response; r != nil && r.Type != nil {
		t := *r.Type
		list := t.Kind == ir.KindList && t.Elem != nil
		if list {
			t = *t.Elem
		}
		if st := p.structOf(t); st != nil && st.Field("task_id") != nil && st.Field("data") != nil {
			o.Async = true
		}
		if b := o.Body; list && b != nil {
			if st := p.structOf(b.Type); st != nil && st.Field("first") != nil && st.Field("skip") != nil {
				o.Paging = &ir.Paging{Style: ir.PagingFirstSkip, OffsetParam: "skip", LimitParam: "first"}
			}
		}
	}
}

// cloudTowerFilters clears the nullability of the optional fields of
// CloudTower's filter inputs (where-filters, order-by inputs, list calls'
// request bodies): the spec marks them all nullable, but in a filter null
// says nothing that absence does not, so the client declares them as plain
// optional fields (Where: &VMWhereInput{Or: ...} reads like the docs).
// Required fields keep what the spec says.
func (p *parser) cloudTowerFilters() {
	for _, t := range p.api.Types {
		if t.Kind != ir.KindStruct || !filterInputName(t.Name) {
			continue
		}
		for _, f := range t.Fields {
			if !f.Required {
				f.Nullable = false
			}
		}
	}
}

// filterInputName reports whether a CloudTower type name is one of its
// filter inputs, which the spec tells apart only by these suffixes.
func filterInputName(name string) bool {
	for _, suffix := range []string{"WhereInput", "OrderByInput", "RequestBody"} {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return false
}

// structOf returns the struct type r names, following aliases.
func (p *parser) structOf(r ir.TypeRef) *ir.Type {
	for range 8 { // aliases of aliases, but never around a cycle forever
		if r.Kind != ir.KindRef {
			return nil
		}
		t := p.types[r.Ref]
		switch {
		case t == nil:
			return nil
		case t.Kind == ir.KindStruct:
			return t
		case t.Kind == ir.KindAlias && t.Alias != nil:
			r = *t.Alias
		default:
			return nil
		}
	}
	return nil
}
