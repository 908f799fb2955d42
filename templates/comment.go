package templates

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"
)

// commentWidth is where comment text wraps, not counting the "// ".
const commentWidth = 96

// textLines turns input text (a description, a summary, an enum value) into
// lines safe for // comments: every kind of line break splits, control and
// format characters that could end a comment, hide text (bidi overrides) or
// break the Go scanner (NUL, a BOM) are dropped, invalid UTF-8 is removed,
// runs of blank lines collapse, and long lines wrap.
func textLines(text string) []string {
	text = strings.ToValidUTF8(text, "")
	var b strings.Builder
	b.Grow(len(text))
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		switch {
		case r == '\r':
			if i < len(text) && text[i] == '\n' {
				i++
			}
			b.WriteByte('\n')
		case r == '\n', r == '\f', r == '\v', r == '\u0085', r == '\u2028', r == '\u2029':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			// Cf holds the bidi overrides, zero-width joiners and the BOM.
		default:
			b.WriteRune(r)
		}
	}
	var out []string
	var para strings.Builder // prose lines joined, wrapped as one
	flush := func() {
		if para.Len() > 0 {
			out = append(out, wrapLine(para.String(), commentWidth)...)
			para.Reset()
		}
	}
	blank := true // drops leading blank lines
	for _, line := range strings.Split(b.String(), "\n") {
		line = strings.TrimRightFunc(line, unicode.IsSpace)
		if line == "" {
			flush()
			if !blank {
				out = append(out, "")
			}
			blank = true
			continue
		}
		blank = false
		if !prose(line) {
			flush()
			out = append(out, wrapLine(line, commentWidth)...)
			continue
		}
		if para.Len() > 0 && softBreak(para.String(), line) {
			// The source wrapped here: rejoining keeps the wrap from
			// leaving stubs ("describes\n// the call as an\n// …").
			para.WriteByte(' ')
		} else {
			flush()
		}
		para.WriteString(line)
	}
	flush()
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// softBreak reports whether the break between prose lines prev and next
// is only where the source wrapped: prev does not end a sentence or a
// clause, and both sides are ASCII (a break in CJK text, which is not
// wrapped by hand, or after a table cell's clause, separates statements).
func softBreak(prev, next string) bool {
	r, _ := utf8.DecodeLastRuneInString(prev)
	return r < utf8.RuneSelf && !strings.ContainsRune(".!?:;", r) && next[0] < utf8.RuneSelf
}

// prose reports whether a line may continue a paragraph: not indented (code,
// a nested list), not a list item, table row, heading or quote, whose line
// breaks are part of their meaning.
func prose(line string) bool {
	switch line[0] {
	case ' ', '|', '#', '>', '`':
		return false
	case '-', '*', '+':
		return len(line) > 1 && line[1] != ' '
	}
	if strings.HasPrefix(line, "• ") {
		return false
	}
	// "1. item", "2) item"
	i := 0
	for i < len(line) && '0' <= line[i] && line[i] <= '9' {
		i++
	}
	return !(i > 0 && i+1 < len(line) && (line[i] == '.' || line[i] == ')') && line[i+1] == ' ')
}

// neutralise keeps a doc line from reading as a build constraint: in the
// package comment, "// +build" could otherwise constrain the file.
func neutralise(line string) string {
	t := strings.TrimSpace(line)
	if strings.HasPrefix(t, "+build") || strings.HasPrefix(t, "go:build") {
		return "(" + t + ")"
	}
	return line
}

// wrapLine breaks a line at spaces so no piece is wider than width runes,
// keeping the line's indentation on continuation lines. A word longer than
// width stays whole (URLs must stay clickable) unless it is non-ASCII text
// such as Chinese, which has no spaces and is split anywhere; once what is
// left of such a word is plain ASCII, that rest stays whole too. Every
// piece is neutralised, since a cut can put "+build" at a line's start.
// Time is linear in the line: rune counts are kept, never recounted.
func wrapLine(line string, width int) []string {
	if utf8.RuneCountInString(line) <= width {
		return []string{neutralise(line)}
	}
	indent := line[:len(line)-len(strings.TrimLeft(line, " "))]
	// At most half the width, so a split word always has room (a wider
	// indent would leave none, and the split would never end).
	indent = indent[:min(len(indent), width/2)]
	var out []string
	var cur strings.Builder
	cur.WriteString(indent)
	curLen := len(indent)
	emit := func() {
		if s := cur.String(); strings.TrimSpace(s) != "" {
			out = append(out, neutralise(s))
		}
		cur.Reset()
		cur.WriteString(indent)
		curLen = len(indent)
	}
	for _, w := range strings.Fields(line) {
		wl := utf8.RuneCountInString(w)
		if curLen > len(indent) && curLen+1+wl > width {
			emit()
		}
		// The word may be split while non-ASCII bytes remain in it.
		lastWide := lastNonASCII(w)
		for curLen+wl > width && lastWide >= 0 {
			// Fill the current line, then carry on with the rest.
			room := width - curLen
			if curLen > len(indent) {
				room--
			}
			if room <= 0 {
				emit()
				continue
			}
			head, tail := splitRunes(w, room)
			if curLen > len(indent) {
				cur.WriteByte(' ')
			}
			cur.WriteString(head)
			curLen = width
			emit()
			w, wl, lastWide = tail, wl-room, lastWide-len(head)
		}
		if curLen > len(indent) {
			cur.WriteByte(' ')
			curLen++
		}
		cur.WriteString(w)
		curLen += wl
	}
	emit()
	return out
}

func splitRunes(s string, n int) (string, string) {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i], s[i:]
}

// lastNonASCII is the index of the last byte of s outside ASCII, or -1.
func lastNonASCII(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] >= utf8.RuneSelf {
			return i
		}
	}
	return -1
}

// doc collects comment lines for one declaration or field. Every line is
// rendered as "// text" through jen.Comment with the "//" already in place,
// which jennifer writes verbatim: it never builds a /* */ block, so no input
// can close the comment.
type doc struct {
	lines []string
}

// add appends text as lines.
func (d *doc) add(text string) {
	d.lines = append(d.lines, textLines(text)...)
}

// addf appends one line built by the emitter around input text, which is
// sanitised as a whole.
func (d *doc) addf(parts ...string) {
	d.add(strings.Join(parts, ""))
}

// para starts a new paragraph if there is text already.
func (d *doc) para() {
	if len(d.lines) > 0 && d.lines[len(d.lines)-1] != "" {
		d.lines = append(d.lines, "")
	}
}

// lead starts the doc comment with the Go name, as Go doc comments do:
// "Pet: <first line of text>", or fallback when text is empty.
func (d *doc) lead(name, text, fallback string) {
	lines := textLines(text)
	if len(lines) == 0 {
		d.add(fallback)
		return
	}
	first := wrapLine(name+": "+lines[0], commentWidth)
	d.lines = append(d.lines, first...)
	d.lines = append(d.lines, lines[1:]...)
}

// deprecated ends the comment with a Deprecated paragraph, which tools
// such as gopls and staticcheck recognise.
func (d *doc) deprecated(what string) {
	d.para()
	d.lines = append(d.lines, "Deprecated: the API documents this "+what+" as deprecated.")
}

// code returns the comment lines as jennifer statements.
func (d *doc) code() []jen.Code {
	lines := d.lines
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	out := make([]jen.Code, len(lines))
	for i, l := range lines {
		if l == "" {
			out[i] = jen.Comment("//")
		} else {
			out[i] = jen.Comment("// " + l)
		}
	}
	return out
}

// len is the number of lines code will return, for file size estimates.
func (d *doc) len() int { return len(d.lines) }
