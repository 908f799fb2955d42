package templates

import (
	"github.com/dave/jennifer/jen"

	"github.com/apigen-dev/apigen/ir"
)

// familyRuntime is the runtime package a family's generated code is used
// with. runtimeOf is the one place in templates where a family name
// decides anything: which transport package the docs point to and how the
// generated CLI builds its client. Everything else comes from IR facts.
type familyRuntime struct {
	// path is the import path of the package whose transport the Client
	// is created over; constructor names its function when it is not New.
	path, constructor string
	// cli is the generated CLI's part that builds the client; nil when
	// the family's transport is not wired into the CLI.
	cli func(g *gen) cliTransport
}

// cliTransport is what a family puts in the generated CLI's main.go.
type cliTransport struct {
	// transport is an expression over app (an *apiruntime/cli.App) whose
	// value builds the family's transport from a command's flags.
	transport jen.Code
	// endpoint is the default endpoint when the docs name no server.
	endpoint string
}

func runtimeOf(f ir.Family) familyRuntime {
	switch f {
	case ir.FamilyZStack:
		return familyRuntime{path: runtimePath + "/zstack", cli: func(*gen) cliTransport {
			// zstack-cli's default: a management node's API port on this host.
			return cliTransport{transport: jen.Qual(cliPath, "ZStack").Call(jen.Id("app")), endpoint: "http://localhost:8080"}
		}}
	case ir.FamilyCloudTower:
		// No default endpoint: every tower is the user's own.
		return familyRuntime{path: runtimePath + "/cloudtower", cli: func(*gen) cliTransport {
			return cliTransport{transport: jen.Qual(cliPath, "CloudTower").Call(jen.Id("app"))}
		}}
	case ir.FamilyQingCloud:
		return familyRuntime{path: runtimePath + "/qingcloud", cli: func(*gen) cliTransport {
			return cliTransport{
				transport: jen.Qual(cliPath, "QingCloud").Call(jen.Id("app")),
				endpoint:  "https://api.qingcloud.com/iaas/",
			}
		}}
	}
	return familyRuntime{path: runtimePath, constructor: "NewHTTP", cli: func(g *gen) cliTransport {
		return cliTransport{transport: g.cliHTTPAuth()}
	}}
}
