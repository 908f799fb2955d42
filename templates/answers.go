package templates

import (
	"slices"
	"strings"

	"github.com/apigen-dev/apigen/ir"
	"github.com/dave/jennifer/jen"
)

// errorCase is one documented error answer the client decodes into a
// typed error.
type errorCase struct {
	code string
	typ  *goType
}

// planErrors types the documented error answers that carry a decodable
// body; the others stay plain *apiruntime.APIError.
func (g *gen) planErrors(o *ir.Operation) {
	info := g.opInfo[o]
	for _, e := range o.Errors {
		if e.Type == nil {
			continue
		}
		switch e.Type.Kind {
		case ir.KindBinary, ir.KindAny, ir.KindRaw:
			continue
		}
		t := g.resolve(*e.Type, typeCtx{tolerant: g.tolerant})
		if t.problem != "" {
			continue
		}
		info.errors = append(info.errors, errorCase{code: e.Code, typ: t})
	}
}

// accept is the Accept header the spec documents for o's answers: the
// successful answer's media types, then the error answers' ones.
func accept(o *ir.Operation) string {
	var types []string
	add := func(mt string) {
		if mt != "" && !slices.Contains(types, mt) {
			types = append(types, mt)
		}
	}
	if r := o.Response; r != nil {
		for _, mt := range r.MediaTypes {
			add(mt)
		}
		if len(r.MediaTypes) == 0 {
			add(r.ContentType)
		}
	}
	if len(types) == 0 {
		// Nothing documented for success: leave the transport's default.
		return ""
	}
	for _, e := range o.Errors {
		add(e.ContentType)
	}
	return strings.Join(types, ", ")
}

// answerFields are the Request fields describing o's own server and its
// answers.
func (g *gen) answerFields(o *ir.Operation) []jen.Code {
	var out []jen.Code
	if len(o.Servers) > 0 {
		// The runtime uses it only as the caller allows (WithServer).
		out = append(out, jen.Id("Server").Op(":").Lit(o.Servers[0]))
	}
	// application/json alone is what transports send anyway.
	if a := accept(o); a != "" && a != "application/json" {
		out = append(out, jen.Id("Accept").Op(":").Lit(a))
	}
	cases := g.opInfo[o].errors
	if len(cases) == 0 {
		return out
	}
	items := make([]jen.Code, 0, len(cases))
	for _, c := range cases {
		items = append(items, jen.Values(jen.Dict{
			jen.Id("Code"):   jen.Lit(c.code),
			jen.Id("Decode"): jen.Qual(runtimePath, "DecodeError").Types(c.typ.code),
		}))
	}
	return append(out, jen.Id("Errors").Op(":").Index().Qual(runtimePath, "ErrorCase").Values(items...))
}
