package apiruntime_test

import (
	"encoding/json"
	"errors"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/apigen-dev/apigen/apiruntime"
)

// The shapes of a Stripe request body as apigen generates it.
type formAddress struct {
	City  *string `json:"city,omitempty"`
	Line1 string  `json:"line1"`
}

type formItem struct {
	Price    string `json:"price"`
	Quantity *int64 `json:"quantity,omitempty"`
}

// formUnion stands for a generated union: raw JSON behind MarshalJSON.
type formUnion struct{ raw json.RawMessage }

func (u formUnion) MarshalJSON() ([]byte, error) {
	if len(u.raw) == 0 {
		return []byte("null"), nil
	}
	return u.raw, nil
}

type formBase struct {
	Livemode bool `json:"livemode"`
}

type formCustomer struct {
	formBase
	Name        string                              `json:"name"`
	Balance     int64                               `json:"balance"`
	Email       *string                             `json:"email,omitempty"`
	Unset       *string                             `json:"unset,omitempty"`
	Taxable     *bool                               `json:"taxable,omitempty"`
	Ratio       *float64                            `json:"ratio,omitempty"`
	Address     *formAddress                        `json:"address,omitempty"`
	NoAddress   *formAddress                        `json:"no_address,omitempty"`
	Metadata    map[string]string                   `json:"metadata,omitempty"`
	NilMap      map[string]string                   `json:"nil_map,omitempty"`
	Expand      []string                            `json:"expand,omitempty"`
	NilList     []string                            `json:"nil_list,omitempty"`
	EmptyList   []string                            `json:"empty_list"`
	Items       []formItem                          `json:"items,omitempty"`
	Description apiruntime.Nullable[string]         `json:"description,omitzero"`
	Absent      apiruntime.Nullable[string]         `json:"absent,omitzero"`
	Count       apiruntime.Nullable[int32]          `json:"count,omitzero"`
	Shipping    apiruntime.Nullable[*formAddress]   `json:"shipping,omitzero"`
	Tiers       apiruntime.Nullable[[]formItem]     `json:"tiers,omitzero"`
	Created     int64                               `json:"created"`
	At          *apiruntime.Time                    `json:"at,omitempty"`
	Photo       []byte                              `json:"photo,omitempty"`
	Extra       any                                 `json:"extra,omitempty"`
	Raw         json.RawMessage                     `json:"raw,omitempty"`
	EmptyRaw    json.RawMessage                     `json:"empty_raw"`
	Source      *formUnion                          `json:"source,omitempty"`
	Cleared     formUnion                           `json:"cleared"`
	Tolerant    *apiruntime.Int64                   `json:"tolerant,omitempty"`
	Kind        color                               `json:"kind"`
	Skipped     string                              `json:"-"`
	Dash        string                              `json:"-,"`
	NoTag       string                              //
	hidden      string                              //
	Nested      map[string]apiruntime.Nullable[int] `json:"nested,omitempty"`
}

func TestEncodeFormStripeShapes(t *testing.T) {
	when := time.Date(2023, 9, 12, 10, 0, 0, 0, time.UTC)
	c := formCustomer{
		formBase:    formBase{Livemode: true},
		Name:        "Jenny Rosen",
		Balance:     0, // a required zero is sent
		Email:       apiruntime.Ptr("jenny@example.com"),
		Taxable:     apiruntime.Ptr(false),
		Ratio:       apiruntime.Ptr(0.25),
		Address:     &formAddress{City: apiruntime.Ptr("Paris"), Line1: "1 rue"},
		Metadata:    map[string]string{"order": "42", "a[b]": "x", "empty": ""},
		Expand:      []string{"customer", "invoice.subscription"},
		EmptyList:   []string{},
		Items:       []formItem{{Price: "price_1", Quantity: apiruntime.Ptr[int64](2)}, {Price: "price_2"}},
		Description: apiruntime.Null[string](),
		Count:       apiruntime.Value[int32](0),
		Shipping:    apiruntime.Value(&formAddress{Line1: "2 rue"}),
		Tiers:       apiruntime.Value([]formItem{{Price: "t"}}),
		Created:     when.Unix(),
		At:          &apiruntime.Time{Time: when},
		Photo:       []byte("hi"),
		Extra:       map[string]any{"n": 1.5, "list": []any{"a", true}, "null": nil},
		Raw:         json.RawMessage(`{"big":12345678901234567890,"s":"x","null":null}`),
		Source:      &formUnion{raw: json.RawMessage(`{"object":"card","exp":[12,2030]}`)},
		Cleared:     formUnion{},
		Tolerant:    apiruntime.Ptr(apiruntime.Int64(7)),
		Kind:        "red",
		Skipped:     "no",
		Dash:        "dash",
		NoTag:       "plain",
		hidden:      "no",
		Nested:      map[string]apiruntime.Nullable[int]{"x": apiruntime.Null[int](), "y": {}, "z": apiruntime.Value(3)},
	}
	got, err := apiruntime.EncodeForm(&c)
	if err != nil {
		t.Fatal(err)
	}
	want := url.Values{
		"livemode":           {"true"},
		"name":               {"Jenny Rosen"},
		"balance":            {"0"},
		"email":              {"jenny@example.com"},
		"taxable":            {"false"},
		"ratio":              {"0.25"},
		"address[city]":      {"Paris"},
		"address[line1]":     {"1 rue"},
		"metadata[a[b]]":     {"x"},
		"metadata[empty]":    {""},
		"metadata[order]":    {"42"},
		"expand[0]":          {"customer"},
		"expand[1]":          {"invoice.subscription"},
		"items[0][price]":    {"price_1"},
		"items[0][quantity]": {"2"},
		"items[1][price]":    {"price_2"},
		"description":        {""},
		"count":              {"0"},
		"shipping[line1]":    {"2 rue"},
		"tiers[0][price]":    {"t"},
		"created":            {"1694512800"},
		"at":                 {"2023-09-12T10:00:00Z"},
		"photo":              {"aGk="},
		"extra[list][0]":     {"a"},
		"extra[list][1]":     {"true"},
		"extra[n]":           {"1.5"},
		"raw[null]":          {""},
		"raw[big]":           {"12345678901234567890"},
		"raw[s]":             {"x"},
		"source[exp][0]":     {"12"},
		"source[exp][1]":     {"2030"},
		"source[object]":     {"card"},
		"cleared":            {""},
		"tolerant":           {"7"},
		"kind":               {"red"},
		"-":                  {"dash"},
		"NoTag":              {"plain"},
		"nested[x]":          {""},
		"nested[z]":          {"3"},
	}
	if !reflect.DeepEqual(got, want) {
		for k, v := range got {
			if !reflect.DeepEqual(want[k], v) {
				t.Errorf("%s = %q, want %q", k, v, want[k])
			}
		}
		for k, v := range want {
			if _, ok := got[k]; !ok {
				t.Errorf("%s missing, want %q", k, v)
			}
		}
	}
	// Encode sorts by key and escapes the brackets; the wire form is stable.
	if enc := got.Encode(); !strings.HasPrefix(enc, "-=dash&NoTag=plain&address%5Bcity%5D=Paris&address%5Bline1%5D=1+rue&at=2023-09-12T10%3A00%3A00Z&balance=0") {
		t.Errorf("encoded: %s", enc)
	}
}

func TestEncodeFormTopLevel(t *testing.T) {
	for _, c := range []struct {
		name string
		in   any
		want string
	}{
		{"nil", nil, ""},
		{"nil pointer", (*formItem)(nil), ""},
		{"struct value", formItem{Price: "p"}, "price=p"},
		{"map", map[string]any{"b": 2, "a": []string{"x"}}, "a%5B0%5D=x&b=2"},
		{"int keys", map[int]bool{2: true, 10: false}, "10=false&2=true"},
		{"union object", formUnion{raw: json.RawMessage(`{"k":"v"}`)}, "k=v"},
		{"raw object", json.RawMessage(`{"k":[1]}`), "k%5B0%5D=1"},
		{"empty struct", struct{}{}, ""},
	} {
		got, err := apiruntime.EncodeForm(c.in)
		if err != nil || got.Encode() != c.want {
			t.Errorf("%s: %q %v, want %q", c.name, got.Encode(), err, c.want)
		}
	}
}

type formCycle struct {
	Next *formCycle `json:"next,omitempty"`
}

type failing struct{}

func (failing) MarshalJSON() ([]byte, error) { return nil, errors.New("boom") }

func TestEncodeFormErrors(t *testing.T) {
	loop := &formCycle{}
	loop.Next = loop
	for _, c := range []struct {
		name string
		in   any
		want string
	}{
		{"scalar", "name=x", "not an object"},
		{"list", []string{"a"}, "not an object"},
		{"union scalar", formUnion{raw: json.RawMessage(`"x"`)}, "not an object"},
		{"chan", struct {
			C chan int `json:"c"`
		}{make(chan int)}, "c: cannot encode chan int"},
		{"nested func", map[string]any{"a": []any{func() {}}}, "a[0]: cannot encode func()"},
		{"cycle", loop, "nested more than"},
		{"marshal error", struct {
			F failing `json:"f"`
		}{}, "f: boom"},
		{"bad raw", struct {
			R json.RawMessage `json:"r"`
		}{json.RawMessage(`{`)}, "r:"},
		{"bad key", map[[2]int]string{{1, 2}: "x"}, "unsupported map key"},
	} {
		_, err := apiruntime.EncodeForm(c.in)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "form: ") {
			t.Errorf("%s: error %v, want one containing %q", c.name, err, c.want)
		}
	}
}
