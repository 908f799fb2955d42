package openapi

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// sameAsKin checks that decodeKin gives what kin-openapi's own decoding
// gives (before references are resolved), or gives up. It returns both
// documents when both decoded.
func sameAsKin(t *testing.T, name string, js []byte, mustDecode bool) (got, want *openapi3.T, refs []*openapi3.SchemaRef) {
	t.Helper()
	want = &openapi3.T{}
	wantErr := json.Unmarshal(js, want)
	got, refs, ok := decodeKin(js)
	switch {
	case !ok && mustDecode:
		t.Errorf("%s: decodeKin gave up", name)
	case ok && wantErr != nil:
		t.Errorf("%s: decodeKin decoded what kin-openapi rejects (%v)", name, wantErr)
	case ok && !reflect.DeepEqual(got, want):
		g, _ := json.Marshal(got)
		w, _ := json.Marshal(want)
		t.Errorf("%s: decodeKin differs from kin-openapi:\n got %.400s\nwant %.400s", name, g, w)
	}
	if !ok || wantErr != nil {
		return nil, nil, nil
	}
	return got, want, refs
}

// TestDecodeKinCorpus decodes every OpenAPI 3 document of the corpus and of
// testdata both ways.
func TestDecodeKinCorpus(t *testing.T) {
	files, _ := filepath.Glob("testdata/*")
	if _, err := os.Stat(corpusDir); err == nil {
		files = append(files, corpusFiles(t)...)
	}
	var jss [][]byte
	var names []string
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		main, err := readDocument(f, src)
		if err != nil {
			continue
		}
		if _, v2 := main.root.lookup("swagger"); v2 {
			continue
		}
		w := scanRefs(main, newFiles(main, "", nil), false, false)
		js, err := w.bundle()
		if err != nil {
			t.Fatal(err)
		}
		jss, names = append(jss, js), append(names, f)
	}
	if len(jss) == 0 {
		t.Fatal("no OpenAPI 3 document decoded")
	}
	for i, js := range jss {
		t.Run(filepath.Base(names[i]), func(t *testing.T) {
			t.Parallel()
			if got, want, refs := sameAsKin(t, names[i], js, true); got != nil {
				sameResolved(t, names[i], got, want, refs)
			}
		})
	}
}

// givesUp lists the edge cases decodeKin leaves to kin-openapi whole (which
// rejects all but the overflowing extension).
var givesUp = map[string]bool{"bad numbers": true, "overflow": true, "types": true, "not an object": true, "wrong type": true}

// TestDecodeKinEdges covers what kin-openapi decodes in its own way: each
// must come out the same, by decodeKin or by its handing the value back.
func TestDecodeKinEdges(t *testing.T) {
	for name, js := range edgeCases {
		sameAsKin(t, name, []byte(js), !givesUp[name])
	}
}

// edgeCases are documents kin-openapi decodes in its own way.
var edgeCases = map[string]string{
	"ref siblings":       `{"openapi":"3.0.0","components":{"schemas":{"A":{"description":"d","$ref":"#/components/schemas/B"},"B":{"$ref":"#/components/schemas/C","x-a":1},"C":{"type":"string"}}}}`,
	"ref case":           `{"openapi":"3.0.0","components":{"schemas":{"A":{"$REF":"#/components/schemas/B"},"B":{"$ref":""}}}}`,
	"boolean schema":     `{"openapi":"3.1.0","components":{"schemas":{"A":true,"B":{"properties":{"x":false}}}}}`,
	"nulls":              `{"openapi":"3.0.0","info":null,"components":{"schemas":{"A":null,"B":{"default":null,"x-n":null,"items":null,"enum":[null,1]}}},"paths":{"/a":{"get":{"responses":null}},"/b":null}}`,
	"repeats":            `{"openapi":"3.0.0","components":{"schemas":{"A":{"properties":{"a":{}},"properties":{"b":{}}},"B":{"type":"string","Type":"integer"}}},"paths":{"/a":{"get":{"parameters":[{"name":"a","in":"query","schema":{"properties":{"a":{}},"properties":{"b":{}}}}]}}}}`,
	"case fold":          `{"openapi":"3.0.0","Info":{"Title":"t","VERSION":"1"},"components":{"schemas":{"A":{"TYPE":"string","Description":"d","ſ":1}}}}`,
	"numbers in paths":   `{"openapi":"3.0.0","paths":{"/a":{"get":{"parameters":[{"name":"a","in":"query","schema":{"maxLength":9007199254740993,"minLength":1.0,"maximum":1e300}}]}}}}`,
	"big int in paths":   `{"openapi":"3.0.0","paths":{"/a":{"get":{"parameters":[{"name":"a","in":"query","schema":{"maxLength":9007199254740993}}]}}}}`,
	"numbers":            `{"openapi":"3.0.0","components":{"schemas":{"A":{"maxLength":9007199254740993,"minimum":-0.5,"exclusiveMinimum":true,"exclusiveMaximum":3}}}}`,
	"bad numbers":        `{"openapi":"3.0.0","components":{"schemas":{"A":{"maxLength":1.5}}}}`,
	"overflow":           `{"openapi":"3.0.0","components":{"schemas":{"A":{"x-big":1e400}}}}`,
	"additional":         `{"openapi":"3.0.0","components":{"schemas":{"A":{"additionalProperties":{"maxLength":9007199254740993,"properties":{"a":{}},"properties":{"b":{}}}},"B":{"additionalProperties":{}},"C":{"additionalProperties":false}}}}`,
	"types":              `{"openapi":"3.1.0","components":{"schemas":{"A":{"type":["string","null"]},"B":{"type":[]},"C":{"type":1}}}}`,
	"strings":            "{\"openapi\":\"3.0.0\",\"info\":{\"title\":\"a\\u00e9\\n\\\"\",\"version\":\"\xff\"}}",
	"extensions":         `{"openapi":"3.0.0","x-a":{"b":[1,"c",true,null]},"unknown":1,"components":{"x-c":1,"schemas":{"A":{"x-d":"e","whatever":[]}}},"paths":{"x-p":1,"/a":{"x-q":2,"get":{"x-r":3,"responses":{"x-s":4,"200":{"description":"ok","x-t":5}}}}}}`,
	"headers":            `{"openapi":"3.0.0","components":{"headers":{"H":{"schema":{"type":"string"},"x-h":1},"I":{"$ref":"#/components/headers/H"}},"responses":{"R":{"description":"d","headers":{"H":{"$ref":"#/components/headers/H"},"J":{"description":"j"}}}}}}`,
	"callbacks":          `{"openapi":"3.0.0","paths":{"/a":{"post":{"callbacks":{"c":{"{$request.body#/u}":{"post":{"responses":{"200":{"description":"ok"}}}}}},"responses":{}}}}}`,
	"security":           `{"openapi":"3.0.0","security":[{"a":[]}],"components":{"securitySchemes":{"a":{"type":"oauth2","flows":{"implicit":{"authorizationUrl":"u","scopes":{"s":"d"}}}}}}}`,
	"origin key":         `{"openapi":"3.0.0","components":{"schemas":{"A":{"__origin__":{"key":{"line":1}}}}}}`,
	"not an object":      `{"openapi":"3.0.0","paths":[]}`,
	"wrong type":         `{"openapi":3}`,
	"webhooks and items": `{"openapi":"3.1.0","webhooks":{"w":{"post":{"requestBody":{"content":{"application/json":{"schema":{"type":"array","items":{"$ref":"#/components/schemas/A"},"prefixItems":[{"type":"string"}]}}}}}}}}`,
}

// sameResolved checks that decodeKin, linkSchemaRefs and kin-openapi's
// reference resolution give the document LoadFromData gives (kin-openapi's
// decoding and the same resolution): the same
// exported values, and the same sharing of pointers but for leaf schemas
// (the parser memoizes schemas by pointer).
func sameResolved(t *testing.T, name string, got, want *openapi3.T, refs []*openapi3.SchemaRef) {
	t.Helper()
	// What LoadFromData does after decoding.
	if err := openapi3.NewLoader().ResolveRefsIn(want, nil); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	linkSchemaRefs(got, refs)
	if err := openapi3.NewLoader().ResolveRefsIn(got, nil); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	c := &shapeCheck{pairs: map[uintptr]uintptr{}, back: map[uintptr]uintptr{}}
	if path := c.same(reflect.ValueOf(got), reflect.ValueOf(want), "doc"); path != "" {
		t.Errorf("%s: resolved documents differ at %s", name, path)
	}
}

// shapeCheck compares two object graphs by exported fields, pairing their
// pointers one to one.
type shapeCheck struct{ pairs, back map[uintptr]uintptr }

func (c *shapeCheck) same(a, b reflect.Value, path string) string {
	if a.Kind() != b.Kind() || a.IsValid() && a.Type() != b.Type() {
		return path
	}
	switch a.Kind() {
	case reflect.Pointer, reflect.Map:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return path
			}
			return ""
		}
		if a.Kind() == reflect.Map {
			// Empty maps need not have an identity of their own.
			return c.sameMap(a, b, path)
		}
		if r, ok := a.Interface().(*openapi3.SchemaRef); ok && r.Ref == "" && r.Value != nil && leaf(r.Value) {
			leaves := &shapeCheck{pairs: map[uintptr]uintptr{}, back: map[uintptr]uintptr{}}
			return leaves.same(a.Elem(), b.Elem(), path)
		}
		if s, ok := a.Interface().(*openapi3.Schema); ok && leaf(s) {
			// Equal leaves share one value (see leaf), and so what is in it.
			leaves := &shapeCheck{pairs: map[uintptr]uintptr{}, back: map[uintptr]uintptr{}}
			return leaves.same(a.Elem(), b.Elem(), path)
		}
		pa, pb := a.Pointer(), b.Pointer()
		if q, ok := c.pairs[pa]; ok {
			if q != pb {
				return path + " (shared differently)"
			}
			return ""
		}
		if q, ok := c.back[pb]; ok && q != pa {
			return path + " (shared differently)"
		}
		c.pairs[pa], c.back[pb] = pb, pa
		return c.same(a.Elem(), b.Elem(), path)
	case reflect.Struct:
		if !a.CanAddr() {
			ca, cb := reflect.New(a.Type()).Elem(), reflect.New(b.Type()).Elem()
			ca.Set(a)
			cb.Set(b)
			a, b = ca, cb
		}
		for i := range a.NumField() {
			if !a.Type().Field(i).IsExported() {
				continue
			}
			if p := c.same(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name); p != "" {
				return p
			}
		}
		// Paths, Responses and Callback keep their members unexported,
		// behind Map.
		if m := a.Addr().MethodByName("Map"); m.IsValid() && m.Type().NumIn() == 0 {
			return c.same(m.Call(nil)[0], b.Addr().MethodByName("Map").Call(nil)[0], path)
		}
	case reflect.Slice:
		if a.Len() != b.Len() {
			return path + " (length)"
		}
		for i := range a.Len() {
			if p := c.same(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", path, i)); p != "" {
				return p
			}
		}
	case reflect.Interface:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return path
			}
			return ""
		}
		return c.same(a.Elem(), b.Elem(), path)
	default:
		if !reflect.DeepEqual(a.Interface(), b.Interface()) {
			return path
		}
	}
	return ""
}

func (c *shapeCheck) sameMap(a, b reflect.Value, path string) string {
	if a.Len() != b.Len() {
		return path + " (size)"
	}
	for _, k := range a.MapKeys() {
		if p := c.same(a.MapIndex(k), b.MapIndex(k), fmt.Sprintf("%s[%v]", path, k)); p != "" {
			return p
		}
	}
	return ""
}

// FuzzDecodeKin checks decodeKin against kin-openapi on mutated JSON: what it
// decodes, kin-openapi decodes the same.
func FuzzDecodeKin(f *testing.F) {
	for _, js := range edgeCases {
		f.Add([]byte(js))
	}
	f.Fuzz(func(t *testing.T, js []byte) {
		if len(js) > 2<<10 || !json.Valid(js) {
			t.Skip("not JSON, or larger than 2 KB")
		}
		sameAsKin(t, "input", js, false)
	})
}

// TestDecodeKinSharesLeaves checks which schemas share one value: equal
// leaves do, a component (a named type) never does, nor does an enum.
func TestDecodeKinSharesLeaves(t *testing.T) {
	js := `{"openapi":"3.0.0","components":{"schemas":{"New":{"type":"string"},"A":{"properties":{
		"a":{"type":"string"},"b":{"type":"string"},"c":{"type":"string","enum":["x"]},"d":{"type":"string","enum":["x"]},
		"e":{"type":"object"},"f":{"type":"object"},"g":{"type":"string","x-apigen-raw":true},"h":{"type":"string","x-apigen-raw":true}}}}}}`
	doc, _, ok := decodeKin([]byte(js))
	if !ok {
		t.Fatal("decodeKin gave up")
	}
	a := doc.Components.Schemas["A"].Value.Properties
	if a["a"] != a["b"] {
		t.Error("equal leaves do not share a value")
	}
	if a["a"].Value == doc.Components.Schemas["New"].Value {
		t.Error("a leaf shares the value of a component")
	}
	for _, k := range []string{"c", "e", "g"} {
		next := string(rune(k[0] + 1))
		if a[k] == a[next] || a[k].Value == a[next].Value {
			t.Errorf("properties %s and %s share a value", k, next)
		}
	}
}

// TestDecodeKinCopies checks that the document holds no part of the bytes
// it was read from, which decodeKin reads in place.
func TestDecodeKinCopies(t *testing.T) {
	js := []byte(`{"openapi":"3.0.0","info":{"title":"t","version":"1"},"x-a":{"b":"c"},"paths":{"/a":{"get":{"operationId":"g","responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/A"}}}}}}}},
		"components":{"schemas":{"A":{"type":"object","properties":{"name":{"type":"string","enum":["x"]},"n":{"type":"string"}}}}}}`)
	doc, _, ok := decodeKin(js)
	if !ok {
		t.Fatal("decodeKin gave up")
	}
	before, _ := json.Marshal(doc)
	for i := range js {
		js[i] = 'X'
	}
	if after, _ := json.Marshal(doc); string(after) != string(before) {
		t.Errorf("the document changed with the bytes it was read from:\n%s\n%s", before, after)
	}
}
