package cliprint

import (
	"bytes"
	"strings"
	"testing"
)

type pet struct {
	Name     string   `json:"name"`
	ID       int      `json:"id"`
	Tag      *string  `json:"tag"`
	Status   string   `json:"status,omitempty"`
	Paid     bool     `json:"paid"`
	Photos   []string `json:"photos"`
	Birthday string   `json:"created_at,omitempty"`
}

type page struct {
	Items []pet `json:"items"`
	Total int   `json:"total"`
}

func printed(t *testing.T, format string, v any) string {
	t.Helper()
	var b bytes.Buffer
	if err := Print(&b, format, v); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// YAML keeps the API's field order, quotes strings that would read as
// numbers or booleans, and writes empty lists and null as YAML does.
func TestPrintYAML(t *testing.T) {
	got := printed(t, "yaml", pet{Name: "007", ID: 7, Status: "true", Photos: []string{}})
	want := "name: \"007\"\nid: 7\ntag: null\nstatus: \"true\"\npaid: false\nphotos: []\n"
	if got != want {
		t.Errorf("yaml:\n%s\nwant:\n%s", got, want)
	}
	got = printed(t, "yaml", page{Items: []pet{{Name: "Rex", ID: 1, Photos: []string{"a.jpg"}}}, Total: 1})
	want = "items:\n  - name: Rex\n    id: 1\n    tag: null\n    paid: false\n    photos:\n      - a.jpg\ntotal: 1\n"
	if got != want {
		t.Errorf("yaml of a page:\n%s\nwant:\n%s", got, want)
	}
}

// A table lists a page's one list field with the identifying columns (id,
// then name, then status, then creation time) and leaves the rest out:
// "paid" ends in "id" but is no ID, lists are no column.
func TestPrintTable(t *testing.T) {
	tag := "good\tdog"
	got := printed(t, "table", page{Items: []pet{
		{Name: "Rex", ID: 1, Status: "sold", Birthday: "2020-01-02"},
		{Name: "Tom", ID: 22, Tag: &tag},
	}, Total: 2})
	want := "ID  NAME  STATUS  CREATED_AT\n1   Rex   sold    2020-01-02\n22  Tom           \n"
	if got != want {
		t.Errorf("table:\n%q\nwant:\n%q", got, want)
	}
	// A bare list, and one object as one row.
	if got := printed(t, "table", []pet{{Name: "Rex", ID: 1}}); got != "ID  NAME\n1   Rex\n" {
		t.Errorf("table of a list: %q", got)
	}
	if got := printed(t, "table", pet{Name: "Rex", ID: 1}); got != "ID  NAME\n1   Rex\n" {
		t.Errorf("table of one object: %q", got)
	}
	// No identifying field: the first scalar fields; scalars as a "value" column.
	type point struct{ X, Y int }
	if got := printed(t, "table", []point{{1, 2}}); got != "X  Y\n1  2\n" {
		t.Errorf("table without id-like fields: %q", got)
	}
	if got := printed(t, "table", []string{"a", "b"}); got != "VALUE\na\nb\n" {
		t.Errorf("table of strings: %q", got)
	}
}

func TestPrintJSONAndCheck(t *testing.T) {
	if got := printed(t, "json", pet{Name: "Rex", Photos: []string{}}); got != "{\n  \"name\": \"Rex\",\n  \"id\": 0,\n  \"tag\": null,\n  \"paid\": false,\n  \"photos\": []\n}\n" {
		t.Errorf("json: %q", got)
	}
	if err := Check("xml"); err == nil || !strings.Contains(err.Error(), "json, yaml, table") {
		t.Errorf("Check(xml) = %v", err)
	}
	if err := Print(&bytes.Buffer{}, "xml", 1); err == nil {
		t.Error("Print accepted xml")
	}
}
