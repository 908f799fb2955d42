package openapi

import (
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apigen-dev/apigen/ir"
)

// methodOrder is the order the methods of one path are visited in, which
// decides the suffix of a clashing operation name.
var methodOrder = []string{"GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE", "CONNECT", "QUERY"}

// operations converts every operation, paths in sorted order.
func (p *parser) operations() {
	if p.doc.Paths == nil {
		return
	}
	items := p.doc.Paths.Map()
	paths := make([]string, 0, len(items))
	for path := range items {
		paths = append(paths, path)
	}
	slices.Sort(paths)
	opNames := nameSet{}
	for _, path := range paths {
		item := items[path]
		if item == nil {
			continue
		}
		at := p.root.at("paths", path)
		if err := ir.CheckPath(path); err != nil {
			p.diags = append(p.diags, ir.PathError(at.pos, "path", path, err))
			continue
		}
		ops := item.Operations()
		methods := make([]string, 0, len(ops))
		for m := range ops {
			methods = append(methods, m)
		}
		slices.SortFunc(methods, func(a, b string) int {
			ia, ib := slices.Index(methodOrder, a), slices.Index(methodOrder, b)
			if ia != ib {
				if ia < 0 {
					return 1
				}
				if ib < 0 {
					return -1
				}
				return ia - ib
			}
			return strings.Compare(a, b)
		})
		for _, m := range methods {
			p.operation(path, m, item, ops[m], at, opNames)
		}
	}
}

// operation converts one operation; opNames holds the names given so far.
func (p *parser) operation(path, method string, item *openapi3.PathItem, op *openapi3.Operation, pathAt loc, opNames nameSet) {
	at := pathAt.at(strings.ToLower(method))
	name := op.OperationID
	if name == "" {
		name = join(strings.ToLower(method), path)
	}
	if opNames.has(name) {
		n := unique(opNames, name)
		p.warnf(at.pos, "duplicate-operation", "operation name %q is used twice; this one is called %q", name, n)
		name = n
	} else {
		opNames.add(name)
	}
	o := &ir.Operation{
		Name:        name,
		Summary:     op.Summary,
		Description: op.Description,
		Method:      strings.ToUpper(method),
		Path:        path,
		Deprecated:  op.Deprecated,
		Auth:        needsAuth(op),
		Params:      []*ir.Param{},
		Pos:         at.pos,
	}
	if len(op.Tags) > 0 {
		o.Service = op.Tags[0]
	}
	apigenOperation(o, op)
	o.Params = p.params(o.Name, item, op, pathAt, at)
	if bp, ok := p.apigenBodyParams(o.Name, op.RequestBody, at); ok {
		o.Params = append(o.Params, bp...)
		apigenParamOrder(o, op)
	} else if rb := op.RequestBody; rb != nil {
		o.Body = p.body(o, rb, at, pathAt)
	}
	o.Response = p.response(o.Name, op, at)
	if apigenUndocumented(op) {
		o.Response = nil
	}
	p.answers(o, op, at)
	apigenMediaTypes(o, op)
	o.Servers = opServers(item, op)
	if p.api.Family == ir.FamilyCloudTower {
		p.cloudTower(o)
	}
	p.api.Operations = append(p.api.Operations, o)
}

// needsAuth is false only for an operation that lifts the requirement
// (security: [] or [{}]), like a login call.
func needsAuth(op *openapi3.Operation) bool {
	if op.Security == nil {
		return true
	}
	for _, req := range *op.Security {
		if len(req) > 0 {
			return true
		}
	}
	return false
}

// params merges path-level and operation-level parameters; an operation's
// parameter replaces the path's one with the same name and location.
func (p *parser) params(opName string, item *openapi3.PathItem, op *openapi3.Operation, pathAt, opAt loc) []*ir.Param {
	type key struct{ name, in string }
	keyOf := func(pr *openapi3.ParameterRef) (key, bool) {
		if pr == nil || pr.Value == nil || unfollowed(pr.Value.Extensions) {
			return key{}, false
		}
		return key{pr.Value.Name, pr.Value.In}, true
	}
	own := map[key]bool{}
	for _, pr := range op.Parameters {
		if k, ok := keyOf(pr); ok {
			own[k] = true
		}
	}
	out := []*ir.Param{}
	add := func(list openapi3.Parameters, listAt loc) {
		for i, pr := range list {
			if pr == nil || pr.Value == nil || unfollowed(pr.Value.Extensions) {
				continue // an unfollowed reference, already warned about
			}
			if prm := p.param(opName, pr, p.paramLoc(pr, listAt, i)); prm != nil {
				out = append(out, prm)
			}
		}
	}
	var shared openapi3.Parameters
	for _, pr := range item.Parameters {
		if k, ok := keyOf(pr); ok && !own[k] {
			shared = append(shared, pr)
		}
	}
	add(shared, pathAt.at("parameters"))
	add(op.Parameters, opAt.at("parameters"))
	return out
}

// paramLoc finds a parameter in the source: its component, its index in
// the list, or (Swagger 2.0, whose body and formData parameters left the
// list) its name and location.
func (p *parser) paramLoc(pr *openapi3.ParameterRef, list loc, i int) loc {
	if pr.Ref != "" {
		return p.refLoc(pr.Ref)
	}
	if p.v2 {
		if l, ok := p.v2param(list, pr.Value.Name, pr.Value.In); ok {
			return l
		}
		return list
	}
	return list.idx(i)
}

// param converts one parameter; nil for those the IR does not carry.
func (p *parser) param(opName string, pr *openapi3.ParameterRef, at loc) *ir.Param {
	v := pr.Value
	var in ir.Location
	switch v.In {
	case "path":
		in = ir.InPath
	case "query":
		in = ir.InQuery
	case "header":
		// The spec says these three are ignored: content negotiation and
		// authentication are the transport's business.
		switch strings.ToLower(v.Name) {
		case "accept", "content-type", "authorization":
			return nil
		}
		in = ir.InHeader
	case "cookie":
		in = ir.InCookie
	default:
		p.warnf(at.pos, "bad-parameter", "parameter %q is in %q, which is not path, query, header or cookie; it is left out", v.Name, v.In)
		return nil
	}
	prm := &ir.Param{
		Name:        v.Name,
		In:          in,
		Required:    v.Required || in == ir.InPath,
		Description: v.Description,
		Deprecated:  v.Deprecated,
		Pos:         at.pos,
	}
	// Inline types of a shared parameter are named after its component.
	base := join(opName, v.Name)
	if strings.HasPrefix(pr.Ref, "#/components/parameters/") {
		base = join(lastToken(pr.Ref))
	}
	sr, sat := v.Schema, at.at("schema")
	if sr == nil && len(v.Content) > 0 {
		ct := orderedKeys(v.Content, at.at("content"))[0]
		sr, sat = v.Content[ct].Schema, at.at("content", ct, "schema")
	}
	if p.v2 {
		sat = at // Swagger 2.0 parameters carry their type inline
	}
	prm.Type, prm.Nullable = p.use(sr, base, sat)
	prm.Nullable = prm.Nullable || v.Extensions["x-nullable"] == true
	if sr != nil && sr.Ref == "" && sr.Value != nil {
		prm.Default = literal(sr.Value.Default)
	}
	if in == ir.InQuery && sr != nil && sr.Value != nil {
		prm.Style = p.queryStyle(v, sr.Value.Type.Is("array"))
	}
	if st := extString(v.Extensions, "x-apigen-style"); st != "" {
		prm.Style = ir.Style(st)
	}
	prm.Since = extString(v.Extensions, "x-apigen-since")
	prm.TransportFills = extBool(v.Extensions, "x-apigen-transport-fills")
	if sr != nil && sr.Ref == "" {
		apigenValue(sr.Value, &prm.Since, &prm.Inferred, &prm.Enum)
	}
	return prm
}

// queryStyle is how a query parameter goes on the wire, when not as
// name=value, with lists as repeated keys (form, explode: true — the
// OpenAPI 3 default). Swagger 2.0's default collectionFormat is csv, which
// the converter leaves unset.
func (p *parser) queryStyle(v *openapi3.Parameter, list bool) ir.Style {
	if v.Style == openapi3.SerializationDeepObject {
		return ir.StyleDeep
	}
	if !list {
		return ""
	}
	if p.v2 && v.Style == "" && v.Explode == nil {
		return ir.StyleComma
	}
	explode := v.Explode == nil || *v.Explode
	switch {
	case (v.Style == "" || v.Style == openapi3.SerializationForm) && !explode:
		return ir.StyleComma
	case v.Style == openapi3.SerializationSpaceDelimited && !explode:
		return ir.StyleSpace
	case v.Style == openapi3.SerializationPipeDelimited && !explode:
		return ir.StylePipe
	}
	return ""
}

// body converts a request body: JSON if the operation takes it, else the
// first content type listed (forms, octet streams…).
func (p *parser) body(o *ir.Operation, rb *openapi3.RequestBodyRef, opAt, pathAt loc) *ir.Body {
	opName := o.Name
	v := rb.Value
	if v == nil {
		return nil
	}
	at := opAt.at("requestBody")
	base := join(opName, "Request")
	if rb.Ref != "" {
		at = p.refLoc(rb.Ref)
		if strings.HasPrefix(rb.Ref, "#/components/requestBodies/") {
			base = join(lastToken(rb.Ref), "Body")
		}
	}
	b := &ir.Body{Required: v.Required, Description: v.Description}
	if unfollowed(v.Extensions) {
		b.Type = ir.Prim(ir.KindRaw, "")
		return b
	}
	if p.v2 {
		at = p.v2body(opAt)
	}
	ct, mt, mtAt := pickContent(v.Content, at.at("content"))
	if ct == "" {
		return nil
	}
	if rawAnyBody(v.Content, mt) {
		ct = "application/octet-stream"
	}
	if p.v2 {
		mtAt = at
		if isForm(ct) && mt != nil && mt.Schema != nil && mt.Schema.Value != nil {
			p.order[mt.Schema.Value] = p.v2form(pathAt, opAt)
			// The conversion leaves a form body optional even when some of
			// its formData parameters are required.
			b.Required = b.Required || len(mt.Schema.Value.Required) > 0
		}
	}
	b.ContentType = ct
	b.Type = p.payload(ct, mt, base, mtAt.at("schema"))
	p.bodyMediaTypes(o, b, v.Content, at.at("content"))
	apigenBody(b, v)
	return b
}

// v2body is where a Swagger 2.0 operation's body parameter sits (its schema
// is under "schema", as in a media type), or the operation for form bodies.
func (p *parser) v2body(opAt loc) loc {
	list := opAt.at("parameters")
	if list.n == nil {
		return opAt
	}
	for i, e := range list.n.ents {
		if e.kid == nil {
			continue
		}
		target := list.idx(i)
		if ref := e.kid.str("$ref"); ref != "" {
			target, _ = pointer(p.root, ref)
		}
		if target.n.str("in") == "body" {
			return target
		}
	}
	return opAt
}

// v2form lists a Swagger 2.0 operation's formData parameters (path level
// first) as an object node keyed by name: the order and positions of the
// form body's fields, which openapi2conv assembles into a schema.
func (p *parser) v2form(pathAt, opAt loc) loc {
	n := &node{}
	for _, list := range []loc{pathAt.at("parameters"), opAt.at("parameters")} {
		if list.n == nil {
			continue
		}
		for i, e := range list.n.ents {
			if e.kid == nil {
				continue
			}
			target := list.idx(i)
			if ref := e.kid.str("$ref"); ref != "" {
				target, _ = pointer(p.root, ref)
			}
			if target.n.str("in") == "formData" {
				n.ents = append(n.ents, entry{key: target.n.str("name"), line: int32(target.pos.Line), col: int32(target.pos.Col)})
			}
		}
	}
	return loc{n: n, pos: opAt.pos}
}

// payload types the schema of a body or response in content type ct.
func (p *parser) payload(ct string, mt *openapi3.MediaType, name string, at loc) ir.TypeRef {
	if mt == nil || mt.Schema == nil || mt.Schema.Value == nil {
		switch {
		case isJSON(ct) || isForm(ct):
			return ir.Prim(ir.KindAny, "")
		case strings.HasPrefix(ct, "text/"):
			return ir.Prim(ir.KindString, "")
		}
		return ir.Prim(ir.KindBinary, "")
	}
	if unfollowed(mt.Extensions) {
		return ir.Prim(ir.KindRaw, "")
	}
	r, _ := p.use(mt.Schema, name, at)
	if ct == "application/octet-stream" && r.Kind == ir.KindString {
		return ir.Prim(ir.KindBinary, "")
	}
	return r
}

// pickContent chooses the content type to generate for: application/json,
// else another JSON type (application/vnd.x+json), else the first listed.
// It returns the content type, its media type and where that sits.
func pickContent(c openapi3.Content, at loc) (string, *openapi3.MediaType, loc) {
	if len(c) == 0 {
		return "", nil, at
	}
	keys := orderedKeys(c, at)
	pick := keys[0]
	if _, ok := c["application/json"]; ok {
		pick = "application/json"
	} else if i := slices.IndexFunc(keys, isJSON); i >= 0 {
		pick = keys[i]
	}
	ct := pick
	if ct == "*/*" || ct == "application/*" {
		// Anything goes (Kubernetes consumes */*): send JSON, but keep the
		// media type's schema.
		ct = "application/json"
	}
	return ct, c[pick], at.at(pick)
}

func isJSON(ct string) bool {
	ct, _, _ = strings.Cut(ct, ";")
	return ct == "application/json" || strings.HasSuffix(ct, "+json") || strings.HasSuffix(ct, "/json")
}

func isForm(ct string) bool {
	return strings.HasPrefix(ct, formURLEncoded) || strings.HasPrefix(ct, multipartForm)
}

// response picks the successful response: the lowest 2xx code with
// content (else the lowest 2xx), then 2XX, then default.
func (p *parser) response(opName string, op *openapi3.Operation, opAt loc) *ir.Response {
	if op.Responses == nil {
		return nil
	}
	all := op.Responses.Map()
	var codes []string
	for code := range all {
		if n, err := strconv.Atoi(code); err == nil && n >= 200 && n < 300 {
			codes = append(codes, code)
		}
	}
	slices.Sort(codes)
	for _, code := range codes {
		if r := all[code]; r != nil && r.Value != nil && len(r.Value.Content) > 0 {
			codes = []string{code}
			break
		}
	}
	codes = append(codes, "2XX", "2xx", "default")
	for _, code := range codes {
		rr := all[code]
		if rr == nil || rr.Value == nil {
			continue
		}
		status, _ := strconv.Atoi(code)
		return p.responseOf(opName, status, rr, opAt.at("responses", code))
	}
	return nil
}

// responseOf converts the chosen response: its JSON (or first) content.
func (p *parser) responseOf(opName string, status int, rr *openapi3.ResponseRef, at loc) *ir.Response {
	v := rr.Value
	out := &ir.Response{Status: status}
	if v.Description != nil {
		out.Description = *v.Description
	}
	base := join(opName, "Response")
	if rr.Ref != "" {
		at = p.refLoc(rr.Ref)
		if strings.HasPrefix(rr.Ref, "#/components/responses/") {
			base = join(lastToken(rr.Ref), "Response")
		}
	}
	if unfollowed(v.Extensions) {
		r := ir.Prim(ir.KindRaw, "")
		out.Type = &r
		return out
	}
	apigenResponse(out, v)
	ct, mt, mtAt := pickContent(v.Content, at.at("content"))
	if ct == "" {
		return out
	}
	if p.v2 {
		mtAt = at // Swagger 2.0: responses/<code>/schema
	}
	out.ContentType = ct
	r := p.payload(ct, mt, base, mtAt.at("schema"))
	out.Type = &r
	return out
}
