package qingcloud

import "github.com/apigen-dev/apigen/ir"

// typeSet collects the named types one input defines, in the order first
// seen; a name defined twice is folded with ir.UnionType, as ir.Merge will
// do across inputs.
type typeSet struct {
	types []*ir.Type
	diags []ir.Diagnostic
}

func (s *typeSet) get(name string) *ir.Type {
	for _, t := range s.types {
		if t.Name == name {
			return t
		}
	}
	return nil
}

// add registers t, or folds it into the type of the same name.
func (s *typeSet) add(t *ir.Type) *ir.Type {
	if prev := s.get(t.Name); prev != nil {
		if d, ok := ir.UnionType(prev, t); !ok {
			s.diags = append(s.diags, d)
		}
		return prev
	}
	s.types = append(s.types, t)
	return t
}

// structType returns the struct named name, creating it at pos if absent.
func (s *typeSet) structType(name string, pos ir.Pos) *ir.Type {
	if t := s.get(name); t != nil {
		return t
	}
	return s.add(&ir.Type{Name: name, Kind: ir.KindStruct, Pos: pos})
}

// vague reports whether a type says less than an example could: any, raw,
// or a list or map of those. (ir has the same rule, unexported.)
func vague(r ir.TypeRef) bool {
	switch r.Kind {
	case ir.KindAny, ir.KindRaw, "":
		return true
	case ir.KindList, ir.KindMap:
		return r.Elem == nil || vague(*r.Elem)
	}
	return false
}
