package ir

import (
	"strings"
	"testing"
)

func TestRefs(t *testing.T) {
	str := Prim(KindString, "")
	o := &Operation{
		Params:   []*Param{{Name: "a", Type: Ref("P")}},
		Body:     &Body{Type: ListOf(Ref("B"))},
		Response: &Response{},
		Errors:   []*ErrorResponse{{Code: "404"}, {Code: "default", Type: &TypeRef{Kind: KindRef, Ref: "E"}}},
	}
	ty := &Type{Fields: []*Field{{Type: str}}, Variants: []TypeRef{Ref("V")}, AdditionalProperties: &TypeRef{Kind: KindRef, Ref: "X"}}
	for _, c := range []struct {
		refs []*TypeRef
		want string
	}{{o.Refs(), "ref(P) []ref(B) ref(E)"}, {ty.Refs(), "string ref(V) ref(X)"}} {
		var got []string
		for _, r := range c.refs {
			got = append(got, r.String())
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("refs %v, want %s", got, c.want)
		}
	}
}
