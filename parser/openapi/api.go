package openapi

import (
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apigen-dev/apigen/ir"
)

// parser holds the state of one Parse call.
type parser struct {
	file  string
	root  loc  // the source tree: positions and key order
	v2    bool // the source is Swagger 2.0, converted to doc
	doc   *openapi3.T
	api   *ir.API
	diags []ir.Diagnostic
	// names holds every type name given out, so inline names stay unique.
	names nameSet
	// inline memoizes schemas already typed as a named (or raw) type, by
	// pointer: kin-openapi resolves every reference to the same *Schema, so
	// this also makes recursion terminate.
	inline map[*openapi3.Schema]ir.TypeRef
	// types indexes api.Types by name.
	types map[string]*ir.Type
	// active holds the unnamed schemas (lists, maps, wrappers) being typed,
	// to stop one that contains itself.
	active map[*openapi3.Schema]bool
	// order stands in for the "properties" node of schemas the source does
	// not have as such (Swagger 2.0 form bodies, assembled from parameters).
	order map[*openapi3.Schema]loc
	// produces holds Swagger 2.0 operations' produces by "METHOD /path".
	produces map[string][]string
	// consumes holds Swagger 2.0 operations' request media types by
	// "METHOD /path" (consumes, or a Content-Type header parameter's
	// values), and accepts an Accept header parameter's values.
	consumes, accepts map[string][]string
}

// build converts the loaded document.
func (p *parser) build(opts Options) {
	p.api = &ir.API{Family: opts.Family, Operations: []*ir.Operation{}, Types: []*ir.Type{}}
	if info := p.doc.Info; info != nil {
		p.api.Name, p.api.Version, p.api.Description = info.Title, info.Version, info.Description
	}
	if p.api.Family == "" {
		p.api.Family = detectFamily(p.doc)
	}
	p.apigenDocument(opts)
	for _, s := range p.doc.Servers {
		if s != nil && s.URL != "" && !slices.Contains(p.api.Servers, s.URL) {
			p.api.Servers = append(p.api.Servers, s.URL)
		}
	}
	p.api.Security = p.security()
	p.defineComponents()
	p.operations()
	p.breakAliasCycles()
	if p.api.Family == ir.FamilyCloudTower {
		p.cloudTowerFilters()
	}
	if p.api.Family == ir.FamilyOpenAPI {
		p.detectPaging()
	}
}

// detectFamily recognises CloudTower by its title ("CloudTower APIs"), or,
// for releases before the rename ("Tower SDK API", 1.8.0), by a title
// mentioning Tower together with its WithTask_ response wrappers.
func detectFamily(doc *openapi3.T) ir.Family {
	if doc.Info == nil {
		return ir.FamilyOpenAPI
	}
	title := strings.ToLower(doc.Info.Title)
	if strings.Contains(title, "cloudtower") {
		return ir.FamilyCloudTower
	}
	if strings.Contains(title, "tower") && doc.Components != nil {
		for name := range doc.Components.Schemas {
			if strings.HasPrefix(name, "WithTask_") {
				return ir.FamilyCloudTower
			}
		}
	}
	return ir.FamilyOpenAPI
}

// security lists the declared security schemes by name. CloudTower's
// Authorization header key is the token its /login call returns, which the
// IR calls "token".
func (p *parser) security() []ir.Security {
	if p.doc.Components == nil {
		return nil
	}
	schemes := p.doc.Components.SecuritySchemes
	names := make([]string, 0, len(schemes))
	for name := range schemes {
		names = append(names, name)
	}
	slices.Sort(names)
	var out []ir.Security
	for _, name := range names {
		ref := schemes[name]
		if ref == nil || ref.Value == nil || unfollowed(ref.Value.Extensions) {
			continue // an unfollowed reference, already warned about
		}
		v := ref.Value
		s := ir.Security{Name: name}
		switch strings.ToLower(v.Type) {
		case "apikey":
			s.Kind, s.In, s.Param = ir.SecurityAPIKey, v.In, v.Name
			if p.api.Family == ir.FamilyCloudTower && v.In == "header" && strings.EqualFold(v.Name, "Authorization") {
				s.Kind = ir.SecurityToken
			}
		case "http":
			switch strings.ToLower(v.Scheme) {
			case "bearer":
				s.Kind = ir.SecurityBearer
			case "basic":
				s.Kind = ir.SecurityBasic
			default:
				p.warnf(p.securityLoc(name).pos, "unsupported-security", "security scheme %q uses HTTP %q authentication, which apigen does not support; it is left out", name, v.Scheme)
				continue
			}
		case "oauth2", "openidconnect":
			// Both end in a bearer token obtained outside the client.
			s.Kind = ir.SecurityOAuth2
		default:
			p.warnf(p.securityLoc(name).pos, "unsupported-security", "security scheme %q has type %q, which apigen does not support; it is left out", name, v.Type)
			continue
		}
		apigenSecurity(&s, v)
		out = append(out, s)
	}
	return out
}

func (p *parser) securityLoc(name string) loc {
	if p.v2 {
		return p.root.at("securityDefinitions", name)
	}
	return p.root.at("components", "securitySchemes", name)
}

// addType registers a named type.
func (p *parser) addType(t *ir.Type) {
	p.api.Types = append(p.api.Types, t)
	p.types[t.Name] = t
}
