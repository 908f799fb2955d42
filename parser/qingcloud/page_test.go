package qingcloud

import (
	"slices"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/ir"
)

// testdata/page holds one action written in Markdown and in AsciiDoc.
var pageVariants = []string{"testdata/page/create_widgets.md", "testdata/page/create_widgets.adoc"}

func TestPageFacts(t *testing.T) {
	for _, file := range pageVariants {
		t.Run(file, func(t *testing.T) {
			src := readFile(t, file)
			api, diags, err := Parse(file, src)
			if err != nil {
				t.Fatal(err)
			}
			if len(diags) != 0 {
				t.Errorf("diagnostics on a clean page: %v", diags)
			}
			if api.Family != ir.FamilyQingCloud || api.Name != "QingCloud" {
				t.Errorf("family %q name %q", api.Family, api.Name)
			}
			if !slices.Equal(api.Servers, []string{"https://api.example-qingcloud.test"}) {
				t.Errorf("servers %v", api.Servers)
			}
			op := mustOp(t, api, "CreateWidgets")
			if op.Action != "CreateWidgets" || op.Method != "GET" || op.Path != "/iaas/" || !op.Auth || op.Service != "widget" {
				t.Errorf("op header: %+v", op)
			}
			if op.Summary != "Creates one or more widgets." || !strings.Contains(op.Description, "poll DescribeJobs") {
				t.Errorf("summary %q description %q", op.Summary, op.Description)
			}
			if op.Pos.Line != 2 || op.Pos.File != file {
				t.Errorf("op pos %v, want the title line", op.Pos)
			}
			if !op.Async {
				t.Error("job_id in the response should make the call async")
			}
			if op.Paging != nil {
				t.Errorf("no offset/limit, yet paging %+v", op.Paging)
			}

			var names []string
			for _, p := range op.Params {
				names = append(names, p.Name)
				if p.In != ir.InQuery {
					t.Errorf("%s in %s", p.Name, p.In)
				}
			}
			want := []string{"widget_name", "count", "size", "mode", "cores", "quota", "verbose", "labels", "rules", "zone"}
			if !slices.Equal(names, want) {
				t.Errorf("params %v, want %v", names, want)
			}
			for _, name := range []string{"widget_name", "rules", "zone"} {
				if !mustParam(t, op, name).Required {
					t.Errorf("%s should be required", name)
				}
			}
			count := mustParam(t, op, "count")
			if count.Default != "1" || !count.Inferred || count.Type.Kind != ir.KindInteger {
				t.Errorf("count %+v", count)
			}
			if line := lineOf(t, src, "count"); count.Pos.Line != line {
				t.Errorf("count at line %d, want %d", count.Pos.Line, line)
			}
			if p := mustParam(t, op, "size"); p.Default != "" {
				t.Errorf("size: defaults 20 and 50 disagree, yet default %q", p.Default)
			}
			if p := mustParam(t, op, "mode"); !slices.Equal(p.Enum, []string{`"fast"`, `"slow"`}) || !p.Inferred {
				t.Errorf("mode %+v", p)
			}
			if p := mustParam(t, op, "cores"); !slices.Equal(p.Enum, []string{"1", "2", "4"}) {
				t.Errorf("cores enum %v", p.Enum)
			}
			if p := mustParam(t, op, "quota"); p.Enum != nil || p.Inferred {
				t.Errorf("quota: a range is no enum, got %+v", p)
			}
			if p := mustParam(t, op, "verbose"); p.Default != "false" || p.Type.Kind != ir.KindBoolean {
				t.Errorf("verbose %+v", p)
			}
			if p := mustParam(t, op, "labels"); p.Type.String() != "[]string" || p.Style != "dotted" {
				t.Errorf("labels %s style %q", p.Type, p.Style)
			}
			rules := mustParam(t, op, "rules")
			if rules.Type.String() != "[]ref(CreateWidgetsRule)" || rules.Style != "dotted" {
				t.Errorf("rules %s style %q", rules.Type, rules.Style)
			}
			rule := mustType(t, api, "CreateWidgetsRule")
			if port := mustField(t, rule, "port"); !port.Required || port.Type.Kind != ir.KindInteger {
				t.Errorf("rule.port %+v", port)
			}
			if proto := mustField(t, rule, "proto"); proto.Required || proto.Type.Kind != ir.KindString || proto.Default != "" {
				// Struct fields carry no Inferred flag, so prose defaults stay prose.
				t.Errorf("rule.proto %+v", proto)
			}

			if op.Response == nil || op.Response.Type == nil || op.Response.Type.Ref != "CreateWidgetsResponse" || op.Response.Status != 200 {
				t.Fatalf("response %+v", op.Response)
			}
			resp := mustType(t, api, "CreateWidgetsResponse")
			for name, want := range map[string]string{
				"action":      "string",
				"widget_set":  "[]ref(Widget)",
				"job_id":      "string",
				"ret_code":    "integer",
				"total_count": "integer", // only in the example
			} {
				if got := mustField(t, resp, name).Type.String(); got != want {
					t.Errorf("response.%s: %s, want %s", name, got, want)
				}
			}
			widget := mustType(t, api, "Widget")
			for name, want := range map[string]string{
				"widget_id":   "string",
				"create_time": "time(date-time)",
				"owner":       "ref(Owner)", // Dict in the table, typed from the example
				"ratio":       "number",
				"ports":       "[]integer",
			} {
				if got := mustField(t, widget, name).Type.String(); got != want {
					t.Errorf("Widget.%s: %s, want %s", name, got, want)
				}
			}
			owner := mustType(t, api, "Owner")
			if q := mustField(t, owner, "quota"); q.Type.Kind != ir.KindInteger || q.Pos.Line != lineOf(t, src, `"owner": {`) {
				t.Errorf("Owner.quota %+v", q)
			}
		})
	}
}

// The Markdown and AsciiDoc pages say the same thing, so apart from
// positions they must give byte-identical IR.
func TestPageVariantsAgree(t *testing.T) {
	var outs []string
	for _, file := range pageVariants {
		api, _, err := Parse(file, readFile(t, file))
		if err != nil {
			t.Fatal(err)
		}
		outs = append(outs, withoutPos(t, api))
	}
	if outs[0] != outs[1] {
		t.Errorf("Markdown and AsciiDoc variants differ:\n%s\n---\n%s", outs[0], outs[1])
	}
}

// Pages that are no action page yield nothing, silently.
func TestNonActionPage(t *testing.T) {
	src := []byte("---\ntitle: \"公共参数\"\n---\n\n**公共参数**:\n\n| Name | Description | Notes |\n| --- | --- | --- |\n| **zone** | 区域 ID | pek3a |\n")
	api, diags, err := Parse("parameters.md", src)
	if err != nil || len(diags) != 0 || len(api.Operations) != 0 || len(api.Types) != 0 {
		t.Errorf("api %+v diags %v err %v", api, diags, err)
	}
}

// A page without zone gets the common parameter, required.
func TestZoneAdded(t *testing.T) {
	src := []byte("---\ntitle: \"StopThings\"\n---\n\n**Request Parameters**\n\n| Parameter name | Type | Description | Required |\n| --- | --- | --- | --- |\n| things.n | String | IDs | Yes |\n\n**Response Elements**\n\n| Name | Type | Description |\n| --- | --- | --- |\n| job_id | String | Job |\n")
	api, diags, err := Parse("stop.md", src)
	if err != nil || len(diags) != 0 {
		t.Fatal(err, diags)
	}
	op := mustOp(t, api, "StopThings")
	if z := mustParam(t, op, "zone"); !z.Required || z.Pos.Line != 7 {
		t.Errorf("zone %+v", z)
	}
	if op.Service != "thing" || !op.Async {
		t.Errorf("service %q async %v", op.Service, op.Async)
	}
}

// Chinese captions and headers are read like the English ones.
func TestChinesePage(t *testing.T) {
	src := []byte(`---
title: "DescribeThings"
---

## 请求参数

| 参数名 | 类型 | 描述 | 是否必选 |
| --- | --- | --- | --- |
| offset | Integer | 数据偏移量，默认为0 | 否 |
| limit | Integer | 返回数据长度，默认为20，最大100 | 否 |
| zone | String | 区域 ID | 是 |

## 返回数据

| 名称 | 类型 | 描述 |
| --- | --- | --- |
| thing_set | Array | 列表 |
| total_count | Integer | 总数 |
`)
	api, diags, err := Parse("describe_things.md", src)
	if err != nil || len(diags) != 0 {
		t.Fatal(err, diags)
	}
	op := mustOp(t, api, "DescribeThings")
	if !mustParam(t, op, "zone").Required || mustParam(t, op, "offset").Required {
		t.Error("是/否 misread")
	}
	if d := mustParam(t, op, "limit").Default; d != "20" {
		t.Errorf("limit default %q", d)
	}
	want := ir.Paging{Style: "offset", OffsetParam: "offset", LimitParam: "limit", ItemsField: "thing_set", TotalField: "total_count", MaxLimit: 100}
	if op.Paging == nil || *op.Paging != want {
		t.Errorf("paging %+v", op.Paging)
	}
}
