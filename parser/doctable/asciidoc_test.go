package doctable

import (
	"reflect"
	"strings"
	"testing"
)

// TestShanhePage reads the Shanhe RunInstances page: cols="1,1,2a,1" with one
// cell per line, multi-line cells with " +" breaks and bullet lists, and
// "\|" inside code.
func TestShanhePage(t *testing.T) {
	path, src := readCorpus(t, "qingcloud/shanhe-docs/run_instances.adoc")
	doc, err := ParseAsciiDoc(path, src)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Meta("title") != "RunInstances" {
		t.Errorf("front matter %v", doc.FrontMatter)
	}
	// Rows after a multi-line cell start later than the five-line rhythm.
	reqLines := []int{23, 28, 38, 43, 48, 56, 63, 68, 76, 81, 86, 93, 98, 103, 108, 113, 118, 123, 128, 133, 138, 143, 148, 153, 158, 163, 168, 173, 178, 183, 188, 193, 198, 204, 209, 214}
	checkTables(t, doc, []wantTable{
		{line: 21, caption: "Request Parameters", header: []string{"Parameter name", "Type", "Description", "Required"}, rowLines: reqLines},
		{line: 224, caption: "Response Elements", header: []string{"Name", "Type", "Description"}, rowLines: []int{226, 230, 234, 238}},
	})
	rows := doc.Tables()[0].Rows
	byName := map[string][]string{}
	for _, r := range rows {
		if len(r.Cells) != 4 {
			t.Errorf("%s: %d cells %q", r.Pos, len(r.Cells), r.Cells)
			continue
		}
		if r.Cells[3] != "Yes" && r.Cells[3] != "No" {
			t.Errorf("%s: Required %q", r.Pos, r.Cells[3])
		}
		byName[r.Cells[0]] = r.Cells
	}
	want := "云服务器类型，有效值请参考 Instance Types\n" +
		"* 如果使用弹性裸金属服务器, 该参数必填。\n" +
		"* 如果请求中指定了 instance_type，cpu 和 memory 参数可略过。\n" +
		"* 如果请求中没有 instance_type，则 cpu 和 memory 参数必须指定。\n" +
		"* 如果请求参数中既有 instance_type，又有 cpu 和 memory，则以 cpu, memory 的值为准。"
	if got := byName["instance_type"]; got == nil || got[2] != want || got[3] != "No" {
		t.Errorf("instance_type row %q\nwant description\n%q", got, want)
	}
	if got := byName["count"]; got == nil || got[2] != "创建云服务器的数量，默认是1\n注解\n当同时创建多台云服务器时，这些云服务器的基本信息和配置都是相同的" {
		t.Errorf("count row %q", got)
	}
	if got := byName["vxnets.n"]; got == nil || !strings.Contains(got[2], "这时参数值要改为 vxnet-id|ip-address ，如 vxnet-abcd123|192.168.1.2 。") {
		t.Errorf("vxnets.n row %q", got)
	}
	if got := byName["login_mode"]; got == nil || got[3] != "Yes" {
		t.Errorf("login_mode row %q", got)
	}
	var code []string
	for _, b := range doc.Blocks {
		if b.Kind == CodeBlock {
			code = append(code, b.Pos.String())
		}
	}
	if len(code) != 2 || !strings.HasSuffix(code[0], ":247:1") {
		t.Errorf("code blocks at %v", code)
	}
}

func TestAsciiDocTables(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []wantTable
		warn int
	}{{
		name: "implicit header: first line holds every cell, then a blank line",
		src:  "== Params\n\n|===\n| Name | Type\n\n| a | int\n| b | string\n|===\n",
		want: []wantTable{{line: 4, heading: "Params", header: []string{"Name", "Type"}, rowLines: []int{6, 7},
			rows: [][]string{{"a", "int"}, {"b", "string"}}}},
	}, {
		name: "no blank after the first line: no header, as in Asciidoctor",
		src:  "|===\n|a |b\n|c |d\n|===\n",
		want: []wantTable{{line: 2, rows: [][]string{{"a", "b"}, {"c", "d"}}}},
	}, {
		name: "noheader wins over the implicit rule",
		src:  "[%noheader]\n|===\n|a |b\n\n|c |d\n|===\n",
		want: []wantTable{{line: 3, rows: [][]string{{"a", "b"}, {"c", "d"}}}},
	}, {
		name: "cols count groups one-cell-per-line rows; header option; block title",
		src: ".Request Parameters\n[cols=\"2*,1\", options=\"header\"]\n|===\n|Name\n|Type\n|Required\n" +
			"|a\n|int\n|Yes\n|b\n|string\n|No\n|===\n",
		want: []wantTable{{line: 4, caption: "Request Parameters", header: []string{"Name", "Type", "Required"},
			rowLines: []int{7, 10}, rows: [][]string{{"a", "int", "Yes"}, {"b", "string", "No"}}}},
	}, {
		name: "without cols, one cell per line: rows split at blank lines",
		src:  "*Response*\n\n|===\n| Name\n| Type\n\n| a\n| int\n\n| b\n| long\n+\ncontinued\n|===\n",
		want: []wantTable{{line: 4, caption: "Response", rows: [][]string{{"Name", "Type"}, {"a", "int"}, {"b", "long\ncontinued"}}}},
	}, {
		name: "cell specs: a|, 2+|, .2+|, 3*| and an escaped pipe",
		src: "[cols=3,options=header]\n|===\n|A |B |C\n" +
			"a|* x\n* y\n|p\\|q |r\n" +
			"2+|wide |s\n" +
			".2+|tall |t |u\n|v |w\n" +
			"3*|same\n|===\n",
		want: []wantTable{{line: 3, header: []string{"A", "B", "C"}, rows: [][]string{
			{"* x\n* y", "p|q", "r"},
			{"wide", "s"},
			{"tall", "t", "u"},
			{"v", "w"},
			{"same", "same", "same"},
		}}},
	}, {
		name: "comments, listings and directives are not text",
		src: "= Doc\n:toc:\ninclude::x.adoc[]\n// a comment\n////\n|===\n|hidden\n|===\n////\n[source,json]\n----\n|===\n----\n\n" +
			"[options=\"header\"]\n|===\n|k |v\n|===\n",
		want: []wantTable{{line: 17, heading: "Doc", header: []string{"k", "v"}}},
	}, {
		name: "an unclosed table runs to the end with a warning",
		src:  "|===\n|a |b\n\n|c |d\n",
		want: []wantTable{{line: 2, header: []string{"a", "b"}, rows: [][]string{{"c", "d"}}}},
		warn: 1,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ParseAsciiDoc("t.adoc", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			checkTables(t, doc, tt.want)
			if len(doc.Warnings) != tt.warn {
				t.Errorf("warnings %v, want %d", doc.Warnings, tt.warn)
			}
		})
	}
}

func TestParseTableAttrs(t *testing.T) {
	tests := []struct {
		in   string
		want tableOpts
	}{
		{`option="header",cols="1,1,2a,1"`, tableOpts{cols: 4, header: 1}},
		{`options="header,footer",cols="3*,1"`, tableOpts{cols: 4, header: 1}},
		{`%header%autowidth,cols=3`, tableOpts{cols: 3, header: 1}},
		{`cols="<1,^2,>3m", opts=noheader`, tableOpts{cols: 3, header: -1}},
		{`.role#id`, tableOpts{}},
		{``, tableOpts{}},
	}
	for _, tt := range tests {
		if got := parseTableAttrs(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("parseTableAttrs(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}
