package ir

import "slices"

// CheckFacts reports every IR fact outside its set of values: a family,
// parameter location, list style, paging style, security kind or type kind
// no emitter or runtime knows. Parsers only ever set known values, so a
// finding is a parser bug (or a hand-edited IR): it is an error at the
// position of what holds it, caught at the parser → IR boundary rather
// than deep in an emitter.
func CheckFacts(api *API) []Diagnostic {
	var diags []Diagnostic
	bad := func(pos Pos, what string, v any) {
		diags = append(diags, Errorf(pos, "bad-ir", "unknown %s %q (a parser bug: please report it with this input)", what, v))
	}
	if api.Family != "" && !slices.Contains(Families(), api.Family) {
		bad(Pos{}, "family", api.Family)
	}
	for _, s := range api.Security {
		if !slices.Contains(SecurityKinds(), s.Kind) {
			bad(Pos{}, "security kind", s.Kind)
		}
	}
	for _, o := range api.Operations {
		for _, p := range o.Params {
			if !slices.Contains(locations, p.In) {
				bad(p.Pos, "parameter location", p.In)
			}
			if p.Style != "" && !slices.Contains(Styles(), p.Style) {
				bad(p.Pos, "parameter style", p.Style)
			}
			if p.TransportFills && p.In == InPath {
				// A transport fills query-like parameters; a path
				// without its value cannot even be built.
				diags = append(diags, Errorf(p.Pos, "bad-ir", "path parameter %q cannot be filled by the transport (a parser bug: please report it with this input)", p.Name))
			}
			checkRef(p.Type, p.Pos, bad)
		}
		if o.Paging != nil && !slices.Contains(PagingStyles(), o.Paging.Style) {
			bad(o.Pos, "paging style", o.Paging.Style)
		}
		if o.Body != nil {
			checkRef(o.Body.Type, o.Pos, bad)
		}
		if o.Response != nil && o.Response.Type != nil {
			checkRef(*o.Response.Type, o.Pos, bad)
		}
	}
	for _, t := range api.Types {
		if !slices.Contains(namedKinds, t.Kind) {
			bad(t.Pos, "type kind", t.Kind)
		}
		for _, f := range t.Fields {
			checkRef(f.Type, f.Pos, bad)
		}
	}
	return diags
}

var (
	locations  = []Location{InPath, InQuery, InHeader, InCookie, InBody, InForm}
	namedKinds = []Kind{KindStruct, KindEnum, KindUnion, KindAlias}
	refKinds   = []Kind{KindString, KindInteger, KindNumber, KindBoolean, KindTime, KindBinary, KindAny, KindRaw, KindList, KindMap, KindRef}
)

func checkRef(r TypeRef, pos Pos, bad func(Pos, string, any)) {
	for {
		if !slices.Contains(refKinds, r.Kind) {
			bad(pos, "type kind", r.Kind)
			return
		}
		if r.Elem == nil {
			return
		}
		r = *r.Elem
	}
}
