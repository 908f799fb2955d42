package openapi

import (
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apigen-dev/apigen/ir"
)

// The x-apigen-* extensions `apigen openapi` (package oas) writes for what
// OpenAPI has no word for are read back here, so that an exported ZStack
// manual or QingCloud folder reads as the IR it came from. In documents
// that never had them these functions change nothing.

func extString(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}

func extBool(m map[string]any, key string) bool {
	b, _ := m[key].(bool)
	return b
}

func extInt(m map[string]any, key string) int {
	switch n := m[key].(type) {
	case float64:
		return int(n)
	case int:
		return n
	}
	return 0
}

// apigenDocument reads the document-level facts: the family, the releases
// since-versions came from, and a version made up to satisfy OpenAPI.
func (p *parser) apigenDocument(opts Options) {
	x := p.doc.Extensions
	if f := ir.Family(extString(x, "x-apigen-family")); f != "" && opts.Family == "" {
		p.api.Family = f
	}
	if vs, ok := x["x-apigen-versions"].([]any); ok {
		for _, v := range vs {
			if s, ok := v.(string); ok {
				p.api.Versions = append(p.api.Versions, s)
			}
		}
	}
	if extBool(x, "x-apigen-no-version") {
		p.api.Version = ""
	}
	p.api.Tolerant = extBool(x, "x-apigen-tolerant")
}

// apigenSecurity restores a family's own kind of auth (ZStack's session,
// QingCloud's signature, CloudTower's token) exported as an API key.
func apigenSecurity(s *ir.Security, v *openapi3.SecurityScheme) {
	kind := ir.SecurityKind(extString(v.Extensions, "x-apigen-kind"))
	if kind == "" {
		return
	}
	s.Kind = kind
	if extBool(v.Extensions, "x-apigen-implicit") {
		s.In, s.Param = "", ""
	}
}

// apigenPath splits an exported path key into the path and what it was
// told apart by: "/iaas/?action=RunInstances" is the action RunInstances
// on /iaas/; "?operation=Name" marks a second API on one path.
func apigenPath(key string) string {
	if i := strings.Index(key, "?"); i >= 0 {
		q := key[i+1:]
		if strings.HasPrefix(q, "action=") || strings.HasPrefix(q, "operation=") {
			return key[:i]
		}
	}
	return key
}

// apigenOperation reads an operation's facts.
func apigenOperation(o *ir.Operation, op *openapi3.Operation) {
	x := op.Extensions
	o.Path = apigenPath(o.Path)
	o.Action = extString(x, "x-apigen-action")
	o.Since = extString(x, "x-apigen-since")
	o.Async = o.Async || extBool(x, "x-apigen-async")
	o.BodyKey = extString(x, "x-apigen-body-key")
	if pg, ok := x["x-apigen-paging"].(map[string]any); ok {
		o.Paging = &ir.Paging{
			Style:       ir.PagingStyle(extString(pg, "style")),
			OffsetParam: extString(pg, "offsetParam"),
			LimitParam:  extString(pg, "limitParam"),
			CountParam:  extString(pg, "countParam"),
			ItemsField:  extString(pg, "itemsField"),
			TotalField:  extString(pg, "totalField"),
			MaxLimit:    extInt(pg, "maxLimit"),

			CursorParam:  extString(pg, "cursorParam"),
			CursorField:  extString(pg, "cursorField"),
			HasMoreField: extString(pg, "hasMoreField"),
			PageParam:    extString(pg, "pageParam"),
			NextField:    extString(pg, "nextField"),
		}
	}
	if urls, ok := x["x-apigen-urls"].([]any); ok {
		for _, u := range urls {
			if m, ok := u.(map[string]any); ok {
				o.URLs = append(o.URLs, ir.Endpoint{Method: extString(m, "method"), Path: extString(m, "path")})
			}
		}
	}
}

// apigenParamOrder puts parameters back in the documented order when the
// export recorded it (body fields before path parameters).
func apigenParamOrder(o *ir.Operation, op *openapi3.Operation) {
	names, ok := op.Extensions["x-apigen-param-order"].([]any)
	if !ok {
		return
	}
	rank := map[string]int{}
	for i, n := range names {
		if s, ok := n.(string); ok {
			if _, dup := rank[s]; !dup {
				rank[s] = i
			}
		}
	}
	slices.SortStableFunc(o.Params, func(a, b *ir.Param) int { return rank[a.Name] - rank[b.Name] })
}

// apigenUndocumented reports an operation the export gave only its
// placeholder answer: the IR had no response.
func apigenUndocumented(op *openapi3.Operation) bool {
	if op.Responses == nil {
		return false
	}
	d := op.Responses.Default()
	return d != nil && d.Value != nil && extBool(d.Value.Extensions, "x-apigen-undocumented")
}

// apigenMediaTypes drops the media types an export wrote only to carry the
// schema: the docs (pages, not specs) listed none.
func apigenMediaTypes(o *ir.Operation, op *openapi3.Operation) {
	if o.Response == nil || op.Responses == nil {
		return
	}
	for _, rr := range op.Responses.Map() {
		if rr == nil || rr.Value == nil {
			continue
		}
		if extBool(rr.Value.Extensions, "x-apigen-no-media-types") {
			o.Response.MediaTypes = nil
		}
		if list, ok := rr.Value.Extensions["x-apigen-media-types"].([]any); ok {
			o.Response.MediaTypes = extStrings(list)
		}
	}
}

// apigenResponse reads where the payload sits in the response.
func apigenResponse(r *ir.Response, v *openapi3.Response) {
	r.Envelope = extString(v.Extensions, "x-apigen-envelope")
	if ct := extString(v.Extensions, "x-apigen-content-type"); ct != "" {
		r.ContentType = ct
	}
}

// apigenValue reads what the export added to a parameter's or field's
// schema: since, values read from prose, a list style, and allowed values
// the IR kept on the parameter or field rather than as a named enum.
func apigenValue(s *openapi3.Schema, since *string, inferred *bool, enum *[]string) {
	if s == nil {
		return
	}
	if v := extString(s.Extensions, "x-apigen-since"); v != "" {
		*since = v
	}
	*inferred = *inferred || extBool(s.Extensions, "x-apigen-inferred")
	if extBool(s.Extensions, "x-apigen-inline-enum") {
		*enum = nil
		for _, v := range s.Enum {
			*enum = append(*enum, literal(v))
		}
	}
}

// inlineEnum reports a schema whose allowed values the IR keeps inline: it
// is typed as its base type, not as a named enum.
func inlineEnum(s *openapi3.Schema) bool {
	return s != nil && extBool(s.Extensions, "x-apigen-inline-enum")
}

// withoutEnum is s as a plain value of its type.
func withoutEnum(s *openapi3.Schema) *openapi3.Schema {
	c := *s
	c.Enum = nil
	return &c
}

// apigenBodyParams turns an exported request body whose properties are
// marked x-apigen-param back into body parameters, nested ones taking their
// wrapper key. ok is false for any other body.
func (p *parser) apigenBodyParams(opName string, rb *openapi3.RequestBodyRef, at loc) ([]*ir.Param, bool) {
	if rb == nil || rb.Value == nil || rb.Ref != "" {
		return nil, false
	}
	in := ir.InBody
	var root *openapi3.Schema
	for ct, mt := range rb.Value.Content {
		if mt == nil || mt.Schema == nil || mt.Schema.Value == nil {
			return nil, false
		}
		if isForm(ct) {
			in = ir.InForm
		}
		root = mt.Schema.Value
	}
	if root == nil || len(rb.Value.Content) != 1 {
		return nil, false
	}
	var params []*ir.Param
	marked := false
	var walk func(s *openapi3.Schema, wrapper string, sat loc)
	walk = func(s *openapi3.Schema, wrapper string, sat loc) {
		for _, name := range orderedKeys(s.Properties, sat.at("properties")) {
			pr := s.Properties[name]
			if pr == nil || pr.Value == nil {
				continue
			}
			v := pr.Value
			pat := sat.at("properties", name)
			if !extBool(v.Extensions, "x-apigen-param") {
				if wrapper == "" && pr.Ref == "" && v.Type.Is("object") {
					walk(v, name, pat)
				}
				continue
			}
			marked = true
			prm := &ir.Param{Name: name, In: in, Wrapper: wrapper, Required: slices.Contains(s.Required, name), Pos: pat.pos,
				Description: v.Description, Deprecated: v.Deprecated, Style: ir.Style(extString(v.Extensions, "x-apigen-style")),
				TransportFills: extBool(v.Extensions, "x-apigen-transport-fills")}
			typed := pr
			if inlineEnum(v) {
				typed = &openapi3.SchemaRef{Value: withoutEnum(v)}
			}
			prm.Type, prm.Nullable = p.use(typed, join(opName, name), pat)
			if pr.Ref == "" {
				prm.Default = literal(v.Default)
			}
			apigenValue(v, &prm.Since, &prm.Inferred, &prm.Enum)
			params = append(params, prm)
		}
	}
	ct := ""
	for k := range rb.Value.Content {
		ct = k
	}
	walk(root, "", at.at("requestBody", "content", ct, "schema"))
	return params, marked
}

// apigenBody reads which media type the export sent a body as and which
// it listed.
func apigenBody(b *ir.Body, v *openapi3.RequestBody) {
	if ct := extString(v.Extensions, "x-apigen-content-type"); ct != "" {
		b.ContentType = ct
	}
	if list, ok := v.Extensions["x-apigen-media-types"].([]any); ok {
		b.MediaTypes = extStrings(list)
	}
}

// extStrings is an extension's list of strings.
func extStrings(list []any) []string {
	var out []string
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
