package openapi

import (
	"encoding/json"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi2conv"
	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apigen-dev/apigen/ir"
)

// Content types of Swagger 2.0 form bodies.
const (
	formURLEncoded = "application/x-www-form-urlencoded"
	multipartForm  = "multipart/form-data"
)

// loadV2 reads a Swagger 2.0 document and converts it to OpenAPI 3 with
// kin-openapi, so the rest of the parser sees one model. The source tree
// stays the 2.0 one: positions are looked up there (see v2ref, v2param).
func (p *parser) loadV2(js []byte) (*openapi3.T, error) {
	var d2 openapi2.T
	if err := json.Unmarshal(js, &d2); err != nil {
		return nil, err
	}
	p.prepareV2(&d2)
	loader := openapi3.NewLoader()
	loader.IsExternalRefsAllowed = false
	return openapi2conv.ToV3WithLoader(&d2, loader, nil)
}

// prepareV2 smooths over what openapi2conv.ToV3 rejects or loses. It edits
// d2, which is the parser's own decoded copy, never the caller's bytes:
//   - a host with a scheme or a path ("api.example.com/v1") fails the
//     conversion: split it into host and base path;
//   - body and formData parameters become a request body only for the
//     content types the operation consumes, and with none declared the body
//     is silently dropped: default to JSON, or to a form encoding;
//   - a form body gets a JSON content type as well when consumes lists
//     both, which would make the parser prefer JSON: keep form types only;
//   - two body parameters, or body and formData together, fail the
//     conversion: keep the first body parameter, with a warning.
func (p *parser) prepareV2(d2 *openapi2.T) {
	if h := d2.Host; strings.Contains(h, "/") {
		if scheme, rest, ok := strings.Cut(h, "://"); ok {
			h = rest
			if len(d2.Schemes) == 0 {
				d2.Schemes = []string{scheme}
			}
		}
		if host, path, ok := strings.Cut(h, "/"); ok {
			h = host
			d2.BasePath = "/" + strings.Trim(path, "/") + d2.BasePath
		}
		p.warnf(p.root.at("host").pos, "bad-host", "host %q must be a bare host name; using host %q and base path %q", d2.Host, h, d2.BasePath)
		d2.Host = h
	}
	// basePath (with what a host like "api.example.com/v1" added) becomes
	// the path of every server URL: one that is not a plain absolute path
	// would put another host into them.
	if bp := d2.BasePath; bp != "" {
		if err := ir.CheckPath(bp); err != nil {
			p.diags = append(p.diags, ir.PathError(p.root.at("basePath").pos, "basePath", bp, err))
			d2.BasePath = ""
		}
	}
	for path, item := range d2.Paths {
		if item == nil {
			continue
		}
		for method, op := range item.Operations() {
			p.recordProducesV2(d2, path, method, op)
			at := p.root.at("paths", path, strings.ToLower(method))
			p.prepareV2Operation(d2, item, op, at)
			p.mediaTypesV2(d2, item, op, strings.ToUpper(method)+" "+path, at)
		}
	}
}

// prepareV2Operation applies prepareV2 to one operation.
func (p *parser) prepareV2Operation(d2 *openapi2.T, item *openapi2.PathItem, op *openapi2.Operation, at loc) {
	var body, form, file bool
	// admit reports whether parameter v can stay: one body at most.
	admit := func(v *openapi2.Parameter) bool {
		switch v.In {
		case "body":
			if body || form {
				p.warnf(at.pos, "extra-body", "operation has more than one body (body or formData parameters); parameter %q is ignored", v.Name)
				return false
			}
			body = true
		case "formData":
			if body {
				p.warnf(at.pos, "extra-body", "operation has both body and formData parameters; formData parameter %q is ignored", v.Name)
				return false
			}
			form = true
			file = file || v.Type.Is("file")
		}
		return true
	}
	resolve := func(prm *openapi2.Parameter) *openapi2.Parameter {
		if prm != nil && prm.Ref != "" {
			return d2.Parameters[strings.TrimPrefix(prm.Ref, "#/parameters/")]
		}
		return prm
	}
	for _, prm := range item.Parameters { // shared by the path's operations: checked, never dropped
		if v := resolve(prm); v != nil {
			admit(v)
		}
	}
	var keep openapi2.Parameters
	for _, prm := range op.Parameters {
		if v := resolve(prm); v == nil || admit(v) {
			keep = append(keep, prm)
		}
	}
	op.Parameters = keep
	consumes := op.Consumes
	if len(consumes) == 0 {
		consumes = d2.Consumes
	}
	switch {
	case form:
		forms := slices.DeleteFunc(slices.Clone(consumes), func(ct string) bool {
			return !strings.HasPrefix(ct, formURLEncoded) && !strings.HasPrefix(ct, multipartForm)
		})
		switch {
		case file && slices.ContainsFunc(forms, func(ct string) bool { return strings.HasPrefix(ct, multipartForm) }):
			// A file goes only in a multipart body; url-encoded would
			// send the file's bytes as text, or nothing.
			op.Consumes = []string{multipartForm}
		case len(forms) > 0:
			op.Consumes = forms
		case file:
			op.Consumes = []string{multipartForm}
		default:
			op.Consumes = []string{formURLEncoded}
		}
	case body && len(consumes) == 0:
		op.Consumes = []string{"application/json"}
	}
}

// v2ref maps a reference of the converted OpenAPI 3 document back to the
// Swagger 2.0 source it came from.
func v2ref(ref string) string {
	for _, m := range [][2]string{
		{"#/components/schemas/", "#/definitions/"},
		{"#/components/parameters/", "#/parameters/"},
		{"#/components/requestBodies/", "#/parameters/"},
		{"#/components/responses/", "#/responses/"},
		{"#/components/securitySchemes/", "#/securityDefinitions/"},
	} {
		if rest, ok := strings.CutPrefix(ref, m[0]); ok {
			return m[1] + rest
		}
	}
	return ref
}

// v2param finds the position of a Swagger 2.0 parameter by name and
// location, since the conversion drops body and formData parameters and so
// shifts the indexes of the rest.
func (p *parser) v2param(list loc, name, in string) (loc, bool) {
	if list.n == nil {
		return loc{}, false
	}
	for i, e := range list.n.ents {
		if e.kid == nil {
			continue
		}
		if ref := e.kid.str("$ref"); ref != "" {
			if target, ok := pointer(p.root, ref); ok && target.n.str("name") == name && target.n.str("in") == in {
				return target, true
			}
			continue
		}
		if e.kid.str("name") == name && e.kid.str("in") == in {
			return list.idx(i), true
		}
	}
	return loc{}, false
}

// warnf records a warning.
func (p *parser) warnf(pos ir.Pos, kind, format string, args ...any) {
	p.diags = append(p.diags, ir.Warnf(pos, kind, format, args...))
}
