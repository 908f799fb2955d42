package zstack

import (
	"bytes"
	"encoding/json"
	"regexp"
	"slices"
	"strings"

	"github.com/apigen-dev/apigen/ir"
)

// decodeExample reads a Body or 返回示例 block. The manual's examples are
// mostly JSON, some with a trailing comma or a missing one; what still does
// not decode is nil, since examples only refine what the tables say.
func decodeExample(text string) map[string]any {
	text = strings.TrimSpace(text)
	if !strings.HasPrefix(text, "{") {
		return nil
	}
	if m, ok := decodeJSON(text); ok {
		return m
	}
	fixed := trailingCommaRe.ReplaceAllString(text, "$1")
	fixed = missingCommaRe.ReplaceAllString(fixed, "$1,\n$2")
	if m, ok := decodeJSON(fixed); ok {
		return m
	}
	return nil
}

var (
	trailingCommaRe = regexp.MustCompile(`,(\s*[}\]])`)
	// missingCommaRe puts a comma between a value that ends a line and a
	// key that starts the next one: `"apiTimeout":43200000` ⏎ `"location"`.
	missingCommaRe = regexp.MustCompile(`([0-9"}\]el])[ \t]*\n(\s*")`)
)

func decodeJSON(text string) (map[string]any, bool) {
	dec := json.NewDecoder(bytes.NewReader([]byte(text)))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		return nil, false
	}
	return m, true
}

// child returns v[key] when v is an object, or the first element's key when
// v is a list of objects, the way a sub-table describes a list's items.
func child(v any, key string) any {
	switch x := v.(type) {
	case map[string]any:
		return x[key]
	case []any:
		if len(x) > 0 {
			return child(x[0], key)
		}
	}
	return nil
}

// firstElem returns a list example's first item, or v itself.
func firstElem(v any) any {
	if l, ok := v.([]any); ok {
		if len(l) > 0 {
			return l[0]
		}
		return nil
	}
	return v
}

var zstackTimeRe = regexp.MustCompile(`^[A-Z][a-z]{2} \d{1,2}, \d{4} \d{1,2}:\d{2}:\d{2} [AP]M$`)

// exampleType types one example value; ok is false when the value says
// nothing (null, an empty list).
func exampleType(v any) (ir.TypeRef, bool) {
	switch x := v.(type) {
	case string:
		if zstackTimeRe.MatchString(x) {
			return ir.Prim(ir.KindTime, "zstack"), true
		}
		return ir.Prim(ir.KindString, ""), true
	case json.Number:
		if strings.ContainsAny(string(x), ".eE") {
			return ir.Prim(ir.KindNumber, "double"), true
		}
		return ir.Prim(ir.KindInteger, "int64"), true
	case bool:
		return ir.Prim(ir.KindBoolean, ""), true
	case map[string]any:
		return ir.MapOf(ir.Prim(ir.KindAny, "")), true
	case []any:
		if e, ok := listElem(x); ok {
			return ir.ListOf(e), true
		}
		return ir.ListOf(ir.Prim(ir.KindAny, "")), true
	}
	return ir.TypeRef{}, false
}

// listElem types a list from its example items: one kind for all of them,
// integers widening to numbers, anything else mixed to any.
func listElem(v any) (ir.TypeRef, bool) {
	l, ok := v.([]any)
	if !ok || len(l) == 0 {
		return ir.TypeRef{}, false
	}
	var out ir.TypeRef
	have := false
	for _, item := range l {
		t, ok := exampleType(item)
		if !ok {
			continue
		}
		switch {
		case !have:
			out, have = t, true
		case out.Kind == t.Kind && out.String() == t.String():
		case out.Kind == ir.KindInteger && t.Kind == ir.KindNumber || out.Kind == ir.KindNumber && t.Kind == ir.KindInteger:
			out = ir.Prim(ir.KindNumber, "double")
		default:
			return ir.Prim(ir.KindAny, ""), true
		}
	}
	return out, have
}

// topKeys lists an example's top-level keys other than the tag lists, which
// sit beside the wrapper rather than in it.
func topKeys(m map[string]any) []string {
	var keys []string
	for k := range m {
		if !isTagParam(k) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}

func isTagParam(name string) bool { return name == "systemTags" || name == "userTags" }
