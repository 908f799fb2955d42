package doctable

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// syntax picks the inline markup dialect: the two differ in links and in
// which characters delimit emphasis.
type syntax int

const (
	mdSyntax syntax = iota
	adocSyntax
)

// plainMarkdown reduces Markdown inline markup in one cell or line to its
// text: **x**, _x_, ~~x~~, `x`, [t](u), ![alt](u), <br>, &amp; and \| go.
func plainMarkdown(s string) string { return plain(s, mdSyntax, 0) }

// plainAsciiDoc does the same for AsciiDoc: *x*, _x_, `x`, link:u[t],
// https://u[t] and <<id,t>>.
func plainAsciiDoc(s string) string { return plain(s, adocSyntax, 0) }

// maxLinkDepth bounds recursion into link text, so "[[[[…" of any length
// cannot exhaust the stack.
const maxLinkDepth = 8

func plain(s string, syn syntax, depth int) string {
	if !hasMarkup(s, syn) || depth > maxLinkDepth {
		return tidyLines(s)
	}
	il := inliner{s: s, syn: syn, depth: depth}
	il.scan()
	return tidyLines(il.render())
}

// hasMarkup is the fast path: most cells in the ZStack manual are plain words,
// and skipping the inliner for them keeps a 6 MB chapter set under 100 ms.
func hasMarkup(s string, syn syntax) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\', '*', '_', '`', '[', '<', '&':
			return true
		case '~':
			if syn == mdSyntax {
				return true
			}
		}
	}
	return false
}

// tidyLines trims every line and drops empty ones: a cell's meaning does not
// depend on where the page author put spaces or doubled <br>.
func tidyLines(s string) string {
	if strings.IndexByte(s, '\n') < 0 {
		return strings.TrimSpace(s)
	}
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// piece is literal text or an emphasis delimiter run awaiting its partner.
type piece struct {
	text        string
	delim       byte // '*', '_', '~'; 0 for text
	n           int  // delimiter characters not yet matched
	open, close bool
}

type inliner struct {
	s      string
	syn    syntax
	depth  int
	pieces []piece
	lit    int // start of pending literal text

	runs    []tickRun   // backtick runs, in order
	run     int         // next run the scan has not passed
	bracket map[int]int // '[' offset -> matching ']' offset
	paren   map[int]int // '(' offset -> matching ')' offset
}

type tickRun struct{ start, n, next int } // next: index of the next run as long, -1 if none

func (il *inliner) scan() {
	il.indexTicks()
	if strings.IndexByte(il.s, '[') >= 0 {
		il.bracket = matchPairs(il.s, '[', ']', il.runs)
		if il.syn == mdSyntax && strings.Contains(il.s, "](") {
			il.paren = matchPairs(il.s, '(', ')', il.runs)
		}
	}
	s := il.s
	for i := 0; i < len(s); {
		next := i + 1
		switch c := s[i]; c {
		case '\\':
			if i+1 < len(s) && isASCIIPunct(s[i+1]) {
				il.emit(i, i+2, s[i+1:i+2])
				next = i + 2
			}
		case '`':
			next = il.codeSpan(i)
		case '*', '_', '~':
			next = il.delimRun(i, c)
		case '&':
			next = il.entity(i)
		case '<':
			next = il.angle(i)
		case '[', '!':
			if il.syn == mdSyntax {
				next = il.mdLink(i)
			}
		case ':':
			if il.syn == adocSyntax {
				next = il.adocMacro(i)
			}
		}
		i = next
	}
	il.flush(len(s))
}

// emit replaces s[from:to] with text; the literal text before it is kept.
func (il *inliner) emit(from, to int, text string) {
	il.flush(from)
	if text != "" {
		il.pieces = append(il.pieces, piece{text: text})
	}
	il.lit = to
}

func (il *inliner) flush(upto int) {
	if upto > il.lit {
		il.pieces = append(il.pieces, piece{text: il.s[il.lit:upto]})
		il.lit = upto
	}
}

// indexTicks finds every backtick run and, for each, the next run of the same
// length, in one pass from the end, so code spans match in linear time.
func (il *inliner) indexTicks() {
	s := il.s
	if strings.IndexByte(s, '`') < 0 {
		return
	}
	for i := 0; i < len(s); {
		switch {
		case s[i] == '\\' && i+1 < len(s) && s[i+1] == '`':
			i += 2
		case s[i] == '`':
			j := i
			for j < len(s) && s[j] == '`' {
				j++
			}
			il.runs = append(il.runs, tickRun{start: i, n: j - i, next: -1})
			i = j
		default:
			i++
		}
	}
	last := map[int]int{}
	for r := len(il.runs) - 1; r >= 0; r-- {
		if nx, ok := last[il.runs[r].n]; ok {
			il.runs[r].next = nx
		}
		last[il.runs[r].n] = r
	}
}

// codeSpan emits `x` as x, verbatim: nothing inside a code span is markup.
func (il *inliner) codeSpan(i int) int {
	for il.run < len(il.runs) && il.runs[il.run].start < i {
		il.run++
	}
	if il.run >= len(il.runs) || il.runs[il.run].start != i {
		return i + 1 // an escaped backtick's neighbour; literal
	}
	r := il.runs[il.run]
	if r.next < 0 {
		il.run++
		return i + r.n
	}
	c := il.runs[r.next]
	body := il.s[i+r.n : c.start]
	if len(body) >= 2 && body[0] == ' ' && body[len(body)-1] == ' ' && strings.Trim(body, " ") != "" {
		body = body[1 : len(body)-1]
	}
	il.emit(i, c.start+c.n, body)
	il.run = r.next + 1
	return c.start + c.n
}

// delimRun records a run of *, _ or ~ with whether it may open or close
// emphasis, by CommonMark's flanking rules, which also keep "a * b" and
// "instance_type" literal.
func (il *inliner) delimRun(i int, c byte) int {
	s := il.s
	j := i
	for j < len(s) && s[j] == c {
		j++
	}
	if c == '~' && (il.syn != mdSyntax || j-i != 2) {
		return j // only GFM's "~~" strikes through; "20~100" is a range
	}
	prev, next := ' ', ' '
	if i > 0 {
		prev, _ = utf8.DecodeLastRuneInString(s[:i])
	}
	if j < len(s) {
		next, _ = utf8.DecodeRuneInString(s[j:])
	}
	left := !unicode.IsSpace(next) && (!isPunct(next) || unicode.IsSpace(prev) || isPunct(prev))
	right := !unicode.IsSpace(prev) && (!isPunct(prev) || unicode.IsSpace(next) || isPunct(next))
	open, close := left, right
	if c == '_' {
		open = left && (!right || isPunct(prev))
		close = right && (!left || isPunct(next))
	}
	if !open && !close {
		return j
	}
	il.flush(i)
	il.pieces = append(il.pieces, piece{delim: c, n: j - i, open: open, close: close})
	il.lit = j
	return j
}

// entity decodes &name; and &#n; but leaves a bare "&" alone: query strings
// such as "&COMMON_PARAMS" are common in API pages.
func (il *inliner) entity(i int) int {
	s := il.s
	end := min(len(s), i+32)
	for j := i + 1; j < end; j++ {
		c := s[j]
		if c == ';' && j > i+1 {
			ref := s[i : j+1]
			if dec := html.UnescapeString(ref); dec != ref {
				il.emit(i, j+1, dec)
				return j + 1
			}
			return i + 1
		}
		if !(c == '#' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			break
		}
	}
	return i + 1
}

// angle handles "<": <br> becomes a line break, an autolink its address, a
// few inline HTML tags vanish, and anything else — List<String> — stays.
func (il *inliner) angle(i int) int {
	s := il.s
	if il.syn == adocSyntax {
		if strings.HasPrefix(s[i:], "<<") {
			if k := strings.Index(s[i+2:min(len(s), i+512)], ">>"); k > 0 {
				ref := s[i+2 : i+2+k]
				if c := strings.IndexByte(ref, ','); c >= 0 {
					ref = ref[c+1:]
				}
				il.emit(i, i+4+k, plain(ref, il.syn, il.depth+1))
				return i + 4 + k
			}
		}
		return i + 1
	}
	end := strings.IndexByte(s[i:min(len(s), i+512)], '>')
	if end < 0 {
		return i + 1
	}
	tag := s[i+1 : i+end]
	if isAutolink(tag) {
		il.emit(i, i+end+1, tag)
		return i + end + 1
	}
	name := strings.TrimPrefix(tag, "/")
	n := 0
	for n < len(name) && (name[n] >= 'a' && name[n] <= 'z' || name[n] >= 'A' && name[n] <= 'Z' || name[n] >= '0' && name[n] <= '9') {
		n++
	}
	if n < len(name) && !strings.ContainsRune(" \t\n/", rune(name[n])) {
		return i + 1
	}
	name = name[:n]
	switch strings.ToLower(name) {
	case "br", "p", "div", "li", "tr":
		il.emit(i, i+end+1, "\n")
	case "b", "strong", "i", "em", "u", "s", "del", "code", "span", "font", "sup", "sub", "a", "kbd", "small", "mark", "tt", "ul", "ol":
		il.emit(i, i+end+1, "")
	default:
		return i + 1
	}
	return i + end + 1
}

func isAutolink(tag string) bool {
	if strings.ContainsAny(tag, " \t\n<") {
		return false
	}
	if k := strings.Index(tag, "://"); k > 0 {
		return true
	}
	return strings.HasPrefix(tag, "mailto:") || (strings.Count(tag, "@") == 1 && !strings.HasPrefix(tag, "/"))
}

// mdLink turns [text](url), [text][ref] and ![alt](url) into their text. A
// lone [word] stays: ZStack's "详情参考[inventory]" names a sub-table that way.
func (il *inliner) mdLink(i int) int {
	s := il.s
	open := i
	if s[i] == '!' {
		if i+1 >= len(s) || s[i+1] != '[' {
			return i + 1
		}
		open = i + 1
	}
	closeAt, ok := il.bracket[open]
	if !ok {
		return open + 1
	}
	text := s[open+1 : closeAt]
	after := closeAt + 1
	switch {
	case after < len(s) && s[after] == '(':
		end, ok := il.paren[after]
		if !ok {
			return open + 1
		}
		il.emit(i, end+1, plain(text, il.syn, il.depth+1))
		return end + 1
	case after < len(s) && s[after] == '[':
		end, ok := il.bracket[after]
		if !ok {
			return open + 1
		}
		il.emit(i, end+1, plain(text, il.syn, il.depth+1))
		return end + 1
	}
	return open + 1
}

// adocMacro handles "link:u[t]", "xref:u[t]", "mailto:u[t]", "image:u[alt]"
// and "https://u[t]", found from their colon.
func (il *inliner) adocMacro(i int) int {
	s := il.s
	start := i
	for start > 0 && isSchemeByte(s[start-1]) {
		start--
	}
	name := s[start:i]
	switch name {
	case "link", "xref", "mailto", "image", "http", "https", "ftp", "irc":
	default:
		return i + 1
	}
	if start > 0 && !isBoundary(s[start-1]) {
		return i + 1
	}
	j := i + 1
	for j < len(s) && j-i < 2048 && s[j] != '[' && s[j] != ' ' && s[j] != '\t' && s[j] != '\n' {
		j++
	}
	target := s[i+1 : j]
	end, ok := il.bracket[j]
	if j >= len(s) || s[j] != '[' || !ok || target == "" {
		return i + 1
	}
	text := s[j+1 : end]
	if c := strings.IndexByte(text, ','); c >= 0 && (name == "image" || strings.Contains(text[c:], "=")) {
		text = text[:c] // [Title,window=_blank]
	}
	text = strings.Trim(text, `"`)
	if strings.TrimSpace(text) == "" {
		text = target
		if name != "link" && name != "xref" && name != "image" && name != "mailto" {
			text = name + ":" + target
		}
	}
	if start < il.lit {
		return i + 1
	}
	il.emit(start, end+1, plain(text, il.syn, il.depth+1))
	return end + 1
}

// render matches emphasis openers with closers and joins the text, leaving
// unmatched delimiters as the literal characters they are.
func (il *inliner) render() string {
	ps := il.pieces
	var stack []int
	for i := range ps {
		if ps[i].delim == 0 {
			continue
		}
		if ps[i].close {
			// Bounded search: a pathological line of openers stays linear.
			for k := len(stack) - 1; k >= 0 && k >= len(stack)-32 && ps[i].n > 0; k-- {
				o := stack[k]
				if ps[o].delim != ps[i].delim || (ps[i].delim == '~' && ps[o].n != ps[i].n) {
					continue
				}
				m := min(ps[o].n, ps[i].n)
				ps[o].n -= m
				ps[i].n -= m
				stack = stack[:k]
				if ps[o].n > 0 {
					stack = append(stack, o)
				}
				k = len(stack)
			}
		}
		if ps[i].n > 0 && ps[i].open {
			stack = append(stack, i)
		}
	}
	var b strings.Builder
	for _, p := range ps {
		if p.delim == 0 {
			b.WriteString(p.text)
		} else {
			for range p.n {
				b.WriteByte(p.delim)
			}
		}
	}
	return b.String()
}

// matchPairs pairs brackets with a stack, skipping escaped ones and those in
// code spans, in one pass.
func matchPairs(s string, open, close byte, runs []tickRun) map[int]int {
	m := map[int]int{}
	var stack []int
	r := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\':
			i++
		case c == '`':
			for r < len(runs) && runs[r].start < i {
				r++
			}
			if r < len(runs) && runs[r].start == i && runs[r].next >= 0 {
				end := runs[runs[r].next]
				i = end.start + end.n - 1
				r = runs[r].next + 1
			}
		case c == open:
			stack = append(stack, i)
		case c == close && len(stack) > 0:
			m[stack[len(stack)-1]] = i
			stack = stack[:len(stack)-1]
		}
	}
	return m
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

func isPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

func isSchemeByte(c byte) bool { return c >= 'a' && c <= 'z' }

func isBoundary(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '(' || c == '[' || c == '>' || c == '"' || c == '\'' || c >= 0x80
}
