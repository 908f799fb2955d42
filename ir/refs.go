package ir

// Refs lists the type references an operation makes itself: parameters,
// body, response and error answers, in that order; nil ones left out.
// Callers follow them through Type.Refs to everything a call reaches.
func (o *Operation) Refs() []*TypeRef {
	var out []*TypeRef
	for _, p := range o.Params {
		out = append(out, &p.Type)
	}
	if o.Body != nil {
		out = append(out, &o.Body.Type)
	}
	if o.Response != nil && o.Response.Type != nil {
		out = append(out, o.Response.Type)
	}
	for _, e := range o.Errors {
		if e.Type != nil {
			out = append(out, e.Type)
		}
	}
	return out
}

// Refs lists the type references a named type makes itself: fields,
// union variants, alias target and additional properties.
func (t *Type) Refs() []*TypeRef {
	var out []*TypeRef
	for _, f := range t.Fields {
		out = append(out, &f.Type)
	}
	for i := range t.Variants {
		out = append(out, &t.Variants[i])
	}
	for _, r := range []*TypeRef{t.Alias, t.AdditionalProperties} {
		if r != nil {
			out = append(out, r)
		}
	}
	return out
}
