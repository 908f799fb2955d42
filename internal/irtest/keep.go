package irtest

import (
	"slices"

	"github.com/apigen-dev/apigen/ir"
)

// KeepOperations drops from api every operation not named in keep and
// every type those left do not reach, so a real-server test compiles the
// calls it makes, not a whole spec; it returns how many it kept.
func KeepOperations(api *ir.API, keep []string) int {
	reached := map[string]bool{}
	var visit func(r *ir.TypeRef)
	visit = func(r *ir.TypeRef) {
		if r == nil {
			return
		}
		visit(r.Elem)
		if r.Kind != ir.KindRef || reached[r.Ref] {
			return
		}
		reached[r.Ref] = true
		t := api.Type(r.Ref)
		if t == nil {
			return
		}
		for _, r := range t.Refs() {
			visit(r)
		}
	}
	ops := api.Operations[:0]
	for _, o := range api.Operations {
		if !slices.Contains(keep, o.Name) {
			continue
		}
		ops = append(ops, o)
		for _, r := range o.Refs() {
			visit(r)
		}
	}
	api.Operations = ops
	api.Types = slices.DeleteFunc(api.Types, func(t *ir.Type) bool { return !reached[t.Name] })
	return len(ops)
}
