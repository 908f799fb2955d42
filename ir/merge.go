package ir

// Merge combines APIs parsed from several files of one API into one. Types
// that recur (ZStack's VmInstanceInventory appears on hundreds of pages)
// become one type whose fields are the union, each at its earliest
// since-version. A second operation with a name already seen is dropped with
// a warning naming both places. The result is sorted.
//
// Merge consumes its inputs: the result shares their operations and types,
// and a recurring type is folded into the first input's copy. Parsers call
// it on APIs they just built; clone an input first to keep it.
func Merge(apis ...*API) (*API, []Diagnostic) {
	out := &API{}
	var diags []Diagnostic
	ops := map[string]*Operation{}
	types := map[string]*Type{}
	for _, a := range apis {
		if a == nil {
			continue
		}
		if out.Family == "" {
			out.Family = a.Family
		}
		if out.Name == "" {
			out.Name = a.Name
		}
		if out.Version == "" {
			out.Version = a.Version
		}
		if out.Description == "" {
			out.Description = a.Description
		}
		// One tolerant part makes the whole tolerant: accepting a string
		// where a number is expected never refuses a valid answer.
		out.Tolerant = out.Tolerant || a.Tolerant
		out.Servers = appendNew(out.Servers, a.Servers...)
		for _, s := range a.Security {
			if !containsSecurity(out.Security, s.Name) {
				out.Security = append(out.Security, s)
			}
		}
		out.Versions = appendNew(out.Versions, a.Versions...)
		for _, o := range a.Operations {
			if prev, ok := ops[o.Name]; ok {
				diags = append(diags, Warnf(o.Pos, "duplicate-operation", "operation %q is also defined at %s; keeping that one", o.Name, prev.Pos))
				continue
			}
			ops[o.Name] = o
			out.Operations = append(out.Operations, o)
		}
		for _, t := range a.Types {
			prev, ok := types[t.Name]
			if !ok {
				types[t.Name] = t
				out.Types = append(out.Types, t)
				continue
			}
			if d, ok := UnionType(prev, t); !ok {
				diags = append(diags, d)
			}
		}
	}
	out.Sort()
	return out, diags
}

// UnionType folds b into a: fields a lacks are appended, shared fields take
// the earliest since-version, and a field is required only if both say so.
// It reports false with a warning when the two are of different kinds.
func UnionType(a, b *Type) (Diagnostic, bool) {
	if a.Kind != b.Kind {
		return Warnf(b.Pos, "type-conflict", "type %q is a %s here but a %s at %s; keeping the %s", b.Name, b.Kind, a.Kind, a.Pos, a.Kind), false
	}
	a.Since = EarlierVersion(a.Since, b.Since)
	if a.Description == "" {
		a.Description = b.Description
	}
	for _, bf := range b.Fields {
		af := a.Field(bf.Name)
		if af == nil {
			cp := *bf
			a.Fields = append(a.Fields, &cp)
			continue
		}
		af.Since = EarlierVersion(af.Since, bf.Since)
		af.Required = af.Required && bf.Required
		if af.Description == "" {
			af.Description = bf.Description
		}
		// A field typed only loosely on one page (List, Map) takes the
		// precise type another page gives it; facts one source lacks come
		// from the other.
		if Vague(af.Type) && !Vague(bf.Type) {
			af.Type = bf.Type
		}
		if af.Type.Format == "" && af.Type.Kind == bf.Type.Kind {
			af.Type.Format = bf.Type.Format
		}
		if len(af.Enum) == 0 && len(bf.Enum) > 0 {
			af.Enum, af.Inferred = bf.Enum, af.Inferred || bf.Inferred
		}
		if af.Default == "" && bf.Default != "" {
			af.Default, af.Inferred = bf.Default, af.Inferred || bf.Inferred
		}
	}
	for _, v := range b.Values {
		if !containsValue(a.Values, v.Value) {
			a.Values = append(a.Values, v)
		}
	}
	return Diagnostic{}, true
}

// Vague reports whether r says less than another page might: any, raw, or a
// list or map of those.
func Vague(r TypeRef) bool {
	switch r.Kind {
	case KindAny, KindRaw:
		return true
	case KindList, KindMap:
		return r.Elem == nil || Vague(*r.Elem)
	}
	return false
}

func appendNew(dst []string, src ...string) []string {
	for _, s := range src {
		if !containsString(dst, s) {
			dst = append(dst, s)
		}
	}
	return dst
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func containsSecurity(ss []Security, name string) bool {
	for _, s := range ss {
		if s.Name == name {
			return true
		}
	}
	return false
}

func containsValue(vs []EnumValue, v string) bool {
	for _, x := range vs {
		if x.Value == v {
			return true
		}
	}
	return false
}
