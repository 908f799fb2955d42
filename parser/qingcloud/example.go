package qingcloud

import (
	"regexp"
	"strings"

	"github.com/apigen-dev/apigen/ir"
)

// exampleTyper types what a page's example response shows where its tables
// say only "Array" or "Dict", or say nothing: a list of objects becomes a
// list of a struct named after the element (instance_set → Instance), an
// object a struct named after its key (image → Image), and scalars their
// JSON kind. Tables stay authoritative for the primitives they name.
type exampleTyper struct {
	types *typeSet
	pos   func(off int) ir.Pos // example offset → file position
}

// rfc3339 is what QingCloud's timestamps look like: 2013-08-28T14:26:03Z.
var rfc3339 = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$`)

// infer types one example value found under key name.
func (x *exampleTyper) infer(name string, v *jnode) ir.TypeRef {
	switch v.kind {
	case 's':
		if rfc3339.MatchString(v.str) {
			return ir.Prim(ir.KindTime, "date-time")
		}
		return ir.Prim(ir.KindString, "")
	case 'n':
		if strings.ContainsAny(v.str, ".eE") {
			return ir.Prim(ir.KindNumber, "")
		}
		return ir.Prim(ir.KindInteger, "")
	case 'b':
		return ir.Prim(ir.KindBoolean, "")
	case 'a':
		return ir.ListOf(x.inferElems(name, v.elems))
	case 'o':
		if len(v.keys) == 0 {
			return ir.MapOf(ir.Prim(ir.KindAny, ""))
		}
		t := x.types.structType(elementName(name), x.pos(v.off))
		x.fill(t, v)
		return ir.Ref(t.Name)
	}
	return ir.Prim(ir.KindAny, "") // null says nothing
}

// inferElems types a list's elements: one struct for a list of objects
// (fields are the union over all elements), else their common kind.
func (x *exampleTyper) inferElems(name string, elems []*jnode) ir.TypeRef {
	if len(elems) == 0 {
		return ir.Prim(ir.KindAny, "")
	}
	allObjects := true
	for _, e := range elems {
		if e.kind != 'o' || len(e.keys) == 0 {
			allObjects = false
		}
	}
	if allObjects {
		t := x.types.structType(elementName(name), x.pos(elems[0].off))
		for _, e := range elems {
			x.fill(t, e)
		}
		return ir.Ref(t.Name)
	}
	first := x.infer(name, elems[0])
	for _, e := range elems[1:] {
		if e.kind == 'z' {
			continue
		}
		if x.infer(name, e).String() != first.String() {
			return ir.Prim(ir.KindAny, "")
		}
	}
	return first
}

// fill adds the example's keys t lacks and sharpens the vague ones it has.
func (x *exampleTyper) fill(t *ir.Type, obj *jnode) {
	for i, k := range obj.keys {
		v := obj.vals[i]
		f := t.Field(k)
		if f == nil {
			t.Fields = append(t.Fields, &ir.Field{Name: k, Type: x.infer(k, v), Pos: x.pos(obj.koffs[i])})
			continue
		}
		f.Type = x.refine(f.Type, k, v)
	}
}

// refine sharpens a type a table gave (Array, Dict, unknown) with the
// example value under the same key; a precise type stays as it is, except
// that a struct it names learns the example's fields.
func (x *exampleTyper) refine(t ir.TypeRef, name string, v *jnode) ir.TypeRef {
	if v == nil || v.kind == 'z' {
		return t
	}
	switch t.Kind {
	case ir.KindList:
		if v.kind != 'a' {
			return t
		}
		if t.Elem == nil || vague(*t.Elem) {
			if e := x.inferElems(name, v.elems); !vague(e) {
				return ir.ListOf(e)
			}
			return t
		}
		if t.Elem.Kind == ir.KindRef {
			if st := x.types.get(t.Elem.Ref); st != nil && st.Kind == ir.KindStruct {
				for _, e := range v.elems {
					if e.kind == 'o' {
						x.fill(st, e)
					}
				}
			}
		}
		return t
	case ir.KindMap:
		if v.kind == 'o' && len(v.keys) > 0 && (t.Elem == nil || vague(*t.Elem)) {
			return x.infer(name, v)
		}
		return t
	case ir.KindRef:
		if st := x.types.get(t.Ref); st != nil && st.Kind == ir.KindStruct && v.kind == 'o' {
			x.fill(st, v)
		}
		return t
	case ir.KindAny, ir.KindRaw, "":
		return x.infer(name, v)
	}
	return t
}
