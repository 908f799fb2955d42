package ir

// Family names the API family, which selects the runtime a generated client
// talks through (auth, signing, async jobs, paging, errors).
type Family string

const (
	FamilyOpenAPI    Family = "openapi"
	FamilyZStack     Family = "zstack"
	FamilyQingCloud  Family = "qingcloud"
	FamilyCloudTower Family = "cloudtower"
)

// Families lists every family, in the order help texts name them.
func Families() []Family {
	return []Family{FamilyOpenAPI, FamilyZStack, FamilyQingCloud, FamilyCloudTower}
}

// API is everything apigen knows about one API, from one or more input files.
type API struct {
	Name        string     `json:"name,omitempty"`
	Family      Family     `json:"family"`
	Version     string     `json:"version,omitempty"`
	Description string     `json:"description,omitempty"`
	Servers     []string   `json:"servers,omitempty"`
	Security    []Security `json:"security,omitempty"`
	// Versions lists the releases this API was assembled from, oldest first,
	// when since-versions were derived from release history.
	Versions []string `json:"versions,omitempty"`
	// Tolerant is true when the API's servers are known to send numbers
	// and booleans as strings where the docs say Integer, Number or
	// Boolean (ZStack, QingCloud): what the client decodes from them must
	// take either. Parsers set it for the families whose servers do.
	Tolerant   bool         `json:"tolerant,omitempty"`
	Operations []*Operation `json:"operations"`
	Types      []*Type      `json:"types"`
}

// Security is one authentication scheme an API declares.
type Security struct {
	Name string       `json:"name"`
	Kind SecurityKind `json:"kind"`
	// In and Param locate an API key: header, query or cookie, and its name.
	In    string `json:"in,omitempty"`
	Param string `json:"param,omitempty"`
}

// SecurityKind is how a scheme authenticates.
type SecurityKind string

const (
	SecurityAPIKey SecurityKind = "apiKey"
	SecurityBearer SecurityKind = "bearer"
	SecurityBasic  SecurityKind = "basic"
	// SecurityOAuth2 ends in a bearer token obtained outside the client.
	SecurityOAuth2 SecurityKind = "oauth2"
	// SecuritySession is ZStack's login: "Authorization: OAuth <session>".
	SecuritySession SecurityKind = "session"
	// SecuritySignature is QingCloud's HMAC-signed query.
	SecuritySignature SecurityKind = "signature"
	// SecurityToken is CloudTower's login token in Authorization.
	SecurityToken SecurityKind = "token"
)

// SecurityKinds lists every kind, for validation and help texts.
func SecurityKinds() []SecurityKind {
	return []SecurityKind{SecurityAPIKey, SecurityBearer, SecurityBasic, SecurityOAuth2, SecuritySession, SecuritySignature, SecurityToken}
}

// Type looks up a named type; nil when absent.
func (a *API) Type(name string) *Type {
	for _, t := range a.Types {
		if t.Name == name {
			return t
		}
	}
	return nil
}

// Operation looks up an operation by name; nil when absent.
func (a *API) Operation(name string) *Operation {
	for _, o := range a.Operations {
		if o.Name == name {
			return o
		}
	}
	return nil
}
