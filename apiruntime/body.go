package apiruntime

import (
	"encoding/json"
	"reflect"
)

// JSONBody is a request body assembled parameter by parameter, as ZStack's
// {"params": {...}} and {"changeClusterState": {...}} bodies are. Keys are
// wire names; encoding/json writes them sorted, so bodies are stable.
type JSONBody map[string]any

// Set puts v at b[name], or at b[wrapper][name] when wrapper is not "".
// Unset values (nil, nil pointers, absent Nullable, nil slices and maps)
// are skipped, so optional parameters the caller left alone are not sent;
// a null Nullable is sent as JSON null.
func (b JSONBody) Set(wrapper, name string, v any) {
	if unset(v) {
		return
	}
	if wrapper == "" {
		b[name] = v
		return
	}
	b.Object(wrapper)[name] = v
}

// Object returns the object at b[key], creating it when missing. Action
// bodies call it for their wrapper key so that an action without
// parameters still sends {"startVmInstance": {}}: the key names the action.
func (b JSONBody) Object(key string) JSONBody {
	switch m := b[key].(type) {
	case JSONBody:
		return m
	case map[string]any:
		return JSONBody(m)
	}
	m := JSONBody{}
	b[key] = m
	return m
}

func unset(v any) bool {
	if v == nil {
		return true
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
		if rv.IsNil() {
			return true
		}
	}
	if unsetUnion(v) {
		return true
	}
	if n, ok := v.(nullable); ok {
		_, state := n.wire()
		return state == stateAbsent
	}
	return false
}

// union is what generated unions have: the JSON set, empty when unset.
type union interface{ Raw() json.RawMessage }

// unsetUnion reports whether v is a union (or a pointer to one) that was
// never set: it is left out of bodies, forms and queries, never sent as
// null or "key=".
func unsetUnion(v any) bool {
	u, ok := v.(union)
	if !ok {
		return false
	}
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && rv.IsNil() {
		return true
	}
	return len(u.Raw()) == 0
}
