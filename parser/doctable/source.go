package doctable

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// source is one input with its line table, so that every reader turns byte
// offsets into the same line:col and hands out the same repaired strings.
type source struct {
	file     string
	src      []byte
	starts   []int // byte offset of each line's first byte
	bom      int   // length of a leading UTF-8 byte order mark, skipped
	sanitize bool  // src is not valid UTF-8; strings handed out are repaired
}

func newSource(file string, src []byte) *source {
	s := &source{file: file, src: src, sanitize: !utf8.Valid(src)}
	if bytes.HasPrefix(src, []byte("\uFEFF")) {
		s.bom = 3
	}
	s.starts = make([]int, 1, bytes.Count(src, []byte{'\n'})+1)
	for off := 0; ; {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			break
		}
		off += i + 1
		s.starts = append(s.starts, off)
	}
	return s
}

// numLines counts lines as editors do: a final newline opens an empty last line.
func (s *source) numLines() int { return len(s.starts) }

// line returns line i (0-based) without its "\n" or "\r\n".
func (s *source) line(i int) []byte {
	start := s.starts[i]
	end := len(s.src)
	if i+1 < len(s.starts) {
		end = s.starts[i+1] - 1
	}
	if i == 0 {
		start += s.bom
	}
	if end > start && s.src[end-1] == '\r' {
		end--
	}
	if end < start {
		end = start
	}
	return s.src[start:end]
}

// pos gives the position of byte col0 (0-based) of line i as line() returns it.
func (s *source) pos(i, col0 int) Pos {
	if i == 0 {
		col0 += s.bom
	}
	return Pos{File: s.file, Line: i + 1, Col: col0 + 1}
}

// posAt turns a byte offset into a position, for readers that work on offsets.
func (s *source) posAt(off int) Pos {
	if off < 0 {
		off = 0
	}
	if off > len(s.src) {
		off = len(s.src)
	}
	i := sort.Search(len(s.starts), func(i int) bool { return s.starts[i] > off }) - 1
	return Pos{File: s.file, Line: i + 1, Col: off - s.starts[i] + 1}
}

// str copies b into a string, repairing invalid UTF-8 so that callers which
// generate Go source from cell text never see broken encodings.
func (s *source) str(b []byte) string {
	if s.sanitize {
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	return string(b)
}

// clean repairs a string that came from src by another route, such as
// goquery's text, when src is not valid UTF-8.
func (s *source) clean(str string) string {
	if s.sanitize {
		return strings.ToValidUTF8(str, "\uFFFD")
	}
	return str
}

// checkBinary rejects input that is no text document at all, the way git
// decides: a NUL byte near the start.
func checkBinary(file string, src []byte) error {
	head := src
	if len(head) > 8000 {
		head = head[:8000]
	}
	if i := bytes.IndexByte(head, 0); i >= 0 {
		return fmt.Errorf("%s: binary content (NUL byte at offset %d), not a document", file, i)
	}
	return nil
}

// indent splits off leading spaces and tabs, counting a tab as up to the next
// multiple of four columns as CommonMark does.
func indent(line []byte) (width int, rest []byte) {
	i := 0
	for ; i < len(line); i++ {
		switch line[i] {
		case ' ':
			width++
		case '\t':
			width += 4 - width%4
		default:
			return width, line[i:]
		}
	}
	return width, line[i:]
}

func isBlank(line []byte) bool {
	for _, c := range line {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}
