package irdiff

import (
	"cmp"
	"slices"

	"github.com/apigen-dev/apigen/ir"
)

// Change is one difference between the old and the new API.
type Change struct {
	// Kind names the class of change ("param-added", "field-type-changed"…;
	// see the Kind constants).
	Kind     Kind `json:"kind"`
	Breaking bool `json:"breaking"`
	// Operation is the operation's wire name; Method and Path its HTTP
	// endpoint (empty for action-style APIs). A change to a shared type
	// names the first operation it reaches and lists all in Operations.
	Operation  string   `json:"operation"`
	Method     string   `json:"method,omitempty"`
	Path       string   `json:"path,omitempty"`
	Operations []string `json:"operations,omitempty"`
	// Type is the named type a type-level change is in.
	Type string `json:"type,omitempty"`
	// Where says what inside the operation or type changed:
	// `param "limit" (query)`, `field "status"`, `response`.
	Where string `json:"where"`
	From  string `json:"from,omitempty"`
	To    string `json:"to,omitempty"`
	// Message is the change in one sentence.
	Message string `json:"message"`
	// Pos is where the change is in the new docs (the old, for removals).
	Pos ir.Pos `json:"pos"`
}

// Kind classes a change.
type Kind string

// Operation-level kinds.
const (
	OperationAdded       Kind = "operation-added"
	OperationRemoved     Kind = "operation-removed"
	OperationRenamed     Kind = "operation-renamed"
	EndpointChanged      Kind = "endpoint-changed"
	ActionChanged        Kind = "action-changed"
	OperationDeprecated  Kind = "operation-deprecated"
	AuthRequired         Kind = "auth-required"
	AuthDropped          Kind = "auth-dropped"
	AsyncChanged         Kind = "async-changed"
	PagingChanged        Kind = "paging-changed"
	BodyKeyChanged       Kind = "body-key-changed"
	SinceChanged         Kind = "since-changed"
	BodyAdded            Kind = "body-added"
	BodyRemoved          Kind = "body-removed"
	BodyTypeChanged      Kind = "body-type-changed"
	BodyMediaChanged     Kind = "body-media-type-changed"
	BodyMediaAdded       Kind = "body-media-type-added"
	BodyMediaRemoved     Kind = "body-media-type-removed"
	BodyRequired         Kind = "body-required"
	BodyOptional         Kind = "body-optional"
	ResponseTypeChanged  Kind = "response-type-changed"
	ResponseMediaChanged Kind = "response-media-type-changed"
	ResponseMediaAdded   Kind = "response-media-type-added"
	ResponseMediaRemoved Kind = "response-media-type-removed"
	ResponseEnvelope     Kind = "response-envelope-changed"
	OperationServers     Kind = "operation-servers-changed"
	ErrorAdded           Kind = "error-response-added"
	ErrorRemoved         Kind = "error-response-removed"
	ErrorTypeChanged     Kind = "error-response-type-changed"
)

// Parameter kinds.
const (
	ParamAdded        Kind = "param-added"
	ParamRemoved      Kind = "param-removed"
	ParamMoved        Kind = "param-moved"
	ParamRequired     Kind = "param-required"
	ParamOptional     Kind = "param-optional"
	ParamTypeChanged  Kind = "param-type-changed"
	ParamTypeRenamed  Kind = "param-type-renamed"
	ParamWrapper      Kind = "param-wrapper-changed"
	ParamStyle        Kind = "param-style-changed"
	ParamDefault      Kind = "param-default-changed"
	ParamNullable     Kind = "param-nullable-changed"
	ParamDeprecated   Kind = "param-deprecated"
	ParamEnumAdded    Kind = "param-enum-value-added"
	ParamEnumRemoved  Kind = "param-enum-value-removed"
	ParamEnumRestrict Kind = "param-values-restricted"
	ParamEnumDropped  Kind = "param-values-unrestricted"
)

// Type kinds.
const (
	TypeAdded        Kind = "type-added"
	TypeRemoved      Kind = "type-removed"
	TypeKindChanged  Kind = "type-kind-changed"
	FieldAdded       Kind = "field-added"
	FieldRemoved     Kind = "field-removed"
	FieldTypeChanged Kind = "field-type-changed"
	FieldTypeRenamed Kind = "field-type-renamed"
	FieldRequired    Kind = "field-required"
	FieldOptional    Kind = "field-optional"
	FieldNullable    Kind = "field-nullable-changed"
	FieldDefault     Kind = "field-default-changed"
	FieldDeprecated  Kind = "field-deprecated"
	EnumValueAdded   Kind = "enum-value-added"
	EnumValueRemoved Kind = "enum-value-removed"
	// ValuesRestricted: a list of allowed values appears on a field that
	// took any; ValuesUnrestricted: the list goes.
	ValuesRestricted   Kind = "values-restricted"
	ValuesUnrestricted Kind = "values-unrestricted"
	VariantAdded       Kind = "union-variant-added"
	VariantRemoved     Kind = "union-variant-removed"
	AliasChanged       Kind = "alias-changed"
)

// API-level kinds.
const (
	FamilyChanged   Kind = "family-changed"
	SecurityAdded   Kind = "security-added"
	SecurityRemoved Kind = "security-removed"
	SecurityChanged Kind = "security-changed"
	ServersChanged  Kind = "servers-changed"
)

// Report is every change between two APIs, breaking ones first, then in a
// stable order (operation, type, where, kind), so a report diffs cleanly.
type Report struct {
	Old     string   `json:"old"`
	New     string   `json:"new"`
	Changes []Change `json:"changes"`
	// GoAPI lists what changes in the generated Go package; nil when the
	// packages were not compared.
	GoAPI []GoChange `json:"goApi,omitempty"`
}

// Breaking counts breaking changes, in the API and in the Go package.
func (r *Report) Breaking() int {
	n := 0
	for _, c := range r.Changes {
		if c.Breaking {
			n++
		}
	}
	for _, c := range r.GoAPI {
		if c.Breaking {
			n++
		}
	}
	return n
}

// Empty reports that nothing changed.
func (r *Report) Empty() bool { return len(r.Changes) == 0 && len(r.GoAPI) == 0 }

func sortChanges(cs []Change) {
	slices.SortStableFunc(cs, func(a, b Change) int {
		if a.Breaking != b.Breaking {
			if a.Breaking {
				return -1
			}
			return 1
		}
		return cmp.Or(
			cmp.Compare(a.Operation, b.Operation),
			cmp.Compare(a.Type, b.Type),
			cmp.Compare(a.Where, b.Where),
			cmp.Compare(a.Kind, b.Kind),
			cmp.Compare(a.From, b.From),
			cmp.Compare(a.To, b.To),
		)
	})
}
