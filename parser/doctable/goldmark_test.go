package doctable

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// TestMarkdownAgreesWithGoldmark uses goldmark's GFM tables as an oracle:
// every table goldmark finds in the corpus, the scanner finds on the same
// line, with the same header, rows and cell text. The scanner may find more
// (tables goldmark loses inside stray fences) and keeps rows short or long
// where goldmark pads or drops cells, so only rows as wide as their header
// are compared cell by cell.
func TestMarkdownAgreesWithGoldmark(t *testing.T) {
	var files []corpusFile
	for _, dir := range []string{"zstack/pages", "qingcloud/qingcloud-docs", "qingcloud/shanhe-docs"} {
		paths, _ := filepath.Glob(filepath.Join(corpusDir(t, dir), "*.md"))
		for _, p := range paths {
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, corpusFile{name: p, src: src})
		}
	}
	if !testing.Short() {
		files = append(files, readDevManual(t)...)
	}
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	var compared, extra int
	for _, f := range files {
		doc, err := ParseMarkdown(f.name, f.src)
		if err != nil {
			t.Fatal(err)
		}
		mine := map[int]*Table{}
		for _, tb := range doc.Tables() {
			mine[tb.Pos.Line] = tb
		}
		lines := newSource(f.name, f.src)
		gm := goldmarkTables(md, f.src)
		extra += len(mine) - len(gm)
		for _, g := range gm {
			line := lines.posAt(g.headerOff).Line
			tb := mine[line]
			if tb == nil {
				t.Errorf("%s:%d: goldmark reads a table the scanner misses", f.name, line)
				continue
			}
			compared++
			if !equalStrings(tb.Header, g.header) {
				t.Errorf("%s: header %q, goldmark %q", tb.Pos, tb.Header, g.header)
			}
			if len(tb.Rows) != len(g.rows) {
				t.Errorf("%s: %d rows, goldmark %d", tb.Pos, len(tb.Rows), len(g.rows))
				continue
			}
			for k, r := range tb.Rows {
				if gl := lines.posAt(g.rowOffs[k]).Line; r.Pos.Line != gl {
					t.Errorf("%s: row %d at line %d, goldmark %d", tb.Pos, k, r.Pos.Line, gl)
				}
				// goldmark drops the cells a pipe inside `code` adds; the
				// scanner keeps them together instead (see cells in markdown.go).
				gfmWidth := len(splitPipeRow(lines.line(r.Pos.Line-1), false))
				if len(r.Cells) == len(tb.Header) && gfmWidth == len(tb.Header) && !equalStrings(r.Cells, g.rows[k]) {
					t.Errorf("%s: cells\n%q\ngoldmark\n%q", r.Pos, r.Cells, g.rows[k])
				}
			}
		}
	}
	t.Logf("%d files: %d tables agree with goldmark; the scanner finds %d more", len(files), compared, extra)
	if compared == 0 {
		t.Fatal("no table compared")
	}
}

type gmTable struct {
	headerOff int
	header    []string
	rowOffs   []int
	rows      [][]string
}

func goldmarkTables(md goldmark.Markdown, src []byte) []gmTable {
	root := md.Parser().Parse(text.NewReader(src))
	var out []gmTable
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		tab, ok := n.(*east.Table)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		var g gmTable
		for r := tab.FirstChild(); r != nil; r = r.NextSibling() {
			var cells []string
			for c := r.FirstChild(); c != nil; c = c.NextSibling() {
				var b strings.Builder
				goldmarkText(c, src, &b)
				cells = append(cells, tidyLines(b.String()))
			}
			if _, head := r.(*east.TableHeader); head {
				g.headerOff, g.header = r.FirstChild().Pos(), cells
				continue
			}
			g.rowOffs = append(g.rowOffs, r.Pos())
			g.rows = append(g.rows, cells)
		}
		out = append(out, g)
		return ast.WalkSkipChildren, nil
	})
	return out
}

// goldmarkText is a cell's text as goldmark parsed it, with <br> as a line
// break, the one inline tag the corpus puts in cells.
func goldmarkText(n ast.Node, src []byte, b *strings.Builder) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(src)
			if _, code := n.(*ast.CodeSpan); !code {
				v = unescapePunct(v) // goldmark unescapes when rendering
			}
			b.Write(v)
		case *ast.String:
			b.Write(c.Value)
		case *ast.RawHTML:
			var raw []byte
			for i := 0; i < c.Segments.Len(); i++ {
				seg := c.Segments.At(i)
				raw = append(raw, seg.Value(src)...)
			}
			if bytes.HasPrefix(bytes.ToLower(raw), []byte("<br")) {
				b.WriteByte('\n')
			} else {
				b.Write(raw)
			}
		case *ast.AutoLink:
			b.Write(c.URL(src))
		default:
			goldmarkText(c, src, b)
		}
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func unescapePunct(v []byte) []byte {
	var out []byte
	for i := 0; i < len(v); i++ {
		if v[i] == '\\' && i+1 < len(v) && isASCIIPunct(v[i+1]) {
			i++
		}
		out = append(out, v[i])
	}
	return out
}
