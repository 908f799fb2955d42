package apiruntime_test

import (
	"encoding/json"
	"testing"

	"github.com/apigen-dev/apigen/apiruntime"
)

type patch struct {
	Name  apiruntime.Nullable[string]   `json:"name,omitzero"`
	Count apiruntime.Nullable[int]      `json:"count,omitzero"`
	Tags  apiruntime.Nullable[[]string] `json:"tags,omitzero"`
}

func TestNullableRoundTrip(t *testing.T) {
	cases := []struct {
		name string
		in   patch
		json string
	}{
		{"all absent", patch{}, `{}`},
		{"null", patch{Name: apiruntime.Null[string]()}, `{"name":null}`},
		{"zero values are values", patch{Name: apiruntime.Value(""), Count: apiruntime.Value(0)}, `{"name":"","count":0}`},
		{"mixed", patch{Count: apiruntime.Value(3), Tags: apiruntime.Null[[]string]()}, `{"count":3,"tags":null}`},
	}
	for _, c := range cases {
		got, err := json.Marshal(c.in)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if string(got) != c.json {
			t.Errorf("%s: marshal got %s, want %s", c.name, got, c.json)
		}
		var back patch
		if err := json.Unmarshal(got, &back); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		again, _ := json.Marshal(back)
		if string(again) != c.json {
			t.Errorf("%s: round trip got %s, want %s", c.name, again, c.json)
		}
	}
}

func TestNullableStates(t *testing.T) {
	var p patch
	if err := json.Unmarshal([]byte(`{"name":null,"count":5}`), &p); err != nil {
		t.Fatal(err)
	}
	if !p.Name.IsNull() || p.Name.IsZero() {
		t.Errorf("name: want null, got IsNull=%v IsZero=%v", p.Name.IsNull(), p.Name.IsZero())
	}
	if _, ok := p.Name.Get(); ok {
		t.Error("name: Get reported a value for null")
	}
	if v, ok := p.Count.Get(); !ok || v != 5 {
		t.Errorf("count: Get = %v, %v", v, ok)
	}
	if !p.Tags.IsZero() || p.Tags.IsNull() {
		t.Error("tags: want absent")
	}
	if err := json.Unmarshal([]byte(`{"count":"x"}`), &p); err == nil {
		t.Error("want a type error for a string in Nullable[int]")
	}
}

func TestPtr(t *testing.T) {
	p := apiruntime.Ptr(false)
	if p == nil || *p != false {
		t.Fatal("Ptr(false)")
	}
	if apiruntime.Ptr(1) == apiruntime.Ptr(1) {
		t.Error("Ptr must return distinct pointers")
	}
}
