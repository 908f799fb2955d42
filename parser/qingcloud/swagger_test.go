package qingcloud

import (
	"slices"
	"testing"

	"github.com/apigen-dev/apigen/internal/irtest"
	"github.com/apigen-dev/apigen/ir"
)

// testdata/spec is a QingCloud-layout swagger set (see its README).
var specFiles = []string{
	"testdata/spec/api.json",
	"testdata/spec/defs.json",
	"testdata/spec/params.json",
	"testdata/spec/things.json",
}

func TestSpecSet(t *testing.T) {
	api, diags, err := ParseFiles(irtest.ReadAll(t, specFiles))
	if err != nil {
		t.Fatal(err)
	}
	if api.Name != "QingCloud" || api.Version != "2013-08-30" || !slices.Equal(api.Servers, []string{"https://api.qingcloud.com"}) {
		t.Errorf("name %q version %q servers %v", api.Name, api.Version, api.Servers)
	}
	// The one file the root names but the set lacks is reported once, at its $ref.
	if len(diags) != 1 || diags[0].Kind != "unresolved-ref" || diags[0].Pos.File != "testdata/spec/api.json" || diags[0].Pos.Line != 10 {
		t.Errorf("diagnostics %v, want one unresolved-ref at api.json:10", diags)
	}

	do := mustOp(t, api, "DoThings")
	if do.Action != "DoThings" || do.Method != "GET" || do.Path != "/iaas/" || do.Service != "things" || !do.Auth || !do.Async {
		t.Errorf("DoThings %+v", do)
	}
	if do.Summary != "" {
		t.Errorf("a summary repeating the name is noise: %q", do.Summary)
	}
	var names []string
	for _, p := range do.Params {
		names = append(names, p.Name)
		if p.In != ir.InQuery {
			t.Errorf("%s travels in %s; the in: body schema is the query", p.Name, p.In)
		}
	}
	if want := []string{"thing_name", "size", "max_size", "things", "mode", "zone"}; !slices.Equal(names, want) {
		t.Errorf("params %v, want %v", names, want)
	}
	if p := mustParam(t, do, "thing_name"); !p.Required || p.Pos.Line != lineOf(t, readFile(t, "testdata/spec/things.json"), `"thing_name"`) || p.Pos.File != "testdata/spec/things.json" {
		t.Errorf("thing_name %+v", p)
	}
	if p := mustParam(t, do, "size"); p.Default != "1" || p.Inferred || !slices.Equal(p.Enum, []string{"1", "2", "4"}) {
		t.Errorf("size %+v", p)
	}
	if p := mustParam(t, do, "max_size"); !p.Nullable || p.Default != "" {
		t.Errorf("max_size: nullable with a null default, got %+v", p)
	}
	if p := mustParam(t, do, "things"); p.Style != "dotted" || p.Type.String() != "[]string" {
		t.Errorf("things %+v", p)
	}
	if p := mustParam(t, do, "zone"); !p.Required || p.Description != "QingCloud Zone ID" || p.Pos.File != "testdata/spec/params.json" {
		t.Errorf("zone resolved through api.json to params.json: %+v", p)
	}

	desc := mustOp(t, api, "DescribeThings")
	want := ir.Paging{Style: "offset", OffsetParam: "offset", LimitParam: "limit", ItemsField: "thing_set", TotalField: "total_count", MaxLimit: 100}
	if desc.Paging == nil || *desc.Paging != want {
		t.Errorf("paging %+v", desc.Paging)
	}
	resp := mustType(t, api, "DescribeThingsResponse")
	if got := mustField(t, resp, "thing_set").Type.String(); got != "[]ref(Thing)" {
		t.Errorf("thing_set %s", got)
	}
	thing := mustType(t, api, "Thing")
	for name, want := range map[string]string{
		"modified": "time(rfc822)", // QingCloud's custom format
		"created":  "time(date-time)",
		"labels":   "map[string]string",
		"owner":    "ref(Owner)",
	} {
		if got := mustField(t, thing, name).Type.String(); got != want {
			t.Errorf("Thing.%s %s, want %s", name, got, want)
		}
	}
	if e := mustField(t, thing, "status").Enum; !slices.Equal(e, []string{`"active"`, `"ceased"`}) {
		t.Errorf("status enum %v", e)
	}
	mustType(t, api, "Owner")

	ping := mustOp(t, api, "PingZone")
	if ping.Action != "PingZone" || ping.Service != "zone" || !mustParam(t, ping, "zone").Required {
		t.Errorf("inline action path: %+v", ping)
	}
}

// Files that $ref each other resolve whatever order they are named in,
// and the result is the same.
func TestSpecOrderIndependent(t *testing.T) {
	a, da, err := ParseFiles(irtest.ReadAll(t, specFiles))
	if err != nil {
		t.Fatal(err)
	}
	rev := slices.Clone(specFiles)
	slices.Reverse(rev)
	b, db, err := ParseFiles(irtest.ReadAll(t, rev))
	if err != nil {
		t.Fatal(err)
	}
	if withoutPos(t, a) != withoutPos(t, b) || len(da) != len(db) {
		t.Error("file order changed the result")
	}
}

// A fragment read alone reports what it cannot reach and still yields its
// operations, with dangling types degraded to raw JSON.
func TestSpecAlone(t *testing.T) {
	const file = "testdata/spec/things.json"
	api, diags, err := Parse(file, readFile(t, file))
	if err != nil {
		t.Fatal(err)
	}
	if k := kinds(diags); k["unresolved-ref"] != 3 || len(diags) != 3 {
		t.Errorf("diagnostics %v: want two unreachable zone refs and one undefined Thing", diags)
	}
	desc := mustOp(t, api, "DescribeThings")
	if got := mustField(t, mustType(t, api, "DescribeThingsResponse"), "thing_set").Type.String(); got != "[]raw" {
		t.Errorf("thing_set %s, want []raw", got)
	}
	// The common zone parameter is still there, by the family rule.
	if z := mustParam(t, desc, "zone"); !z.Required {
		t.Error("zone not required")
	}
	if desc.Path != "/iaas/" {
		t.Errorf("path %q", desc.Path)
	}
}
