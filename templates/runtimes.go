package templates

import (
	"strconv"

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

// cliTransport is what a family adds to the generated CLI's main.go.
type cliTransport struct {
	// imports are import lines beside main.go's own.
	imports string
	// client declares the auth flags and sets client (see cli_main.go).
	client string
	// helpers are functions appended to main.go.
	helpers string
	// endpoint is the default endpoint when the docs name no server.
	endpoint string
}

func runtimeOf(f ir.Family) familyRuntime {
	switch f {
	case ir.FamilyZStack, ir.FamilyCloudTower:
		// Their transports log in (and ZStack's polls jobs) in ways a
		// CLI with the generic transport's auth flags would get wrong.
		return familyRuntime{path: runtimePath + "/" + string(f)}
	case ir.FamilyQingCloud:
		path := runtimePath + "/qingcloud"
		return familyRuntime{path: path, cli: func(*gen) cliTransport {
			return cliTransport{
				imports:  "\"cmp\"\n\t\"path/filepath\"\n\t\"time\"\n\t" + strconv.Quote(path),
				client:   cliQingCloudClient,
				helpers:  cliQingCloudHelpers,
				endpoint: "https://api.qingcloud.com/iaas/",
			}
		}}
	}
	return familyRuntime{path: runtimePath, constructor: "NewHTTP", cli: func(g *gen) cliTransport {
		return cliTransport{client: g.cliGenericClient()}
	}}
}
