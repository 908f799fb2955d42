package qingcloud

import (
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/apigen-dev/apigen/ir"
)

// specReader turns one file of a specSet into IR.
type specReader struct {
	set   *specSet
	f     *specFile
	types *typeSet
	diags []ir.Diagnostic
}

// parseSpec reads one loaded spec file: the root gives the API's name,
// servers and inline paths; an actions file its operations; a definitions
// file its types; a parameters file nothing of its own.
func (s *specSet) parseSpec(f *specFile) (*ir.API, []ir.Diagnostic) {
	r := &specReader{set: s, f: f, types: &typeSet{}}
	api := &ir.API{Family: ir.FamilyQingCloud, Security: []ir.Security{{Name: "signature", Kind: ir.SecuritySignature}}}
	switch f.kind {
	case specRoot:
		r.root(api)
	case specOps:
		for i, k := range f.doc.keys {
			api.Operations = append(api.Operations, r.pathItem(k, f.doc.vals[i], f.doc.koffs[i], true, path.Base(strings.TrimSuffix(f.key, ".json")))...)
		}
	case specDefs:
		for i, k := range f.doc.keys {
			r.definition(camel(k), f.doc.vals[i], f.doc.koffs[i])
		}
	case specParams:
	default:
		r.warn(f.doc.off, "unknown-spec", "JSON file is neither a swagger spec nor a file of actions, definitions or parameters; ignored")
	}
	api.Types = r.types.types
	r.diags = append(r.diags, r.types.diags...)
	api.Sort()
	return api, r.diags
}

func (r *specReader) warn(off int, kind, format string, args ...any) {
	r.diags = append(r.diags, ir.Warnf(r.f.pos(off), kind, format, args...))
}

// root reads the API's metadata, its inline paths and definitions, and
// checks that every file its $refs name is among the inputs (one warning per
// missing file: the rest of the spec is still usable).
func (r *specReader) root(api *ir.API) {
	doc := r.f.doc
	info := doc.get("info")
	api.Name = info.get("title").text()
	api.Version = info.get("version").text()
	api.Description = info.get("description").text()
	if host := doc.get("host").text(); host != "" {
		scheme := "https"
		if ss := doc.get("schemes"); ss != nil && ss.kind == 'a' && len(ss.elems) > 0 {
			scheme = ss.elems[0].text()
			for _, e := range ss.elems {
				if e.text() == "https" {
					scheme = "https"
				}
			}
		}
		api.Servers = []string{scheme + "://" + host}
	}
	if bp := doc.get("basePath"); bp.text() != "" {
		if err := ir.CheckPath(bp.text()); err != nil {
			r.diags = append(r.diags, ir.PathError(r.f.pos(doc.keyOff("basePath")), "basePath", bp.text(), err))
		}
	}
	missing := map[string]bool{}
	checkRef := func(ref string, off int) bool {
		file, _, _ := strings.Cut(ref, "#")
		if file == "" {
			return true
		}
		if r.set.lookup(path.Join(path.Dir(r.f.key), file)) != nil {
			return true
		}
		if !missing[file] {
			missing[file] = true
			r.warn(off, "unresolved-ref", "%s is not among the inputs; what the spec takes from it is skipped", file)
		}
		return false
	}
	paths := doc.get("paths")
	if paths != nil {
		for i, p := range paths.keys {
			item := paths.vals[i]
			if ref := item.get("$ref").text(); ref != "" {
				checkRef(ref, item.keyOff("$ref")) // the actions file yields the operation
				continue
			}
			act := actionPath.MatchString(p)
			name := p
			if act {
				name = strings.TrimPrefix(p, "/")
			}
			api.Operations = append(api.Operations, r.pathItem(name, item, paths.koffs[i], act, "")...)
		}
	}
	for _, sec := range []string{"parameters", "definitions"} {
		n := doc.get(sec)
		if n == nil {
			continue
		}
		for i, k := range n.keys {
			v := n.vals[i]
			if ref := v.get("$ref").text(); ref != "" {
				checkRef(ref, v.keyOff("$ref"))
				continue
			}
			if sec == "definitions" {
				r.definition(camel(k), v, n.koffs[i])
			}
		}
	}
}

// actionPath is a root path naming an action: "/RunInstances".
var actionPath = regexp.MustCompile(`^/[A-Z][A-Za-z0-9]*$`)

// basePath is the endpoint path actions go to: the root's basePath, or
// QingCloud's "/iaas/" when no root is among the inputs.
func (r *specReader) basePath() string {
	if root := r.set.rootFor(r.f); root != nil {
		if bp := root.doc.get("basePath").text(); bp != "" {
			return strings.TrimSuffix(bp, "/") + "/"
		}
	}
	return defaultPath
}

// pathItem reads one path item into operations, one per method. Action
// items (a fragment's keys, or "/RunInstances" at the root) are GET
// <basePath> with action=<name>, and their `in: body` parameter is the
// query string; other items keep their method, path and locations.
func (r *specReader) pathItem(key string, item *jnode, off int, action bool, service string) []*ir.Operation {
	var ops []*ir.Operation
	if item.kind != 'o' {
		r.warn(off, "bad-spec", "path item %q is not an object; skipped", key)
		return nil
	}
	shared := item.get("parameters")
	unnamed := false
	for _, m := range httpMethods {
		o := item.get(m)
		if o == nil {
			continue
		}
		op := &ir.Operation{Auth: true, Pos: r.f.pos(item.keyOff(m))}
		if action {
			op.Pos = r.f.pos(off)
		}
		id := o.get("operationId").text()
		switch {
		case action && isAction(id):
			op.Name, op.Action = id, id
		case action:
			op.Name, op.Action = key, key
		case id != "":
			op.Name = id
		default:
			op.Name = strings.ToUpper(m) + " " + key
		}
		if strings.TrimSpace(op.Name) == "" {
			// An actions file keyed "": no action to call.
			if !unnamed {
				r.warn(off, "bad-spec", "path item %q names no action; skipped", key)
			}
			unnamed = true
			continue
		}
		if action {
			op.Method, op.Path = "GET", r.basePath()
		} else {
			op.Method, op.Path = strings.ToUpper(m), strings.TrimSuffix(r.basePathREST(), "/")+key
		}
		if err := ir.CheckPath(op.Path); err != nil {
			// A bad basePath is reported once, where the root spec says it.
			if ir.CheckPath(r.basePath()) == nil {
				r.diags = append(r.diags, ir.PathError(op.Pos, fmt.Sprintf("operation %q: path", op.Name), op.Path, err))
			}
			unnamed = true // reported: no "has no operation" warning
			continue
		}
		op.Service = service
		if tags := o.get("tags"); tags != nil && len(tags.elems) > 0 && op.Service == "" {
			op.Service = snake(camel(tags.elems[0].text()))
		}
		if s := o.get("summary").text(); s != op.Name {
			op.Summary = s
		}
		op.Description = o.get("description").text()
		op.Deprecated = o.get("deprecated") != nil && o.get("deprecated").bool
		r.params(op, o.get("parameters"), action)
		r.params(op, shared, action)
		if action {
			addZone(op, op.Pos)
		}
		r.response(op, o.get("responses"))
		ops = append(ops, op)
	}
	if len(ops) == 0 && !unnamed {
		r.warn(off, "bad-spec", "path item %q has no operation; skipped", key)
	}
	return ops
}

// basePathREST is the root's basePath for resource-style paths ("" if none).
func (r *specReader) basePathREST() string {
	if root := r.set.rootFor(r.f); root != nil {
		return root.doc.get("basePath").text()
	}
	return ""
}

// params reads a parameters list. Path-level parameters come after the
// operation's and never replace one of the same name.
func (r *specReader) params(op *ir.Operation, list *jnode, action bool) {
	if list == nil || list.kind != 'a' {
		return
	}
	for _, p := range list.elems {
		f, n := r.f, p
		if ref := p.get("$ref").text(); ref != "" {
			var err error
			if f, n, err = r.set.resolve(r.f, ref); err != nil {
				r.warn(p.off, "unresolved-ref", "parameter %s: %v; skipped", ref, err)
				continue
			}
		}
		sub := &specReader{set: r.set, f: f, types: r.types}
		in := n.get("in").text()
		if in == "body" {
			if action {
				sub.bodyAsQuery(op, n)
			} else {
				sub.body(op, n)
			}
			r.diags = append(r.diags, sub.diags...)
			continue
		}
		name := n.get("name").text()
		if op.Param(name) != nil {
			continue
		}
		param := &ir.Param{
			Name:        name,
			In:          location(in, action),
			Required:    n.get("required") != nil && n.get("required").bool,
			Description: n.get("description").text(),
			Pos:         f.pos(n.off),
		}
		param.Type = sub.schemaType(n, op.Name+camel(singular(name)), n.off)
		sub.constraints(n, &param.Default, &param.Enum, &param.Nullable)
		if action && param.Type.Kind == ir.KindList {
			param.Style = ir.StyleDotted
		}
		r.diags = append(r.diags, sub.diags...)
		op.Params = append(op.Params, param)
	}
}

// location maps swagger's "in"; action parameters all travel in the query.
func location(in string, action bool) ir.Location {
	switch in {
	case "header":
		return ir.InHeader
	case "path":
		return ir.InPath
	case "formData":
		if action {
			return ir.InQuery
		}
		return ir.InForm
	}
	return ir.InQuery
}

// bodyAsQuery is QingCloud's quirk: an action's query parameters written as
// the properties of one `in: body` object schema. Each property becomes a
// query parameter; lists go dotted (vxnets.1, rules.1.protocol).
func (r *specReader) bodyAsQuery(op *ir.Operation, p *jnode) {
	schema := p.get("schema")
	if ref := schema.get("$ref").text(); ref != "" {
		f, n, err := r.set.resolve(r.f, ref)
		if err != nil {
			r.warn(schema.off, "unresolved-ref", "body schema %s: %v; parameters skipped", ref, err)
			return
		}
		outer, sub := r, &specReader{set: r.set, f: f, types: r.types}
		defer func() { outer.diags = append(outer.diags, sub.diags...) }()
		r, schema = sub, n
	}
	props := schema.get("properties")
	if props == nil || props.kind != 'o' {
		if schema != nil && len(schema.keys) > 0 {
			r.warn(schema.off, "bad-spec", "%s: body parameter is not an object with properties; no query parameters read", op.Name)
		}
		return
	}
	req := stringSet(schema.get("required"))
	for i, name := range props.keys {
		v := props.vals[i]
		if op.Param(name) != nil {
			continue
		}
		param := &ir.Param{
			Name:        name,
			In:          ir.InQuery,
			Required:    req[name],
			Description: v.get("description").text(),
			Pos:         r.f.pos(props.koffs[i]),
		}
		param.Type = r.schemaType(v, op.Name+camel(singular(name)), v.off)
		r.constraints(v, &param.Default, &param.Enum, &param.Nullable)
		if param.Type.Kind == ir.KindList || param.Type.Kind == ir.KindRef {
			param.Style = ir.StyleDotted
		}
		op.Params = append(op.Params, param)
	}
}

// body reads a resource-style operation's real JSON body.
func (r *specReader) body(op *ir.Operation, p *jnode) {
	schema := p.get("schema")
	if schema == nil {
		r.warn(p.off, "bad-spec", "%s: body parameter without schema; ignored", op.Name)
		return
	}
	op.Body = &ir.Body{
		Type:        r.schemaType(schema, op.Name+"Request", schema.off),
		ContentType: "application/json",
		Required:    p.get("required") != nil && p.get("required").bool,
		Description: p.get("description").text(),
	}
}

// response reads the 200 (else first 2xx, else default) response.
func (r *specReader) response(op *ir.Operation, rs *jnode) {
	if rs == nil || rs.kind != 'o' {
		return
	}
	code := ""
	for _, k := range rs.keys {
		if k == "200" {
			code = k
			break
		}
		if code == "" && strings.HasPrefix(k, "2") {
			code = k
		}
	}
	if code == "" && rs.get("default") != nil {
		code = "default"
	}
	if code == "" {
		return
	}
	resp := rs.get(code)
	op.Response = &ir.Response{Description: resp.get("description").text()}
	if code != "default" {
		op.Response.Status = atoiOr(code, 200)
	}
	schema := resp.get("schema")
	if schema == nil {
		return
	}
	op.Response.ContentType = "application/json"
	t := r.schemaType(schema, op.Name+"Response", schema.off)
	op.Response.Type = &t
	if t.Kind == ir.KindRef {
		if st := r.types.get(t.Ref); st != nil {
			op.Async = st.Field("job_id") != nil
			op.Paging = paging(op, st)
		}
	}
}

// definition declares a named type from a schema.
func (r *specReader) definition(name string, s *jnode, off int) {
	if s.kind != 'o' {
		r.warn(off, "bad-spec", "definition %q is not a schema; skipped", name)
		return
	}
	if isStructSchema(s) {
		r.structType(name, s, off)
		return
	}
	t := &ir.Type{Name: name, Description: s.get("description").text(), Pos: r.f.pos(off)}
	if e := s.get("enum"); e != nil && e.kind == 'a' {
		t.Kind = ir.KindEnum
		t.Base = r.schemaType(s, name, off).Kind
		for _, v := range e.elems {
			if lit := v.literal(); lit != "" {
				t.Values = append(t.Values, ir.EnumValue{Value: lit})
			}
		}
	} else {
		t.Kind = ir.KindAlias
		a := r.schemaType(s, name+"Item", off)
		t.Alias = &a
	}
	r.types.add(t)
}

func isStructSchema(s *jnode) bool {
	props := s.get("properties")
	return s.get("$ref") == nil && (s.get("type").text() == "object" || props != nil) && props != nil && len(props.keys) > 0
}

// structType declares a struct from an object schema's properties.
func (r *specReader) structType(name string, s *jnode, off int) *ir.Type {
	t := &ir.Type{Name: name, Kind: ir.KindStruct, Description: s.get("description").text(), Pos: r.f.pos(off)}
	req := stringSet(s.get("required"))
	props := s.get("properties")
	// Register first so a property that refers back to name finds it.
	t = r.types.add(t)
	for i, k := range props.keys {
		v := props.vals[i]
		f := &ir.Field{
			Name:        k,
			Required:    req[k],
			Description: v.get("description").text(),
			ReadOnly:    v.get("readOnly") != nil && v.get("readOnly").bool,
			Pos:         r.f.pos(props.koffs[i]),
		}
		f.Type = r.schemaType(v, elementName(k), v.off)
		r.constraints(v, &f.Default, &f.Enum, &f.Nullable)
		if t.Field(k) == nil {
			t.Fields = append(t.Fields, f)
		}
	}
	if ap := s.get("additionalProperties"); ap != nil && ap.kind == 'o' {
		a := r.schemaType(ap, name+"Value", ap.off)
		t.AdditionalProperties = &a
	}
	return t
}

// schemaType types a schema; inline objects with properties become structs
// named hint. QingCloud's format date-time-rfc822 is a time in RFC 822.
func (r *specReader) schemaType(s *jnode, hint string, off int) ir.TypeRef {
	if s == nil || s.kind != 'o' {
		return ir.Prim(ir.KindAny, "")
	}
	if ref := s.get("$ref").text(); ref != "" {
		if strings.Contains(ref, "/parameters/") {
			r.warn(s.off, "bad-spec", "schema $ref %q points at a parameter; kept as raw JSON", ref)
			return ir.Prim(ir.KindRaw, "")
		}
		return ir.Ref(refTypeName(ref))
	}
	typ := s.get("type").text()
	format := s.get("format").text()
	switch typ {
	case "array":
		items := s.get("items")
		if items == nil {
			return ir.ListOf(ir.Prim(ir.KindAny, ""))
		}
		return ir.ListOf(r.schemaType(items, singular(hint), items.off))
	case "object", "":
		if isStructSchema(s) {
			return ir.Ref(r.structType(hint, s, off).Name)
		}
		if typ == "" {
			if e := s.get("enum"); e != nil && len(e.elems) > 0 {
				return enumKind(e.elems[0])
			}
			return ir.Prim(ir.KindAny, "")
		}
		if ap := s.get("additionalProperties"); ap != nil && ap.kind == 'o' {
			return ir.MapOf(r.schemaType(ap, hint+"Value", ap.off))
		}
		return ir.MapOf(ir.Prim(ir.KindAny, ""))
	case "string":
		switch format {
		case "date-time":
			return ir.Prim(ir.KindTime, "date-time")
		case "date-time-rfc822":
			return ir.Prim(ir.KindTime, "rfc822")
		case "date":
			return ir.Prim(ir.KindTime, "date")
		case "binary":
			return ir.Prim(ir.KindBinary, "")
		}
		return ir.Prim(ir.KindString, format)
	case "integer":
		return ir.Prim(ir.KindInteger, format)
	case "number":
		return ir.Prim(ir.KindNumber, format)
	case "boolean":
		return ir.Prim(ir.KindBoolean, "")
	case "file":
		return ir.Prim(ir.KindBinary, "")
	}
	r.warn(s.off, "untyped-schema", "unknown schema type %q; kept as raw JSON", typ)
	return ir.Prim(ir.KindRaw, "")
}

func enumKind(v *jnode) ir.TypeRef {
	switch v.kind {
	case 's':
		return ir.Prim(ir.KindString, "")
	case 'n':
		if strings.ContainsAny(v.str, ".eE") {
			return ir.Prim(ir.KindNumber, "")
		}
		return ir.Prim(ir.KindInteger, "")
	case 'b':
		return ir.Prim(ir.KindBoolean, "")
	}
	return ir.Prim(ir.KindAny, "")
}

// constraints copies default, enum and nullable. A null default (QingCloud
// writes "default": null beside "nullable": true) is no default.
func (r *specReader) constraints(s *jnode, def *string, enum *[]string, nullable *bool) {
	if d := s.get("default"); d != nil {
		*def = d.literal()
	}
	if e := s.get("enum"); e != nil && e.kind == 'a' {
		for _, v := range e.elems {
			if lit := v.literal(); lit != "" && !contains(*enum, lit) {
				*enum = append(*enum, lit)
			}
		}
	}
	if n := s.get("nullable"); n != nil && n.bool {
		*nullable = true
	}
	if n := s.get("x-nullable"); n != nil && n.bool {
		*nullable = true
	}
}

func stringSet(n *jnode) map[string]bool {
	m := map[string]bool{}
	if n != nil {
		for _, e := range n.elems {
			m[e.text()] = true
		}
	}
	return m
}

func atoiOr(s string, def int) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return def
		}
		n = n*10 + int(c-'0')
	}
	return n
}
