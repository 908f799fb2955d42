package apiruntime

import (
	"context"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"sync"
)

// Call sends the call op describes with the parameters p and decodes the
// answer into out: NewRequest, then opts, then t.Do. Generated methods are
// this one line, so a package of a thousand operations is mostly data and
// compiles in a fraction of the time that code building each request did.
func Call(ctx context.Context, t Transport, op *Request, p, out any, opts []CallOption) error {
	req, err := NewRequest(t, op, p)
	if err != nil {
		return err
	}
	req.Apply(opts...)
	return t.Do(ctx, req, out)
}

// NewRequest is the request for one call of op, a generated package-level
// description of the operation, with the parameters p: a pointer to a
// generated param struct (nil for its zero value), or nil for an operation
// without parameters. p is validated first (ValidateFor t when it has
// that method, else Validate). For an action call p becomes Params;
// otherwise the fields tagged in:"path", "query", "header" or "cookie"
// are sent under their json names, as Path, AddQuery (AddQueryJoined or
// AddQueryDeep when the field's style tag says so), SetHeader and
// AddCookie send them, and the field tagged body:"json" is the JSON Body.
// A field whose json tag is "-" (a name no tag can carry) is left to the
// generated code.
func NewRequest(t Transport, op *Request, p any) (*Request, error) {
	req := *op
	if p == nil {
		return &req, nil
	}
	v := reflect.ValueOf(p)
	if v.Kind() != reflect.Pointer || v.Type().Elem().Kind() != reflect.Struct {
		return nil, &ValidationError{Operation: op.Operation, Problems: []string{"parameters must be a pointer to a param struct"}}
	}
	if v.IsNil() {
		v = reflect.New(v.Type().Elem())
		p = v.Interface()
	}
	var err error
	switch pv := p.(type) {
	case interface{ ValidateFor(Transport) error }:
		err = pv.ValidateFor(t)
	case interface{ Validate() error }:
		err = pv.Validate()
	}
	if err != nil {
		return nil, err
	}
	if op.Action != "" {
		// The action transport encodes every field of p itself.
		req.Params = p
		return &req, nil
	}
	plan := planParams(v.Type().Elem())
	if plan.query {
		req.Query = url.Values{}
	}
	if plan.header {
		req.Header = http.Header{}
	}
	if err := plan.encode(&req, v.Elem()); err != nil {
		return nil, err
	}
	return &req, nil
}

// NoCompare is the first field of every generated param struct. A struct
// that cannot be compared needs no equality function: Kubernetes' 1,059
// of them were a tenth of its client's compile time and memory.
type NoCompare [0]func()

// paramPlan is where each field of a param struct goes, read once per
// type from its tags.
type paramPlan struct {
	fields []paramField
	// query and header say a map is needed: some field goes there, tagged
	// by name or not (transports treat a nil map as empty, and generated
	// code adds the untagged ones).
	query, header bool
	// body is the index of the field tagged body:"json", the JSON body.
	body    int
	hasBody bool
}

type paramField struct {
	index int
	in    string
	name  string
	// sep joins a list sent as one query value; deep sends it as
	// name[key]=v (OpenAPI deepObject).
	sep  string
	deep bool
}

// paramPlans caches paramPlan by struct type, as encoding/json caches its
// encoders: the tags of a type never change.
var paramPlans sync.Map

func planParams(t reflect.Type) *paramPlan {
	if p, ok := paramPlans.Load(t); ok {
		return p.(*paramPlan)
	}
	plan := &paramPlan{}
	for i := range t.NumField() {
		sf := t.Field(i)
		if sf.Tag.Get("body") == "json" {
			plan.body = i
			plan.hasBody = true
			continue
		}
		in := sf.Tag.Get("in")
		switch in {
		case "query":
			plan.query = true
		case "header", "cookie":
			plan.header = true
		case "path":
		default:
			continue
		}
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		// As in encoding/json, "-," names a parameter "-".
		name, _, _ := strings.Cut(tag, ",")
		f := paramField{index: i, in: in, name: name}
		switch sf.Tag.Get("style") {
		case "deep":
			f.deep = true
		case "comma":
			f.sep = ","
		case "space":
			f.sep = " "
		case "pipe":
			f.sep = "|"
		}
		plan.fields = append(plan.fields, f)
	}
	p, _ := paramPlans.LoadOrStore(t, plan)
	return p.(*paramPlan)
}

// encode adds the fields of v (a param struct) to req.
func (plan *paramPlan) encode(req *Request, v reflect.Value) error {
	var pairs []any
	for _, f := range plan.fields {
		x := v.Field(f.index).Interface()
		switch {
		case f.in == "path":
			pairs = append(pairs, f.name, x)
		case f.in == "header":
			SetHeader(req.Header, f.name, x)
		case f.in == "cookie":
			AddCookie(req.Header, f.name, x)
		case f.deep:
			if err := AddQueryDeep(req.Query, f.name, x); err != nil {
				return err
			}
		case f.sep != "":
			AddQueryJoined(req.Query, f.name, f.sep, x)
		default:
			AddQuery(req.Query, f.name, x)
		}
	}
	if len(pairs) > 0 {
		// One expansion for every path parameter, as Path expects.
		req.Path = Path(req.Path, pairs...)
	}
	if plan.hasBody {
		// An unset optional body (nil) sends none; a struct goes by its
		// address, so its MarshalJSON methods on pointers apply.
		b := v.Field(plan.body)
		switch b.Kind() {
		case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Interface:
			if !b.IsNil() {
				req.Body = b.Interface()
			}
		default:
			req.Body = b.Addr().Interface()
		}
	}
	return nil
}
