package doctable

import (
	"reflect"
	"testing"
)

const zstackHTML = `<!DOCTYPE html>
<html><head><title>t</title><script>var s = "<table><h4>";</script></head>
<body>
<!-- <table> in a comment -->
<h4 class="title">改变一个集群的可用状态(ChangeClusterState)</h4>
<div class="section"><h5>API请求</h5>
<p>URLs</p>
<pre class="language-http">PUT zstack/v1/clusters/{uuid}/actions</pre>
<p><strong>参数列表</strong></p>
<table border="1">
  <thead>
    <tr><th>名字</th><th>类型</th><th>描述</th></tr>
  </thead>
  <tbody>
    <tr><td>uuid</td><td>String</td><td>资源的UUID<br>唯一标示该资源</td></tr>
    <tr><td title="a > b">state&nbsp;Event</td>
        <td>String</td></tr>
  </tbody>
</table>
<span>#inventory</span>
<table><tr><td>名字</td><td>类型</td></tr>
<tr><td>name</td><td><code>String</code></td></tr></table>
</div>
<table><caption>Errors</caption><td>implied</td><td>row</td></table>
<div><code>GET /v1/zones</code></div>
</body></html>
`

func TestHTML(t *testing.T) {
	doc, err := ParseHTML("p.html", []byte(zstackHTML))
	if err != nil {
		t.Fatal(err)
	}
	checkTables(t, doc, []wantTable{
		{line: 12, heading: "API请求", caption: "参数列表", header: []string{"名字", "类型", "描述"}, rowLines: []int{15, 16},
			rows: [][]string{{"uuid", "String", "资源的UUID\n唯一标示该资源"}, {"state\u00a0Event", "String"}}},
		{line: 21, heading: "API请求", caption: "#inventory", header: []string{"名字", "类型"}, rowLines: []int{22},
			rows: [][]string{{"name", "String"}}},
		// The parser invents the tbody and the tr: both take the td's line.
		{line: 24, heading: "API请求", caption: "Errors", header: []string{"implied", "row"}},
	})
	type blk struct {
		kind BlockKind
		line int
		text string
	}
	var got []blk
	for _, b := range doc.Blocks {
		if b.Kind != TableBlock {
			got = append(got, blk{b.Kind, b.Pos.Line, b.Text})
		}
	}
	want := []blk{
		{HeadingBlock, 5, "改变一个集群的可用状态(ChangeClusterState)"},
		{HeadingBlock, 6, "API请求"},
		{TextBlock, 7, "URLs"},
		{CodeBlock, 8, "PUT zstack/v1/clusters/{uuid}/actions"},
		{TextBlock, 9, "参数列表"},
		{TextBlock, 20, "#inventory"},
		{CodeBlock, 25, "GET /v1/zones"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("blocks\n%v\nwant\n%v", got, want)
	}
	if b := doc.Blocks[3]; b.Info != "http" {
		t.Errorf("pre info %q", b.Info)
	}
}

func TestScanStartTags(t *testing.T) {
	src := `<!doctype html><P class='x>y'>a</p><!-- <td> --><script>"<td>"</SCRIPT><td a=b>`
	var names []string
	for _, tag := range scanStartTags([]byte(src)) {
		names = append(names, tag.name)
	}
	if want := []string{"p", "script", "td"}; !reflect.DeepEqual(names, want) {
		t.Errorf("tags %v, want %v", names, want)
	}
}

// TestHTMLFuzzRegressions keeps what fuzzing found (the inputs are also in
// testdata/fuzz/FuzzParseHTML).
func TestHTMLFuzzRegressions(t *testing.T) {
	// goquery passes invalid UTF-8 through; every string handed out is repaired.
	doc, err := ParseHTML("f.html", []byte("<pre >\x86"))
	if err != nil || len(doc.Blocks) != 1 || doc.Blocks[0].Text != "\uFFFD" {
		t.Errorf("invalid UTF-8 in <pre>: %+v, %v", doc, err)
	}
	// A second <table> closes the first and its text moves between them; the
	// text's implied <body> starts at offset 0, yet the text is not placed
	// above the table before it.
	doc, err = ParseHTML("f.html", []byte("\n<tABle><tABle>0"))
	if err != nil || len(doc.Blocks) != 3 || doc.Blocks[1].Kind != TextBlock || doc.Blocks[1].Pos.Line != 2 {
		t.Errorf("foster-parented text: %+v, %v", doc, err)
	}
}
