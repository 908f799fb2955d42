package qingcloud

import (
	"encoding"
	"encoding/json"
	"fmt"
	"net/url"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"
)

// TimeFormat is how time values travel: UTC ISO 8601 to the second, the
// format parameters.md gives for time_stamp ("2013-08-27T13:58:35Z").
const TimeFormat = "2006-01-02T15:04:05Z"

// Encode turns a generated param struct into QingCloud query parameters,
// reading wire names from json tags:
//
//   - scalars as is; booleans as 1/0, the docs' convention for flags
//     (verbose, need_newsid, is_default are Integer 0/1) since no page says
//     how a Boolean parameter is written;
//   - times as UTC ISO 8601 (TimeFormat);
//   - lists dotted from 1: vxnets → vxnets.1, vxnets.2; lists of structs
//     rules → rules.1.protocol, rules.1.priority; nested structs and string
//     maps as name.field / name.key;
//   - nil pointers, nil or empty slices and maps, and absent Nullable values
//     are left out, so a documented default the caller did not set is never
//     sent; a null Nullable is sent empty ("name="), as the docs' own
//     examples send unset rule values.
//
// Non-pointer fields are required ones and are always sent, zero or not
// (rules.n.priority=0 is a real priority), whatever omitempty says: the tag
// is there for JSON, and Validate reports missing required values first.
// params may be nil, a struct or pointer to one, a string-keyed map, or
// url.Values (copied).
func Encode(params any) (url.Values, error) {
	q := url.Values{}
	if params == nil {
		return q, nil
	}
	if v, ok := params.(url.Values); ok {
		for k, vs := range v {
			q[k] = append([]string(nil), vs...)
		}
		return q, nil
	}
	v := reflect.ValueOf(params)
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return q, nil
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct && v.Kind() != reflect.Map {
		return nil, fmt.Errorf("encode params: want a struct, got %s", v.Type())
	}
	if err := encodeValue(q, "", v); err != nil {
		return nil, err
	}
	return q, nil
}

var (
	timeType          = reflect.TypeFor[time.Time]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
	numberType        = reflect.TypeFor[json.Number]()
)

func join(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

func encodeValue(q url.Values, key string, v reflect.Value) error {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return nil
		}
		v = v.Elem()
	}
	if t, ok := asTime(v); ok {
		q.Set(key, t.UTC().Format(TimeFormat))
		return nil
	}
	if inner, state := nullable(v); state != notNullable {
		switch state {
		case nullAbsent:
			return nil
		case nullNull:
			q.Set(key, "")
			return nil
		}
		return encodeValue(q, key, inner)
	}
	if v.Type() == numberType {
		q.Set(key, v.String())
		return nil
	}
	if v.Kind() != reflect.String && v.Type().Implements(textMarshalerType) {
		b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil {
			return fmt.Errorf("encode %s: %w", key, err)
		}
		q.Set(key, string(b))
		return nil
	}
	switch v.Kind() {
	case reflect.String:
		q.Set(key, v.String())
	case reflect.Bool:
		if v.Bool() {
			q.Set(key, "1")
		} else {
			q.Set(key, "0")
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		q.Set(key, strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		q.Set(key, strconv.FormatUint(v.Uint(), 10))
	case reflect.Float32, reflect.Float64:
		q.Set(key, strconv.FormatFloat(v.Float(), 'f', -1, v.Type().Bits()))
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8 {
			q.Set(key, string(v.Bytes()))
			return nil
		}
		for i := range v.Len() {
			if err := encodeValue(q, join(key, strconv.Itoa(i+1)), v.Index(i)); err != nil {
				return err
			}
		}
	case reflect.Map:
		if v.Type().Key().Kind() != reflect.String {
			return fmt.Errorf("encode %s: map key type %s is not a string", key, v.Type().Key())
		}
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			if err := encodeValue(q, join(key, k.String()), v.MapIndex(k)); err != nil {
				return err
			}
		}
	case reflect.Struct:
		return encodeStruct(q, key, v)
	default:
		return fmt.Errorf("encode %s: unsupported type %s", key, v.Type())
	}
	return nil
}

func encodeStruct(q url.Values, prefix string, v reflect.Value) error {
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" {
			// Embedded structs flatten into the parent, as in encoding/json.
			fv := v.Field(i)
			for fv.Kind() == reflect.Pointer {
				if fv.IsNil() {
					break
				}
				fv = fv.Elem()
			}
			if fv.Kind() == reflect.Struct {
				if err := encodeStruct(q, prefix, fv); err != nil {
					return err
				}
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		if err := encodeValue(q, join(prefix, name), v.Field(i)); err != nil {
			return err
		}
	}
	return nil
}

// asTime recognises time.Time and wrappers that embed it first
// (apiruntime.Time), which would otherwise encode as a struct.
func asTime(v reflect.Value) (time.Time, bool) {
	if v.Type() == timeType {
		return v.Interface().(time.Time), true
	}
	if v.Kind() == reflect.Struct && v.NumField() > 0 {
		f := v.Type().Field(0)
		if f.Anonymous && f.Type == timeType {
			return v.Field(0).Interface().(time.Time), true
		}
	}
	return time.Time{}, false
}

type nullState int

const (
	notNullable nullState = iota
	nullAbsent
	nullNull
	nullValue
)

// nullable reads an apiruntime.Nullable-shaped value through its methods
// (IsZero, IsNull, Get) so this package need not know its type parameter.
func nullable(v reflect.Value) (reflect.Value, nullState) {
	if v.Kind() != reflect.Struct {
		return reflect.Value{}, notNullable
	}
	isNull := v.MethodByName("IsNull")
	isZero := v.MethodByName("IsZero")
	get := v.MethodByName("Get")
	if !isNull.IsValid() || !isZero.IsValid() || !get.IsValid() {
		return reflect.Value{}, notNullable
	}
	boolFunc := func(m reflect.Value) bool {
		mt := m.Type()
		return mt.NumIn() == 0 && mt.NumOut() == 1 && mt.Out(0).Kind() == reflect.Bool
	}
	gt := get.Type()
	if !boolFunc(isNull) || !boolFunc(isZero) || gt.NumIn() != 0 || gt.NumOut() != 2 || gt.Out(1).Kind() != reflect.Bool {
		return reflect.Value{}, notNullable
	}
	if isZero.Call(nil)[0].Bool() {
		return reflect.Value{}, nullAbsent
	}
	if isNull.Call(nil)[0].Bool() {
		return reflect.Value{}, nullNull
	}
	out := get.Call(nil)
	if !out[1].Bool() {
		return reflect.Value{}, nullAbsent
	}
	return out[0], nullValue
}
