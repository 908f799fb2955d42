package openapi

import (
	"encoding"
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/getkin/kin-openapi/openapi3"
)

// kin-openapi decodes a document with encoding/json and an UnmarshalJSON
// method per type that decodes its bytes twice (once into the struct, once
// into a map for the extensions), and Paths and Responses decode into a map,
// re-encode each member and decode it again: every byte is read once per
// level of nesting, and most of the load is garbage. decodeKin builds the
// same *openapi3.T in one pass over the JSON. It never guesses: wherever its
// result could differ from kin-openapi's (a null where kin-openapi has a
// special case, a repeated key, a reference with siblings, a boolean schema,
// a type it has no plan for), it hands that value's bytes to kin-openapi's
// own decoding, and on any error it gives up so the caller loads the
// document the old way and reports kin-openapi's own error.

var (
	// errFallback asks the nearest enclosing kin-openapi type to decode its
	// bytes with its own UnmarshalJSON.
	errFallback = errors.New("fallback to kin-openapi")
	// errIsRef stops decoding a reference's value at its "$ref" key.
	errIsRef = errors.New("a reference")
	// errGiveUp is any other failure: the whole document goes to kin-openapi.
	errGiveUp = errors.New("give up")
)

// decodeKin decodes an OpenAPI 3 document as openapi3.T's UnmarshalJSON
// would, before reference resolution, and lists the schema references it
// read as {"$ref": "..."} alone; ok is false when it gave up.
func decodeKin(js []byte) (doc *openapi3.T, refs []*openapi3.SchemaRef, ok bool) {
	if len(js) == 0 {
		return nil, nil, false
	}
	// Read in place: every string kept is copied (see decodeStr), so the
	// document holds no part of js, which is the caller's.
	d := &kinDecoder{s: unsafe.String(&js[0], len(js))}
	doc = &openapi3.T{}
	if err := d.value(reflect.ValueOf(doc).Elem()); err != nil {
		return nil, nil, false
	}
	if d.ws(); d.i != len(d.s) {
		return nil, nil, false
	}
	return doc, d.refs, true
}

// linkSchemaRefs points each {"$ref": "#/components/schemas/Name"} at its
// component's schema, as kin-openapi's reference resolution would. That
// resolution walks the whole target of each reference it resolves, once per
// reference, sorting property names as it goes (a fifth of a CloudTower
// parse); one it finds resolved it leaves alone, and it still walks every
// component once. Names that need unescaping, and components that are
// references themselves, are left to it.
func linkSchemaRefs(doc *openapi3.T, refs []*openapi3.SchemaRef) {
	if doc.Components == nil {
		return
	}
	for _, r := range refs {
		name, ok := strings.CutPrefix(r.Ref, "#/components/schemas/")
		if !ok || strings.ContainsAny(name, "/~%") {
			continue
		}
		if c := doc.Components.Schemas[name]; c != nil && c.Ref == "" && c.Value != nil {
			r.Value = c.Value
		}
	}
}

// kinDecoder reads one JSON document.
type kinDecoder struct {
	s string // the document's bytes, read in place
	// keys are the object keys made so far, by their JSON text.
	keys map[string]string
	i    int
	// canon counts the enclosing values kin-openapi decodes from a
	// re-encoded copy (Paths and Responses members, schemas under a
	// boolean-or-schema keyword): there, a value kin-openapi decodes
	// itself must be decoded from such a copy too, and numbers are read
	// the way that copy writes them.
	canon int
	// refs are the schema references read as {"$ref": "..."} alone.
	refs []*openapi3.SchemaRef
	// leaves are the plain schemas met so far, by their text (see leaf).
	leaves map[string]*openapi3.SchemaRef
	// component is set while reading the members of components/schemas,
	// which are named types and never shared.
	component bool
}

// planKind is how a Go type is decoded.
type planKind uint8

const (
	pFallback   planKind = iota // kin-openapi (encoding/json) decodes it
	pStruct                     // an OpenAPI object: fields and extensions
	pHeader                     // openapi3.Header: its embedded Parameter
	pRef                        // a *Ref: {"$ref": ...} or the value
	pPaths                      // openapi3.Paths
	pResponses                  // openapi3.Responses
	pTypes                      // openapi3.Types: a string or a list
	pBoolSchema                 // openapi3.BoolSchema: a boolean or a schema
	pBound                      // openapi3.ExclusiveBound: a boolean or a number
	pPtr
	pMap
	pSlice
	pAny // an empty interface
	pString
	pBool
	pInt
	pUint
	pFloat
)

type plan struct {
	kind planKind
	// pStruct: fields by JSON name, and by lower-case name for the
	// case-insensitive match encoding/json falls back to.
	exact, fold map[string]int
	// deleted are the keys kin-openapi does not keep as extensions (every
	// other key is kept, known field or not).
	deleted map[string]bool
	ext     int // index of the Extensions field
	// nullFallback is a key whose null value kin-openapi treats specially.
	nullFallback string
	// pRef: the indexes of Ref and Value.
	ref, val int
}

var plans sync.Map // reflect.Type → *plan

// objectTypes are the types whose UnmarshalJSON decodes the struct and then
// keeps every member it has no field for in Extensions.
var objectTypes = map[reflect.Type]bool{}

func init() {
	for _, v := range []any{
		openapi3.T{}, openapi3.Components{}, openapi3.Info{}, openapi3.Contact{},
		openapi3.License{}, openapi3.Server{}, openapi3.ServerVariable{}, openapi3.Tag{},
		openapi3.ExternalDocs{}, openapi3.PathItem{}, openapi3.Operation{}, openapi3.Parameter{},
		openapi3.RequestBody{}, openapi3.Response{}, openapi3.MediaType{}, openapi3.Encoding{},
		openapi3.Example{}, openapi3.Link{}, openapi3.Schema{}, openapi3.Discriminator{},
		openapi3.XML{}, openapi3.SecurityScheme{}, openapi3.OAuthFlows{}, openapi3.OAuthFlow{},
	} {
		objectTypes[reflect.TypeOf(v)] = true
	}
}

var (
	unmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

func planFor(t reflect.Type) *plan {
	if p, ok := plans.Load(t); ok {
		return p.(*plan)
	}
	p := makePlan(t)
	plans.Store(t, p)
	return p
}

func makePlan(t reflect.Type) *plan {
	switch t {
	case reflect.TypeFor[openapi3.Header]():
		return &plan{kind: pHeader}
	case reflect.TypeFor[openapi3.Paths]():
		return &plan{kind: pPaths}
	case reflect.TypeFor[openapi3.Responses]():
		return &plan{kind: pResponses}
	case reflect.TypeFor[openapi3.Types]():
		return &plan{kind: pTypes}
	case reflect.TypeFor[openapi3.BoolSchema]():
		return &plan{kind: pBoolSchema}
	case reflect.TypeFor[openapi3.ExclusiveBound]():
		return &plan{kind: pBound}
	case reflect.TypeFor[openapi3.SchemaRef](), reflect.TypeFor[openapi3.ParameterRef](),
		reflect.TypeFor[openapi3.HeaderRef](), reflect.TypeFor[openapi3.RequestBodyRef](),
		reflect.TypeFor[openapi3.ResponseRef](), reflect.TypeFor[openapi3.ExampleRef](),
		reflect.TypeFor[openapi3.LinkRef](), reflect.TypeFor[openapi3.SecuritySchemeRef]():
		rf, _ := t.FieldByName("Ref")
		vf, _ := t.FieldByName("Value")
		return &plan{kind: pRef, ref: rf.Index[0], val: vf.Index[0]}
	}
	if objectTypes[t] {
		return objectPlan(t)
	}
	if t.Kind() == reflect.Pointer {
		// encoding/json decodes into a new value, and so does this.
		return &plan{kind: pPtr}
	}
	if t.Implements(unmarshalerType) || reflect.PointerTo(t).Implements(unmarshalerType) ||
		t.Implements(textUnmarshalerType) || reflect.PointerTo(t).Implements(textUnmarshalerType) {
		return &plan{kind: pFallback}
	}
	switch t.Kind() {
	case reflect.Map:
		if k := t.Key(); k.Kind() == reflect.String && !reflect.PointerTo(k).Implements(textUnmarshalerType) {
			return &plan{kind: pMap}
		}
	case reflect.Slice:
		return &plan{kind: pSlice}
	case reflect.Interface:
		if t.NumMethod() == 0 {
			return &plan{kind: pAny}
		}
	case reflect.String:
		return &plan{kind: pString}
	case reflect.Bool:
		return &plan{kind: pBool}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return &plan{kind: pInt}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return &plan{kind: pUint}
	case reflect.Float32, reflect.Float64:
		return &plan{kind: pFloat}
	}
	return &plan{kind: pFallback}
}

// objectPlan maps an OpenAPI object's JSON names to its fields, and asks
// kin-openapi which of them it keeps as extensions too: decoding an object
// holding every name with a null value leaves exactly those in Extensions.
func objectPlan(t reflect.Type) *plan {
	p := &plan{kind: pStruct, exact: map[string]int{}, fold: map[string]int{}, deleted: map[string]bool{}, ext: -1}
	var probe strings.Builder
	probe.WriteByte('{')
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Name == "Extensions" {
			p.ext = i
			continue
		}
		tag := f.Tag.Get("json")
		if !f.IsExported() || tag == "-" || f.Anonymous {
			if f.Anonymous {
				return &plan{kind: pFallback}
			}
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if strings.Contains(","+opts+",", ",string,") {
			return &plan{kind: pFallback}
		}
		if name == "" {
			name = f.Name
		}
		p.exact[name] = i
		if _, ok := p.fold[strings.ToLower(name)]; !ok {
			p.fold[strings.ToLower(name)] = i
		}
		if probe.Len() > 1 {
			probe.WriteByte(',')
		}
		probe.WriteString(strconv.Quote(name))
		probe.WriteString(":null")
	}
	probe.WriteByte('}')
	if p.ext < 0 {
		return &plan{kind: pFallback}
	}
	v := reflect.New(t)
	if err := json.Unmarshal([]byte(probe.String()), v.Interface()); err != nil {
		return &plan{kind: pFallback}
	}
	kept := v.Elem().Field(p.ext).Interface().(map[string]any)
	for name := range p.exact {
		if _, ok := kept[name]; !ok {
			p.deleted[name] = true
		}
	}
	if t == reflect.TypeFor[openapi3.Operation]() {
		p.nullFallback = "responses" // a null one is recorded as such
	}
	return p
}

// field finds the field for key k as encoding/json does: the exact name,
// else a case-insensitive match.
func (p *plan) field(k string) (int, bool) {
	if i, ok := p.exact[k]; ok {
		return i, true
	}
	for j := 0; j < len(k); j++ {
		if k[j] >= utf8.RuneSelf {
			return p.foldSlow(k)
		}
	}
	i, ok := p.fold[strings.ToLower(k)]
	return i, ok
}

func (p *plan) foldSlow(k string) (int, bool) {
	best, found := 0, false
	for name, i := range p.exact {
		if strings.EqualFold(name, k) && (!found || i < best) {
			best, found = i, true
		}
	}
	return best, found
}

func (d *kinDecoder) ws() {
	for d.i < len(d.s) {
		switch d.s[d.i] {
		case ' ', '\t', '\r', '\n':
			d.i++
		default:
			return
		}
	}
}

// peek returns the next non-space byte (0 at the end).
func (d *kinDecoder) peek() byte {
	d.ws()
	if d.i >= len(d.s) {
		return 0
	}
	return d.s[d.i]
}

// value decodes the next JSON value into v (addressable).
func (d *kinDecoder) value(v reflect.Value) error {
	p := planFor(v.Type())
	c := d.peek()
	if c == 'n' && p.kind >= pPtr && p.kind <= pAny {
		// encoding/json sets these to nil, which a new value already is.
		return d.lit("null")
	}
	switch p.kind {
	case pStruct:
		return d.object(v, p, false)
	case pHeader:
		return d.value(v.Field(0))
	case pRef:
		return d.ref(v, p)
	case pPaths, pResponses:
		return d.mapLike(v, p)
	case pTypes:
		return d.types(v)
	case pBoolSchema:
		return d.boolSchema(v)
	case pBound:
		return d.bound(v)
	case pPtr:
		if v.Type() == schemaRefPtrType && !d.component {
			// A leaf's reference object is shared too.
			if text := d.flatObject(); text != "" {
				if r, ok := d.leaves[text]; ok {
					d.i += len(text)
					v.Set(reflect.ValueOf(r))
					return nil
				}
			}
		}
		e := reflect.New(v.Type().Elem())
		if err := d.value(e.Elem()); err != nil {
			return err
		}
		v.Set(e)
		return nil
	case pMap:
		return d.mapOf(v)
	case pSlice:
		return d.slice(v)
	case pAny:
		x, err := d.any()
		if err != nil {
			return err
		}
		if x != nil {
			v.Set(reflect.ValueOf(x))
		}
		return nil
	case pString:
		if c != '"' {
			return errGiveUp
		}
		s, err := d.str()
		if err != nil {
			return err
		}
		v.SetString(s)
		return nil
	case pBool:
		b, err := d.boolean()
		if err != nil {
			return err
		}
		v.SetBool(b)
		return nil
	case pInt, pUint, pFloat:
		return d.number(v, p.kind)
	}
	return d.fallback(v)
}

// fallback decodes the next value into v with encoding/json, which calls
// kin-openapi's UnmarshalJSON methods; inside a re-encoded copy it leaves
// that to the copy's owner.
func (d *kinDecoder) fallback(v reflect.Value) error {
	if d.canon > 0 {
		return errFallback
	}
	raw, err := d.raw()
	if err != nil {
		return err
	}
	v.SetZero()
	if json.Unmarshal([]byte(raw), v.Addr().Interface()) != nil {
		return errGiveUp
	}
	return nil
}

// object decodes an OpenAPI object. With isRef, a "$ref" key (which
// kin-openapi matches case-insensitively) stops it with errIsRef, and
// errFallback is left to the reference.
func (d *kinDecoder) object(v reflect.Value, p *plan, isRef bool) error {
	start := d.i
	err := d.members(v, p, isRef)
	if err == errFallback && !isRef {
		d.i = start
		return d.fallback(v)
	}
	return err
}

func (d *kinDecoder) members(v reflect.Value, p *plan, isRef bool) error {
	if d.peek() != '{' {
		return errFallback
	}
	var seen [2]uint64
	var ext map[string]any
	keep := func(k string, x any) {
		if ext == nil {
			ext = map[string]any{}
		}
		ext[k] = x
	}
	err := d.eachMember(func(k string) error {
		if isRef && len(k) == 4 && strings.EqualFold(k, "$ref") {
			return errIsRef
		}
		kept := !p.deleted[k]
		fi, isField := p.field(k)
		if isField {
			if fi >= 128 || seen[fi/64]&(1<<(fi%64)) != 0 {
				return errFallback // encoding/json would merge the repeat in
			}
			seen[fi/64] |= 1 << (fi % 64)
		}
		if d.peek() == 'n' {
			if k == p.nullFallback {
				return errFallback
			}
			// A null leaves a new field as it is.
			if err := d.lit("null"); err != nil {
				return err
			}
			if kept {
				keep(k, nil)
			}
			return nil
		}
		if !isField {
			x, err := d.any()
			keep(k, x)
			return err
		}
		at := d.i
		d.component = k == "schemas" && v.Type() == componentsType
		err := d.value(v.Field(fi))
		d.component = false
		if err != nil {
			return err
		}
		if kept {
			end := d.i
			d.i = at
			x, err := d.any()
			if err != nil {
				return err
			}
			d.i = end
			keep(k, x)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(ext) > 0 {
		v.Field(p.ext).Set(reflect.ValueOf(ext))
	}
	return nil
}

// ref decodes a reference object: {"$ref": "..."} alone sets Ref, anything
// else without a "$ref" decodes into Value, and the rest (siblings of a
// "$ref", a boolean schema) is kin-openapi's.
func (d *kinDecoder) ref(v reflect.Value, p *plan) error {
	start := d.i
	if d.peek() != '{' {
		return d.fallback(v)
	}
	vt := v.Type().Field(p.val).Type.Elem()
	text := ""
	component := d.component
	d.component = false
	defer func() { d.component = component }()
	if vt == schemaType && !component {
		if text = d.flatObject(); text != "" {
			if r, ok := d.leaves[text]; ok {
				d.i += len(text)
				v.Field(p.val).Set(reflect.ValueOf(r.Value))
				return nil
			}
		}
	}
	// Most references come alone: read them before making a value.
	if ref, ok := d.pureRef(); ok {
		d.setRef(v, p, ref)
		return nil
	}
	d.i = start
	val := reflect.New(vt)
	var err error
	if vp := planFor(vt); vp.kind == pHeader {
		err = d.object(val.Elem().Field(0), planFor(val.Elem().Field(0).Type()), true)
	} else {
		err = d.object(val.Elem(), vp, true)
	}
	switch err {
	case nil:
		v.Field(p.val).Set(val)
		if text != "" {
			if s := val.Interface().(*openapi3.Schema); leaf(s) {
				if d.leaves == nil {
					d.leaves = map[string]*openapi3.SchemaRef{}
				}
				d.leaves[text] = v.Addr().Interface().(*openapi3.SchemaRef)
			}
		}
		return nil
	case errIsRef:
		d.i = start
		if ref, ok := d.pureRef(); ok {
			d.setRef(v, p, ref)
			return nil
		}
		fallthrough
	case errFallback:
		d.i = start
		return d.fallback(v)
	}
	return err
}

var (
	schemaType       = reflect.TypeFor[openapi3.Schema]()
	componentsType   = reflect.TypeFor[openapi3.Components]()
	schemaRefPtrType = reflect.TypeFor[*openapi3.SchemaRef]()
)

// Most schemas of a big spec are leaves written out again and again
// ({"type": "string"} under each filter of CloudTower's 4.6.0, 22,000 of its
// 25,000 schemas), and an openapi3.Schema takes 752 bytes. Equal leaves share
// one value, and one reference object (Ref "") holding it: kin-openapi never
// changes a schema without references or discriminator, nor such a reference
// object, and the parser remembers by pointer only the schemas it names or
// keeps raw, which a leaf never is.

// leaf reports whether s may be shared: one primitive type, scalars only
// (flatObject saw to that), no enum and no extension.
func leaf(s *openapi3.Schema) bool {
	if s.Type == nil || len(*s.Type) != 1 || s.Extensions != nil || s.Enum != nil || s.Const != nil {
		return false
	}
	switch (*s.Type)[0] {
	case "string", "integer", "number", "boolean":
		return true
	}
	return false
}

// maxLeaf bounds the text of a shared leaf.
const maxLeaf = 256

// flatObject returns the text of the object that comes next when it is
// short and holds no object or array, else "".
func (d *kinDecoder) flatObject() string {
	if d.peek() != '{' {
		return ""
	}
	end := min(len(d.s), d.i+maxLeaf)
	for j := d.i + 1; j < end; j++ {
		switch d.s[j] {
		case '}':
			return d.s[d.i : j+1]
		case '{', '[':
			return ""
		case '"':
			for j++; j < end && d.s[j] != '"'; j++ {
				if d.s[j] == '\\' {
					j++
				}
			}
		}
	}
	return ""
}

func (d *kinDecoder) setRef(v reflect.Value, p *plan, ref string) {
	v.Field(p.ref).SetString(ref)
	if sr, ok := v.Addr().Interface().(*openapi3.SchemaRef); ok {
		d.refs = append(d.refs, sr)
	}
}

// pureRef reads {"$ref": "non-empty string"}.
func (d *kinDecoder) pureRef() (string, bool) {
	if d.peek() != '{' {
		return "", false
	}
	d.i++
	if d.peek() != '"' {
		return "", false
	}
	k, err := d.key()
	if err != nil || k != "$ref" || d.peek() != '"' {
		return "", false
	}
	ref, err := d.str()
	if err != nil || ref == "" || d.peek() != '}' {
		return "", false
	}
	d.i++
	return ref, true
}

// mapLike decodes Paths or Responses: "x-" members are extensions, the
// others are decoded, as kin-openapi does, from a re-encoded copy.
func (d *kinDecoder) mapLike(v reflect.Value, p *plan) error {
	if d.peek() != '{' {
		return d.fallback(v)
	}
	ext := map[string]any{}
	var paths *openapi3.Paths
	var resps *openapi3.Responses
	if p.kind == pPaths {
		paths = openapi3.NewPathsWithCapacity(0)
		paths.Extensions = ext
	} else {
		resps = openapi3.NewResponsesWithCapacity(0)
		resps.Extensions = ext
	}
	err := d.eachMember(func(k string) error {
		if strings.HasPrefix(k, "x-") {
			x, err := d.any()
			ext[k] = x
			return err
		}
		if paths != nil {
			item := new(openapi3.PathItem)
			paths.Set(k, item)
			return d.canonical(reflect.ValueOf(item).Elem(), item)
		}
		item := new(openapi3.ResponseRef)
		resps.Set(k, item)
		return d.canonical(reflect.ValueOf(item).Elem(), item)
	})
	if err != nil {
		return err
	}
	if paths != nil {
		v.Set(reflect.ValueOf(paths).Elem())
	} else {
		v.Set(reflect.ValueOf(resps).Elem())
	}
	return nil
}

// canonical decodes a value kin-openapi decodes from a re-encoded copy of
// it; what this decoder leaves to kin-openapi there gets that copy.
func (d *kinDecoder) canonical(v reflect.Value, u json.Unmarshaler) error {
	start := d.i
	d.canon++
	err := d.value(v)
	d.canon--
	if err != errFallback {
		return err
	}
	d.i = start
	raw, err := d.raw()
	if err != nil {
		return err
	}
	var x any
	if json.Unmarshal([]byte(raw), &x) != nil {
		return errGiveUp
	}
	data, err := json.Marshal(x)
	if err != nil {
		return errGiveUp
	}
	v.SetZero()
	if u.UnmarshalJSON(data) != nil {
		return errGiveUp
	}
	return nil
}

// types decodes a schema's "type": a string or a list of strings.
func (d *kinDecoder) types(v reflect.Value) error {
	switch d.peek() {
	case '"':
		s, err := d.str()
		if err != nil {
			return err
		}
		v.Set(reflect.ValueOf(openapi3.Types{s}))
		return nil
	case '[':
		var ts []string
		if err := d.value(reflect.ValueOf(&ts).Elem()); err != nil {
			return err
		}
		v.Set(reflect.ValueOf(openapi3.Types(ts)))
		return nil
	}
	return errGiveUp
}

// boolSchema decodes additionalProperties and the like: a boolean, or a
// schema kin-openapi decodes from a re-encoded copy.
func (d *kinDecoder) boolSchema(v reflect.Value) error {
	bs := v.Addr().Interface().(*openapi3.BoolSchema)
	switch d.peek() {
	case 't', 'f':
		b, err := d.boolean()
		if err != nil {
			return err
		}
		bs.Has = &b
		return nil
	case '{':
		ref := new(openapi3.SchemaRef)
		if err := d.canonical(reflect.ValueOf(ref).Elem(), ref); err != nil {
			return err
		}
		bs.Schema = ref
		return nil
	}
	return errGiveUp
}

// bound decodes exclusiveMinimum/exclusiveMaximum: a boolean or a number.
func (d *kinDecoder) bound(v reflect.Value) error {
	eb := v.Addr().Interface().(*openapi3.ExclusiveBound)
	switch c := d.peek(); {
	case c == 't' || c == 'f':
		b, err := d.boolean()
		if err != nil {
			return err
		}
		eb.Bool = &b
		return nil
	case c == '-' || c >= '0' && c <= '9':
		f, err := strconv.ParseFloat(d.numText(), 64)
		if err != nil {
			return errGiveUp
		}
		eb.Value = &f
		return nil
	}
	return errGiveUp
}

func (d *kinDecoder) mapOf(v reflect.Value) error {
	t := v.Type()
	m := reflect.MakeMap(t)
	var e reflect.Value
	err := d.eachMember(func(k string) error {
		if !e.IsValid() {
			e = reflect.New(t.Elem()).Elem()
		} else {
			e.SetZero() // the map holds a copy
		}
		if err := d.value(e); err != nil {
			return err
		}
		m.SetMapIndex(reflect.ValueOf(k).Convert(t.Key()), e)
		return nil
	})
	if err != nil {
		return err
	}
	v.Set(m)
	return nil
}

func (d *kinDecoder) slice(v reflect.Value) error {
	t := v.Type()
	s := reflect.MakeSlice(t, 0, 0)
	err := d.eachItem(func() error {
		s = reflect.Append(s, reflect.Zero(t.Elem()))
		return d.value(s.Index(s.Len() - 1))
	})
	if err != nil {
		return err
	}
	v.Set(s)
	return nil
}

// eachMember calls f for each member of the object that comes next, with
// its key read.
func (d *kinDecoder) eachMember(f func(k string) error) error {
	return d.each('{', '}', func() error {
		k, err := d.key()
		if err != nil {
			return err
		}
		return f(k)
	})
}

// eachItem calls f for each item of the array that comes next.
func (d *kinDecoder) eachItem(f func() error) error { return d.each('[', ']', f) }

func (d *kinDecoder) each(open, close byte, f func() error) error {
	if d.peek() != open {
		return errGiveUp
	}
	d.i++
	for first := true; ; first = false {
		c := d.peek()
		if c == close {
			d.i++
			return nil
		}
		if !first {
			if c != ',' {
				return errGiveUp
			}
			d.i++
		}
		if err := f(); err != nil {
			return err
		}
	}
}

// any decodes a value as encoding/json decodes into an empty interface.
func (d *kinDecoder) any() (any, error) {
	switch c := d.peek(); {
	case c == '{':
		m := map[string]any{}
		err := d.eachMember(func(k string) error {
			x, err := d.any()
			m[k] = x
			return err
		})
		return m, err
	case c == '[':
		a := []any{}
		err := d.eachItem(func() error {
			x, err := d.any()
			a = append(a, x)
			return err
		})
		return a, err
	case c == '"':
		return d.str()
	case c == 't' || c == 'f':
		return d.boolean()
	case c == 'n':
		return nil, d.lit("null")
	case c == '-' || c >= '0' && c <= '9':
		f, err := strconv.ParseFloat(d.numText(), 64)
		if err != nil {
			return nil, errGiveUp
		}
		return f, nil
	}
	return nil, errGiveUp
}

// number decodes into an integer or float field. In a re-encoded copy an
// integer field sees the number as encoding/json writes a float64.
func (d *kinDecoder) number(v reflect.Value, k planKind) error {
	if c := d.peek(); c != '-' && (c < '0' || c > '9') {
		return errGiveUp
	}
	text := d.numText()
	if d.canon > 0 && k != pFloat {
		f, err := strconv.ParseFloat(text, 64)
		if err != nil || math.Abs(f) >= 1e21 {
			return errGiveUp
		}
		text = strconv.FormatFloat(f, 'f', -1, 64)
	}
	switch k {
	case pInt:
		n, err := strconv.ParseInt(text, 10, 64)
		if err != nil || v.OverflowInt(n) {
			return errGiveUp
		}
		v.SetInt(n)
	case pUint:
		n, err := strconv.ParseUint(text, 10, 64)
		if err != nil || v.OverflowUint(n) {
			return errGiveUp
		}
		v.SetUint(n)
	default:
		f, err := strconv.ParseFloat(text, v.Type().Bits())
		if err != nil || v.OverflowFloat(f) {
			return errGiveUp
		}
		v.SetFloat(f)
	}
	return nil
}

func (d *kinDecoder) numText() string {
	start := d.i
	for d.i < len(d.s) {
		switch c := d.s[d.i]; {
		case c >= '0' && c <= '9', c == '-', c == '+', c == '.', c == 'e', c == 'E':
			d.i++
			continue
		}
		break
	}
	return d.s[start:d.i]
}

func (d *kinDecoder) boolean() (bool, error) {
	switch d.peek() {
	case 't':
		return true, d.lit("true")
	case 'f':
		return false, d.lit("false")
	}
	return false, errGiveUp
}

func (d *kinDecoder) lit(w string) error {
	if !strings.HasPrefix(d.s[d.i:], w) {
		return errGiveUp
	}
	d.i += len(w)
	return nil
}

// key reads an object key and its colon. Keys repeat (a spec has a few
// thousand distinct ones in a hundred thousand places): each is made once.
func (d *kinDecoder) key() (string, error) {
	if d.peek() != '"' {
		return "", errGiveUp
	}
	text, plain, err := d.scanStr()
	if err != nil {
		return "", err
	}
	k, ok := d.keys[text]
	if !ok {
		if k, err = d.decodeStr(text, plain); err != nil {
			return "", err
		}
		if d.keys == nil {
			d.keys = map[string]string{}
		}
		d.keys[text] = k // text is js's, and so is the map, which dies with d
	}
	if d.peek() != ':' {
		return "", errGiveUp
	}
	d.i++
	return k, nil
}

// str reads a string value.
func (d *kinDecoder) str() (string, error) {
	text, plain, err := d.scanStr()
	if err != nil {
		return "", err
	}
	return d.decodeStr(text, plain)
}

// decodeStr makes a string of its JSON text (quotes included) in a new
// allocation: s is the caller's memory, and nothing may point into it. One
// with escapes or invalid UTF-8 is decoded by encoding/json, which replaces
// invalid UTF-8 as kin-openapi would see it replaced.
func (d *kinDecoder) decodeStr(text string, plain bool) (string, error) {
	if in := text[1 : len(text)-1]; plain && utf8.ValidString(in) {
		return strings.Clone(in), nil
	}
	var out string
	if json.Unmarshal([]byte(text), &out) != nil {
		return "", errGiveUp
	}
	return out, nil
}

// scanStr skips a string; plain is false when it has escapes.
func (d *kinDecoder) scanStr() (text string, plain bool, err error) {
	start := d.i
	d.i++
	plain = true
	for d.i < len(d.s) {
		switch c := d.s[d.i]; {
		case c == '"':
			d.i++
			return d.s[start:d.i], plain, nil
		case c == '\\':
			plain = false
			d.i += 2
		default:
			d.i++
		}
	}
	return "", false, errGiveUp
}

// raw skips the next value and returns its text.
func (d *kinDecoder) raw() (string, error) {
	d.ws()
	start := d.i
	if d.i >= len(d.s) {
		return "", errGiveUp
	}
	switch d.s[d.i] {
	case '"':
		if _, _, err := d.scanStr(); err != nil {
			return "", err
		}
	case '{', '[':
		depth := 0
		for d.i < len(d.s) {
			switch d.s[d.i] {
			case '"':
				if _, _, err := d.scanStr(); err != nil {
					return "", err
				}
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
			}
			d.i++
			if depth == 0 {
				break
			}
		}
		if depth != 0 {
			return "", errGiveUp
		}
	default:
		for d.i < len(d.s) && !strings.ContainsRune(",}] \t\r\n", rune(d.s[d.i])) {
			d.i++
		}
	}
	return d.s[start:d.i], nil
}
