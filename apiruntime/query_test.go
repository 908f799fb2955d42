package apiruntime_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/apigen-dev/apigen/apiruntime"
)

func TestAddQuery(t *testing.T) {
	q := url.Values{}
	limit := 0
	var unsetInt *int
	var unsetSlice []string
	when := time.Date(2024, 3, 1, 12, 30, 0, 0, time.UTC)

	apiruntime.AddQuery(q, "limit", &limit) // zero is a value, not "unset"
	apiruntime.AddQuery(q, "start", unsetInt)
	apiruntime.AddQuery(q, "q", []string{"name=vm1", "state!=Stopped"})
	apiruntime.AddQuery(q, "empty", unsetSlice)
	apiruntime.AddQuery(q, "emptyList", []string{})
	apiruntime.AddQuery(q, "color", color("red"))
	apiruntime.AddQuery(q, "colors", []color{"red", "blue"})
	apiruntime.AddQuery(q, "absent", apiruntime.Nullable[string]{})
	apiruntime.AddQuery(q, "null", apiruntime.Null[string]())
	apiruntime.AddQuery(q, "nv", apiruntime.Value(7))
	apiruntime.AddQuery(q, "nvPtr", apiruntime.Ptr(apiruntime.Value(false)))
	apiruntime.AddQuery(q, "since", when)
	apiruntime.AddQuery(q, "until", &apiruntime.Time{Time: when})
	apiruntime.AddQuery(q, "ok", apiruntime.Ptr(false))
	apiruntime.AddQuery(q, "ratio", 0.25)
	apiruntime.AddQuery(q, "big", uint64(1<<63))
	apiruntime.AddQuery(q, "n64", apiruntime.Int64(12))
	apiruntime.AddQuery(q, "nil", nil)
	apiruntime.AddQuery(q, "nilNullable", (*apiruntime.Nullable[int])(nil))
	apiruntime.AddQuery(q, "nilTime", (*time.Time)(nil))

	want := url.Values{
		"limit":  {"0"},
		"q":      {"name=vm1", "state!=Stopped"},
		"color":  {"red"},
		"colors": {"red", "blue"},
		"null":   {""},
		"nv":     {"7"},
		"nvPtr":  {"false"},
		"since":  {"2024-03-01T12:30:00Z"},
		"until":  {"2024-03-01T12:30:00Z"},
		"ok":     {"false"},
		"ratio":  {"0.25"},
		"big":    {"9223372036854775808"},
		"n64":    {"12"},
	}
	if got, w := q.Encode(), want.Encode(); got != w {
		t.Errorf("query\n got %s\nwant %s", got, w)
	}
}

func TestSetHeader(t *testing.T) {
	h := http.Header{}
	apiruntime.SetHeader(h, "X-Trace", apiruntime.Ptr("abc"))
	apiruntime.SetHeader(h, "X-Unset", (*string)(nil))
	apiruntime.SetHeader(h, "X-List", []int{1, 2, 3})
	apiruntime.SetHeader(h, "X-Empty", []int{})
	apiruntime.SetHeader(h, "X-Lang", color("zh-CN"))
	if got := h.Get("X-Trace"); got != "abc" {
		t.Errorf("X-Trace = %q", got)
	}
	if got := h.Get("X-List"); got != "1,2,3" {
		t.Errorf("X-List = %q", got)
	}
	if got := h.Get("X-Lang"); got != "zh-CN" {
		t.Errorf("X-Lang = %q", got)
	}
	for _, k := range []string{"X-Unset", "X-Empty"} {
		if _, ok := h[k]; ok {
			t.Errorf("%s set, want skipped", k)
		}
	}
}

func TestAddQueryJoined(t *testing.T) {
	q := url.Values{}
	var unset []int
	apiruntime.AddQueryJoined(q, "ids", ",", []int64{3, 1, 2})
	apiruntime.AddQueryJoined(q, "tags", "|", []string{"a b", "c,d"})
	apiruntime.AddQueryJoined(q, "colors", " ", []color{"red", "blue"})
	apiruntime.AddQueryJoined(q, "empty", ",", []string{})
	apiruntime.AddQueryJoined(q, "unset", ",", unset)
	apiruntime.AddQueryJoined(q, "one", ",", apiruntime.Ptr("x")) // not a list: as AddQuery
	want := url.Values{"ids": {"3,1,2"}, "tags": {"a b|c,d"}, "colors": {"red blue"}, "one": {"x"}}
	if got, w := q.Encode(), want.Encode(); got != w {
		t.Errorf("query\n got %s\nwant %s", got, w)
	}
}

// created is a Stripe-like union: a range object or a bare timestamp.
type created struct {
	Range *struct {
		Gte *int64 `json:"gte,omitempty"`
		Lt  *int64 `json:"lt,omitempty"`
	}
	At *int64
}

func (c created) MarshalJSON() ([]byte, error) {
	if c.At != nil {
		return json.Marshal(*c.At)
	}
	return json.Marshal(c.Range)
}

func TestAddQueryDeep(t *testing.T) {
	q := url.Values{}
	rng := created{Range: &struct {
		Gte *int64 `json:"gte,omitempty"`
		Lt  *int64 `json:"lt,omitempty"`
	}{Gte: apiruntime.Ptr[int64](1700000000), Lt: apiruntime.Ptr[int64](1800000000)}}
	for name, v := range map[string]any{
		"created":  &rng,
		"at":       created{At: apiruntime.Ptr[int64](42)},
		"expand":   []string{"customer", "invoice.subscription"},
		"metadata": map[string]string{"order": "7"},
		"limit":    apiruntime.Ptr(3),
		"unset":    (*created)(nil),
		"none":     []string(nil),
	} {
		if err := apiruntime.AddQueryDeep(q, name, v); err != nil {
			t.Fatal(name, err)
		}
	}
	want := url.Values{
		"created[gte]":    {"1700000000"},
		"created[lt]":     {"1800000000"},
		"at":              {"42"},
		"expand[0]":       {"customer"},
		"expand[1]":       {"invoice.subscription"},
		"metadata[order]": {"7"},
		"limit":           {"3"},
	}
	if got, w := q.Encode(), want.Encode(); got != w {
		t.Errorf("query\n got %s\nwant %s", got, w)
	}
	if err := apiruntime.AddQueryDeep(q, "bad", make(chan int)); err == nil || !strings.Contains(err.Error(), `"bad"`) {
		t.Errorf("unencodable value: %v", err)
	}
}
