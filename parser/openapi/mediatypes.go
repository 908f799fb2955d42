package openapi

import (
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apigen-dev/apigen/ir"
)

// Request media types: which types a body may go as, so that the caller
// can pick one per call (an upload taking image/png and image/jpeg).

// bodyMediaTypes lists the media types o's body is documented in, when
// there is a choice: content keys, or for Swagger 2.0 the consumes list
// (or Content-Type parameter) prepareV2 recorded.
func (p *parser) bodyMediaTypes(o *ir.Operation, b *ir.Body, content openapi3.Content, at loc) {
	types := orderedKeys(content, at)
	if p.v2 {
		if c := p.consumes[o.Method+" "+o.Path]; len(c) > 0 {
			types = c
			if isRaw(b.Type) && !slices.Contains(c, b.ContentType) && !strings.Contains(c[0], "*") {
				// A Content-Type parameter names the type a raw body
				// goes as by default.
				b.ContentType = c[0]
			}
			if isJSON(b.ContentType) && !slices.Contains(c, b.ContentType) {
				// The conversion keys a body parameter as application/json
				// whatever consumes says; a Kubernetes PATCH takes only
				// json-patch, merge-patch… so the default is the first
				// JSON type listed.
				if i := slices.IndexFunc(c, isJSON); i >= 0 {
					b.ContentType = c[i]
				}
			}
		}
	}
	if len(types) > 1 || len(types) == 1 && types[0] != b.ContentType {
		b.MediaTypes = types
	}
}

// isRaw reports a body sent as its bytes: binary or text.
func isRaw(t ir.TypeRef) bool { return t.Kind == ir.KindBinary || t.Kind == ir.KindString }

// rawAnyBody reports a body pickContent chose "*/*" (or "application/*")
// for, mt, whose schema is a string or absent: the bytes are sent as they
// are (GitHub's release asset upload), never as a JSON string, labelled
// application/octet-stream unless the caller picks a type.
func rawAnyBody(c openapi3.Content, mt *openapi3.MediaType) bool {
	if mt == nil || c["*/*"] != mt && c["application/*"] != mt {
		return false
	}
	if mt.Schema == nil || mt.Schema.Value == nil {
		return true
	}
	return mt.Schema.Value.Type.Is("string")
}

// mediaTypesV2 records a Swagger 2.0 operation's request media types
// (consumes, as prepareV2Operation settled it) and carries its Accept and
// Content-Type header parameters into them: their enum (or default)
// values are the types the body may go as and the answer may be asked
// in. The parameters themselves are left out (the transport sets both
// headers); one that lists no values is reported, not dropped silently.
func (p *parser) mediaTypesV2(d2 *openapi2.T, item *openapi2.PathItem, op *openapi2.Operation, key string, at loc) {
	consumes := op.Consumes
	if len(consumes) == 0 {
		consumes = d2.Consumes
	}
	var accepts []string
	for _, prm := range slices.Concat(item.Parameters, op.Parameters) {
		v := prm
		if v != nil && v.Ref != "" {
			v = d2.Parameters[strings.TrimPrefix(v.Ref, "#/parameters/")]
		}
		if v == nil || v.In != "header" {
			continue
		}
		name := strings.ToLower(v.Name)
		if name != "content-type" && name != "accept" {
			continue
		}
		var values []string
		for _, e := range v.Enum {
			if s, ok := e.(string); ok && s != "" && !slices.Contains(values, s) {
				values = append(values, s)
			}
		}
		if s, ok := v.Default.(string); ok && s != "" && !slices.Contains(values, s) {
			values = append([]string{s}, values...)
		}
		if len(values) == 0 {
			pos := at.pos
			if l, ok := p.v2param(at.at("parameters"), v.Name, "header"); ok {
				pos = l.pos
			}
			p.warnf(pos, "media-type-parameter", "header parameter %q lists no values; the transport sets it (the caller can choose with WithContentType or WithHeader)", v.Name)
			continue
		}
		if name == "accept" {
			accepts = values
		} else {
			consumes = values
		}
	}
	if len(consumes) > 0 {
		if p.consumes == nil {
			p.consumes = map[string][]string{}
		}
		p.consumes[key] = consumes
	}
	if len(accepts) > 0 {
		if p.accepts == nil {
			p.accepts = map[string][]string{}
		}
		p.accepts[key] = accepts
	}
}
