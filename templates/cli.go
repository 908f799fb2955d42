package templates

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/dave/jennifer/jen"

	"github.com/apigen-dev/apigen/ir"
)

const (
	cobraPath = "github.com/spf13/cobra"
	// cliPath is the generated CLIs' runtime: flags, auth, printing.
	cliPath = runtimePath + "/cli"
)

// GenerateCLI turns api into a main package built on cobra that calls the
// package Generate writes (imported as opts.Import): one subcommand per
// operation, grouped by service or tag, flags from the parameters, over
// the family's transport (runtimes.go).
func GenerateCLI(api *ir.API, opts Options) ([]File, []ir.Diagnostic, error) {
	if api == nil {
		return nil, nil, errors.New("generate cli: no API")
	}
	if opts.Import == "" {
		return nil, nil, errors.New("generate cli: the import path of the generated package is unknown")
	}
	if opts.Package == "" {
		opts.Package = "api"
	}
	if opts.CLIName == "" {
		opts.CLIName = opts.Package
	}
	g := newGen(api, opts)
	if runtimeOf(api.Family).cli == nil {
		return nil, nil, fmt.Errorf("generate cli: the %s family's transport is not supported yet", api.Family)
	}
	if err := g.plan(); err != nil {
		return nil, nil, fmt.Errorf("generate cli: %w", err)
	}
	cmds, err := g.cliCommands()
	if err != nil {
		return nil, nil, fmt.Errorf("generate cli: %w", err)
	}
	main, err := g.cliMain()
	if err != nil {
		return nil, nil, fmt.Errorf("generate cli: %w", err)
	}
	ir.SortDiagnostics(g.diags)
	return []File{{Name: "commands.go", Content: cmds}, {Name: "main.go", Content: main}}, g.diags, nil
}

// cliFlagKind is how a parameter is read from the command line; the names
// are the kinds apiruntime/cli's Flag documents.
func cliFlagKind(t *goType) string {
	switch t.cat {
	case catString, catTime:
		return "string"
	case catInt:
		return "int"
	case catFloat:
		return "float"
	case catBool:
		return "bool"
	case catSlice:
		switch t.elem.cat {
		case catString:
			return "strings"
		case catInt:
			return "ints"
		case catFloat:
			return "floats"
		}
	}
	// Objects, maps, unions and lists of them: JSON, or @file.json.
	return "json"
}

// cliReserved are the flags every command has; a parameter of the same
// name gets a "-param" suffix.
var cliReserved = []string{"endpoint", "token", "api-key", "username", "password", "dry-run", "help", "access-key-id", "secret-access-key", "zone", "config", "time-stamp", "output",
	"account", "session", "access-key-secret", "user-source", "language", "wait", "wait-timeout", "poll-interval"}

// cliRootCommands are the commands apiruntime/cli and cobra put at the
// root; an ungrouped operation or a group of the same name gets an "-api"
// suffix (CloudTower's own login operation beside the CLI's login).
var cliRootCommands = []string{"login", "help", "completion", "man"}

// kebab spells a Go identifier the way command lines do: PetID → pet-id,
// XRequestID → x-request-id.
func kebab(id string) string {
	rs := []rune(id)
	var b strings.Builder
	for i, r := range rs {
		if i > 0 && unicode.IsUpper(r) {
			prev := rs[i-1]
			// A plural s ends an initialism (VMs) rather than starting a word.
			pluralS := i+1 < len(rs) && rs[i+1] == 's' && (i+2 == len(rs) || !unicode.IsLower(rs[i+2]))
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1]) && !pluralS
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || (unicode.IsUpper(prev) && nextLower) {
				b.WriteByte('-')
			}
		}
		if r == '_' {
			r = '-'
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// cliCommands emits commands.go: a constructor per operation and the tree
// of groups that roots them.
func (g *gen) cliCommands() ([]byte, error) {
	f := jen.NewFile("main")
	f.HeaderComment(headerLine)
	// The same name as in main.go, whatever the package is called.
	f.ImportAlias(g.opts.Import, "api")
	groups := map[string][]jen.Code{}
	for _, o := range g.ops {
		info := g.opInfo[o]
		ctor := "cmd" + info.method
		// The Client's group (a tag, a service, the path's resource, as
		// renamed in names:), so `zstack zones create-zone` calls what
		// client.Zones does; the command keeps the flat method's name,
		// which adding a call never changes.
		group := ""
		if gc := g.groupCalls[o]; gc != nil {
			group = kebab(gc.group.field)
			if slices.Contains(cliRootCommands, group) {
				group += "-api"
			}
		}
		use := kebab(info.method)
		if group == "" && slices.Contains(cliRootCommands, use) {
			use += "-api"
		}
		f.Add(g.cliCommand(o, ctor, use)).Line()
		groups[group] = append(groups[group], jen.Id(ctor).Call(jen.Id("client")))
	}
	names := make([]string, 0, len(groups))
	for n := range groups {
		names = append(names, n)
	}
	slices.Sort(names)
	var body []jen.Code
	for _, n := range names {
		// One command a line, so an operation added is a one-line diff.
		multi := jen.Options{Open: "(", Close: ")", Separator: ",", Multi: true}
		if n == "" {
			body = append(body, jen.Id("root").Dot("AddCommand").Custom(multi, groups[n]...))
			continue
		}
		body = append(body, jen.Id("root").Dot("AddCommand").Call(jen.Qual(cliPath, "Group").Custom(multi,
			append([]jen.Code{jen.Lit(n)}, groups[n]...)...)))
	}
	f.Comment("addCommands adds every operation's command to root, in its group; client builds")
	f.Comment("the API client from a command's flags.")
	f.Func().Id("addCommands").Params(jen.Id("root").Op("*").Qual(cobraPath, "Command"), g.cliClientParam()).Block(body...)
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// cliCommand emits the constructor of one operation's command.
func (g *gen) cliCommand(o *ir.Operation, ctor, use string) jen.Code {
	info := g.opInfo[o]
	short := firstSentence(helpText(cmpOr(o.Summary, o.Description)))
	if short == "" {
		short = fmt.Sprintf("%s %s", o.Method, o.Path)
	}
	long := strings.TrimSpace(helpText(cmpOr(o.Description, o.Summary)))
	if o.Method != "" {
		long = strings.TrimSpace(long + "\n\n" + o.Method + " " + o.Path)
	}
	if o.Since != "" {
		long += "\n\nSince: " + o.Since
	}
	if o.Deprecated {
		long += "\n\nDeprecated."
	}
	used := map[string]bool{}
	flagName := func(base string) string {
		n := base
		if slices.Contains(cliReserved, n) {
			n += "-param"
		}
		for i := 2; used[n]; i++ {
			n = fmt.Sprintf("%s-%d", base, i)
		}
		used[n] = true
		return n
	}
	var body []jen.Code
	body = append(body, jen.Id("cmd").Op(":=").Op("&").Qual(cobraPath, "Command").Values(jen.Dict{
		jen.Id("Use"):   jen.Lit(use),
		jen.Id("Short"): jen.Lit(short),
		jen.Id("Long"):  jen.Lit(long),
		jen.Id("Args"):  jen.Qual(cobraPath, "NoArgs"),
	}))
	var flags []jen.Code
	for _, pi := range info.fields {
		if pi.json == "-" {
			g.warn(o.Pos, "cli", "operation %q: parameter %q has no JSON name in its struct; the CLI leaves it out", o.Name, pi.p.Name)
			continue
		}
		name := flagName(kebab(pi.goName))
		kind := cliFlagKind(pi.typ)
		// pflag takes a `quoted` word of the usage for the value's name
		// ("--ending-before ending_before"); the docs' backquotes are code.
		usage := strings.ReplaceAll(strings.TrimSpace(firstSentence(helpText(pi.p.Description))), "`", "'")
		if pi.p.Default != "" {
			// The doc's default, which the server applies when the flag is
			// absent; the CLI sends nothing then.
			usage = strings.TrimSpace(usage + " (server default " + pi.p.Default + ")")
		}
		if kind == "json" {
			usage = strings.TrimSpace(usage + " (JSON, or @file.json)")
		}
		if pi.p.Since != "" {
			usage += " (since " + pi.p.Since + ")"
		}
		field, _, _ := strings.Cut(pi.json, ",")
		// What the transport fills (QingCloud's zone) is not the user's to give.
		required := pi.p.Required && !pi.p.TransportFills
		flags = append(flags, cliFlag(name, field, kind, usage, required, cliEnum(g, pi)))
	}
	bodyFlag := ""
	if info.body != "" {
		bodyFlag = flagName("body")
		usage := strings.TrimSpace(firstSentence(helpText(o.Body.Description)) + " (the request body: JSON, or @file.json)")
		flags = append(flags, cliFlag(bodyFlag, "", "json", usage, o.Body.Required, nil))
	}
	allFlag := ""
	if info.paging != nil && info.params != "" {
		allFlag = flagName("all")
		body = append(body, jen.Id("cmd").Dot("Flags").Call().Dot("Bool").Call(jen.Lit(allFlag), jen.False(), jen.Lit("follow the pages and print every item as one list")))
	}
	// One flag a line, so a parameter's change is a one-line diff.
	body = append(body, jen.Id("flags").Op(":=").Index().Qual(cliPath, "Flag").Custom(jen.Options{Open: "{", Close: "}", Separator: ",", Multi: true}, flags...))
	body = append(body, jen.Qual(cliPath, "AddFlags").Call(jen.Id("cmd"), jen.Id("flags")))

	var run []jen.Code
	args := []jen.Code{jen.Id("cmd").Dot("Context").Call()}
	if info.params != "" {
		run = append(run,
			jen.Var().Id("p").Qual(g.opts.Import, info.params),
			jen.If(jen.Err().Op(":=").Qual(cliPath, "BindParams").Call(jen.Id("cmd"), jen.Id("flags"), jen.Op("&").Id("p")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		)
		if bodyFlag != "" {
			run = append(run, jen.If(jen.Err().Op(":=").Qual(cliPath, "BindJSON").Call(jen.Id("cmd"), jen.Lit(bodyFlag), jen.Op("&").Id("p").Dot(info.body)), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())))
		}
		args = append(args, jen.Op("&").Id("p"))
	}
	if allFlag != "" {
		run = append(run, jen.If(jen.List(jen.Id("all"), jen.Id("_")).Op(":=").Id("cmd").Dot("Flags").Call().Dot("GetBool").Call(jen.Lit(allFlag)), jen.Id("all")).Block(
			jen.Return(jen.Qual(cliPath, "PrintAll").Call(jen.Id("cmd"), jen.Id("client").Call(jen.Id("cmd")).Dot(info.paging.method).Call(args...))),
		))
	}
	call := jen.Id("client").Call(jen.Id("cmd")).Dot(info.method).Call(args...)
	if info.andWait != "" {
		// --wait picks the AndWait method, which has the same signature.
		body = append(body, jen.Qual(cliPath, "WaitFlags").Call(jen.Id("cmd")))
		run = append(run,
			jen.Id("c").Op(":=").Id("client").Call(jen.Id("cmd")),
			jen.Id("call").Op(":=").Id("c").Dot(info.method),
			jen.If(jen.Qual(cliPath, "Waiting").Call(jen.Id("cmd"))).Block(jen.Id("call").Op("=").Id("c").Dot(info.andWait)),
		)
		call = jen.Id("call").Call(append(args, jen.Qual(cliPath, "WaitOptions").Call(jen.Id("cmd")).Op("..."))...)
	}
	if info.result != nil {
		run = append(run,
			jen.List(jen.Id("out"), jen.Err()).Op(":=").Add(call),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Qual(cliPath, "Failed").Call(jen.Err()))),
			jen.Return(jen.Qual(cliPath, "Print").Call(jen.Id("cmd"), jen.Id("out"))),
		)
	} else {
		run = append(run,
			jen.If(jen.Err().Op(":=").Add(call), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Qual(cliPath, "Failed").Call(jen.Err()))),
			jen.Return(jen.Nil()),
		)
	}
	body = append(body,
		jen.Id("cmd").Dot("RunE").Op("=").Func().Params(jen.Id("cmd").Op("*").Qual(cobraPath, "Command"), jen.Id("_").Index().String()).Error().Block(run...),
		jen.Return(jen.Id("cmd")),
	)
	return jen.Func().Id(ctor).Params(g.cliClientParam()).Op("*").Qual(cobraPath, "Command").Block(body...)
}

// cliClientParam is the parameter through which commands get the API
// client: built per command from its flags, so no state outlives a run.
func (g *gen) cliClientParam() jen.Code {
	return jen.Id("client").Func().Params(jen.Op("*").Qual(cobraPath, "Command")).Op("*").Qual(g.opts.Import, "Client")
}

// cliFlag is one apiruntime/cli.Flag literal on one line (a jen.Dict
// would take a line per field); zero fields are left out.
func cliFlag(name, field, kind, usage string, required bool, enum []string) jen.Code {
	kv := func(k string, v jen.Code) jen.Code { return jen.Id(k).Op(":").Add(v) }
	fields := []jen.Code{kv("Name", jen.Lit(name))}
	if field != "" {
		fields = append(fields, kv("Field", jen.Lit(field)))
	}
	fields = append(fields, kv("Kind", jen.Lit(kind)))
	if usage != "" {
		fields = append(fields, kv("Usage", jen.Lit(usage)))
	}
	if required {
		fields = append(fields, kv("Required", jen.True()))
	}
	if len(enum) > 0 {
		vals := make([]jen.Code, len(enum))
		for i, v := range enum {
			vals[i] = jen.Lit(v)
		}
		fields = append(fields, kv("Enum", jen.Index().String().Values(vals...)))
	}
	return jen.Values(fields...)
}

// cliEnum is the values shell completion offers for a parameter.
func cliEnum(g *gen, pi *paramInfo) []string {
	lits := pi.p.Enum
	enum := pi.enum
	if t := g.byName[pi.p.Type.Ref]; enum == nil && t != nil && t.Kind == ir.KindEnum {
		enum = t
	}
	if len(lits) == 0 && enum != nil {
		for _, v := range enum.Values {
			lits = append(lits, v.Value)
		}
	}
	vals := make([]string, len(lits))
	for i, l := range lits {
		// Values are JSON literals; a command line spells strings bare.
		vals[i] = l
		if u, err := strconv.Unquote(l); err == nil {
			vals[i] = u
		}
	}
	return vals
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// firstSentence is the first line of s, for one-line help.
func firstSentence(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

// cliMain emits main.go: what differs per API (its name, endpoint and
// auth) around apiruntime/cli, which holds the rest.
func (g *gen) cliMain() ([]byte, error) {
	name := g.opts.CLIName
	env := strings.ToUpper(strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return '_'
	}, name))
	endpoint := ""
	// A relative server ("/v2/api", CloudTower's) names no host to default to.
	if len(g.api.Servers) > 0 && strings.Contains(g.api.Servers[0], "://") {
		endpoint = g.api.Servers[0]
	}
	tr := runtimeOf(g.api.Family).cli(g)
	endpoint = cmpOr(endpoint, tr.endpoint)

	f := jen.NewFile("main")
	f.HeaderComment(headerLine)
	f.ImportAlias(g.opts.Import, "api")
	f.PackageComment(fmt.Sprintf("Command %s calls the API from a shell: one subcommand per operation,", strconv.Quote(name)))
	f.PackageComment("the answer on stdout as indented JSON (or -o yaml, -o table). Exit status: 0 ok, 1 API error,")
	f.PackageComment("2 usage error.")
	f.Func().Id("main").Params().Block(jen.Qual("os", "Exit").Call(jen.Id("run").Call(jen.Qual("os", "Args").Index(jen.Lit(1).Op(":")), jen.Qual("os", "Stdout"), jen.Qual("os", "Stderr"))))
	f.Line()
	f.Comment("run builds the command tree afresh and executes args; it returns the exit status.")
	cmd := jen.Id("cmd").Op("*").Qual(cobraPath, "Command")
	f.Func().Id("run").Params(jen.Id("args").Index().String(), jen.List(jen.Id("stdout"), jen.Id("stderr")).Qual("io", "Writer")).Int().Block(
		jen.Id("app").Op(":=").Qual(cliPath, "New").Call(jen.Qual(cliPath, "Config").Values(jen.Dict{
			jen.Id("Name"):      jen.Lit(name),
			jen.Id("Short"):     jen.Lit(firstSentence(helpText(cmpOr(g.api.Description, g.api.Name)))),
			jen.Id("EnvPrefix"): jen.Lit(env + "_"),
			jen.Id("Endpoint"):  jen.Lit(endpoint),
		})),
		jen.Id("transport").Op(":=").Add(tr.transport),
		jen.Id("addCommands").Call(jen.Id("app").Dot("Root"), jen.Func().Params(cmd).Op("*").Qual(g.opts.Import, "Client").Block(
			jen.Return(jen.Qual(g.opts.Import, "New").Call(jen.Id("transport").Call(jen.Id("cmd")))),
		)),
		jen.Return(jen.Id("app").Dot("Run").Call(jen.Id("args"), jen.Id("stdout"), jen.Id("stderr"))),
	)
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return nil, fmt.Errorf("main.go: %w", err)
	}
	return buf.Bytes(), nil
}
