package doctable

import (
	"bytes"
	"strconv"
	"strings"
)

// tableOpts is what a table's attribute line says about its shape.
type tableOpts struct {
	cols   int // from cols=, 0 if absent
	header int // 1 header, -1 noheader, 0 unsaid
}

// parseTableAttrs reads [option="header",cols="1,1,2a,1"], [%header,cols=3]
// and their spellings (options=, opts=, %noheader).
func parseTableAttrs(attrs string) tableOpts {
	var o tableOpts
	for _, item := range splitAttrs(attrs) {
		key, val, ok := strings.Cut(item, "=")
		if !ok {
			// A positional attribute: style, #id, .role or %option shorthand.
			for _, opt := range strings.Split(item, "%")[1:] {
				o.setOption(opt)
			}
			continue
		}
		val = strings.Trim(strings.TrimSpace(val), `"'`)
		switch strings.TrimSpace(key) {
		case "cols":
			o.cols = countCols(val)
		case "options", "option", "opts":
			for _, opt := range strings.Split(val, ",") {
				o.setOption(opt)
			}
		}
	}
	return o
}

func (o *tableOpts) setOption(opt string) {
	switch strings.TrimSpace(opt) {
	case "header":
		o.header = 1
	case "noheader":
		o.header = -1
	}
}

// splitAttrs splits an attribute list on commas outside quotes.
func splitAttrs(s string) []string {
	var out []string
	var quote byte
	start := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == ',':
			out = append(out, strings.TrimSpace(s[start:i]))
			start = i + 1
		}
	}
	return append(out, strings.TrimSpace(s[start:]))
}

// countCols counts columns in a cols value: "1,1,2a,1" is 4, "3*,1" is 4, and
// a lone integer "3" is 3 columns, as Asciidoctor reads it.
func countCols(v string) int {
	v = strings.TrimSpace(v)
	if n, err := strconv.Atoi(v); err == nil && n > 0 && n < 1000 {
		return n
	}
	total := 0
	for _, spec := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ';' }) {
		spec = strings.TrimSpace(spec)
		if k := strings.IndexByte(spec, '*'); k > 0 {
			if n, err := strconv.Atoi(spec[:k]); err == nil && n > 0 && n < 1000 {
				total += n
				continue
			}
		}
		total++
	}
	return min(total, 1000)
}

// adocCell is one cell as written, before rows are formed.
type adocCell struct {
	pos        Pos
	line       int // 0-based line of the cell's separator
	lines      []string
	colspan    int
	rowspan    int
	dup        int  // "3*|" repeats a cell
	style      byte // 'a', 'l', … from the cell spec; 0 if none
	afterBlank bool // the line above the cell is blank, or it opens the table
}

// table reads the "|===" table opening at line i and returns the line after
// its closing delimiter. Cells start at each unescaped "|" (optionally after
// a spec such as "a|" or "2+|") and run, across lines, to the next one. Rows
// are formed by column count — from cols=, else from the number of cells on
// the first line — or, when that gives a single column, by blank lines, which
// is how hand-written pages lay out one cell per line without cols=.
//
// As in Asciidoctor, the first row is the header when options say "header",
// or when the first line holds every cell of a row and a blank line follows.
func (p *adocParser) table(i int) int {
	s := p.s
	delim := bytes.TrimSpace(s.line(i))
	end := p.find(i, delim)
	if end < 0 {
		p.warn(i, 0, "table %q is never closed; it runs to the end of the file", string(delim))
		end = s.numLines()
	}
	opts := parseTableAttrs(p.attrs)

	var cells []*adocCell
	firstLine, firstLineWidth := -1, 0
	prevBlank := true
	for j := i + 1; j < end; j++ {
		line := s.line(j)
		if isBlank(line) {
			if len(cells) > 0 {
				cells[len(cells)-1].lines = append(cells[len(cells)-1].lines, "")
			}
			prevBlank = true
			continue
		}
		if t := bytes.TrimSpace(line); bytes.HasPrefix(t, []byte("//")) && !bytes.HasPrefix(t, []byte("///")) {
			continue
		}
		segs := splitAdocLine(line)
		for k, seg := range segs {
			if !seg.cell {
				if len(cells) > 0 {
					c := cells[len(cells)-1]
					c.lines = append(c.lines, s.str(seg.text))
				}
				continue
			}
			c := &adocCell{pos: s.pos(j, seg.at), line: j, lines: []string{s.str(seg.text)}, colspan: seg.colspan, rowspan: seg.rowspan, dup: seg.dup, style: seg.style}
			c.afterBlank = k == 0 && prevBlank || k > 0 && len(cells) == 0
			cells = append(cells, c)
			if firstLine < 0 {
				firstLine = j
			}
			if j == firstLine {
				firstLineWidth += c.colspan * c.dup
			}
		}
		prevBlank = false
	}

	t := &Table{Pos: s.pos(i, 0), Caption: p.title}
	ncols := opts.cols
	if ncols == 0 && firstLineWidth > 1 {
		ncols = firstLineWidth
	}
	var rows []Row
	if ncols > 0 {
		rows = rowsByCount(cells, ncols)
	} else {
		rows = rowsByBlank(cells)
	}
	header := opts.header == 1
	if opts.header == 0 && firstLine >= 0 && len(rows) > 1 && firstLineWidth == max(ncols, 1) {
		next := firstLine + 1
		header = next >= end || isBlank(s.line(next))
	}
	if header && len(rows) > 0 {
		t.Header, t.Pos = rows[0].Cells, rows[0].Pos
		rows = rows[1:]
	} else if len(rows) > 0 {
		t.Pos = rows[0].Pos
	}
	t.Rows = rows
	p.add(Block{Kind: TableBlock, Pos: t.Pos, Table: t})
	if end >= s.numLines() {
		return end
	}
	return end + 1
}

// rowsByCount forms rows of ncols columns, honouring col- and rowspans so
// that a spanning cell does not shift every row after it.
func rowsByCount(cells []*adocCell, ncols int) []Row {
	var rows []Row
	var cur Row
	var occupied []int // columns taken in coming rows by rowspans above
	width := 0
	target := ncols
	closeRow := func() {
		rows = append(rows, cur)
		cur, width = Row{}, 0
		if len(occupied) > 0 {
			occupied = occupied[1:]
		}
		target = ncols
		if len(occupied) > 0 {
			target = max(ncols-occupied[0], 1)
		}
	}
	for _, c := range cells {
		for range c.dup {
			if len(cur.Cells) == 0 {
				cur.Pos = c.pos
			}
			cur.Cells = append(cur.Cells, c.text())
			width += c.colspan
			for k := 1; k < c.rowspan && k < 1000; k++ {
				for len(occupied) <= k {
					occupied = append(occupied, 0)
				}
				occupied[k] += c.colspan
			}
			if width >= target {
				closeRow()
			}
		}
	}
	if len(cur.Cells) > 0 {
		rows = append(rows, cur)
	}
	return rows
}

// rowsByBlank starts a new row at each cell that follows a blank line.
func rowsByBlank(cells []*adocCell) []Row {
	var rows []Row
	for _, c := range cells {
		if c.afterBlank || len(rows) == 0 {
			rows = append(rows, Row{Pos: c.pos})
		}
		r := &rows[len(rows)-1]
		for range c.dup {
			r.Cells = append(r.Cells, c.text())
		}
	}
	return rows
}

// text joins a cell's lines: " +" breaks and soft breaks alike become "\n",
// blank lines go, and bullet lines ("* x") stay lines of their own.
func (c *adocCell) text() string {
	lines := make([]string, 0, len(c.lines))
	for _, l := range c.lines {
		if b := hardBreak([]byte(l)); len(b) > 0 {
			lines = append(lines, string(b))
		}
	}
	joined := strings.Join(lines, "\n")
	if c.style == 'l' {
		return tidyLines(joined)
	}
	return plainAsciiDoc(joined)
}

// adocSeg is a piece of a table line: the text before the first separator
// (a continuation of the previous cell), or one cell's first line.
type adocSeg struct {
	cell    bool
	at      int // byte offset of the cell spec or separator
	text    []byte
	colspan int
	rowspan int
	dup     int
	style   byte
}

// splitAdocLine cuts a table line at each unescaped "|". A cell spec such as
// "a", "2+", ".3+" or "3*" written just before the "|" belongs to the cell
// that follows, not to the text of the one before.
func splitAdocLine(line []byte) []adocSeg {
	var segs []adocSeg
	cur := adocSeg{colspan: 1, rowspan: 1, dup: 1}
	var text []byte
	start := 0
	esc := false
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			if i+1 < len(line) && line[i+1] == '|' {
				text = append(text, line[start:i]...)
				start = i + 1
				esc = true
				i++
			}
		case '|':
			specStart := i
			for specStart > start && isSpecByte(line[specStart-1]) {
				specStart--
			}
			spec, ok := parseCellSpec(line[specStart:i])
			if !ok || (specStart > 0 && line[specStart-1] != ' ' && line[specStart-1] != '\t') {
				spec, ok = adocSeg{colspan: 1, rowspan: 1, dup: 1}, false
				specStart = i
			}
			cur.text = finishSeg(text, line[start:specStart], esc)
			if cur.cell || len(bytes.TrimSpace(cur.text)) > 0 {
				segs = append(segs, cur)
			}
			text, esc = nil, false
			spec.cell, spec.at = true, specStart
			cur = spec
			start = i + 1
		}
	}
	cur.text = finishSeg(text, line[start:], esc)
	if cur.cell || len(bytes.TrimSpace(cur.text)) > 0 {
		segs = append(segs, cur)
	}
	return segs
}

func finishSeg(prefix, rest []byte, esc bool) []byte {
	if !esc {
		return bytes.TrimSpace(rest)
	}
	return bytes.TrimSpace(append(prefix, rest...))
}

func isSpecByte(c byte) bool {
	return c >= '0' && c <= '9' || c == '.' || c == '+' || c == '*' || c == '<' || c == '^' || c == '>' || c >= 'a' && c <= 'z'
}

// parseCellSpec reads Asciidoctor's cell spec: an optional "n*" (repeat the
// cell) or "c.r+" (span c columns, r rows), then alignments, then a style
// letter: "2+", ".3+", "3*", "^.>a", "h". An empty spec is a plain cell.
func parseCellSpec(b []byte) (adocSeg, bool) {
	seg := adocSeg{colspan: 1, rowspan: 1, dup: 1}
	i := 0
	for i < len(b) && (b[i] >= '0' && b[i] <= '9' || b[i] == '.') {
		i++
	}
	if i > 0 && i < len(b) && (b[i] == '*' || b[i] == '+') {
		c, r, dot := strings.Cut(string(b[:i]), ".")
		if !isSmall(c) && !isSmall(r) || c != "" && !isSmall(c) || r != "" && !isSmall(r) {
			return seg, false
		}
		if b[i] == '*' {
			if dot || c == "" {
				return seg, false
			}
			seg.dup = min(atoi(c), 100)
		} else {
			seg.colspan, seg.rowspan = atoi(c), atoi(r)
		}
		i++
	} else {
		i = 0
	}
	if i < len(b) && (b[i] == '<' || b[i] == '^' || b[i] == '>') {
		i++
	}
	if i+1 < len(b) && b[i] == '.' && (b[i+1] == '<' || b[i+1] == '^' || b[i+1] == '>') {
		i += 2
	}
	if i < len(b) && strings.IndexByte("adehlmsv", b[i]) >= 0 {
		seg.style = b[i]
		i++
	}
	return seg, i == len(b)
}

// isSmall accepts the 1–4 digit numbers a cell spec can sensibly hold.
func isSmall(s string) bool {
	if s == "" || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// atoi reads a span count, treating absent or zero as 1.
func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 1
	}
	return n
}
