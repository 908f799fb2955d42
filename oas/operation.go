package oas

import (
	"maps"
	"slices"
	"strconv"

	"github.com/apigen-dev/apigen/ir"
)

// operation renders one operation. Parameters in the path, query, headers
// and cookies are OpenAPI parameters; those the IR places in a body (ZStack
// body fields, form fields) become the properties of a request body
// schema, nested under their wrapper key, each marked x-apigen-param so a
// reader can take them back as parameters.
func operation(o *ir.Operation, apiHasSecurity bool) *object {
	op := obj()
	if o.Service != "" {
		op.set("tags", []any{o.Service})
	}
	op.set("summary", o.Summary).set("description", o.Description).set("operationId", o.Name)
	var params []any
	var bodyParams []*ir.Param
	for _, p := range o.Params {
		switch p.In {
		case ir.InBody, ir.InForm:
			bodyParams = append(bodyParams, p)
		default:
			params = append(params, parameter(p))
		}
	}
	if order := names(o.Params); !slices.Equal(order, names(readBackOrder(o.Params))) {
		// A reader meets parameters first, then body fields grouped under
		// their wrapper keys; when the docs' order (which is the Go
		// struct's) differs, it is recorded.
		op.set("x-apigen-param-order", anys(order))
	}
	op.set("parameters", params)
	switch {
	case o.Body != nil:
		content := obj().put(mediaType(o.Body.ContentType, "application/json"), obj().put("schema", schema(o.Body.Type)))
		rb := obj().set("description", o.Body.Description).set("required", o.Body.Required).put("content", content)
		if len(o.Body.MediaTypes) > 0 {
			// Every type the body may go as, each with the schema; the
			// extensions say which is sent by default and which were
			// listed, as a reader's pick among the keys could differ.
			for _, mt := range o.Body.MediaTypes {
				if content.get(mt) == nil {
					content.put(mt, obj().put("schema", schema(o.Body.Type)))
				}
			}
			rb.set("x-apigen-content-type", o.Body.ContentType)
			rb.set("x-apigen-media-types", anys(o.Body.MediaTypes))
		}
		op.set("requestBody", rb)
	case len(bodyParams) > 0:
		op.set("requestBody", paramBody(bodyParams))
	}
	op.put("responses", responses(o.Response, o.Errors))
	var servers []any
	for _, s := range o.Servers {
		servers = append(servers, obj().set("url", s))
	}
	op.set("servers", servers)
	if !o.Auth && apiHasSecurity {
		op.put("security", []any{})
	}
	op.set("deprecated", o.Deprecated)
	op.set("x-apigen-action", o.Action)
	op.set("x-apigen-since", o.Since)
	op.set("x-apigen-async", o.Async)
	op.set("x-apigen-body-key", o.BodyKey)
	if o.Paging != nil {
		p := o.Paging
		op.set("x-apigen-paging", obj().set("style", string(p.Style)).set("offsetParam", p.OffsetParam).set("limitParam", p.LimitParam).
			set("countParam", p.CountParam).set("itemsField", p.ItemsField).set("totalField", p.TotalField).set("maxLimit", maxLimit(p.MaxLimit)).
			set("cursorParam", p.CursorParam).set("cursorField", p.CursorField).set("hasMoreField", p.HasMoreField).set("pageParam", p.PageParam).set("nextField", p.NextField))
	}
	if len(o.URLs) > 0 {
		var urls []any
		for _, u := range o.URLs {
			urls = append(urls, obj().set("method", u.Method).set("path", u.Path))
		}
		op.set("x-apigen-urls", urls)
	}
	return op
}

func maxLimit(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

func mediaType(t, def string) string {
	if t == "" {
		return def
	}
	return t
}

// parameter renders a path, query, header or cookie parameter. List styles
// OpenAPI names map to its style keywords; QingCloud's "name.1" lists to
// x-apigen-style.
func parameter(p *ir.Param) *object {
	s := schema(p.Type)
	if p.Nullable {
		s = nullable(s)
	}
	s = facts(s, "", p.Default, p.Enum, p.Inferred, "", false)
	out := obj().set("name", p.Name).set("in", string(p.In)).set("description", p.Description)
	out.set("required", p.Required || p.In == ir.InPath).set("deprecated", p.Deprecated)
	switch p.Style {
	case ir.StyleComma:
		out.set("style", "form").put("explode", false)
	case ir.StyleSpace:
		out.set("style", "spaceDelimited").put("explode", false)
	case ir.StylePipe:
		out.set("style", "pipeDelimited").put("explode", false)
	case ir.StyleDeep:
		out.set("style", "deepObject").set("explode", true)
	default:
		out.set("x-apigen-style", string(p.Style))
	}
	out.put("schema", s)
	out.set("x-apigen-since", p.Since)
	out.set("x-apigen-transport-fills", p.TransportFills)
	return out
}

// paramBody builds the request body that body parameters make together.
func paramBody(params []*ir.Param) *object {
	media := "application/json"
	root := obj().set("type", "object")
	wrappers := map[string]*object{}
	var rootRequired []any
	required := map[string][]any{}
	for _, p := range params {
		if p.In == ir.InForm {
			media = "application/x-www-form-urlencoded"
		}
		s := schema(p.Type)
		if p.Nullable {
			s = nullable(s)
		}
		s = facts(s, p.Description, p.Default, p.Enum, p.Inferred, p.Since, p.Deprecated, "x-apigen-param")
		s.set("x-apigen-style", string(p.Style))
		s.set("x-apigen-transport-fills", p.TransportFills)
		target := root
		if p.Wrapper != "" {
			w := wrappers[p.Wrapper]
			if w == nil {
				w = obj().set("type", "object")
				wrappers[p.Wrapper] = w
				props, _ := root.get("properties").(*object)
				if props == nil {
					props = obj()
					root.put("properties", props)
				}
				props.put(p.Wrapper, w)
			}
			target = w
			if p.Required {
				required[p.Wrapper] = append(required[p.Wrapper], p.Name)
			}
		} else if p.Required {
			rootRequired = append(rootRequired, p.Name)
		}
		props, _ := target.get("properties").(*object)
		if props == nil {
			props = obj()
			target.put("properties", props)
		}
		props.put(p.Name, s)
	}
	for _, name := range slices.Sorted(maps.Keys(required)) {
		wrappers[name].set("required", required[name])
		rootRequired = append(rootRequired, name)
	}
	root.set("required", rootRequired)
	return obj().put("content", obj().put(media, obj().put("schema", root)))
}

// responses renders the successful response and the documented errors.
func responses(r *ir.Response, errs []*ir.ErrorResponse) *object {
	out := obj()
	defer func() {
		for _, e := range errs {
			resp := obj().put("description", e.Description)
			if e.Type != nil {
				resp.put("content", obj().put(mediaType(e.ContentType, "application/json"), obj().put("schema", schema(*e.Type))))
			}
			out.put(e.Code, resp)
		}
	}()
	if r == nil {
		return out.put("default", obj().put("description", "The answer is not documented.").set("x-apigen-undocumented", true))
	}
	status := "200"
	if r.Status != 0 {
		status = strconv.Itoa(r.Status)
	}
	// OpenAPI requires a description; an empty one is still valid.
	resp := obj().put("description", r.Description)
	if r.Type != nil {
		// Every documented media type (what Accept lists), the one read
		// first; each carries the schema.
		content := obj().put(mediaType(r.ContentType, "application/json"), obj().put("schema", schema(*r.Type)))
		for _, mt := range r.MediaTypes {
			if content.get(mt) == nil {
				content.put(mt, obj().put("schema", schema(*r.Type)))
			}
		}
		resp.put("content", content)
		resp.set("x-apigen-no-media-types", len(r.MediaTypes) == 0) // the docs listed none (doc pages)
		if len(r.MediaTypes) > 0 && r.MediaTypes[0] != r.ContentType {
			// The type read first is not the first listed (Swagger 2.0
			// produces text/plain first, or only */*, read as JSON): the
			// keys alone would reorder the list or add to it.
			resp.set("x-apigen-media-types", anys(r.MediaTypes))
		}
	} else {
		resp.set("x-apigen-content-type", r.ContentType) // a body of no documented shape
	}
	resp.set("x-apigen-envelope", r.Envelope)
	return out.put(status, resp)
}

// readBackOrder is the order a reader of the export meets parameters in:
// path, query, header and cookie parameters, then body fields as the body
// schema nests them (a wrapper key where its first field was).
func readBackOrder(ps []*ir.Param) []*ir.Param {
	var out, body []*ir.Param
	for _, p := range ps {
		if p.In == ir.InBody || p.In == ir.InForm {
			body = append(body, p)
		} else {
			out = append(out, p)
		}
	}
	done := map[string]bool{}
	for _, p := range body {
		switch {
		case p.Wrapper == "":
			out = append(out, p)
		case !done[p.Wrapper]:
			done[p.Wrapper] = true
			for _, q := range body {
				if q.Wrapper == p.Wrapper {
					out = append(out, q)
				}
			}
		}
	}
	return out
}

func names(ps []*ir.Param) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Name
	}
	return out
}

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
