package templates

import (
	"github.com/dave/jennifer/jen"

	"github.com/apigen-dev/apigen/ir"
)

// cliHTTPAuth is the generic transport of a CLI, with a secret flag for
// each security scheme the docs declare: bearer token, API key, basic
// user and password.
func (g *gen) cliHTTPAuth() jen.Code {
	d := jen.Dict{}
	apiKey := false
	for _, s := range g.api.Security {
		switch s.Kind {
		case ir.SecurityBearer, ir.SecurityOAuth2:
			d[jen.Id("Bearer")] = jen.True()
		case ir.SecurityAPIKey:
			// The first API key scheme the docs declare.
			if !apiKey {
				apiKey = true
				d[jen.Id("APIKeyIn")] = jen.Lit(s.In)
				d[jen.Id("APIKeyName")] = jen.Lit(s.Param)
			}
		case ir.SecurityBasic:
			d[jen.Id("Basic")] = jen.True()
		}
	}
	return jen.Qual(cliPath, "HTTP").Call(jen.Id("app"), jen.Qual(cliPath, "HTTPAuth").Values(d))
}
