package doctable

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
)

// BlockKind says what a top-level Block holds.
type BlockKind int

// The kinds carry a Block suffix because Table is already the table type.
const (
	// HeadingBlock is a section title; Level is 1 for "#" or "=", 2 for "##" or "==", …
	HeadingBlock BlockKind = iota + 1
	// TextBlock is a paragraph: consecutive text lines, plain, joined with "\n".
	TextBlock
	// CodeBlock is a fenced, listing or <pre> block; Text is its content verbatim.
	CodeBlock
	// TableBlock is a table; Block.Table holds it.
	TableBlock
	// RuleBlock is a thematic break ("---", "'''", <hr>). ZStack's manual
	// separates one API from the next with it.
	RuleBlock
)

func (k BlockKind) String() string {
	switch k {
	case HeadingBlock:
		return "heading"
	case TextBlock:
		return "text"
	case CodeBlock:
		return "code"
	case TableBlock:
		return "table"
	case RuleBlock:
		return "rule"
	}
	return "unknown"
}

// Block is one top-level element, in document order, so that callers can walk
// a page the way a reader scrolls it.
type Block struct {
	Kind  BlockKind
	Pos   Pos
	Level int    // heading level
	Text  string // heading text, paragraph text or code content
	Info  string // a code block's info string ("json", "shell"), if any
	Table *Table
}

// Table is one table as read from a document. Cells are plain text: inline
// markup (**x**, `x`, [t](u), link:u[t]) is reduced to its text, <br> and
// AsciiDoc " +" breaks become "\n", HTML entities are decoded, each line of a
// cell is trimmed and empty lines dropped. A lone "[word]" is not a link and
// stays: ZStack's "详情参考[inventory]" names a sub-table that way.
type Table struct {
	Pos     Pos // the header row, or the first row of a table without header
	Header  []string
	Rows    []Row
	Heading string // nearest preceding heading text, any level; "" if none
	// Caption is the nearest non-empty text line above the table, looking no
	// further than the previous non-text block (heading, code, table, rule),
	// with list and quote markers removed: " #inventory" gives "#inventory",
	// "**Request Parameters**" gives "Request Parameters". An explicit caption
	// (AsciiDoc ".Title", HTML <caption>) wins. A code block in between ends
	// the search because text above it captions the code ("返回示例"), not
	// the table.
	Caption string
}

// Row is one table row. Cells may be fewer or more than the header: nothing
// is padded or dropped, because only the caller knows whether that matters
// (missing or extra cells are worth a warning at Row.Pos).
type Row struct {
	Pos   Pos
	Cells []string
}

// Field is one "key: value" line of a page's front matter, such as Hugo's
// `title: "RunInstances"`, which names the action on QingCloud pages.
type Field struct {
	Pos   Pos
	Key   string
	Value string // unquoted
}

// Document is a parsed page.
type Document struct {
	File        string
	Format      Format
	Blocks      []Block
	FrontMatter []Field
	Warnings    []Warning
}

// Tables lists the document's tables in order.
func (d *Document) Tables() []*Table {
	var ts []*Table
	for i := range d.Blocks {
		if d.Blocks[i].Kind == TableBlock {
			ts = append(ts, d.Blocks[i].Table)
		}
	}
	return ts
}

// Meta returns the front matter value for key, "" if absent.
func (d *Document) Meta(key string) string {
	for _, f := range d.FrontMatter {
		if f.Key == key {
			return f.Value
		}
	}
	return ""
}

// Parse reads src as Markdown, HTML or AsciiDoc, chosen by the file's
// extension, or by its content for .txt and unknown extensions, since pages
// saved from a browser or a scrape are often named .txt whatever they hold.
func Parse(file string, src []byte) (*Document, error) {
	doc, err := parseAny(file, src)
	if err == nil {
		doc.limitRows()
	}
	return doc, err
}

func parseAny(file string, src []byte) (*Document, error) {
	switch strings.ToLower(filepath.Ext(file)) {
	case ".md", ".markdown", ".mdown", ".mkd":
		return ParseMarkdown(file, src)
	case ".html", ".htm", ".xhtml":
		return ParseHTML(file, src)
	case ".adoc", ".asciidoc", ".asc":
		return ParseAsciiDoc(file, src)
	}
	switch sniff(src) {
	case HTML:
		return ParseHTML(file, src)
	case AsciiDoc:
		return ParseAsciiDoc(file, src)
	}
	return ParseMarkdown(file, src)
}

// MaxTableRows bounds the rows kept per table. The largest real table in the
// corpus has 74 rows; a table of hundreds of thousands is hostile input, and
// generating a struct with a field per row would cost gigabytes.
const MaxTableRows = 2000

// limitRows drops the rows of each table past MaxTableRows, with a warning
// at the first one dropped.
func (d *Document) limitRows() {
	for _, t := range d.Tables() {
		if n := len(t.Rows); n > MaxTableRows {
			d.Warnings = append(d.Warnings, warnf(t.Rows[MaxTableRows].Pos,
				"table has %d rows; apigen reads the first %d and drops the rest (split the table if it is real)", n, MaxTableRows))
			t.Rows = slices.Clone(t.Rows[:MaxTableRows])
		}
	}
}

// Format is the markup a document was read as.
type Format int

const (
	Markdown Format = iota
	HTML
	AsciiDoc
)

// sniff guesses a format from the first 64 KiB. HTML is recognised by its
// document tags, AsciiDoc by a "|===" table or "==" section line; everything
// else reads as Markdown, which is also how plain text reads best.
func sniff(src []byte) Format {
	head := src
	if len(head) > 64<<10 {
		head = head[:64<<10]
	}
	lower := bytes.ToLower(bytes.TrimLeft(head, " \t\r\n\uFEFF"))
	if bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<html")) {
		return HTML
	}
	if bytes.Contains(lower, []byte("<table")) && bytes.Contains(lower, []byte("<td")) && !bytes.Contains(head, []byte("\n| ")) {
		return HTML
	}
	for line := range bytes.Lines(head) {
		line = bytes.TrimRight(line, " \t\r\n")
		if bytes.Equal(line, []byte("|===")) || bytes.HasPrefix(line, []byte("== ")) || bytes.HasPrefix(line, []byte("[cols=")) {
			return AsciiDoc
		}
	}
	return Markdown
}
