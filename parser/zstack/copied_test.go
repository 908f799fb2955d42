package zstack

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

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
}

var copyStyles = []copyStyle{
	{name: "lines"},
	{name: "glued", glue: true, flat: true, shift: true},
	{name: "untitled-glued", noTitle: true, glue: true, flat: true, shift: true},
	{name: "untitled-tabs", noTitle: true, glue: true, tabs: true},
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
	b, err := json.Marshal(api)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	var walk func(v any, op bool)
	walk = func(v any, op bool) {
		switch x := v.(type) {
		case map[string]any:
			delete(x, "pos")
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
			for k, e := range x {
				walk(e, k == "operations")
			}
		case []any:
			for _, e := range x {
				walk(e, op)
			}
		}
	}
	walk(v, false)
	b, err = json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestCopiedPagesAgree is the promise for pages copied from the web site:
// every corpus page, copied in each style, gives the same operations —
// names, URLs, auth, parameters, since-versions, types — as the Markdown
// it came from.
func TestCopiedPagesAgree(t *testing.T) {
	for _, path := range corpusFiles(t, "pages") {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		want, _, err := Parse(path, src)
		if err != nil {
			t.Fatal(err)
		}
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
				src, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				want, _, err := Parse(path, src)
				if err != nil {
					t.Fatal(err)
				}
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
		})
	}
}

// opFacts renders one operation as comparable does an API.
func opFacts(t testing.TB, op *ir.Operation, noTitle bool) string {
	return comparable(t, &ir.API{Operations: []*ir.Operation{op}}, noTitle)
}
