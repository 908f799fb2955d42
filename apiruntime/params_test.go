package apiruntime

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"reflect"
	"testing"
)

type findPets struct {
	Owner  string            `in:"path" json:"owner"`
	ID     int64             `in:"path" json:"id"`
	Tags   []string          `in:"query" json:"tags,omitempty"`
	IDs    []int64           `in:"query" json:"ids,omitempty" style:"comma"`
	Words  []string          `in:"query" json:"words,omitempty" style:"space"`
	Sizes  []int64           `in:"query" json:"sizes,omitempty" style:"pipe"`
	Filter map[string]string `in:"query" json:"filter,omitempty" style:"deep"`
	Limit  *int64            `in:"query" json:"limit,omitempty"`
	Unset  *string           `in:"query" json:"unset,omitempty"`
	Null   Nullable[string]  `in:"query" json:"null"`
	Trace  *string           `in:"header" json:"X-Trace,omitempty"`
	Flags  []string          `in:"header" json:"X-Flags,omitempty"`
	Sess   *string           `in:"cookie" json:"session,omitempty"`
	Theme  string            `in:"cookie" json:"theme,omitempty"`
	Odd    *string           `in:"query" json:"-"`
	Dash   *string           `in:"query" json:"-,omitempty"`
	Body   *struct{}         `json:"-"`
	Field  string            `in:"body" json:"field"`
}

func (p *findPets) Validate() error {
	var v Validator
	v.Required("owner", p.Owner != "")
	return v.Err("findPets")
}

// NewRequest sends each tagged field where its tags say, with the
// encodings the generated AddQuery… calls used: path values escaped as one
// segment, repeated keys, joined and deep lists, unset values left out, a
// null Nullable as "name=", headers and cookies; untagged and body fields
// are left to the generated code.
func TestNewRequestFromTags(t *testing.T) {
	op := &Request{Operation: "findPets", Method: "GET", Path: "/owners/{owner}/pets/{id}", Auth: true, Accept: "application/json"}
	p := &findPets{Owner: "a/b {id}", ID: 7, Tags: []string{"x", "y"}, IDs: []int64{1, 2}, Words: []string{"a", "b"}, Sizes: []int64{3, 4},
		Filter: map[string]string{"gte": "5"}, Limit: Ptr(int64(10)), Null: Null[string](), Trace: Ptr("t1"), Flags: []string{"f1", "f2"},
		Sess: Ptr("s 1"), Theme: "dark", Odd: Ptr("o"), Dash: Ptr("d"), Field: "f"}
	req, err := NewRequest(nil, op, p)
	if err != nil {
		t.Fatal(err)
	}
	if req.Path != "/owners/a%2Fb%20%7Bid%7D/pets/7" {
		t.Errorf("path %q", req.Path)
	}
	wantQ := url.Values{"tags": {"x", "y"}, "ids": {"1,2"}, "words": {"a b"}, "sizes": {"3|4"}, "filter[gte]": {"5"}, "limit": {"10"}, "null": {""}, "-": {"d"}}
	if !reflect.DeepEqual(req.Query, wantQ) {
		t.Errorf("query %v, want %v", req.Query, wantQ)
	}
	wantH := http.Header{"X-Trace": {"t1"}, "X-Flags": {"f1,f2"}, "Cookie": {`session="s 1"; theme=dark`}}
	if !reflect.DeepEqual(req.Header, wantH) {
		t.Errorf("header %v, want %v", req.Header, wantH)
	}
	if req.Operation != "findPets" || req.Method != "GET" || !req.Auth || req.Accept != "application/json" || req.Body != nil || req.Params != nil {
		t.Errorf("request %+v", req)
	}
	if op.Path != "/owners/{owner}/pets/{id}" || op.Query != nil || op.Header != nil {
		t.Errorf("the description changed: %+v", op)
	}
}

type noParams struct {
	Body *struct{} `json:"-"`
}

type filled struct {
	Zone string `in:"query" json:"zone"`
}

func (p *filled) Validate() error { return p.ValidateFor(nil) }

func (p *filled) ValidateFor(t Transport) error {
	if p.Zone == "" && t == nil {
		return &ValidationError{Operation: "filled", Problems: []string{"zone: missing"}}
	}
	return nil
}

// A nil param struct is its zero value, validated; ValidateFor sees the
// transport; an action call carries p as Params; maps exist only where a
// field goes; a deep value that cannot be encoded fails the call.
func TestNewRequestValidatesAndShapes(t *testing.T) {
	op := &Request{Operation: "findPets", Method: "GET", Path: "/owners/{owner}/pets/{id}"}
	var ve *ValidationError
	if _, err := NewRequest(nil, op, (*findPets)(nil)); !errors.As(err, &ve) || ve.Operation != "findPets" {
		t.Errorf("nil params: %v", err)
	}
	if _, err := NewRequest(nil, op, &noParams{}); err != nil {
		t.Errorf("no Validate: %v", err)
	}
	req, err := NewRequest(nil, &Request{Method: "POST", Path: "/x"}, &noParams{})
	if err != nil || req.Query != nil || req.Header != nil || req.Path != "/x" {
		t.Errorf("no query or header fields: %+v, %v", req, err)
	}
	tr := TransportFunc(func(context.Context, *Request, any) error { return nil })
	if _, err := NewRequest(nil, op, &filled{}); err == nil {
		t.Error("ValidateFor(nil) passed")
	}
	if _, err := NewRequest(tr, op, &filled{}); err != nil {
		t.Errorf("ValidateFor(t): %v", err)
	}
	p := &filled{Zone: "z"}
	req, err = NewRequest(tr, &Request{Action: "DescribeZones"}, p)
	if err != nil || req.Params != any(p) || req.Query != nil {
		t.Errorf("action: %+v, %v", req, err)
	}
	req, err = NewRequest(tr, &Request{Method: "GET", Path: "/"}, nil)
	if err != nil || req.Params != nil || req.Path != "/" {
		t.Errorf("no params: %+v, %v", req, err)
	}
	if _, err := NewRequest(tr, op, findPets{}); err == nil {
		t.Error("a struct, not a pointer, passed")
	}
	type deep struct {
		F func() `in:"query" json:"f" style:"deep"`
	}
	if _, err := NewRequest(tr, op, &deep{F: func() {}}); err == nil {
		t.Error("a func went as a deep query value")
	}
}

// Call applies the options after the tags, and hands out to the transport.
func TestCall(t *testing.T) {
	var got *Request
	var gotOut any
	tr := TransportFunc(func(_ context.Context, req *Request, out any) error {
		got, gotOut = req, out
		return nil
	})
	out := new(string)
	op := &Request{Operation: "findPets", Method: "GET", Path: "/owners/{owner}/pets/{id}"}
	if err := Call(context.Background(), tr, op, &findPets{Owner: "o"}, out, []CallOption{ExtraParam("debug", "1")}); err != nil {
		t.Fatal(err)
	}
	if got.Path != "/owners/o/pets/0" || got.Extra.Params.Get("debug") != "1" || gotOut != any(out) {
		t.Errorf("sent %+v into %v", got, gotOut)
	}
	if err := Call(context.Background(), tr, op, (*findPets)(nil), out, nil); err == nil {
		t.Error("invalid parameters were sent")
	}
}

type pet struct {
	Name string `json:"name"`
}

// The field tagged body:"json" is the body: a struct by its address, a
// pointer, slice or map as it is, and an unset one not at all.
func TestNewRequestJSONBody(t *testing.T) {
	op := &Request{Method: "POST", Path: "/pets"}
	req, err := NewRequest(nil, op, &struct {
		Body pet `json:"-" body:"json"`
	}{pet{"rex"}})
	if b, ok := req.Body.(*pet); err != nil || !ok || b.Name != "rex" {
		t.Errorf("struct body %#v, %v", req.Body, err)
	}
	type optional struct {
		Body *pet `json:"-" body:"json"`
	}
	req, _ = NewRequest(nil, op, &optional{})
	if req.Body != nil {
		t.Errorf("unset body sent: %#v", req.Body)
	}
	req, _ = NewRequest(nil, op, &optional{&pet{"felix"}})
	if b, ok := req.Body.(*pet); !ok || b.Name != "felix" {
		t.Errorf("pointer body %#v", req.Body)
	}
	type list struct {
		Body []pet `json:"-" body:"json"`
	}
	req, _ = NewRequest(nil, op, &list{})
	if req.Body != nil {
		t.Errorf("nil list sent: %#v", req.Body)
	}
	req, _ = NewRequest(nil, op, &list{[]pet{}})
	if b, ok := req.Body.([]pet); !ok || b == nil {
		t.Errorf("empty list not sent: %#v", req.Body)
	}
	req, _ = NewRequest(nil, op, &noParams{Body: &struct{}{}})
	if req.Body != nil {
		t.Errorf("a field without body:\"json\" was sent: %#v", req.Body)
	}
}
