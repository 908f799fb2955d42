package apiruntime

import (
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"time"
)

// nullable lets the formatters see inside a Nullable[T] without knowing T.
type nullable interface {
	wire() (v any, state nullState)
}

// formatValue renders one scalar for a path segment, query value or header.
// ok is false when v is unset (nil, nil pointer, absent Nullable), which the
// callers skip; a null Nullable renders as "".
func formatValue(v any) (s string, ok bool) {
	if v == nil {
		return "", false
	}
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && rv.IsNil() || unsetUnion(v) {
		return "", false
	}
	switch x := v.(type) {
	case nullable:
		inner, state := x.wire()
		switch state {
		case stateAbsent:
			return "", false
		case stateNull:
			return "", true
		}
		return formatValue(inner)
	case string:
		return x, true
	case bool:
		return strconv.FormatBool(x), true
	case time.Time:
		return x.Format(time.RFC3339Nano), true
	case *time.Time:
		return x.Format(time.RFC3339Nano), true
	case Time:
		return x.Format(time.RFC3339Nano), true
	case json.Number:
		return string(x), true
	}
	rv := deref(reflect.ValueOf(v))
	if !rv.IsValid() {
		return "", false
	}
	if rv.CanInterface() {
		switch x := rv.Interface().(type) {
		case nullable, time.Time, Time:
			return formatValue(x)
		}
	}
	switch rv.Kind() {
	case reflect.String:
		return rv.String(), true
	case reflect.Bool:
		return strconv.FormatBool(rv.Bool()), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(rv.Int(), 10), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.FormatUint(rv.Uint(), 10), true
	case reflect.Float32:
		return strconv.FormatFloat(rv.Float(), 'f', -1, 32), true
	case reflect.Float64:
		return strconv.FormatFloat(rv.Float(), 'f', -1, 64), true
	}
	if rv.CanInterface() {
		if tm, ok := rv.Interface().(encoding.TextMarshaler); ok {
			if b, err := tm.MarshalText(); err == nil {
				return string(b), true
			}
		}
		if st, ok := rv.Interface().(fmt.Stringer); ok {
			return st.String(), true
		}
	}
	// Structs and maps have no plain form; JSON is the least surprising
	// one a server might accept (OpenAPI "content" parameters).
	if b, err := json.Marshal(rv.Interface()); err == nil {
		return string(b), true
	}
	return fmt.Sprint(rv.Interface()), true
}

// deref follows pointers and interfaces to the value they hold; the zero
// Value (not IsValid) when one of them is nil.
func deref(rv reflect.Value) reflect.Value {
	for rv.Kind() == reflect.Pointer || rv.Kind() == reflect.Interface {
		if rv.IsNil() {
			return reflect.Value{}
		}
		rv = rv.Elem()
	}
	return rv
}

// listValues returns the elements of a slice or array v (after following
// pointers), or ok=false when v is not one. []byte is not a list.
func listValues(v any) (elems []any, ok bool) {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return nil, false
		}
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
		return nil, false
	}
	if rv.Type().Elem().Kind() == reflect.Uint8 {
		return nil, false
	}
	elems = make([]any, rv.Len())
	for i := range elems {
		elems[i] = rv.Index(i).Interface()
	}
	return elems, true
}
