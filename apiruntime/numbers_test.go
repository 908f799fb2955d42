package apiruntime_test

import (
	"encoding/json"
	"testing"

	"github.com/apigen-dev/apigen/apiruntime"
)

func TestTolerantNumbers(t *testing.T) {
	type rec struct {
		N apiruntime.Int64   `json:"n"`
		F apiruntime.Float64 `json:"f"`
		B apiruntime.Bool    `json:"b"`
	}
	cases := []struct {
		json string
		want rec
	}{
		{`{"n":12,"f":1.5,"b":true}`, rec{12, 1.5, true}},
		{`{"n":"12","f":"1.5","b":"true"}`, rec{12, 1.5, true}},
		{`{"n":" 12 ","f":"-3","b":"false"}`, rec{12, -3, false}},
		{`{"n":9007199254740993}`, rec{N: 9007199254740993}}, // beyond float64 precision
		{`{"n":"9223372036854775807"}`, rec{N: 9223372036854775807}},
		{`{"n":12.0,"f":1e3}`, rec{N: 12, F: 1000}},
		{`{"n":null,"f":null,"b":null}`, rec{}},
		{`{"n":"","f":"","b":""}`, rec{}},
		{`{"b":"1"}`, rec{B: true}},
	}
	for _, c := range cases {
		var got rec
		if err := json.Unmarshal([]byte(c.json), &got); err != nil {
			t.Errorf("%s: %v", c.json, err)
			continue
		}
		if got != c.want {
			t.Errorf("%s: got %+v, want %+v", c.json, got, c.want)
		}
	}
	// null and "" reset a value rather than keep it.
	for _, reset := range []string{`{"n":null,"f":null,"b":null}`, `{"n":"","f":"","b":""}`} {
		got := rec{N: 99, F: 99, B: true}
		if err := json.Unmarshal([]byte(reset), &got); err != nil || got != (rec{}) {
			t.Errorf("%s: got %+v, %v; want zero", reset, got, err)
		}
	}
	for _, bad := range []string{`{"n":"12abc"}`, `{"n":1.5}`, `{"f":"x"}`, `{"b":"yes"}`, `{"n":true}`} {
		var r rec
		if err := json.Unmarshal([]byte(bad), &r); err == nil {
			t.Errorf("%s: want error", bad)
		}
	}
	out, _ := json.Marshal(rec{N: 12, F: 0.5, B: true})
	if string(out) != `{"n":12,"f":0.5,"b":true}` {
		t.Errorf("encode: %s", out)
	}
}
