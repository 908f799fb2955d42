package ir

import (
	"cmp"
	"slices"
)

// Sort puts operations and types in a stable order. Parsers call it once, at
// the parser → IR boundary, so emitters can walk slices in order and output
// never depends on file or map order. Fields and params keep document order:
// it is how the docs present them, and it is already deterministic.
func (a *API) Sort() {
	slices.SortStableFunc(a.Operations, func(x, y *Operation) int {
		return cmp.Or(cmp.Compare(x.Name, y.Name), cmp.Compare(x.Method, y.Method), cmp.Compare(x.Path, y.Path))
	})
	slices.SortStableFunc(a.Types, func(x, y *Type) int { return cmp.Compare(x.Name, y.Name) })
	slices.SortFunc(a.Versions, orderVersions)
	a.Versions = slices.Compact(a.Versions)
}
