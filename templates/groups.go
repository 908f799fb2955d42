package templates

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/apigen-dev/apigen/ir"
	"github.com/dave/jennifer/jen"
)

// groupNamePrefix marks a group's name in Options.Names ("group:pets"): a
// tag is often spelled like a type (CloudTower's tag Vm and type Vm), and
// renaming one must not rename the other.
const groupNamePrefix = "group:"

// callGroup is one group of calls reachable from the Client as a field
// (client.Pets.List), the same group the calls' file is named after (see
// groupSource).
type callGroup struct {
	// source is the docs' name of the group (a tag, a service, a path's
	// resource); the smallest when names that read alike were merged.
	source string
	// field is the Client's field, typ the field's type.
	field, typ string
	ops        []*ir.Operation
}

// groupCall is one call's method in its group: each forwards to the
// Client's method of the same call, so validation, waits and paging stay
// where they are.
type groupCall struct {
	group *callGroup
	// method, andWait and all name the group's methods forwarding to the
	// Client's method, its AndWait and its iterator ("" when it has none).
	method, andWait, all string
}

// planGroups gathers the calls by group and names the groups and their
// methods. It runs last in plan, so no name given before depends on it.
func (g *gen) planGroups() error {
	byStem := map[string]*callGroup{}
	for _, o := range g.ops {
		src := groupSource(o)
		if src == "" {
			continue
		}
		// Names that read alike ("Security-Group", "security_group") share
		// a file, and so a group.
		stem := fileStem(src)
		cg := byStem[stem]
		if cg == nil {
			cg = &callGroup{source: src}
			byStem[stem] = cg
			g.groups = append(g.groups, cg)
		}
		cg.source = min(cg.source, src)
		cg.ops = append(cg.ops, o)
	}
	// A group that is one call named like it (a path /login) would only
	// spell the call twice: client.Login.Login.
	g.groups = slices.DeleteFunc(g.groups, func(cg *callGroup) bool {
		return len(cg.ops) == 1 && goName(cg.source, "Group") == g.opInfo[cg.ops[0]].method
	})
	slices.SortFunc(g.groups, func(a, b *callGroup) int { return cmp.Compare(a.source, b.source) })

	fields := make([]claim, len(g.groups))
	types := make([]claim, len(g.groups))
	for i, cg := range g.groups {
		base := goName(cg.source, "Group")
		n, ok, err := g.override(groupNamePrefix + cg.source)
		if err != nil {
			return err
		}
		if ok {
			base = n
		}
		// The field shares the Client's method names: Go refuses a field
		// and a method of one name.
		fields[i] = claim{base: base, alts: []string{base + "Group"}, fixed: ok}
		types[i] = claim{base: base + "Group", alts: []string{base + "Calls"}}
	}
	fnames, err := g.methods.assign(fields)
	if err != nil {
		return fmt.Errorf("group names: %w", err)
	}
	tnames, _ := g.pkg.assign(types)
	g.groupCalls = map[*ir.Operation]*groupCall{}
	for i, cg := range g.groups {
		cg.field, cg.typ = fnames[i], tnames[i]
		g.nameGroupCalls(cg)
	}
	return nil
}

// nameGroupCalls names the methods of one group: a call's method without
// the group's noun (ListPets → Pets.List) unless that leaves nothing or
// gives two calls one name, when both keep the Client's name (GetVm and
// GetVms in group Vm stay apart, neither taking Get, so adding a call
// never silently changes what an existing name calls). The registry
// settles what is left, as it does for types.
func (g *gen) nameGroupCalls(cg *callGroup) {
	noun := splitWords(cg.source)
	want := make([]string, len(cg.ops))
	count := map[string]int{}
	for i, o := range cg.ops {
		flat := g.opInfo[o].method
		// Words from the docs' name: the Go name has lost where
		// initialisms meet (GetVmGpuInfo → GetVMGPUInfo).
		words := splitWords(o.Name)
		if _, renamed := g.opts.Names[o.Name]; renamed {
			words = splitWords(flat)
		}
		want[i] = dropNoun(words, noun)
		if want[i] == "" {
			want[i] = flat
		}
		count[want[i]]++
	}
	claims := make([]claim, len(cg.ops))
	for i, o := range cg.ops {
		flat := g.opInfo[o].method
		if count[want[i]] > 1 {
			want[i] = flat
		}
		claims[i] = claim{base: want[i], alts: []string{flat}}
	}
	reg := newRegistry(stdMethods...)
	names, _ := reg.assign(claims)
	for i, o := range cg.ops {
		info := g.opInfo[o]
		gc := &groupCall{group: cg, method: names[i]}
		if info.andWait != "" {
			gc.andWait = reg.take(gc.method+"AndWait", info.andWait)
		}
		if info.paging != nil {
			gc.all = reg.take(gc.method+"All", info.paging.method)
		}
		g.groupCalls[o] = gc
	}
}

// dropNoun is the Go name of words without their first run that spells
// noun, singular or plural (Get Vms, group Vm → Get; Upload Pet Photo,
// group pets → UploadPhoto), or "" when no run does or what is left does
// not start with a letter.
func dropNoun(words, noun []string) string {
	for i := 0; len(noun) > 0 && i+len(noun) <= len(words); i++ {
		match := true
		for j, n := range noun {
			if !sameNoun(words[i+j], n) {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		var b strings.Builder
		for _, w := range slices.Concat(words[:i], words[i+len(noun):]) {
			b.WriteString(titleWord(w))
		}
		rest := b.String()
		if r, _ := utf8.DecodeRuneInString(rest); r > unicode.MaxASCII || !unicode.IsUpper(r) {
			return ""
		}
		return capIdent(rest, maxIdent)
	}
	return ""
}

// sameNoun reports whether two words are one noun, either in the plural
// (vm, VMs; policy, policies; address, addresses). A one-letter word is
// only itself: a tag "a" does not make "As" its plural.
func sameNoun(a, b string) bool {
	a, b = strings.ToLower(a), strings.ToLower(b)
	if len(a) > len(b) {
		a, b = b, a
	}
	switch {
	case a == b:
		return true
	case len(a) < 2:
		return false
	case b == a+"s", b == a+"es":
		return true
	case strings.HasSuffix(a, "y") && b == a[:len(a)-1]+"ies":
		return true
	}
	return false
}

// clientGroups are the groups the Client has fields for: none unless
// Options.Groups (the groups are planned anyway: the CLI's commands use
// them).
func (g *gen) clientGroups() []*callGroup {
	if !g.opts.Groups {
		return nil
	}
	return g.groups
}

// groupsDoc tells, in the Client's comment, how its fields group the calls,
// with the first call whose name changes as the example.
func (g *gen) groupsDoc(d *doc) {
	if len(g.clientGroups()) == 0 {
		return
	}
	cg, o := g.groups[0], g.groups[0].ops[0]
	for _, c := range g.groups {
		if i := slices.IndexFunc(c.ops, func(o *ir.Operation) bool { return g.groupCalls[o].method != g.opInfo[o].method }); i >= 0 {
			cg, o = c, c.ops[i]
			break
		}
	}
	d.para()
	d.addf("The fields group the same calls as the docs do (tags, services, resources): client.",
		cg.field, ".", g.groupCalls[o].method, " is client.", g.opInfo[o].method, ".")
}

// groupFields are the Client's fields holding its groups.
func (g *gen) groupFields() []jen.Code {
	var out []jen.Code
	for _, cg := range g.clientGroups() {
		out = append(out, jen.Id(cg.field).Id(cg.typ))
	}
	return out
}

// newClient is New's body: the Client, with each group pointing back at it.
func (g *gen) newClient() []jen.Code {
	if len(g.clientGroups()) == 0 {
		return []jen.Code{jen.Return(jen.Op("&").Id("Client").Values(jen.Dict{jen.Id("t"): jen.Id("t")}))}
	}
	out := []jen.Code{jen.Id("c").Op(":=").Op("&").Id("Client").Values(jen.Dict{jen.Id("t"): jen.Id("t")})}
	for _, cg := range g.clientGroups() {
		out = append(out, jen.Id("c").Dot(cg.field).Op("=").Id(cg.typ).Values(jen.Id("c")))
	}
	return append(out, jen.Return(jen.Id("c")))
}

// groupDecl emits a group's type; its methods sit beside the Client's
// (see groupMethods).
func (g *gen) groupDecl(cg *callGroup) *decl {
	d := &decl{key: cg.typ}
	var dc doc
	dc.addf(cg.typ, " holds the calls of group ", quote(cg.source), ", as Client.", cg.field,
		": each method is the Client's method its comment names, with the same parameters, checks and answer.")
	d.add(dc.code()...)
	d.add(jen.Type().Id(cg.typ).Struct(jen.Id("c").Op("*").Id("Client")), jen.Line())
	return d
}

// groupMethods adds to d the group's methods forwarding to o's method, its
// AndWait and its iterator. Their receiver is a pointer: for a value
// receiver the compiler adds a pointer wrapper to every method, which
// doubled what groups cost to compile (CloudTower 4.6.0, median of 7
// builds: +19% peak memory with values, +8.5% with pointers).
func (g *gen) groupMethods(d *decl, o *ir.Operation) {
	if !g.opts.Groups {
		return
	}
	gc := g.groupCalls[o]
	if gc == nil {
		return
	}
	info := g.opInfo[o]
	params, results := g.callSignature(o)
	// Where the call goes, so a group's methods read as its endpoints.
	where := ""
	switch {
	case o.Action != "":
		where = " (action " + o.Action + ")"
	case o.Method != "" || o.Path != "":
		where = " (" + strings.ToUpper(o.Method) + " " + o.Path + ")"
	}
	forward := func(name, target string, params, results []jen.Code) {
		args := []jen.Code{jen.Id("ctx")}
		if info.params != "" {
			args = append(args, jen.Id("p"))
		}
		args = append(args, jen.Id("opts").Op("..."))
		var dc doc
		dc.addf(name, " is Client.", target, where, ".")
		if o.Deprecated {
			dc.deprecated("operation")
		}
		d.add(dc.code()...)
		d.add(jen.Func().Params(jen.Id("g").Op("*").Id(gc.group.typ)).Id(name).Params(params...).Params(results...).Block(
			jen.Return(jen.Id("g").Dot("c").Dot(target).Call(args...)),
		), jen.Line())
		d.lines += 5
	}
	forward(gc.method, info.method, params, results)
	if gc.andWait != "" {
		forward(gc.andWait, info.andWait, params, results)
	}
	if gc.all != "" {
		params, results := g.iterSignature(o)
		forward(gc.all, info.paging.method, params, results)
	}
}
