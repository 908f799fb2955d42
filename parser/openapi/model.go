package openapi

// The OpenAPI document model, as far as references go: what kind of object
// sits under each key of each kind of object. The reference walk
// (refscan.go) follows it, so whether a "$ref" is a reference or data is
// decided by where it sits, never by the name of the key above it: a
// response's "default" is a Response object, a media type's "examples" hold
// Example objects (which may be references), while a schema's "default",
// "example" and "enum" are data and are not walked at all.

// kind is the kind of OpenAPI object at a place of the document.
type kind uint8

const (
	kNone kind = iota // data, or a place the model does not know: not walked
	kRoot
	kComponents
	kPathItem
	kOperation
	kParameter
	kRequestBody
	kResponses
	kResponse
	kMediaType
	kEncoding
	kHeader
	kExample
	kLink
	kCallback
	kSecurityScheme
	kSchema
	kDiscriminator
)

// what names a kind in diagnostics.
var what = [...]string{
	kPathItem:       "path item",
	kParameter:      "parameter",
	kRequestBody:    "request body",
	kResponse:       "response",
	kHeader:         "header",
	kExample:        "example",
	kLink:           "link",
	kCallback:       "callback",
	kSecurityScheme: "security scheme",
	kSchema:         "schema",
}

// many says how the value under a key holds objects of a kind.
type many uint8

const (
	one    many = iota
	mapOf       // an object whose members (x- keys aside) are objects of the kind
	listOf      // an array of them
)

// slot is what the value under one key holds.
type slot struct {
	k kind
	m many
}

// child is the slot under key in an object of kind k; v2 selects Swagger
// 2.0's model.
func child(k kind, key string, v2 bool) slot {
	switch k {
	case kRoot:
		switch key {
		case "paths", "webhooks":
			return slot{kPathItem, mapOf}
		case "components":
			return slot{kComponents, one}
		}
		if v2 {
			switch key {
			case "definitions":
				return slot{kSchema, mapOf}
			case "parameters":
				return slot{kParameter, mapOf}
			case "responses":
				return slot{kResponse, mapOf}
			}
		}
	case kComponents:
		if s, ok := sectionKind[key]; ok {
			return slot{s, mapOf}
		}
	case kPathItem:
		switch key {
		case "get", "put", "post", "delete", "options", "head", "patch", "trace", "query":
			return slot{kOperation, one}
		case "parameters":
			return slot{kParameter, listOf}
		case "additionalOperations":
			return slot{kOperation, mapOf}
		}
	case kOperation:
		switch key {
		case "parameters":
			return slot{kParameter, listOf}
		case "requestBody":
			return slot{kRequestBody, one}
		case "responses":
			return slot{kResponses, one}
		case "callbacks":
			return slot{kCallback, mapOf}
		}
	case kResponses:
		// Every status code, "default" included, holds a Response.
		if !isExtension(key) {
			return slot{kResponse, one}
		}
	case kCallback:
		// Every runtime expression holds a Path Item.
		if !isExtension(key) {
			return slot{kPathItem, one}
		}
	case kResponse:
		switch key {
		case "headers":
			if !v2 { // 2.0 headers are not references and hold no schema
				return slot{kHeader, mapOf}
			}
		case "content":
			return slot{kMediaType, mapOf}
		case "links":
			return slot{kLink, mapOf}
		case "schema":
			if v2 {
				return slot{kSchema, one}
			}
		}
	case kRequestBody:
		if key == "content" {
			return slot{kMediaType, mapOf}
		}
	case kMediaType:
		switch key {
		case "schema", "itemSchema":
			return slot{kSchema, one}
		case "examples":
			return slot{kExample, mapOf}
		case "encoding":
			return slot{kEncoding, mapOf}
		}
	case kEncoding:
		if key == "headers" {
			return slot{kHeader, mapOf}
		}
	case kParameter, kHeader:
		switch key {
		case "schema":
			return slot{kSchema, one}
		case "content":
			return slot{kMediaType, mapOf}
		case "examples":
			if !v2 {
				return slot{kExample, mapOf}
			}
		}
	case kSchema:
		switch key {
		case "properties", "patternProperties", "dependentSchemas", "$defs":
			return slot{kSchema, mapOf}
		case "items", "additionalProperties", "not", "contains", "propertyNames",
			"unevaluatedItems", "unevaluatedProperties", "if", "then", "else", "contentSchema":
			return slot{kSchema, one}
		case "allOf", "anyOf", "oneOf", "prefixItems":
			return slot{kSchema, listOf}
		case "discriminator":
			return slot{kDiscriminator, one}
		}
	}
	return slot{}
}

// sectionKind maps the sections of an OpenAPI 3 components object to the
// kind of their members.
var sectionKind = map[string]kind{
	"schemas":         kSchema,
	"responses":       kResponse,
	"parameters":      kParameter,
	"examples":        kExample,
	"requestBodies":   kRequestBody,
	"headers":         kHeader,
	"securitySchemes": kSecurityScheme,
	"links":           kLink,
	"callbacks":       kCallback,
	"pathItems":       kPathItem,
}

// section is where a component of kind k is declared, as the pointer of
// the object holding it ("/components/schemas"); "" for kinds a bundle
// puts in place instead (path items: 3.0 has no section for them).
func section(k kind, v2 bool) string {
	if v2 {
		switch k {
		case kSchema:
			return "/definitions"
		case kParameter:
			return "/parameters"
		case kResponse:
			return "/responses"
		}
		return ""
	}
	if k == kPathItem {
		return ""
	}
	for name, sk := range sectionKind {
		if sk == k {
			return "/components/" + name
		}
	}
	return ""
}

// refable reports whether an object of kind k may be a reference.
func refable(k kind) bool {
	return int(k) < len(what) && what[k] != ""
}

func isExtension(key string) bool {
	return len(key) > 2 && key[0] == 'x' && key[1] == '-'
}
