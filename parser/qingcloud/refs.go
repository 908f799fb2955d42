package qingcloud

import "github.com/apigen-dev/apigen/ir"

// checkRefs replaces every reference to a type no input defined — a
// definitions.json left out of the inputs — by raw JSON, with a warning at
// the parameter or field that holds it, so emitters never meet a dangling
// name.
func checkRefs(api *ir.API) []ir.Diagnostic {
	defined := map[string]bool{}
	for _, t := range api.Types {
		defined[t.Name] = true
	}
	var diags []ir.Diagnostic
	var fix func(r *ir.TypeRef, pos ir.Pos, holder string)
	fix = func(r *ir.TypeRef, pos ir.Pos, holder string) {
		if r == nil {
			return
		}
		switch r.Kind {
		case ir.KindRef:
			if !defined[r.Ref] {
				diags = append(diags, ir.Warnf(pos, "unresolved-ref", "%s: type %q is defined in no input; kept as raw JSON", holder, r.Ref))
				*r = ir.Prim(ir.KindRaw, "")
			}
		case ir.KindList, ir.KindMap:
			if r.Elem != nil {
				e := *r.Elem // copy: Elem pointers may be shared between types
				fix(&e, pos, holder)
				r.Elem = &e
			}
		}
	}
	for _, op := range api.Operations {
		for _, p := range op.Params {
			fix(&p.Type, p.Pos, "operation "+op.Name+": parameter "+p.Name)
		}
		if op.Body != nil {
			fix(&op.Body.Type, op.Pos, "operation "+op.Name+": body")
		}
		if op.Response != nil && op.Response.Type != nil {
			t := *op.Response.Type
			fix(&t, op.Pos, "operation "+op.Name+": response")
			op.Response.Type = &t
		}
	}
	for _, t := range api.Types {
		for _, f := range t.Fields {
			fix(&f.Type, f.Pos, "type "+t.Name+": field "+f.Name)
		}
		fix(t.Alias, t.Pos, "type "+t.Name)
		fix(t.AdditionalProperties, t.Pos, "type "+t.Name)
		for i := range t.Variants {
			fix(&t.Variants[i], t.Pos, "type "+t.Name)
		}
	}
	return diags
}
