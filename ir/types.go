package ir

// Kind classifies a type or a type reference.
type Kind string

const (
	KindString  Kind = "string"
	KindInteger Kind = "integer"
	KindNumber  Kind = "number"
	KindBoolean Kind = "boolean"
	// KindTime is a timestamp; Format says which ("date-time", "date",
	// "zstack" for "Jun 7, 2017 9:20:28 PM", "rfc822").
	KindTime Kind = "time"
	// KindBinary is a file or byte stream.
	KindBinary Kind = "binary"
	// KindAny is any JSON value; KindRaw is a construct apigen could not
	// type, kept as raw JSON with a warning.
	KindAny  Kind = "any"
	KindRaw  Kind = "raw"
	KindList Kind = "list"
	KindMap  Kind = "map"
	// KindRef names a Type of the API.
	KindRef Kind = "ref"

	// Named type kinds.
	KindStruct Kind = "struct"
	KindEnum   Kind = "enum"
	KindUnion  Kind = "union"
	// KindAlias is a named list, map or primitive.
	KindAlias Kind = "alias"
)

// TypeRef is the type of a field, parameter, body or list element.
type TypeRef struct {
	Kind Kind `json:"kind"`
	// Format refines a primitive: int32, int64, float, double, date-time…
	Format string   `json:"format,omitempty"`
	Ref    string   `json:"ref,omitempty"`
	Elem   *TypeRef `json:"elem,omitempty"`
}

// Type is a named type of the API.
type Type struct {
	Name        string `json:"name"`
	Kind        Kind   `json:"kind"`
	Description string `json:"description,omitempty"`
	Since       string `json:"since,omitempty"`
	Deprecated  bool   `json:"deprecated,omitempty"`
	// Fields of a struct, in document order.
	Fields []*Field `json:"fields,omitempty"`
	// Base and Values of an enum; values are JSON literals.
	Base   Kind        `json:"base,omitempty"`
	Values []EnumValue `json:"values,omitempty"`
	// Variants of a union; Discriminator is its tag property, if any.
	Variants      []TypeRef `json:"variants,omitempty"`
	Discriminator string    `json:"discriminator,omitempty"`
	// Alias is the underlying type of a KindAlias.
	Alias *TypeRef `json:"alias,omitempty"`
	// AdditionalProperties, when set on a struct, types the undeclared keys.
	AdditionalProperties *TypeRef `json:"additionalProperties,omitempty"`
	Pos                  Pos      `json:"pos"`
}

// Field is one property of a struct type, by its wire name.
type Field struct {
	Name     string   `json:"name"`
	Type     TypeRef  `json:"type"`
	Required bool     `json:"required"`
	Nullable bool     `json:"nullable,omitempty"`
	Default  string   `json:"default,omitempty"`
	Enum     []string `json:"enum,omitempty"`
	// Inferred is true when Default or Enum was read from description prose.
	Inferred    bool   `json:"inferred,omitempty"`
	Since       string `json:"since,omitempty"`
	Description string `json:"description,omitempty"`
	Deprecated  bool   `json:"deprecated,omitempty"`
	ReadOnly    bool   `json:"readOnly,omitempty"`
	Pos         Pos    `json:"pos"`
}

// EnumValue is one allowed value; Value is a JSON literal.
type EnumValue struct {
	Value       string `json:"value"`
	Description string `json:"description,omitempty"`
}

// Field looks up a field by wire name; nil when absent.
func (t *Type) Field(name string) *Field {
	for _, f := range t.Fields {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// Prim returns a reference to a primitive kind.
func Prim(k Kind, format string) TypeRef { return TypeRef{Kind: k, Format: format} }

// Ref returns a reference to a named type.
func Ref(name string) TypeRef { return TypeRef{Kind: KindRef, Ref: name} }

// ListOf returns a list of elem.
func ListOf(elem TypeRef) TypeRef { return TypeRef{Kind: KindList, Elem: &elem} }

// MapOf returns a string-keyed map of elem.
func MapOf(elem TypeRef) TypeRef { return TypeRef{Kind: KindMap, Elem: &elem} }

// RenameRefs points r, and the list and map elements inside it, from each
// old name in to at its new name. Elements are copied before they change:
// parsers share Elem pointers between types, and a rename must reach only
// the references it is applied to.
func RenameRefs(r *TypeRef, to map[string]string) {
	if n, ok := to[r.Ref]; ok && r.Kind == KindRef {
		r.Ref = n
	}
	if r.Elem != nil {
		e := *r.Elem
		RenameRefs(&e, to)
		r.Elem = &e
	}
}

// String renders the reference compactly for diagnostics and tests:
// "string", "integer(int64)", "[]ref(Pet)", "map[string]any".
func (r TypeRef) String() string {
	switch r.Kind {
	case KindList:
		if r.Elem == nil {
			return "[]any"
		}
		return "[]" + r.Elem.String()
	case KindMap:
		if r.Elem == nil {
			return "map[string]any"
		}
		return "map[string]" + r.Elem.String()
	case KindRef:
		return "ref(" + r.Ref + ")"
	}
	if r.Format != "" {
		return string(r.Kind) + "(" + r.Format + ")"
	}
	return string(r.Kind)
}
