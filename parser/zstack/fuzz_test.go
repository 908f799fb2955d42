package zstack

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/internal/irtest"
	"github.com/apigen-dev/apigen/ir"
)

// FuzzParse feeds mutated ZStack pages (Markdown, HTML, scraped text) to
// Parse and asserts what every caller relies on: no panic, an error only
// for binary input (naming the file), an API whose references all resolve,
// names unique and sorted, every position inside the file, and the same
// result on a second run. Seeds are the package's own pages and, when the
// corpus is present, its smaller real pages.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"#### 删除集群(DeleteCluster)\n\n URLs\n\n```\nDELETE zstack/v1/clusters/{uuid}?deleteMode={deleteMode}\n```\n\n| 名字 | 类型 | 位置 | 描述 | 可选值 | 起始版本 |\n| --- | --- | --- | --- | --- | --- |\n| uuid | String | url | 集群UUID */ func init() { panic(1) } /* |  | 0.6 |\n| deleteMode (可选) | String | body | | Permissive Enforcing | 0.6 |\n",
		"#### 查询(QueryX)\n```\nGET zstack/v1/x\nGET zstack/v1/x/{uuid}\n```\n| 名字 | 类型 | 描述 | 起始版本 |\n| --- | --- | --- | --- |\n| inventories | List | 详情参考[inventories] | 0.6 |\n\n #inventories\n\n| 名字 | 类型 | 描述 | 起始版本 |\n| --- | --- | --- | --- |\n| a | String | | 0.6 |\n| a | Integer |\n| b | XInventory | 详情参考[inventories] | 0.6 | x | y |\n",
		"<html><h4>创建(CreateX)</h4><pre>POST zstack/v1/x</pre><pre>{\"params\":{\"name\":\"a\"}}</pre><table><tr><th>名字<th>类型<th>位置<th>描述<th>可选值<th>起始版本<tr><td>name<td>String<td>body(包含在params结构中)<td>名<td><td>0.6</table>",
		"Name | Type | Location | Description | Optional Value | Starting Version\nuuid | String | url | | | 0.6\n",
	} {
		f.Add(uint8(0), []byte(s))
	}
	for i, name := range []string{"change_cluster_state.md", "change_cluster_state.html", "change_cluster_state.txt", "en_zone.md"} {
		if src, err := os.ReadFile(filepath.Join("testdata", name)); err == nil {
			f.Add(uint8(i), src)
		}
	}
	// Real pages under 3 KB: every input the fuzzer finds interesting is
	// minimised first, which on pages of several KB took the whole run
	// (see parser/doctable's skipLarge).
	pages, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", "zstack", "pages", "*.md"))
	for _, p := range pages {
		if src, err := os.ReadFile(p); err == nil && len(src) <= 3<<10 {
			f.Add(uint8(0), src)
		}
	}
	f.Fuzz(func(t *testing.T, ext uint8, src []byte) {
		if len(src) > 4<<10 {
			t.Skip("larger than 4 KB") // see parser/doctable's skipLarge
		}
		file := "f" + []string{".md", ".html", ".txt", ".md"}[ext%4]
		api, diags, err := Parse(file, src)
		if err != nil {
			if !strings.HasPrefix(err.Error(), file+": ") {
				t.Fatalf("error does not name the file: %v", err)
			}
			if bytes.IndexByte(src, 0) < 0 && !strings.Contains(err.Error(), "html") {
				t.Fatalf("error on a text page: %v", err)
			}
			return
		}
		checkParsed(t, file, src, api, diags)
		irtest.Stable(t, file, src, api, diags, Parse)
	})
}

// checkParsed adds the family to irtest.Check.
func checkParsed(t *testing.T, file string, src []byte, api *ir.API, diags []ir.Diagnostic) {
	t.Helper()
	if api == nil || api.Family != ir.FamilyZStack {
		t.Fatalf("no ZStack API: %+v", api)
	}
	irtest.Check(t, file, src, api, diags)
}
