package openapi

import (
	"encoding/json"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apigen-dev/apigen/ir"
)

// kin-openapi's errors carry no position: it decodes the document whole,
// and encoding/json's offsets are relative to whichever nested value's
// UnmarshalJSON failed. When a load fails, the document is decoded again
// piece by piece, following the document model, and the error is placed at
// the narrowest piece that fails on its own. This runs only after a
// failure, so it costs nothing on the usual path.

// kinPos returns where in the spec kin-openapi fails to decode js (the
// document as loaded) and its message; ok is false when every piece
// decodes alone (a failure of resolution rather than decoding).
func (p *parser) kinPos(js []byte) (ir.Pos, string, bool) {
	at, err := p.narrow(js, p.root, kRoot)
	if err == nil {
		return ir.Pos{}, "", false
	}
	return at.pos, kinMessage(err), true
}

// narrow decodes raw, the object of kind k at `at`, and when that fails
// returns the narrowest failing piece: a failing member, else raw itself.
func (p *parser) narrow(raw []byte, at loc, k kind) (loc, error) {
	v := kinValue(k, p.v2)
	if v == nil {
		return loc{}, nil
	}
	err := json.Unmarshal(raw, v)
	if err == nil || at.n == nil || at.n.array {
		return at, err
	}
	var members map[string]json.RawMessage
	if json.Unmarshal(raw, &members) != nil {
		return at, err
	}
	for i := range at.n.ents {
		e := &at.n.ents[i]
		r, ok := members[e.key]
		if !ok {
			continue
		}
		s := child(k, e.key, p.v2)
		if k == kRoot && s.k == kNone {
			// Members the reference model leaves alone still decode into
			// kin-openapi's types (info, servers, tags…).
			if v := rootMember(e.key, p.v2); v != nil {
				if merr := json.Unmarshal(r, v); merr != nil {
					return at.member(e), merr
				}
			}
			continue
		}
		if s.k == kNone {
			continue
		}
		if l, merr := p.narrowSlot(r, at.member(e), s); merr != nil {
			return l, merr
		}
	}
	return at, err
}

// narrowSlot narrows the value of one member, by how it holds objects.
func (p *parser) narrowSlot(raw []byte, at loc, s slot) (loc, error) {
	switch s.m {
	case mapOf:
		var m map[string]json.RawMessage
		if json.Unmarshal(raw, &m) != nil || at.n == nil {
			return loc{}, nil
		}
		for i := range at.n.ents {
			e := &at.n.ents[i]
			if r, ok := m[e.key]; ok && !isExtension(e.key) {
				if l, err := p.narrow(r, at.member(e), s.k); err != nil {
					return l, err
				}
			}
		}
	case listOf:
		var list []json.RawMessage
		if json.Unmarshal(raw, &list) != nil || at.n == nil {
			return loc{}, nil
		}
		for i := range list {
			if l, err := p.narrow(list[i], at.idx(i), s.k); err != nil {
				return l, err
			}
		}
	default:
		return p.narrow(raw, at, s.k)
	}
	return loc{}, nil
}

// kinValue is a new kin-openapi value for an object of kind k.
func kinValue(k kind, v2 bool) any {
	if v2 {
		switch k {
		case kRoot:
			return &openapi2.T{}
		case kPathItem:
			return &openapi2.PathItem{}
		case kOperation:
			return &openapi2.Operation{}
		case kParameter:
			return &openapi2.Parameter{}
		case kResponses:
			return &openapi2.Responses{}
		case kResponse:
			return &openapi2.Response{}
		case kSchema:
			return &openapi2.SchemaRef{}
		}
		return nil
	}
	switch k {
	case kRoot:
		return &openapi3.T{}
	case kComponents:
		return &openapi3.Components{}
	case kPathItem:
		return &openapi3.PathItem{}
	case kOperation:
		return &openapi3.Operation{}
	case kParameter:
		return &openapi3.ParameterRef{}
	case kRequestBody:
		return &openapi3.RequestBodyRef{}
	case kResponses:
		return &openapi3.Responses{}
	case kResponse:
		return &openapi3.ResponseRef{}
	case kMediaType:
		return &openapi3.MediaType{}
	case kEncoding:
		return &openapi3.Encoding{}
	case kHeader:
		return &openapi3.HeaderRef{}
	case kExample:
		return &openapi3.ExampleRef{}
	case kLink:
		return &openapi3.LinkRef{}
	case kCallback:
		return &openapi3.CallbackRef{}
	case kSecurityScheme:
		return &openapi3.SecuritySchemeRef{}
	case kSchema:
		return &openapi3.SchemaRef{}
	case kDiscriminator:
		return &openapi3.Discriminator{}
	}
	return nil
}

// rootMember is a new kin-openapi value for a root member outside the
// reference model.
func rootMember(key string, v2 bool) any {
	switch key {
	case "info":
		return &openapi3.Info{}
	case "tags":
		return &openapi3.Tags{}
	case "externalDocs":
		return &openapi3.ExternalDocs{}
	}
	if v2 {
		switch key {
		case "securityDefinitions":
			return &map[string]*openapi2.SecurityScheme{}
		case "security":
			return &openapi2.SecurityRequirements{}
		}
		return nil
	}
	switch key {
	case "servers":
		return &openapi3.Servers{}
	case "security":
		return &openapi3.SecurityRequirements{}
	}
	return nil
}
