package templates

import "github.com/apigen-dev/apigen/ir"

// breakCycles finds struct fields that hold another named type by value
// (required fields, and nullable ones, since Nullable[T] holds T) and that
// close a cycle of such fields: type A struct{ B B }; type B struct{ A A }
// is an invalid recursive type in Go. Every such field within one strongly
// connected component becomes a pointer. Aliases of named types are edges
// too but cannot be pointers; pure alias cycles were degraded already, so
// every remaining cycle has a struct field to break.
func (g *gen) breakCycles() {
	type edge struct {
		to *ir.Type
		fi *fieldInfo // nil for an alias edge
	}
	edges := map[*ir.Type][]edge{}
	for _, t := range g.types {
		info := g.info[t]
		if info.degraded {
			continue
		}
		switch t.Kind {
		case ir.KindStruct:
			for _, fi := range info.fields {
				if fi.typ.named == nil || fi.typ.cat.nilable() {
					continue
				}
				if isPointer(fi.typ, fi.f.Required, fi.nullable, false) {
					continue
				}
				edges[t] = append(edges[t], edge{to: fi.typ.named, fi: fi})
			}
		case ir.KindAlias:
			if target := g.aliasTarget(t); target.named != nil && !target.cat.nilable() {
				edges[t] = append(edges[t], edge{to: target.named})
			}
		}
	}
	// Tarjan's algorithm, iterating types in their fixed order.
	index := map[*ir.Type]int{}
	low := map[*ir.Type]int{}
	onStack := map[*ir.Type]bool{}
	comp := map[*ir.Type]int{}
	var stack []*ir.Type
	next, ncomp := 0, 0
	var visit func(t *ir.Type)
	visit = func(t *ir.Type) {
		index[t], low[t] = next, next
		next++
		stack = append(stack, t)
		onStack[t] = true
		for _, e := range edges[t] {
			if _, ok := index[e.to]; !ok {
				visit(e.to)
				low[t] = min(low[t], low[e.to])
			} else if onStack[e.to] {
				low[t] = min(low[t], index[e.to])
			}
		}
		if low[t] == index[t] {
			for {
				x := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[x] = false
				comp[x] = ncomp
				if x == t {
					break
				}
			}
			ncomp++
		}
	}
	for _, t := range g.types {
		if _, ok := index[t]; !ok {
			visit(t)
		}
	}
	for _, t := range g.types {
		for _, e := range edges[t] {
			if e.fi != nil && comp[t] == comp[e.to] {
				e.fi.ptr = true
			}
		}
	}
}
