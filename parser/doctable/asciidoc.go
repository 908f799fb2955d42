package doctable

import (
	"bytes"
	"sort"
	"strings"
)

// ParseAsciiDoc reads an AsciiDoc page: "==" section titles (and Markdown
// "#" ones, which Asciidoctor also accepts), ".Title" block titles, "|==="
// tables, "----"/"...."/``` listings as code, and paragraphs. Block attribute
// lines ("[option=\"header\",cols=\"1,2\"]") are kept for the block that
// follows; directives, comments and document attributes are skipped.
func ParseAsciiDoc(file string, src []byte) (*Document, error) {
	if err := checkBinary(file, src); err != nil {
		return nil, err
	}
	s := newSource(file, src)
	p := &adocParser{s: s, doc: &Document{File: file, Format: AsciiDoc}}
	p.run()
	p.doc.link()
	return p.doc, nil
}

type adocParser struct {
	s        *source
	doc      *Document
	para     []string
	paraLine int
	paraCol  int
	attrs    string           // the pending block attribute line, without brackets
	title    string           // the pending ".Title"
	delims   map[string][]int // delimiter line -> the lines holding it, ascending
}

func (p *adocParser) run() {
	s := p.s
	n := s.numLines()
	for i := frontMatter(s, p.doc); i < n; {
		line := s.line(i)
		ind, rest := indent(line)
		t := bytes.TrimRight(rest, " \t")
		col := len(line) - len(rest)
		switch {
		case len(t) == 0:
			p.flush()
			i++
			continue
		case isRun(t, '/', 4):
			p.flush()
			i = p.skipTo(i, t, "comment block") + 1
			continue
		case bytes.HasPrefix(t, []byte("//")):
			i++ // line comment; it does not end a paragraph
			continue
		case ind == 0 && isTableDelim(t):
			p.flush()
			i = p.table(i)
			p.attrs, p.title = "", ""
			continue
		case isRun(t, '-', 4) || isRun(t, '.', 4) || isRun(t, '+', 4):
			if end := p.find(i, t); end > 0 {
				p.flush()
				p.code(i, end, col, p.takeAttrs())
				i = end + 1
				continue
			}
			p.warn(i, col, "delimited block %q is never closed; read as text", string(t))
		case bytes.HasPrefix(t, []byte("```")):
			if _, fl, info := fenceOpen(t); fl > 0 {
				if end := p.find(i, t[:fl]); end > 0 {
					p.flush()
					p.code(i, end, col, info)
					i = end + 1
					continue
				}
				p.warn(i, col, "code fence %q is never closed; read as text", string(t[:fl]))
			}
		case isRun(t, '=', 4) || isRun(t, '*', 4) || isRun(t, '_', 4) || string(t) == "--" || string(t) == "+":
			// Example, sidebar, quote and open block delimiters, and list
			// continuations: their content is ordinary blocks.
			p.flush()
			i++
			continue
		case isRun(t, '\'', 3) && ind == 0:
			p.flush()
			p.add(Block{Kind: RuleBlock, Pos: s.pos(i, col)})
			i++
			continue
		case ind == 0 && isAdocDirective(t):
			p.flush()
			i++
			continue
		}
		if ind == 0 {
			if level, text, ok := adocHeading(t); ok {
				p.flush()
				p.add(Block{Kind: HeadingBlock, Pos: s.pos(i, col), Level: level, Text: plainAsciiDoc(s.str(text))})
				p.attrs, p.title = "", ""
				i++
				continue
			}
			if len(t) > 1 && t[0] == '.' && t[1] != '.' && t[1] != ' ' && t[1] != '\t' {
				// A block title captions the next block; it is also text a
				// reader sees, so it stays in the block list.
				p.flush()
				p.title = plainAsciiDoc(s.str(t[1:]))
				p.add(Block{Kind: TextBlock, Pos: s.pos(i, col), Text: p.title})
				i++
				continue
			}
			if t[0] == '[' && t[len(t)-1] == ']' && !bytes.HasPrefix(t, []byte("[[")) && bytes.IndexByte(t, ' ') < 0 || isAttrList(t) {
				p.flush()
				p.attrs = s.str(t[1 : len(t)-1])
				i++
				continue
			}
			if t[0] == '[' && bytes.HasPrefix(t, []byte("[[")) && bytes.HasSuffix(t, []byte("]]")) {
				i++ // an anchor
				continue
			}
		}
		p.text(i, col, t)
		i++
	}
	p.flush()
}

func (p *adocParser) add(b Block) { p.doc.Blocks = append(p.doc.Blocks, b) }

func (p *adocParser) warn(i, col0 int, format string, args ...any) {
	p.doc.Warnings = append(p.doc.Warnings, warnf(p.s.pos(i, col0), format, args...))
}

func (p *adocParser) takeAttrs() string {
	a := p.attrs
	p.attrs, p.title = "", ""
	// [source,shell] names the language; [,shell] leaves the style out.
	if parts := strings.Split(a, ","); len(parts) > 1 && (parts[0] == "source" || parts[0] == "") {
		return strings.TrimSpace(parts[1])
	}
	return ""
}

// text adds a paragraph line; a trailing " +" is a hard line break, which
// the "\n" between lines already says.
func (p *adocParser) text(i, col int, t []byte) {
	t = hardBreak(t)
	if p.para == nil {
		p.paraLine, p.paraCol = i, col
	}
	p.para = append(p.para, plainAsciiDoc(p.s.str(t)))
}

func (p *adocParser) flush() {
	if p.para == nil {
		return
	}
	text := tidyLines(strings.Join(p.para, "\n"))
	p.para = nil
	if text != "" {
		p.add(Block{Kind: TextBlock, Pos: p.s.pos(p.paraLine, p.paraCol), Text: text})
	}
	p.attrs, p.title = "", ""
}

// find returns the line after i that repeats delim exactly, or -1. It looks
// the delimiter up in an index of all delimiter-like lines, so that a page of
// a thousand unclosed "----" lines of different lengths stays linear.
func (p *adocParser) find(i int, delim []byte) int {
	if p.delims == nil {
		p.indexDelims()
	}
	lines := p.delims[string(delim)]
	k := sort.SearchInts(lines, i+1)
	if k == len(lines) {
		return -1
	}
	return lines[k]
}

func (p *adocParser) indexDelims() {
	p.delims = map[string][]int{}
	for j := 0; j < p.s.numLines(); j++ {
		t := bytes.TrimSpace(p.s.line(j))
		if len(t) < 2 || !(isTableDelim(t) || isRun(t, t[0], len(t)) && bytes.IndexByte([]byte("-.+/=*_`~"), t[0]) >= 0) {
			continue
		}
		p.delims[string(t)] = append(p.delims[string(t)], j)
	}
}

func (p *adocParser) skipTo(i int, delim []byte, what string) int {
	if end := p.find(i, delim); end > 0 {
		return end
	}
	p.warn(i, 0, "%s is never closed; it hides the rest of the file", what)
	return p.s.numLines()
}

func (p *adocParser) code(i, end, col int, info string) {
	lines := make([]string, 0, end-i-1)
	for j := i + 1; j < end; j++ {
		lines = append(lines, p.s.str(p.s.line(j)))
	}
	p.add(Block{Kind: CodeBlock, Pos: p.s.pos(i, col), Text: strings.Join(lines, "\n"), Info: p.s.clean(info)})
}

// isRun reports whether t is at least n copies of c and nothing else.
func isRun(t []byte, c byte, n int) bool {
	if len(t) < n {
		return false
	}
	for _, b := range t {
		if b != c {
			return false
		}
	}
	return true
}

func isTableDelim(t []byte) bool {
	return len(t) >= 4 && t[0] == '|' && isRun(t[1:], '=', 3)
}

// adocHeading recognises "== Title" (level = number of "=") and "## Title".
func adocHeading(t []byte) (int, []byte, bool) {
	c := t[0]
	if c != '=' && c != '#' {
		return 0, nil, false
	}
	n := 0
	for n < len(t) && t[n] == c {
		n++
	}
	if n > 6 || n >= len(t) || (t[n] != ' ' && t[n] != '\t') {
		return 0, nil, false
	}
	text := bytes.TrimSpace(t[n:])
	if len(text) == 0 {
		return 0, nil, false
	}
	return n, text, true
}

func isAdocDirective(t []byte) bool {
	for _, d := range []string{"include::", "ifdef::", "ifndef::", "ifeval::", "endif::", "toc::"} {
		if bytes.HasPrefix(t, []byte(d)) {
			return true
		}
	}
	// A document attribute entry ":name: value" or ":name!:".
	if t[0] == ':' {
		if k := bytes.IndexByte(t[1:], ':'); k > 0 && bytes.IndexAny(t[1:k+1], " \t") < 0 {
			return true
		}
	}
	return string(t) == "<<<"
}

// isAttrList accepts attribute lines with quoted spaces, such as
// [cols="1, 2", options="header"].
func isAttrList(t []byte) bool {
	return len(t) > 2 && t[0] == '[' && t[len(t)-1] == ']' && t[1] != '[' && bytes.IndexByte(t, '=') > 0 && bytes.IndexByte(t, '"') > 0
}

// hardBreak drops a trailing " +", AsciiDoc's explicit line break.
func hardBreak(t []byte) []byte {
	t = bytes.TrimRight(t, " \t")
	if len(t) >= 2 && t[len(t)-1] == '+' && (t[len(t)-2] == ' ' || t[len(t)-2] == '\t') {
		return bytes.TrimRight(t[:len(t)-1], " \t")
	}
	if len(t) == 1 && t[0] == '+' {
		return nil
	}
	return t
}
