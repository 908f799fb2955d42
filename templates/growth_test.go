package templates

import (
	"fmt"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/internal/growth"
	"github.com/apigen-dev/apigen/ir"
)

// TestLinearTime holds every per-item pass of the emitter that hostile
// input can make large to (near) linear time: 10× the input may cost at
// most ~15× the time. Each was quadratic once: a 3 MB Chinese description
// took 75 s to wrap, 10^4 operations all named "a" 5 s to name.
func TestLinearTime(t *testing.T) {
	// n = 4000 bytes: these passes are cheap per byte, and at 20000 the 10n
	// run left the CPU caches, reading 14.5-16× on linear code under load
	// (a quadratic pass reads 100× at any size).
	growth.Check(t, "wrapping text without spaces", 4000, func(n int) {
		textLines(strings.Repeat("中文说明", n/4))
	})
	growth.Check(t, "wrapping text with spaces", 4000, func(n int) {
		textLines(strings.Repeat("word ", n/5) + strings.Repeat("x", n))
	})
	growth.Check(t, "reflowing a paragraph of many lines", 4000, func(n int) {
		textLines(strings.Repeat("word\n", n/5))
	})
	// The registry's cost is its probes: timing map-heavy code at sizes
	// past the CPU caches would measure the caches.
	growth.CheckCount(t, "colliding names", 1000, func(n int) int {
		claims := make([]claim, n)
		for i := range claims {
			// "A", "A2", "A3"… also claimed by name, and alternatives taken.
			claims[i] = claim{base: "A", alts: []string{"A2"}}
			if i%3 == 0 {
				claims[i].base = fmt.Sprint("A", i)
			}
		}
		r := newRegistry()
		r.assign(claims)
		return r.probes + n
	})
	growth.CheckCount(t, "long names sharing a prefix", 1000, func(n int) int {
		long := strings.Repeat("Name", 100)
		claims := make([]claim, n)
		for i := range claims {
			claims[i] = claim{base: long + fmt.Sprint(i%7)}
		}
		r := newRegistry()
		r.assign(claims)
		return r.probes + n
	})
	growth.Check(t, "enum values", 100, func(n int) {
		e := &ir.Type{Name: "E", Kind: ir.KindEnum, Base: ir.KindString}
		for i := range n {
			// Values repeat and differ only in punctuation: both the
			// de-duplication and the constant names are exercised.
			e.Values = append(e.Values, ir.EnumValue{Value: fmt.Sprintf(`"v-%d"`, i/2)}, ir.EnumValue{Value: fmt.Sprintf(`"v_%d"`, i/2)})
		}
		generateOrFail(t, &ir.API{Types: []*ir.Type{e}})
	})
	growth.Check(t, "operations of one name", 100, func(n int) {
		api := &ir.API{}
		for i := range n {
			api.Operations = append(api.Operations, &ir.Operation{Name: "a", Method: "GET", Path: fmt.Sprintf("/a/%d", i),
				Params: []*ir.Param{{Name: "a", In: ir.InQuery, Type: ir.Prim(ir.KindString, "")}}})
		}
		generateOrFail(t, api)
	})
}

func generateOrFail(t *testing.T, api *ir.API) {
	if _, _, err := Generate(api, Options{}); err != nil {
		t.Fatal(err)
	}
}
