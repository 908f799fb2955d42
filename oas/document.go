package oas

import (
	"encoding/json"
	"io"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/apigen-dev/apigen/ir"
)

// Format is how the document is written.
type Format string

const (
	JSON Format = "json"
	YAML Format = "yaml"
)

// FormatOf picks the format from a file name: YAML for .yaml and .yml,
// JSON otherwise.
func FormatOf(name string) Format {
	lower := strings.ToLower(name)
	if strings.HasSuffix(lower, ".yaml") || strings.HasSuffix(lower, ".yml") {
		return YAML
	}
	return JSON
}

// Write writes api as an OpenAPI 3.1 document. The API is only read.
func Write(w io.Writer, api *ir.API, f Format) error {
	doc := Document(api)
	if f == YAML {
		enc := yaml.NewEncoder(w)
		enc.SetIndent(2)
		if err := enc.Encode(doc); err != nil {
			return err
		}
		return enc.Close()
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

var paramName = regexp.MustCompile(`\{[^}]*\}`)

// Document builds the document as an ordered tree.
func Document(api *ir.API) *object {
	title := api.Name
	if title == "" {
		title = "API"
	}
	version := api.Version
	if version == "" {
		version = "0" // required by OpenAPI; x-apigen-no-version says it is made up
	}
	doc := obj().set("openapi", "3.1.0")
	doc.set("info", obj().set("title", title).set("version", version).set("description", api.Description))
	doc.set("x-apigen-family", string(api.Family))
	doc.set("x-apigen-no-version", api.Version == "")
	doc.set("x-apigen-versions", api.Versions)
	doc.set("x-apigen-tolerant", api.Tolerant)
	var servers []any
	for _, s := range api.Servers {
		servers = append(servers, obj().set("url", s))
	}
	doc.set("servers", servers)

	schemes := obj()
	var security []any
	for _, s := range api.Security {
		schemes.put(s.Name, securityScheme(s))
		security = append(security, obj().put(s.Name, []any{}))
	}
	doc.set("security", security)

	paths := obj()
	shapes := map[string]string{} // path with parameter names blanked → its key
	for _, o := range api.Operations {
		key, method := pathKey(o)
		item, _ := paths.get(key).(*object)
		shape := paramName.ReplaceAllString(key, "{}")
		if first, ok := shapes[shape]; ok && first != key || item != nil && item.get(method) != nil {
			// Two documented APIs on one method and path, or on paths that
			// differ only in a parameter's name (ZStack's {uuid} and
			// {imageStoreUuid}), which OpenAPI forbids: keep both, told apart
			// the way action-style APIs are.
			key += "?operation=" + o.Name
			item, _ = paths.get(key).(*object)
		} else if !ok {
			shapes[shape] = key
		}
		if item == nil {
			item = obj()
			paths.put(key, item)
		}
		item.put(method, operation(o, len(api.Security) > 0))
	}
	doc.put("paths", paths)

	types := obj()
	for _, t := range api.Types {
		types.put(t.Name, namedType(t))
	}
	doc.set("components", obj().set("schemas", types).set("securitySchemes", schemes))
	return doc
}

// pathKey places an operation in paths. Action-style APIs (QingCloud) send
// every call to one path, told apart by the action parameter: the action
// goes into the key as a query, as tools that show such APIs expect.
func pathKey(o *ir.Operation) (string, string) {
	method := strings.ToLower(o.Method)
	if method == "" {
		method = "get"
	}
	path := o.Path
	if path == "" {
		path = "/"
	}
	if o.Action != "" {
		path += "?action=" + o.Action
	}
	return path, method
}

// securityScheme renders one scheme; the families' own kinds (ZStack's
// session, QingCloud's signature, CloudTower's token) become the API keys
// they travel as, with x-apigen-kind saying which.
func securityScheme(s ir.Security) *object {
	o := obj()
	switch s.Kind {
	case ir.SecurityBearer:
		return o.set("type", "http").set("scheme", "bearer")
	case ir.SecurityBasic:
		return o.set("type", "http").set("scheme", "basic")
	case ir.SecurityOAuth2:
		return o.set("type", "oauth2").put("flows", obj())
	case ir.SecurityAPIKey:
		return o.set("type", "apiKey").set("in", s.In).set("name", s.Param)
	}
	in, name := s.In, s.Param
	implicit := in == ""
	if implicit {
		in, name = "header", "Authorization"
		if s.Kind == ir.SecuritySignature {
			in, name = "query", "signature"
		}
	}
	return o.set("type", "apiKey").set("in", in).set("name", name).set("x-apigen-kind", string(s.Kind)).set("x-apigen-implicit", implicit)
}
