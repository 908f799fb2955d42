package doctable

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// ParseHTML reads an HTML page: <h1>…<h6> become headings, <table> tables
// (header from <thead>, else the first <tr>), <pre> and a lone <code> code,
// <p> and loose inline text paragraphs, <hr> rules. Containers such as <div>,
// <section> and <ul> are walked through. Positions are those of the start
// tags, found in the source as html_pos.go explains.
//
// Blocks come in the order of the parsed tree, which is source order except
// where HTML itself moves content: text or a <p> stray inside a <table>
// before its rows is placed before the table ("foster parenting"), so it can
// carry a later line than the table that follows it.
func ParseHTML(file string, src []byte) (*Document, error) {
	if err := checkBinary(file, src); err != nil {
		return nil, err
	}
	root, err := goquery.NewDocumentFromReader(bytes.NewReader(src))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	w := &htmlWalker{s: newSource(file, src), doc: &Document{File: file, Format: HTML}}
	w.loc = locateElements(root.Selection, src)
	w.walk(root.Selection)
	w.flushRun(root.Selection)
	w.doc.link()
	return w.doc, nil
}

type htmlWalker struct {
	s   *source
	doc *Document
	loc *htmlLocator
	run []*goquery.Selection // inline nodes awaiting a paragraph
}

func (w *htmlWalker) add(b Block) { w.doc.Blocks = append(w.doc.Blocks, b) }

// lastPos is the position of the block added last, or the zero Pos.
func (w *htmlWalker) lastPos() Pos {
	if n := len(w.doc.Blocks); n > 0 {
		return w.doc.Blocks[n-1].Pos
	}
	return Pos{}
}

func (w *htmlWalker) pos(e *goquery.Selection) Pos { return w.s.posAt(w.loc.offset(e)) }

func (w *htmlWalker) walk(parent *goquery.Selection) {
	parent.Contents().Each(func(_ int, c *goquery.Selection) {
		name := goquery.NodeName(c)
		switch {
		case name == "#text" || isInlineElement(name):
			w.run = append(w.run, c)
		case name == "#comment" || name == "#doctype" || isHiddenElement(name):
		case len(name) == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6':
			w.flushRun(parent)
			w.add(Block{Kind: HeadingBlock, Pos: w.pos(c), Level: int(name[1] - '0'), Text: w.s.clean(htmlText(c))})
		case name == "table":
			w.flushRun(parent)
			w.table(c)
		case name == "pre":
			w.flushRun(parent)
			w.add(Block{Kind: CodeBlock, Pos: w.pos(c), Text: w.s.clean(strings.TrimRight(c.Text(), "\n")), Info: w.s.clean(codeInfo(c))})
		case name == "p":
			w.flushRun(parent)
			if text := htmlText(c); text != "" {
				w.add(Block{Kind: TextBlock, Pos: w.pos(c), Text: w.s.clean(text)})
			}
		case name == "hr":
			w.flushRun(parent)
			w.add(Block{Kind: RuleBlock, Pos: w.pos(c)})
		default:
			w.flushRun(parent)
			w.walk(c)
			w.flushRun(c)
		}
	})
}

// flushRun turns the pending inline nodes into a paragraph, or into code
// when they are a single <code> element. Text nodes have no tag, so a run of
// bare text is placed at its parent's start tag.
func (w *htmlWalker) flushRun(parent *goquery.Selection) {
	run := w.run
	w.run = nil
	var code *goquery.Selection
	mixed := false // the run holds more than one <code> and blank text
	var b strings.Builder
	pos := w.pos(parent)
	located := false
	for _, n := range run {
		name := goquery.NodeName(n)
		if name != "#text" && !located {
			pos, located = w.pos(n), true
		}
		switch {
		case name == "code" && code == nil:
			code = n
		case name == "#text" && strings.TrimSpace(n.Text()) == "":
		default:
			mixed = true
		}
		writeHTMLText(&b, n)
	}
	if code != nil && !mixed {
		w.add(Block{Kind: CodeBlock, Pos: w.pos(code), Text: w.s.clean(strings.TrimRight(code.Text(), "\n")), Info: w.s.clean(codeInfo(code))})
		return
	}
	if text := tidyLines(b.String()); text != "" {
		// Bare text has only its parent's start tag to go by, which may lie
		// above blocks already emitted from the same parent.
		if last := w.lastPos(); !located && (pos.Line < last.Line || pos.Line == last.Line && pos.Col < last.Col) {
			pos = last
		}
		w.add(Block{Kind: TextBlock, Pos: pos, Text: w.s.clean(text)})
	}
}

// table reads rows from <thead>, <tbody>, <tfoot> and bare <tr> children in
// order; cells of tables nested in a cell are part of that cell's text.
func (w *htmlWalker) table(tab *goquery.Selection) {
	t := &Table{Pos: w.pos(tab)}
	var rows []*goquery.Selection
	headRow := -1
	tab.Children().Each(func(_ int, c *goquery.Selection) {
		switch goquery.NodeName(c) {
		case "caption":
			t.Caption = w.s.clean(htmlText(c))
		case "thead", "tbody", "tfoot":
			isHead := goquery.NodeName(c) == "thead"
			c.ChildrenFiltered("tr").Each(func(_ int, tr *goquery.Selection) {
				if isHead && headRow < 0 {
					headRow = len(rows)
				}
				rows = append(rows, tr)
			})
		case "tr":
			rows = append(rows, c)
		}
	})
	if headRow < 0 && len(rows) > 0 {
		headRow = 0
	}
	for k, tr := range rows {
		var cells []string
		tr.ChildrenFiltered("td, th").Each(func(_ int, td *goquery.Selection) {
			cells = append(cells, w.s.clean(htmlText(td)))
		})
		if k == headRow {
			t.Header = cells
			// The table starts at its header row unless rows come before it
			// (a <thead> after a <tr>): rows never sit above their table.
			if k == 0 {
				t.Pos = w.pos(tr)
			}
			continue
		}
		t.Rows = append(t.Rows, Row{Pos: w.pos(tr), Cells: cells})
	}
	w.add(Block{Kind: TableBlock, Pos: t.Pos, Table: t})
}

// htmlText is an element's text as a browser lays it out: whitespace
// collapsed, <br> and block boundaries as "\n", each line trimmed.
func htmlText(e *goquery.Selection) string {
	var b strings.Builder
	e.Contents().Each(func(_ int, c *goquery.Selection) { writeHTMLText(&b, c) })
	return tidyLines(b.String())
}

func writeHTMLText(b *strings.Builder, n *goquery.Selection) {
	name := goquery.NodeName(n)
	switch {
	case name == "#text":
		collapseSpace(b, n.Text())
	case name == "br":
		b.WriteByte('\n')
	case name == "pre":
		b.WriteByte('\n')
		b.WriteString(n.Text())
		b.WriteByte('\n')
	case name == "#comment" || isHiddenElement(name):
	case name == "td" || name == "th":
		n.Contents().Each(func(_ int, c *goquery.Selection) { writeHTMLText(b, c) })
		b.WriteByte(' ')
	case isInlineElement(name):
		n.Contents().Each(func(_ int, c *goquery.Selection) { writeHTMLText(b, c) })
	default:
		b.WriteByte('\n')
		n.Contents().Each(func(_ int, c *goquery.Selection) { writeHTMLText(b, c) })
		b.WriteByte('\n')
	}
}

// collapseSpace writes s with each run of HTML whitespace as one space.
func collapseSpace(b *strings.Builder, s string) {
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
}

// codeInfo reads a language from class="language-go" on the block or its
// <code>, the convention Markdown renderers and highlight.js share.
func codeInfo(e *goquery.Selection) string {
	for _, sel := range []*goquery.Selection{e, e.ChildrenFiltered("code").First()} {
		class, _ := sel.Attr("class")
		for _, c := range strings.Fields(class) {
			if lang, ok := strings.CutPrefix(c, "language-"); ok {
				return lang
			}
			if lang, ok := strings.CutPrefix(c, "lang-"); ok {
				return lang
			}
		}
	}
	return ""
}

func isInlineElement(name string) bool {
	switch name {
	case "a", "abbr", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn", "em", "font", "i", "img", "ins",
		"kbd", "label", "mark", "nobr", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr":
		return true
	}
	return false
}

// isHiddenElement lists elements whose content a reader never sees as text.
func isHiddenElement(name string) bool {
	switch name {
	case "head", "script", "style", "template", "noscript", "title", "meta", "link", "base", "svg", "math", "iframe", "object", "button", "select", "input", "textarea":
		return true
	}
	return false
}
