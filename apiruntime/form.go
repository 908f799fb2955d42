package apiruntime

import (
	"bytes"
	"encoding"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
)

// maxFormDepth bounds nesting, so a value that points back to itself is an
// error rather than a stack overflow.
const maxFormDepth = 64

// EncodeForm encodes v — a struct (or a pointer to one) whose fields are
// named by their json tags, a string-keyed map, or a value whose JSON is an
// object — as an application/x-www-form-urlencoded body. It uses one scheme
// throughout, OpenAPI's deepObject style with indexed arrays, which is what
// Stripe reads:
//
//	name=Rex                      scalar
//	address[city]=Paris           nested object
//	metadata[order]=42            map entry (keys sorted, as Encode sorts anyway)
//	expand[0]=customer            list of scalars
//	items[0][price]=price_1       list of objects
//
// The values are the ones a JSON body would carry: nil pointers, absent
// Nullable values, nil slices and maps, and fields whose omitempty or
// omitzero tag drops them are left out; a null Nullable (or a JSON null)
// is sent as an empty value, which is how form APIs such as Stripe's clear
// a field. Booleans read true/false, numbers are plain decimals,
// timestamps RFC 3339, []byte base64 as in JSON. Values with their own
// MarshalJSON (unions, structs with additional properties, any and
// json.RawMessage holding JSON) are encoded from that JSON. An empty list
// or map has no form representation and sends nothing.
func EncodeForm(v any) (url.Values, error) {
	e := &formEncoder{out: url.Values{}}
	if err := e.top(v); err != nil {
		return nil, err
	}
	return e.out, nil
}

// AddQueryDeep adds parameter name to q in OpenAPI's deepObject style,
// flattened as EncodeForm flattens a field: created[gte]=5, expand[0]=x; a
// scalar is name=value. Unset values add nothing, as with AddQuery.
func AddQueryDeep(q url.Values, name string, v any) error {
	e := &formEncoder{out: q}
	if err := e.value(name, reflect.ValueOf(v), 0); err != nil {
		return fmt.Errorf("query parameter %q: %w", name, err)
	}
	return nil
}

type formEncoder struct {
	out url.Values
	// order lists out's keys as first added: multipart parts keep the
	// document's field order.
	order []string
	// files, when non-nil, receives []byte values as file parts instead of
	// base64 text (multipart bodies).
	files *[]filePart
}

// top encodes the outermost value, which must be an object: a form has no
// place for a bare scalar or list. Nil, or a nil pointer, encodes nothing.
func (e *formEncoder) top(v any) error {
	rv := deref(reflect.ValueOf(v))
	if !rv.IsValid() {
		return nil
	}
	if m, ok := marshalerOf(rv); ok {
		x, err := viaJSON(m)
		if err != nil {
			return fmt.Errorf("form: %w", err)
		}
		if _, ok := x.(map[string]any); !ok {
			return fmt.Errorf("form: %s encodes to JSON that is not an object", rv.Type())
		}
		return e.jsonValue("", x)
	}
	switch rv.Kind() {
	case reflect.Struct:
		return e.fields("", rv, 0)
	case reflect.Map:
		return e.value("", rv, 0)
	}
	return fmt.Errorf("form: cannot encode %s as a form: not an object", rv.Type())
}

// child is the key of a member of the object or list at key.
func child(key, name string) string {
	if key == "" {
		return name
	}
	return key + "[" + name + "]"
}

func (e *formEncoder) add(key, s string) {
	if _, ok := e.out[key]; !ok {
		e.order = append(e.order, key)
	}
	e.out[key] = append(e.out[key], s)
}

// fields encodes the exported fields of struct rv under key, by json tag.
func (e *formEncoder) fields(key string, rv reflect.Value, depth int) error {
	rt := rv.Type()
	for i := range rt.NumField() {
		sf := rt.Field(i)
		name, opts, tagged := strings.Cut(sf.Tag.Get("json"), ",")
		if name == "-" && !tagged {
			continue
		}
		fv := rv.Field(i)
		if sf.Anonymous && name == "" {
			// An untagged embedded struct's fields count as the outer
			// struct's, as in encoding/json.
			ev := fv
			if ev.Kind() == reflect.Pointer {
				if ev.IsNil() {
					continue
				}
				ev = ev.Elem()
			}
			if ev.Kind() == reflect.Struct {
				if err := e.fields(key, ev, depth+1); err != nil {
					return err
				}
				continue
			}
		}
		if !sf.IsExported() {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		if omitted(fv, opts) {
			continue
		}
		if err := e.value(child(key, name), fv, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// omitted applies the omitempty and omitzero options as encoding/json does.
func omitted(fv reflect.Value, opts string) bool {
	for _, o := range strings.Split(opts, ",") {
		switch o {
		case "omitempty":
			switch fv.Kind() {
			case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
				if fv.Len() == 0 {
					return true
				}
			case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
				reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
				reflect.Float32, reflect.Float64, reflect.Interface, reflect.Pointer:
				if fv.IsZero() {
					return true
				}
			}
		case "omitzero":
			if z, ok := fv.Interface().(interface{ IsZero() bool }); ok {
				if fv.Kind() != reflect.Pointer || !fv.IsNil() {
					if z.IsZero() {
						return true
					}
					continue
				}
			}
			if fv.IsZero() {
				return true
			}
		}
	}
	return false
}

// value encodes rv at key.
func (e *formEncoder) value(key string, rv reflect.Value, depth int) error {
	if depth > maxFormDepth {
		return fmt.Errorf("form: %s: nested more than %d levels deep (a cycle?)", key, maxFormDepth)
	}
	rv = deref(rv)
	if !rv.IsValid() {
		return nil
	}
	if rv.CanInterface() {
		switch x := rv.Interface().(type) {
		case nullable:
			inner, state := x.wire()
			switch state {
			case stateAbsent:
				return nil
			case stateNull:
				e.add(key, "")
				return nil
			}
			return e.value(key, reflect.ValueOf(inner), depth+1)
		case Time:
			if !x.IsZero() {
				e.add(key, x.Format(time.RFC3339Nano))
			}
			return nil
		case time.Time:
			e.add(key, x.Format(time.RFC3339Nano))
			return nil
		case json.Number:
			e.add(key, string(x))
			return nil
		case File:
			if x == (File{}) {
				return nil // unset, like a nil *File
			}
			return e.file(key, &x)
		case *File:
			return e.file(key, x)
		}
		if rv.Type() == reflect.TypeFor[json.RawMessage]() && rv.Len() == 0 || unsetUnion(rv.Interface()) {
			return nil // unset, like a nil slice
		}
		if m, ok := marshalerOf(rv); ok {
			x, err := viaJSON(m)
			if err != nil {
				return fmt.Errorf("form: %s: %w", key, err)
			}
			return e.jsonValue(key, x)
		}
		if tm, ok := textMarshalerOf(rv); ok {
			b, err := tm.MarshalText()
			if err != nil {
				return fmt.Errorf("form: %s: %w", key, err)
			}
			e.add(key, string(b))
			return nil
		}
	}
	switch rv.Kind() {
	case reflect.String:
		e.add(key, rv.String())
	case reflect.Bool:
		e.add(key, strconv.FormatBool(rv.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.add(key, strconv.FormatInt(rv.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		e.add(key, strconv.FormatUint(rv.Uint(), 10))
	case reflect.Float32:
		e.add(key, strconv.FormatFloat(rv.Float(), 'f', -1, 32))
	case reflect.Float64:
		e.add(key, strconv.FormatFloat(rv.Float(), 'f', -1, 64))
	case reflect.Struct:
		return e.fields(key, rv, depth)
	case reflect.Map:
		return e.mapEntries(key, rv, depth)
	case reflect.Slice, reflect.Array:
		if rv.Kind() == reflect.Slice && rv.IsNil() {
			return nil
		}
		if rv.Type().Elem().Kind() == reflect.Uint8 {
			// As encoding/json writes bytes.
			b := make([]byte, rv.Len())
			reflect.Copy(reflect.ValueOf(b), rv)
			if e.files != nil {
				*e.files = append(*e.files, filePart{key: key, data: b})
				return nil
			}
			e.add(key, base64.StdEncoding.EncodeToString(b))
			return nil
		}
		for i := range rv.Len() {
			if err := e.value(child(key, strconv.Itoa(i)), rv.Index(i), depth+1); err != nil {
				return err
			}
		}
	default:
		return fmt.Errorf("form: %s: cannot encode %s", key, rv.Type())
	}
	return nil
}

// jsonValue encodes decoded JSON. Unlike a nil Go pointer, which means
// "not set", a JSON null was written on purpose: it is sent empty, as a
// null Nullable is.
func (e *formEncoder) jsonValue(key string, x any) error {
	switch x := x.(type) {
	case nil:
		e.add(key, "")
	case string:
		e.add(key, x)
	case json.Number:
		e.add(key, string(x))
	case bool:
		e.add(key, strconv.FormatBool(x))
	case []any:
		for i, el := range x {
			if err := e.jsonValue(child(key, strconv.Itoa(i)), el); err != nil {
				return err
			}
		}
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			if err := e.jsonValue(child(key, k), x[k]); err != nil {
				return err
			}
		}
	}
	return nil
}

// mapEntries encodes a map as key[k]=v, in key order so errors and any
// order-sensitive reader see the same thing every time.
func (e *formEncoder) mapEntries(key string, rv reflect.Value, depth int) error {
	if rv.IsNil() {
		return nil
	}
	type entry struct {
		k string
		v reflect.Value
	}
	entries := make([]entry, 0, rv.Len())
	for it := rv.MapRange(); it.Next(); {
		k, err := mapKey(it.Key())
		if err != nil {
			return fmt.Errorf("form: %s: %w", key, err)
		}
		entries = append(entries, entry{k, it.Value()})
	}
	slices.SortFunc(entries, func(a, b entry) int { return strings.Compare(a.k, b.k) })
	for _, en := range entries {
		if err := e.value(child(key, en.k), en.v, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// mapKey renders a map key as encoding/json does: strings, text
// marshalers, integers.
func mapKey(k reflect.Value) (string, error) {
	if k.Kind() == reflect.String {
		return k.String(), nil
	}
	if tm, ok := k.Interface().(encoding.TextMarshaler); ok {
		b, err := tm.MarshalText()
		return string(b), err
	}
	switch k.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(k.Int(), 10), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.FormatUint(k.Uint(), 10), nil
	}
	return "", fmt.Errorf("unsupported map key type %s", k.Type())
}

// marshalerOf returns rv's MarshalJSON, also through a pointer receiver
// when rv is addressable.
func marshalerOf(rv reflect.Value) (json.Marshaler, bool) {
	if rv.Type().Implements(reflect.TypeFor[json.Marshaler]()) {
		m, ok := rv.Interface().(json.Marshaler)
		return m, ok
	}
	if rv.CanAddr() && reflect.PointerTo(rv.Type()).Implements(reflect.TypeFor[json.Marshaler]()) {
		m, ok := rv.Addr().Interface().(json.Marshaler)
		return m, ok
	}
	return nil, false
}

func textMarshalerOf(rv reflect.Value) (encoding.TextMarshaler, bool) {
	if rv.Type().Implements(reflect.TypeFor[encoding.TextMarshaler]()) {
		m, ok := rv.Interface().(encoding.TextMarshaler)
		return m, ok
	}
	if rv.CanAddr() && reflect.PointerTo(rv.Type()).Implements(reflect.TypeFor[encoding.TextMarshaler]()) {
		m, ok := rv.Addr().Interface().(encoding.TextMarshaler)
		return m, ok
	}
	return nil, false
}

// viaJSON turns a value with its own JSON form into plain Go values
// (maps, slices, json.Number, strings, booleans, nil) to encode.
func viaJSON(m json.Marshaler) (any, error) {
	b, err := m.MarshalJSON()
	if err != nil {
		return nil, err
	}
	return decodeJSON(b)
}

func decodeJSON(b []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var x any
	if err := d.Decode(&x); err != nil {
		return nil, err
	}
	return x, nil
}

// file adds f as a file part of a multipart body; a form has no place for
// one.
func (e *formEncoder) file(key string, f *File) error {
	switch {
	case f == nil:
		return nil
	case e.files == nil:
		return fmt.Errorf("form: %s: a file goes only in a multipart body", key)
	case f.Content == nil:
		return fmt.Errorf("form: %s: %w", key, errNoContent)
	}
	*e.files = append(*e.files, filePart{key: key, file: f})
	return nil
}
