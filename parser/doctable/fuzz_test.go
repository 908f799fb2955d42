package doctable

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// The fuzz targets assert that no input panics and that every block, table,
// row and warning points inside the file. Seeds are small inline cases and,
// when the corpus is present, excerpts of real pages.

func FuzzParseMarkdown(f *testing.F) {
	for _, s := range []string{
		"| a | b |\n| --- | --- |\n| 1 |\n",
		"text\n| a |\n|:-:|\n| `x\\|y` | ``` a|b ``` |\n",
		"---\ntitle: x\n---\n# H\n````\n| a |\n| - |\n```\n",
		"<!--\n| a |\n| - |\n",
		"**[x](y)** &amp; <br/> ~~z~~ \\* _a_b_",
	} {
		f.Add([]byte(s))
	}
	addCorpusSeeds(f, "zstack/pages/zh_ChangeClusterState.md", "qingcloud/qingcloud-docs/run_instances.md", "qingcloud/shanhe-docs/resize_instances.md")
	f.Fuzz(func(t *testing.T, src []byte) {
		skipLarge(t, src, 1<<10)
		doc, err := ParseMarkdown("f.md", src)
		checkFuzzDoc(t, "f.md", src, doc, err)
	})
}

func FuzzParseAsciiDoc(f *testing.F) {
	for _, s := range []string{
		"[cols=\"1,2a\",options=header]\n|===\n|a |b\n|1 a|* x\n* y +\nz\n|===\n",
		"|===\n2+|x\n.3+|y\n3*|z\n|===\n",
		"|===\n| a\n| b\n\n| c\n",
		".T\n[%header]\n|===\n|a\\|b |c\n|===\n////\n",
		"link:u[t] https://x[] <<a,b>> *b* `c`",
	} {
		f.Add([]byte(s))
	}
	addCorpusSeeds(f, "qingcloud/shanhe-docs/run_instances.adoc", "qingcloud/shanhe-docs/parameters.adoc")
	f.Fuzz(func(t *testing.T, src []byte) {
		skipLarge(t, src, 1<<10)
		doc, err := ParseAsciiDoc("f.adoc", src)
		checkFuzzDoc(t, "f.adoc", src, doc, err)
	})
}

func FuzzParseHTML(f *testing.F) {
	for _, s := range []string{
		"<h4>T(T)</h4><div><p><b>参数列表</b></p>\n<table border=1>\n<thead><tr><th>名字</th><th>类型</th></tr></thead>\n" +
			"<tbody><tr><td>uuid<br>x</td><td title='a>b'>String&nbsp;</td></tr></tbody></table></div><!-- <td> -->",
		"<table><td>a<td>b<tr><th>c</table>",
		"<p>a</p></p><b><p>x</b>y</p><pre>\ncode</pre><code>c</code>",
		"<table><tr><td><table><tr><td>in</table></td></tr></table><h1>t",
		"<svg><foreignObject><table><tr><td>x</td></tr></table></foreignObject></svg>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		skipLarge(t, src, 512)
		doc, err := ParseHTML("f.html", src)
		checkFuzzDoc(t, "f.html", src, doc, err)
	})
}

// skipLarge keeps the fuzzer on small inputs. Go's fuzzer minimises every
// input that finds new coverage by trying to delete each of its O(n²) byte
// ranges, running the target on each: at 4 KB that ate whole runs at
// "0 execs/sec" (golang/go#48820), and HTML, slower per run, stalled at 1 KB.
// Large inputs are covered, deterministically, by TestPathologicalInput.
func skipLarge(t *testing.T, src []byte, limit int) {
	if len(src) > limit {
		t.Skip("input too large to minimise")
	}
}

func checkFuzzDoc(t *testing.T, file string, src []byte, doc *Document, err error) {
	t.Helper()
	if err != nil {
		// Only binary input is an error, and for HTML nesting deeper than
		// x/net/html's 512 elements; either names the file.
		binary := bytes.IndexByte(src, 0) >= 0
		deep := strings.HasSuffix(file, ".html") && strings.Contains(err.Error(), "html:")
		if !strings.HasPrefix(err.Error(), file+": ") || !binary && !deep {
			t.Fatalf("error on text input: %v", err)
		}
		return
	}
	lines := bytes.Count(src, []byte{'\n'}) + 1
	inside := func(what string, p Pos) {
		if p.Line < 1 || p.Line > lines || p.Col < 1 || p.File != file {
			t.Fatalf("%s at %s, outside the file's %d lines", what, p, lines)
		}
	}
	valid := func(what string, ss ...string) {
		for _, s := range ss {
			if !utf8.ValidString(s) {
				t.Fatalf("%s: invalid UTF-8 %q", what, s)
			}
		}
	}
	last := 0
	for _, b := range doc.Blocks {
		inside(b.Kind.String(), b.Pos)
		valid(b.Kind.String(), b.Text, b.Info)
		// HTML may move content ahead of a table (foster parenting); the
		// other formats keep blocks in source order.
		if b.Pos.Line < last && !strings.HasSuffix(file, ".html") {
			t.Fatalf("%s at %s comes before the block above it (line %d)", b.Kind, b.Pos, last)
		}
		last = b.Pos.Line
		if b.Kind != TableBlock {
			continue
		}
		tb := b.Table
		if tb == nil || tb.Pos != b.Pos {
			t.Fatalf("table block at %s without its table", b.Pos)
		}
		valid("header", tb.Header...)
		valid("caption", tb.Caption, tb.Heading)
		// Rows may share a line (HTML, AsciiDoc "|a |b |c |d" with cols=2)
		// but never go back up the page.
		prev := tb.Pos
		for _, r := range tb.Rows {
			inside("row", r.Pos)
			valid("row", r.Cells...)
			if r.Pos.Line < prev.Line || r.Pos.Line == prev.Line && r.Pos.Col < prev.Col {
				t.Fatalf("row at %s comes before %s", r.Pos, prev)
			}
			prev = r.Pos
		}
	}
	for _, w := range doc.Warnings {
		inside("warning", w.Pos)
	}
}

// addCorpusSeeds adds an excerpt of each corpus file named, when present:
// about 600 bytes of whole lines around its first table. Whole pages make
// poor seeds, because the fuzzer minimises every input it derives from one
// and minimising is quadratic in size; with 2 KB seeds it did nothing else.
func addCorpusSeeds(f *testing.F, files ...string) {
	for _, name := range files {
		src, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "corpus", name))
		if err != nil {
			continue
		}
		at := max(bytes.Index(src, []byte("| ---")), bytes.Index(src, []byte("|===")), 0)
		start := bytes.LastIndexByte(src[:max(at-200, 0)], '\n') + 1
		end := min(start+600, len(src))
		if nl := bytes.LastIndexByte(src[start:end], '\n'); nl > 0 && end < len(src) {
			end = start + nl + 1
		}
		f.Add(src[start:end])
	}
}
