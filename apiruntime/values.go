package apiruntime

import (
	"bytes"
	"encoding/json"
)

// Ptr returns a pointer to v, for setting optional parameters inline:
// Params{Limit: apiruntime.Ptr(10)}.
func Ptr[T any](v T) *T { return &v }

type nullState uint8

const (
	stateAbsent nullState = iota
	stateNull
	stateValue
)

// Nullable is a field that can be absent, explicitly null, or a value —
// three states a pointer cannot tell apart. Its zero value is absent and
// reports IsZero, so a `json:",omitzero"` field is dropped from the JSON
// while a null one is written as null.
type Nullable[T any] struct {
	value T
	state nullState
}

// Value returns a Nullable holding v.
func Value[T any](v T) Nullable[T] { return Nullable[T]{value: v, state: stateValue} }

// Null returns a Nullable that is explicitly null.
func Null[T any]() Nullable[T] { return Nullable[T]{state: stateNull} }

// Get returns the value and whether there is one (false when absent or null).
func (n Nullable[T]) Get() (T, bool) { return n.value, n.state == stateValue }

// IsNull reports whether n is explicitly null.
func (n Nullable[T]) IsNull() bool { return n.state == stateNull }

// IsZero reports whether n is absent; encoding/json's omitzero uses it.
func (n Nullable[T]) IsZero() bool { return n.state == stateAbsent }

func (n Nullable[T]) wire() (any, nullState) { return n.value, n.state }

// MarshalJSON writes the value, or null when n is null (or absent but not
// omitted by omitzero).
func (n Nullable[T]) MarshalJSON() ([]byte, error) {
	if n.state != stateValue {
		return []byte("null"), nil
	}
	return json.Marshal(n.value)
}

// UnmarshalJSON reads null as Null and anything else as a value. A field
// missing from the JSON never reaches here and so stays absent.
func (n *Nullable[T]) UnmarshalJSON(b []byte) error {
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		var zero T
		*n = Nullable[T]{value: zero, state: stateNull}
		return nil
	}
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*n = Value(v)
	return nil
}
