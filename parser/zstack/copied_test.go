package zstack

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/apigen-dev/apigen/internal/irtest"
	"github.com/apigen-dev/apigen/ir"
	"github.com/apigen-dev/apigen/parser/doctable"
)

// copyStyle is one way a browser's "copy as plain text" degrades a page.
type copyStyle struct {
	name    string
	noTitle bool // the copy starts below the "标题(ApiName)" heading
	glue    bool // a code block or table runs into the next block
	flat    bool // a code block's lines run together
	tabs    bool // table cells are tab-separated, not "| a | b |"
	shift   bool // an empty cell is dropped and the row padded at its end
	// floor is how many of the manual's 1379 operations must come out
	// the same, as measured. What differs is what a copy cannot tell:
	// the manual's own SDK example naming another API (untitled), a
	// shifted row whose description is a word like "tcp flag" (read as
	// allowed values), a title line followed by a table (its words lost).
	floor int
}

var copyStyles = []copyStyle{
	{name: "lines", floor: 1376},
	{name: "glued", glue: true, flat: true, shift: true, floor: 1342},
	{name: "untitled-glued", noTitle: true, glue: true, flat: true, shift: true, floor: 1318},
	{name: "untitled-tabs", noTitle: true, glue: true, tabs: true, floor: 1338},
}

// browserCopy renders a Markdown page of the manual as a browser copies
// its web page: no heading marks, no fences, tables without delimiter rows,
// and, by style, lost line breaks, tabs and shifted cells. It is the
// fixture generator for TestCopiedPagesAgree, written from what copies of
// zstack.io pages look like.
func browserCopy(t testing.TB, file string, src []byte, st copyStyle) string {
	doc, err := doctable.ParseMarkdown(file, src)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	gluedNext := false
	emit := func(s string, glue bool) {
		if b.Len() > 0 && !gluedNext {
			b.WriteByte('\n')
		}
		b.WriteString(s)
		gluedNext = glue && st.glue
	}
	row := func(cells []string) string {
		if st.tabs {
			return strings.Join(cells, "\t")
		}
		if st.shift {
			var kept []string
			for _, c := range cells {
				if strings.TrimSpace(c) != "" {
					kept = append(kept, c)
				}
			}
			for len(kept) < len(cells) {
				kept = append(kept, "")
			}
			cells = kept
		}
		return "| " + strings.Join(cells, " | ") + " |"
	}
	for _, bl := range doc.Blocks {
		switch bl.Kind {
		case doctable.HeadingBlock:
			if _, _, ok := apiHeading(bl.Text); ok && st.noTitle {
				continue
			}
			emit(bl.Text, false)
		case doctable.TextBlock:
			// A stray "````" is the Markdown scrape's, not the web page's.
			var kept []string
			for _, l := range strings.Split(bl.Text, "\n") {
				if strings.Trim(l, "` ") != "" {
					kept = append(kept, l)
				}
			}
			if len(kept) > 0 {
				emit(strings.Join(kept, "\n"), false)
			}
		case doctable.CodeBlock:
			text := bl.Text
			if st.flat {
				text = strings.ReplaceAll(text, "\n", "")
			}
			emit(text, true)
		case doctable.TableBlock:
			lines := []string{row(bl.Table.Header)}
			for _, r := range bl.Table.Rows {
				cells := r.Cells
				for len(cells) < len(bl.Table.Header) {
					cells = append(cells, "")
				}
				lines = append(lines, row(cells))
			}
			emit(strings.Join(lines, "\n"), true)
		}
	}
	return b.String() + "\n"
}

// comparable renders an API's facts as JSON without positions, with
// descriptions' whitespace removed and, for a copy without titles, without
// the operations' descriptions (the title is all they hold).
func comparable(t testing.TB, api *ir.API, noTitle bool) string {
	return irtest.FactsJSON(t, api, func(x map[string]any, op bool) {
		if d, ok := x["description"].(string); ok {
			x["description"] = strings.Map(func(r rune) rune {
				if unicode.IsSpace(r) {
					return -1
				}
				return r
			}, d)
			if op && noTitle {
				delete(x, "description")
			}
		}
	})
}

// parseCorpus reads and parses one corpus file.
func parseCorpus(t *testing.T, path string) ([]byte, *ir.API) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	api, _, err := Parse(path, src)
	if err != nil {
		t.Fatal(err)
	}
	return src, api
}

// TestCopiedPagesAgree is the promise for pages copied from the web site:
// every corpus page, copied in each style, gives the same operations —
// names, URLs, auth, parameters, since-versions, types — as the Markdown
// it came from.
func TestCopiedPagesAgree(t *testing.T) {
	for _, path := range corpusFiles(t, "pages") {
		src, want := parseCorpus(t, path)
		for _, st := range copyStyles {
			t.Run(filepath.Base(path)+"/"+st.name, func(t *testing.T) {
				text := browserCopy(t, path, src, st)
				file := strings.TrimSuffix(path, ".md") + ".txt"
				if !IsZStack(file, []byte(text)) {
					t.Errorf("IsZStack = false for the copy")
				}
				got, diags, err := Parse(file, []byte(text))
				if err != nil {
					t.Fatal(err)
				}
				if len(got.Operations) != len(want.Operations) {
					t.Errorf("%d operations, want %d; diagnostics:\n%s", len(got.Operations), len(want.Operations), diagText(diags))
				}
				if d := diffLines(comparable(t, want, st.noTitle), comparable(t, got, st.noTitle)); d != "" {
					t.Errorf("copy differs from the Markdown: %s\ndiagnostics:\n%s\ncopy:\n%s", d, diagText(diags), text)
				}
			})
		}
	}
}

func diagText(diags []ir.Diagnostic) string {
	var b strings.Builder
	for _, d := range diags {
		fmt.Fprintln(&b, d)
	}
	return b.String()
}

// TestCopiedManualAgrees copies every chapter of the manual in each style
// and compares it operation by operation with the chapter as written.
func TestCopiedManualAgrees(t *testing.T) {
	if testing.Short() {
		t.Skip("the whole manual, four times")
	}
	for _, st := range copyStyles {
		t.Run(st.name, func(t *testing.T) {
			total, same := 0, 0
			for _, path := range corpusFiles(t, "dev-manual-5.5.6-zh") {
				src, want := parseCorpus(t, path)
				file := strings.TrimSuffix(path, ".md") + ".txt"
				got, _, err := Parse(file, []byte(browserCopy(t, path, src, st)))
				if err != nil {
					t.Fatal(err)
				}
				for _, w := range want.Operations {
					total++
					g := got.Operation(w.Name)
					if g == nil {
						t.Logf("%s: %s missing", filepath.Base(path), w.Name)
						continue
					}
					if d := diffLines(opFacts(t, w, st.noTitle), opFacts(t, g, st.noTitle)); d != "" {
						t.Logf("%s: %s differs: %s", filepath.Base(path), w.Name, d)
						continue
					}
					same++
				}
			}
			t.Logf("%s: %d of %d operations agree", st.name, same, total)
			if same < st.floor {
				t.Errorf("%s: %d of %d operations agree, fewer than the %d measured", st.name, same, total, st.floor)
			}
		})
	}
}

// opFacts renders one operation as comparable does an API.
func opFacts(t testing.TB, op *ir.Operation, noTitle bool) string {
	return comparable(t, &ir.API{Operations: []*ir.Operation{op}}, noTitle)
}

// TestCopiedFixtures checks the facts of the hand-written copies in
// testdata/zstack-copied (the golden case shows the generated code): each
// API named, authenticated, its URLs and parameters found, versions in
// shifted cells read, and the envelope rows kept.
func TestCopiedFixtures(t *testing.T) {
	dir := "../../testdata/zstack-copied/input"
	srcs := map[string][]byte{}
	for _, name := range []string{"zh_QueryCluster.txt", "zh_UpdateCluster.txt", "zh_DeleteCluster.txt", "copied-envelope.txt"} {
		src, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !IsZStack(name, src) {
			t.Errorf("IsZStack(%s) = false", name)
		}
		srcs[filepath.Join(dir, name)] = src
	}
	api, diags, err := ParseFiles(srcs)
	if err != nil {
		t.Fatal(err)
	}
	from := map[string]string{}
	for _, d := range diags {
		if d.Kind != "api-name" {
			t.Errorf("unexpected diagnostic %v", d)
			continue
		}
		name, src, _ := strings.Cut(strings.TrimPrefix(d.Message, "API section has no title line; named "), " from ")
		from[name] = src
	}
	wantFrom := map[string]string{"QueryCluster": "the zstack-cli hint", "UpdateCluster": "the SDK example", "DeleteCluster": "the file name", "QueryVmInstance": "the response class"}
	for name, src := range wantFrom {
		if from[name] != src {
			t.Errorf("%s named from %q, want %q", name, from[name], src)
		}
		if op := api.Operation(name); op == nil || !op.Auth {
			t.Errorf("%s: %+v, want an operation with Auth", name, op)
		}
	}
	q := api.Operation("QueryCluster")
	if len(q.URLs) != 2 || q.URLs[1].Path != "/zstack/v1/clusters/{uuid}" || q.Paging == nil {
		t.Errorf("QueryCluster URLs %v paging %v", q.URLs, q.Paging)
	}
	if f := api.Type("ClusterInventory").Field("architecture"); f == nil || f.Since != "5.2.1" || f.Description != "" {
		t.Errorf("ClusterInventory.architecture (shifted cell) %+v", f)
	}
	if f := api.Type("ClusterInventory").Field("hostCount"); f == nil || f.Since != "5.2.1" || f.Type.Kind != ir.KindInteger {
		t.Errorf("ClusterInventory.hostCount (tab row glued to SDK示例) %+v", f)
	}
	u := api.Operation("UpdateCluster")
	if p := u.Param("name"); p == nil || p.Wrapper != "updateCluster" || p.Since != "0.6" || p.Required {
		t.Errorf("UpdateCluster name %+v", p)
	}
	if p := u.Param("userTags"); p == nil || p.Since != "0.6" || p.Wrapper != "" {
		t.Errorf("UpdateCluster userTags (row glued to API返回) %+v", p)
	}
	d := api.Operation("DeleteCluster")
	if p := d.Param("deleteMode"); d.Method != "DELETE" || p == nil || p.In != ir.InQuery || p.Since != "0.6" || p.Description != "删除模式" {
		t.Errorf("DeleteCluster %s deleteMode %+v", d.Method, p)
	}
	v := api.Operation("QueryVmInstance")
	reply := api.Type("QueryVmInstanceReply")
	if v.Response.Envelope != "inventories" || reply.Field("success") == nil || reply.Field("success").Type.Kind != ir.KindBoolean || reply.Field("success").Since != "0.6" || reply.Field("error") == nil {
		t.Errorf("QueryVmInstance envelope %q reply %+v", v.Response.Envelope, reply)
	}
	if f := api.Type("VmInstanceInventory").Field("guestOsType"); f == nil || f.Since != "5.2.1" {
		t.Errorf("VmInstanceInventory.guestOsType %+v", f)
	}
}

// TestUnglue splits the glued lines issue 12 lists, and leaves prose and
// rows that only mention a landmark alone.
func TestUnglue(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"GET zstack/v1/a/b/GET zstack/v1/a/b/{uuid}Headers", "GET zstack/v1/a/b/\nGET zstack/v1/a/b/{uuid}\nHeaders"},
		{"Authorization: OAuth the-session-uuidCurl示例", "Authorization: OAuth the-session-uuid\nCurl示例"},
		{`-X GET http://localhost:8080/zstack/v1/a/b/curl -H "A: b"`, "-X GET http://localhost:8080/zstack/v1/a/b/\ncurl -H \"A: b\""},
		{"}| 名字 | 类型 | 描述 | 起始版本 |", "}\n| 名字 | 类型 | 描述 | 起始版本 |\n| --- | --- | --- | --- |"},
		{"| code | String | 错误码 | 5.2.1 |#error", "| code | String | 错误码 | 5.2.1 |\n#error"},
		{"| code | String | 错误码 | 0.6 |API返回", "| code | String | 错误码 | 0.6 |\nAPI返回"},
		{"URLsGET zstack/v1/zones", "URLs\nGET zstack/v1/zones"},
		{"名字\t类型\t描述\t起始版本", "| 名字 | 类型 | 描述 | 起始版本 |\n| --- | --- | --- | --- |"},
		{"code\tString\t错误码\t0.6#error", "| code | String | 错误码 | 0.6 |\n#error"},
		{"action.call();创建集群(CreateCluster)", "action.call();\n创建集群(CreateCluster)"},
		{"# 需要对密码进行SHA-512算法加密", `\# 需要对密码进行SHA-512算法加密`},
		// Left alone: a label word inside prose or a row, a title.
		{"请求的Headers中需带上会话", "请求的Headers中需带上会话"},
		{"| header | String | HTTP Headers | 0.6 |", "| header | String | HTTP Headers | 0.6 |"},
		{"标记物理网口(非聚合口)网络类型(SetServiceTypeOnHostNetworkInterface)", "标记物理网口(非聚合口)网络类型(SetServiceTypeOnHostNetworkInterface)"},
		{"the request Body holds them", "the request Body holds them"},
	} {
		got, _ := unglue([]byte(c.in), nil)
		if g := strings.TrimSuffix(string(got), "\n"); g != c.want {
			t.Errorf("unglue(%q) =\n%s\nwant\n%s", c.in, g, c.want)
		}
	}
}

// TestMissing names what a page that gave nothing has and lacks.
func TestMissing(t *testing.T) {
	got := Missing([]byte("API请求\nURLs\nGET zstack/v1/zones\n"))
	for _, want := range []string{"missing a heading naming an API", "another source of the API name", "a parameter table", "found a request label", `a URLs line ("GET zstack/v1/…")`} {
		if !strings.Contains(got, want) {
			t.Errorf("Missing = %q, lacks %q", got, want)
		}
	}
	if got := Missing([]byte("#### 查询区域(QueryZone)\nURLs\nGET zstack/v1/zones\n| 名字 | 类型 | 描述 | 起始版本 |\n| 名字 | 类型 | 位置 | 描述 |\n")); !strings.HasPrefix(got, "it has every landmark") {
		t.Errorf("Missing with every landmark = %q", got)
	}
}
