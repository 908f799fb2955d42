package templates

import (
	"github.com/apigen-dev/apigen/ir"
	"github.com/dave/jennifer/jen"
)

// callSignature is the parameter and result lists of o's method, which
// its AndWait and its group's method (groups.go) declare too: ctx, the
// param struct when the call takes parameters, and call options; the
// answer, when the call has one, and an error.
func (g *gen) callSignature(o *ir.Operation) (params, results []jen.Code) {
	info := g.opInfo[o]
	params = []jen.Code{jen.Id("ctx").Qual("context", "Context")}
	if info.params != "" {
		params = append(params, jen.Id("p").Op("*").Id(info.params))
	}
	params = append(params, jen.Id("opts").Op("...").Qual(runtimePath, "CallOption"))
	if info.result == nil {
		return params, []jen.Code{jen.Error()}
	}
	return params, []jen.Code{info.result.code(), jen.Error()}
}

// iterSignature is the parameter and result lists of o's iterator (<Op>All).
func (g *gen) iterSignature(o *ir.Operation) (params, results []jen.Code) {
	info := g.opInfo[o]
	params = []jen.Code{jen.Id("ctx").Qual("context", "Context"), jen.Id("p").Op("*").Id(info.params), jen.Id("opts").Op("...").Qual(runtimePath, "CallOption")}
	return params, []jen.Code{jen.Qual("iter", "Seq2").Types(info.paging.elem.code, jen.Error())}
}
