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
//     first/skip with no total, and answers the page itself as an array;
//   - a call without a tag belongs to the resource its path names after
//     the verb, singular and spelled as the tags are (/get-vms → Vm), so
//     it is grouped with the calls on the same resource.
//
// The content-language header stays an ordinary header parameter, typed by
// the ContentLanguage enum the spec declares.
func (p *parser) cloudTower(o *ir.Operation) {
	if o.Service == "" {
		o.Service = cloudTowerResource(o.Path)
	}
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

// cloudTowerResource is the resource a CloudTower path names: the words
// after its verb (/create-backup-plan → BackupPlan), the last one made
// singular (/get-vms → Vm), "" for a path of one word (/login) or of
// another shape.
func cloudTowerResource(path string) string {
	words := strings.Split(strings.TrimPrefix(path, "/"), "-")
	if len(words) < 2 || strings.Contains(path[1:], "/") {
		return ""
	}
	words = words[1:]
	words[len(words)-1] = singular(words[len(words)-1])
	var b strings.Builder
	for _, w := range words {
		if w == "" {
			return ""
		}
		if 'a' <= w[0] && w[0] <= 'z' {
			w = string(w[0]-'a'+'A') + w[1:]
		}
		b.WriteString(w)
	}
	return b.String()
}

// singular undoes the English plural endings CloudTower's paths use
// (vms, policies, switches); other words are returned as they are.
func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 3:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "xes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") && len(w) > 1:
		return w[:len(w)-1]
	}
	return w
}
