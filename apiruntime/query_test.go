package apiruntime_test

import (
	"net/http"
	"net/url"
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
