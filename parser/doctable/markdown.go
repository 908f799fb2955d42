package doctable

import (
	"bytes"
	"strings"
)

// ParseMarkdown reads a Markdown page, or text scraped from a web page that
// looks like Markdown. It understands ATX headings, fenced code, GFM pipe
// tables (also glued to the text line above them), thematic breaks, HTML
// comments and Hugo front matter; everything else is text. Setext headings
// are not recognised: in scraped text a line of dashes under a sentence is
// decoration far more often than a heading.
func ParseMarkdown(file string, src []byte) (*Document, error) {
	if err := checkBinary(file, src); err != nil {
		return nil, err
	}
	s := newSource(file, src)
	p := &mdParser{s: s, doc: &Document{File: file, Format: Markdown}}
	p.run()
	p.doc.link()
	return p.doc, nil
}

type mdParser struct {
	s        *source
	doc      *Document
	para     []string // plain lines of the open paragraph
	paraLine int
	paraCol  int

	// closeMax[c][i] is the longest bare run of c ('`' or '~') on lines i…
	// end: an opener longer than that has no closer, known without a scan
	// to the end of the file for each of a thousand such lines.
	closeMax  [2][]int
	noComment bool // no "-->" after some "<!--"
}

// indexClosers fills closeMax in one pass from the end.
func (p *mdParser) indexClosers() {
	n := p.s.numLines()
	for k := range p.closeMax {
		p.closeMax[k] = make([]int, n+1)
	}
	for i := n - 1; i >= 0; i-- {
		p.closeMax[0][i], p.closeMax[1][i] = p.closeMax[0][i+1], p.closeMax[1][i+1]
		_, rest := indent(p.s.line(i))
		if len(rest) < 3 || (rest[0] != '`' && rest[0] != '~') {
			continue
		}
		k := 0
		for k < len(rest) && rest[k] == rest[0] {
			k++
		}
		if c := fenceIndex(rest[0]); isBlank(rest[k:]) && k > p.closeMax[c][i] {
			p.closeMax[c][i] = k
		}
	}
}

func fenceIndex(ch byte) int {
	if ch == '~' {
		return 1
	}
	return 0
}

func (p *mdParser) run() {
	s := p.s
	n := s.numLines()
	for i := frontMatter(s, p.doc); i < n; {
		line := s.line(i)
		ind, rest := indent(line)
		if len(rest) == 0 {
			p.flush()
			i++
			continue
		}
		if bytes.HasPrefix(rest, []byte("<!--")) {
			// An HTML comment, such as the provenance note atop a scraped
			// page, is invisible to a reader.
			if end := p.commentEnd(i); end >= 0 {
				p.flush()
				i = end + 1
				continue
			}
		}
		if ch, fl, info := fenceOpen(rest); fl > 0 {
			end := p.fenceClose(i, ch, fl)
			if end > 0 {
				p.flush()
				p.code(i, end, ind, info)
				i = end + 1
				continue
			}
			what := "is never closed"
			if end == -2 {
				what = "would enclose the page's own tables and headings"
			}
			p.warn(i, len(line)-len(rest), "code fence %q %s; read as text", string(rest[:fl]), what)
		}
		if ind < 4 {
			if level, text, ok := atxHeading(rest); ok {
				p.flush()
				p.add(Block{Kind: HeadingBlock, Pos: s.pos(i, len(line)-len(rest)), Level: level, Text: plainMarkdown(s.str(text))})
				i++
				continue
			}
		}
		if p.tableStart(i) {
			p.flush()
			i = p.table(i)
			continue
		}
		if ind < 4 && isThematicBreak(rest) {
			p.flush()
			p.add(Block{Kind: RuleBlock, Pos: s.pos(i, len(line)-len(rest))})
			i++
			continue
		}
		p.text(i, line)
		i++
	}
	p.flush()
}

func (p *mdParser) add(b Block) { p.doc.Blocks = append(p.doc.Blocks, b) }

func (p *mdParser) warn(i, col0 int, format string, args ...any) {
	p.doc.Warnings = append(p.doc.Warnings, warnf(p.s.pos(i, col0), format, args...))
}

// text adds a line to the open paragraph. Quote markers go: a scraped note
// ("> **注意:** …") is text like any other.
func (p *mdParser) text(i int, line []byte) {
	_, rest := indent(line)
	for len(rest) > 0 && rest[0] == '>' {
		_, rest = indent(rest[1:])
	}
	if len(rest) == 0 {
		p.flush()
		return
	}
	if p.para == nil {
		p.paraLine, p.paraCol = i, len(line)-len(rest)
	}
	p.para = append(p.para, plainMarkdown(p.s.str(rest)))
}

func (p *mdParser) flush() {
	if p.para == nil {
		return
	}
	text := tidyLines(strings.Join(p.para, "\n"))
	p.para = nil
	if text != "" {
		p.add(Block{Kind: TextBlock, Pos: p.s.pos(p.paraLine, p.paraCol), Text: text})
	}
}

// fenceOpen recognises ``` and ~~~ fences. A backtick fence's info string
// may not hold backticks, so "``` a|b ```" in a sentence is inline code.
func fenceOpen(rest []byte) (ch byte, n int, info string) {
	if len(rest) < 3 || (rest[0] != '`' && rest[0] != '~') {
		return 0, 0, ""
	}
	ch = rest[0]
	for n < len(rest) && rest[n] == ch {
		n++
	}
	if n < 3 {
		return 0, 0, ""
	}
	tail := bytes.TrimSpace(rest[n:])
	if ch == '`' && bytes.IndexByte(tail, '`') >= 0 {
		return 0, 0, ""
	}
	if k := bytes.IndexAny(tail, " \t{"); k >= 0 {
		tail = tail[:k]
	}
	return ch, n, string(tail)
}

// fenceClose finds the line closing the fence opened at line i. It returns
// -1 for a fence never closed, and -2 for one that would pair with another
// across the page's own structure — a table plus either other code blocks or
// a "##" heading: scraped pages hold stray "````" lines that do exactly that
// over thousands of lines of real content. A code block that merely shows a
// table, or "# comments", is still a code block.
func (p *mdParser) fenceClose(i int, ch byte, n int) int {
	s := p.s
	if p.closeMax[0] == nil {
		p.indexClosers()
	}
	if p.closeMax[fenceIndex(ch)][i+1] < n {
		return -1
	}
	inner, table := false, false // other fences or headings; a table
	for j := i + 1; j < s.numLines(); j++ {
		_, rest := indent(s.line(j))
		if len(rest) >= 3 && rest[0] == ch {
			k := 0
			for k < len(rest) && rest[k] == ch {
				k++
			}
			if k >= n && isBlank(rest[k:]) {
				return j
			}
			inner = inner || k >= 3
		}
		if !inner && len(rest) > 2 && rest[0] == '#' && rest[1] == '#' {
			_, _, inner = atxHeading(rest)
		}
		if !table && len(rest) > 0 && rest[0] == '|' && p.tableStart(j) {
			table = true
		}
		if inner && table {
			return -2
		}
	}
	return -1
}

// commentEnd returns the line holding the "-->" that closes the comment
// opened on line i, or -1 if there is none.
func (p *mdParser) commentEnd(i int) int {
	if p.noComment {
		return -1
	}
	_, rest := indent(p.s.line(i))
	if bytes.Contains(rest[4:], []byte("-->")) {
		return i
	}
	for j := i + 1; j < p.s.numLines(); j++ {
		if bytes.Contains(p.s.line(j), []byte("-->")) {
			return j
		}
	}
	p.noComment = true
	return -1
}

func (p *mdParser) code(i, end, ind int, info string) {
	s := p.s
	lines := make([]string, 0, end-i-1)
	for j := i + 1; j < end; j++ {
		line := s.line(j)
		// Drop up to the fence's own indentation, as CommonMark does.
		for k := 0; k < ind && len(line) > 0 && line[0] == ' '; k++ {
			line = line[1:]
		}
		lines = append(lines, s.str(line))
	}
	_, rest := indent(s.line(i))
	p.add(Block{Kind: CodeBlock, Pos: s.pos(i, len(s.line(i))-len(rest)), Text: strings.Join(lines, "\n"), Info: s.clean(info)})
}

// atxHeading recognises "## Title ##".
func atxHeading(rest []byte) (level int, text []byte, ok bool) {
	for level < len(rest) && rest[level] == '#' {
		level++
	}
	if level == 0 || level > 6 || (level < len(rest) && rest[level] != ' ' && rest[level] != '\t') {
		return 0, nil, false
	}
	text = bytes.TrimSpace(rest[level:])
	if t := bytes.TrimRight(text, "#"); len(t) == 0 || t[len(t)-1] == ' ' || t[len(t)-1] == '\t' {
		text = bytes.TrimSpace(t)
	}
	return level, text, true
}

func isThematicBreak(rest []byte) bool {
	c := rest[0]
	if c != '-' && c != '*' && c != '_' {
		return false
	}
	n := 0
	for _, b := range rest {
		switch b {
		case c:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

// tableStart reports whether line i is a table header: it holds a pipe and
// the next line is a delimiter row. Scraped headers may disagree with their
// delimiter row on the cell count; one that starts with "|" is trusted anyway.
func (p *mdParser) tableStart(i int) bool {
	if i+1 >= p.s.numLines() {
		return false
	}
	head := p.s.line(i)
	if !hasPipe(head) {
		return false
	}
	n, ok := isDelimiterRow(p.s.line(i + 1))
	if !ok {
		return false
	}
	_, rest := indent(head)
	return rest[0] == '|' || len(splitPipeRow(head, false)) == n
}

// table reads a pipe table from its header at line i and returns the line
// after it. Rows run until a blank line, a line without a pipe, or the
// header of the next table.
func (p *mdParser) table(i int) int {
	s := p.s
	t := &Table{Pos: p.rowPos(i), Header: p.cells(s.line(i), 0)}
	j := i + 2
	for ; j < s.numLines(); j++ {
		line := s.line(j)
		if isBlank(line) || !hasPipe(line) || p.tableStart(j) {
			break
		}
		if _, rest := indent(line); rest[0] == '`' || rest[0] == '~' || rest[0] == '#' {
			if _, fl, _ := fenceOpen(rest); fl > 0 {
				break
			}
			if _, _, ok := atxHeading(rest); ok {
				break
			}
		}
		t.Rows = append(t.Rows, Row{Pos: p.rowPos(j), Cells: p.cells(line, len(t.Header))})
	}
	p.add(Block{Kind: TableBlock, Pos: t.Pos, Table: t})
	return j
}

func (p *mdParser) rowPos(i int) Pos {
	line := p.s.line(i)
	_, rest := indent(line)
	return p.s.pos(i, len(line)-len(rest))
}

// cells splits a row into plain cells. When GFM's split gives more cells than
// the header has and a code span explains it, the code-aware split is used.
func (p *mdParser) cells(line []byte, want int) []string {
	raw := splitPipeRow(line, false)
	if want > 0 && len(raw) > want && bytes.IndexByte(line, '`') >= 0 {
		if alt := splitPipeRow(line, true); len(alt) == want {
			raw = alt
		}
	}
	out := make([]string, len(raw))
	for k, c := range raw {
		out[k] = plainMarkdown(p.s.str(c))
	}
	return out
}
