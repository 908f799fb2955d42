package doctable

import (
	"reflect"
	"strings"
	"testing"
)

// wantTable is what a test expects of one table; nil fields are not checked.
type wantTable struct {
	line     int
	heading  string
	caption  string
	header   []string
	rowLines []int
	rows     [][]string // compared when not nil
}

func checkTables(t *testing.T, doc *Document, want []wantTable) {
	t.Helper()
	got := doc.Tables()
	if len(got) != len(want) {
		t.Fatalf("%d tables, want %d:\n%s", len(got), len(want), dumpTables(got))
	}
	for i, w := range want {
		g := got[i]
		if g.Pos.Line != w.line || g.Pos.File != doc.File {
			t.Errorf("table %d at %s, want line %d", i, g.Pos, w.line)
		}
		if g.Heading != w.heading {
			t.Errorf("table %d heading %q, want %q", i, g.Heading, w.heading)
		}
		if g.Caption != w.caption {
			t.Errorf("table %d caption %q, want %q", i, g.Caption, w.caption)
		}
		if w.header != nil && !reflect.DeepEqual(g.Header, w.header) {
			t.Errorf("table %d header %q, want %q", i, g.Header, w.header)
		}
		if w.rowLines != nil {
			var lines []int
			for _, r := range g.Rows {
				lines = append(lines, r.Pos.Line)
			}
			if !reflect.DeepEqual(lines, w.rowLines) {
				t.Errorf("table %d row lines %v, want %v", i, lines, w.rowLines)
			}
		}
		if w.rows != nil {
			var rows [][]string
			for _, r := range g.Rows {
				rows = append(rows, r.Cells)
			}
			if !reflect.DeepEqual(rows, w.rows) {
				t.Errorf("table %d rows\n%q\nwant\n%q", i, rows, w.rows)
			}
		}
	}
}

func dumpTables(ts []*Table) string {
	var b strings.Builder
	for _, t := range ts {
		b.WriteString(t.Pos.String() + " " + t.Caption + " " + strings.Join(t.Header, "|") + "\n")
	}
	return b.String()
}

func lineRange(from, to int) []int {
	var r []int
	for i := from; i <= to; i++ {
		r = append(r, i)
	}
	return r
}

// TestZStackPage reads a page as scraped from ZStack's manual: a parameter
// table captioned "参数列表" above two empty list items, a response table with
// only a code block above it (so no caption), and the sub-tables "#error"
// and "#inventory" that response cells point to with 详情参考[…].
func TestZStackPage(t *testing.T) {
	path, src := readCorpus(t, "zstack/pages/zh_ChangeClusterState.md")
	doc, err := ParseMarkdown(path, src)
	if err != nil {
		t.Fatal(err)
	}
	fields := []string{"名字", "类型", "描述", "起始版本"}
	checkTables(t, doc, []wantTable{
		{line: 51, heading: "API请求", caption: "参数列表",
			header:   []string{"名字", "类型", "位置", "描述", "可选值", "起始版本"},
			rowLines: lineRange(53, 56),
			rows: [][]string{
				{"uuid", "String", "url", "资源的UUID，唯一标示该资源", "", "0.6"},
				{"stateEvent", "String", "body(包含在changeClusterState结构中)", "可用状态触发事件", "enable disable", "0.6"},
				{"systemTags (可选)", "List", "body", "系统标签", "", "0.6"},
				{"userTags (可选)", "List", "body", "用户标签", "", "0.6"},
			}},
		{line: 82, heading: "API返回", caption: "", header: fields, rowLines: []int{84, 85},
			rows: [][]string{
				{"error", "ErrorCode", "错误码，若不为null，则表示操作失败, 操作成功时该字段为null。 详情参考[error]", "0.6"},
				{"inventory", "ClusterInventory", "详情参考[inventory]", "0.6"},
			}},
		{line: 89, heading: "API返回", caption: "#error", header: fields, rowLines: lineRange(91, 96)},
		{line: 100, heading: "API返回", caption: "#inventory", header: fields, rowLines: lineRange(102, 110)},
	})
	if len(doc.Warnings) != 0 {
		t.Errorf("warnings: %v", doc.Warnings)
	}
	// The provenance comment on line 1 is invisible; the API title comes first.
	if b := doc.Blocks[0]; b.Kind != HeadingBlock || b.Level != 4 || b.Text != "改变一个集群的可用状态(ChangeClusterState)" || b.Pos.Line != 2 {
		t.Errorf("first block %+v", b)
	}
	var urls *Block
	for i, b := range doc.Blocks {
		if b.Kind == TextBlock && b.Text == "URLs" {
			urls = &doc.Blocks[i+1]
			break
		}
	}
	if urls == nil || urls.Kind != CodeBlock || urls.Text != "PUT zstack/v1/clusters/{uuid}/actions" || urls.Pos.Line != 10 {
		t.Errorf("block after URLs: %+v", urls)
	}
}

// TestQingCloudPage reads a Hugo page: front matter, a bold caption and
// <br/> inside cells.
func TestQingCloudPage(t *testing.T) {
	path, src := readCorpus(t, "qingcloud/qingcloud-docs/run_instances.md")
	doc, err := ParseMarkdown(path, src)
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.Meta("title"); got != "RunInstances" {
		t.Errorf("title %q", got)
	}
	checkTables(t, doc, []wantTable{
		{line: 20, caption: "Request Parameters", header: []string{"Parameter name", "Type", "Description", "Required"}, rowLines: lineRange(22, 57)},
		{line: 61, caption: "Response Elements", header: []string{"Name", "Type", "Description"}, rowLines: lineRange(63, 66)},
	})
	rows := doc.Tables()[0].Rows
	if got, want := rows[1].Cells[2], "云服务器类型，有效值请参考 Instance Types\n如果使用弹性裸金属服务器, 该参数必填。\n"+
		"如果请求中指定了 instance_type，cpu 和 memory 参数可略过。\n如果请求中没有 instance_type，则 cpu 和 memory 参数必须指定。\n"+
		"如果请求参数中既有 instance_type，又有 cpu 和 memory，则以 cpu, memory 的值为准。"; got != want {
		t.Errorf("instance_type description\n%q\nwant\n%q", got, want)
	}
	// "``` vxnet-id|ip-address ```" holds an unescaped pipe; the row still
	// has four cells because the pipe sits inside a code span.
	if r := rows[10]; len(r.Cells) != 4 || r.Cells[0] != "vxnets.n" || !strings.Contains(r.Cells[2], "vxnet-id|ip-address") || r.Cells[3] != "No" {
		t.Errorf("vxnets.n row %q", r.Cells)
	}
}

// TestMarkdownScraped covers what text copied from web pages does to GFM.
func TestMarkdownScraped(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		want     []wantTable
		warnings []string
		blocks   []BlockKind // when not nil, the kinds of all blocks
	}{{
		name: "table glued to the line above, a row one cell short",
		src: "#### 创建区域(CreateZone)\n" +
			" 参数列表\n" +
			"| 名字 | 类型 | 描述 |\n" +
			"| --- | --- | --- |\n" +
			"| name | String | 资源名称 |\n" +
			"| description (可选) | String |\n" +
			"| extra | a | b | c |\n" +
			"后记\n",
		want: []wantTable{{line: 3, heading: "创建区域(CreateZone)", caption: "参数列表", header: []string{"名字", "类型", "描述"},
			rowLines: []int{5, 6, 7},
			rows:     [][]string{{"name", "String", "资源名称"}, {"description (可选)", "String"}, {"extra", "a", "b", "c"}}}},
		blocks: []BlockKind{HeadingBlock, TextBlock, TableBlock, TextBlock},
	}, {
		name: "escaped pipes, inline markup, entities and a trailing backslash",
		src: "| a | b |\n|:--|--:|\n" +
			"| `x\\|y` | **bold** _it_ ~~del~~ [link](http://e.com/a_(b)) ![img](i.png) |\n" +
			"| &lt;T&gt; &amp; &COMMON | List<String> <br> 2 * 3 * 4 snake_case_name \\* |\n",
		want: []wantTable{{line: 1, header: []string{"a", "b"}, rows: [][]string{
			{"x|y", "bold it del link img"},
			{"<T> & &COMMON", "List<String>\n2 * 3 * 4 snake_case_name *"},
		}}},
	}, {
		name: "stacked tables without a blank line between them",
		src:  "| a | b |\n| --- | --- |\n| 1 | 2 |\n| c | d |\n| --- | --- |\n| 3 | 4 |\n",
		want: []wantTable{
			{line: 1, header: []string{"a", "b"}, rows: [][]string{{"1", "2"}}},
			{line: 4, header: []string{"c", "d"}, rows: [][]string{{"3", "4"}}},
		},
	}, {
		name: "code fences hide headings and pipes; a table inside code stays code",
		src: "# Title\n```shell\n# not a heading\n| not | a | row |\n```\n" +
			"~~~\n| a | b |\n| --- | --- |\n~~~\n" +
			"| h |\n| - |\n| r |\n",
		want:   []wantTable{{line: 10, heading: "Title", header: []string{"h"}, rows: [][]string{{"r"}}}},
		blocks: []BlockKind{HeadingBlock, CodeBlock, CodeBlock, TableBlock},
	}, {
		name: "stray four-backtick fences do not swallow what lies between them",
		src:  "```\ncode\n```\n\n````\n\n#### A(A)\n\n| x | y |\n| --- | --- |\n| 1 | 2 |\n\n```\nmore\n```\n\n````\n\n#### B(B)\n\n| x | y |\n| --- | --- |\n| 3 | 4 |\n\n  ````\n",
		want: []wantTable{
			{line: 9, heading: "A(A)", header: []string{"x", "y"}, rows: [][]string{{"1", "2"}}},
			{line: 21, heading: "B(B)", header: []string{"x", "y"}, rows: [][]string{{"3", "4"}}},
		},
		warnings: []string{
			"t.md:5:1: code fence \"````\" would enclose the page's own tables and headings; read as text",
			"t.md:17:1: code fence \"````\" would enclose the page's own tables and headings; read as text",
			"t.md:25:3: code fence \"````\" is never closed; read as text",
		},
	}, {
		name:   "front matter, comments, quotes and rules",
		src:    "---\ntitle: \"X\"\n---\n<!-- hidden\n| a | b |\n| --- | --- |\n-->\n> **Note:** quoted\n\n---\n\n*Request Parameters*\n\n| p | q |\n| --- | --- |\n",
		want:   []wantTable{{line: 14, caption: "Request Parameters", header: []string{"p", "q"}}},
		blocks: []BlockKind{TextBlock, RuleBlock, TextBlock, TableBlock},
	}, {
		name: "a delimiter row alone, or a header without pipes, is no table",
		src:  "a\n| --- |\n\nplain | text\n--- | ---\n",
		want: []wantTable{{line: 4, caption: "| --- |", header: []string{"plain", "text"}}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ParseMarkdown("t.md", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			checkTables(t, doc, tt.want)
			var warns []string
			for _, w := range doc.Warnings {
				warns = append(warns, w.String())
			}
			if !reflect.DeepEqual(warns, tt.warnings) {
				t.Errorf("warnings %q, want %q", warns, tt.warnings)
			}
			if tt.blocks != nil {
				var kinds []BlockKind
				for _, b := range doc.Blocks {
					kinds = append(kinds, b.Kind)
				}
				if !reflect.DeepEqual(kinds, tt.blocks) {
					t.Errorf("blocks %v, want %v", kinds, tt.blocks)
				}
			}
		})
	}
}
