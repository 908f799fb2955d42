package openapi

import (
	"fmt"
	"testing"

	"github.com/apigen-dev/apigen/internal/growth"
	"github.com/apigen-dev/apigen/ir"
	"github.com/getkin/kin-openapi/openapi3"
)

// TestLinearTime: repeated operation names and enum values cost linear
// time (10^4 operations all named "a" took 4 s to name, an enum of 10^5
// values 10 s to de-duplicate).
func TestLinearTime(t *testing.T) {
	growth.Check(t, "repeated names", 300, func(n int) {
		used := nameSet{}
		for range n {
			unique(used, "a")
			unique(used, "V1")
		}
	})
	growth.Check(t, "enum values", 200, func(n int) {
		s := &openapi3.Schema{}
		for i := range n {
			s.Enum = append(s.Enum, fmt.Sprint("v", i), fmt.Sprint("v", i))
		}
		var p parser
		t := &ir.Type{}
		p.fillEnum(t, s, shape{base: ir.KindString})
		if len(t.Values) != n {
			panic(len(t.Values))
		}
	})
}
