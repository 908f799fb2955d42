package openapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"unicode/utf8"
)

// posError is a syntax error at a line and column (0 when unknown) of the
// input.
type posError struct {
	line, col int
	msg       string
}

func (e *posError) Error() string { return fmt.Sprintf("%d:%d: %s", e.line, e.col, e.msg) }

// maxDepth bounds nesting so hostile input cannot exhaust the stack, nor
// kin-openapi's schema decoding, which re-reads each nested schema's bytes
// once per level (2000 nested schemas, a JSON depth of 4000, take it 7 s).
// The corpus's deepest document nests under 40 levels.
const maxDepth = 1000

// jsonScanner builds the source tree of a JSON document in one pass over its
// bytes. It checks the syntax as strictly as encoding/json does, so kin-openapi
// later sees only well-formed JSON and every syntax error gets a position.
type jsonScanner struct {
	b         []byte
	i         int
	line      int
	lineStart int
	depth     int
	file      *string // shared by every node, see node.file
	sites     []keySite
	// keys holds each object key once: a spec repeats a few thousand keys
	// a hundred thousand times.
	keys map[string]string
	// stack holds the members of the objects and arrays being read, so
	// each gets a slice of its exact size.
	stack []entry
}

// members moves the entries from mark up off the stack.
func (s *jsonScanner) members(mark int) []entry {
	var ents []entry
	if len(s.stack) > mark {
		ents = slices.Clone(s.stack[mark:])
	}
	s.stack = s.stack[:mark]
	return ents
}

// scanJSON builds the source tree of a JSON document whose top is an
// object, and lists its "$ref" and tuple "items" members.
func scanJSON(file string, b []byte) (*node, []keySite, error) {
	s := &jsonScanner{b: b, line: 1, file: &file, keys: map[string]string{}}
	s.ws()
	if s.i >= len(b) || b[s.i] != '{' {
		return nil, nil, s.errf("expected a JSON object")
	}
	root, _, err := s.value(false, "")
	if err != nil {
		return nil, nil, err
	}
	s.ws()
	if s.i < len(b) {
		return nil, nil, s.errf("unexpected %s after the document", s.what())
	}
	return root, s.sites, nil
}

func (s *jsonScanner) errf(format string, args ...any) error {
	return &posError{line: s.line, col: s.i - s.lineStart + 1, msg: fmt.Sprintf(format, args...)}
}

func (s *jsonScanner) what() string {
	if s.i >= len(s.b) {
		return "end of input"
	}
	r, _ := utf8.DecodeRune(s.b[s.i:])
	return fmt.Sprintf("%q", r)
}

func (s *jsonScanner) ws() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\r':
			s.i++
		case '\n':
			s.i++
			s.line++
			s.lineStart = s.i
		default:
			return
		}
	}
}

// value scans one value. It returns the node of an object or array, and the
// decoded text of a string when keep is set. key is the key the value sits
// under.
func (s *jsonScanner) value(keep bool, key string) (*node, string, error) {
	if s.i >= len(s.b) {
		return nil, "", s.errf("unexpected end of input")
	}
	switch c := s.b[s.i]; {
	case c == '{':
		n, err := s.object(key)
		return n, "", err
	case c == '[':
		n, err := s.array()
		return n, "", err
	case c == '"':
		str, err := s.str(keep)
		return nil, str, err
	case c == '-' || c >= '0' && c <= '9':
		return nil, "", s.number()
	case c == 't':
		return nil, "", s.lit("true")
	case c == 'f':
		return nil, "", s.lit("false")
	case c == 'n':
		return nil, "", s.lit("null")
	}
	return nil, "", s.errf("unexpected %s looking for a value", s.what())
}

func (s *jsonScanner) enter() error {
	s.depth++
	if s.depth > maxDepth {
		return s.errf("nesting deeper than %d", maxDepth)
	}
	return nil
}

func (s *jsonScanner) object(parentKey string) (*node, error) {
	if err := s.enter(); err != nil {
		return nil, err
	}
	s.i++ // {
	n := &node{file: s.file}
	mark := len(s.stack)
	s.ws()
	if s.i < len(s.b) && s.b[s.i] == '}' {
		s.i++
		s.depth--
		return n, nil
	}
	for {
		s.ws()
		if s.i >= len(s.b) || s.b[s.i] != '"' {
			return nil, s.errf("unexpected %s looking for an object key", s.what())
		}
		line, col, keyOff := int32(s.line), int32(s.i-s.lineStart+1), s.i
		k, err := s.key()
		if err != nil {
			return nil, err
		}
		keyEnd := s.i
		s.ws()
		if s.i >= len(s.b) || s.b[s.i] != ':' {
			return nil, s.errf("unexpected %s after object key", s.what())
		}
		s.i++
		s.ws()
		kid, str, err := s.value(keptString(k) || parentKey == "mapping", k)
		if err != nil {
			return nil, err
		}
		if renamable(k, kid, str) {
			s.sites = append(s.sites, keySite{obj: n, keyOff: keyOff, keyEnd: keyEnd, items: k == "items"})
		}
		s.stack = append(s.stack, entry{key: k, line: line, col: col, kid: kid, str: kept(str)})
		s.ws()
		if s.i < len(s.b) && s.b[s.i] == ',' {
			s.i++
			continue
		}
		if s.i < len(s.b) && s.b[s.i] == '}' {
			s.i++
			break
		}
		return nil, s.errf("unexpected %s after object member (missing comma or '}')", s.what())
	}
	s.depth--
	n.ents = s.members(mark)
	n.finish()
	return n, nil
}

func (s *jsonScanner) array() (*node, error) {
	if err := s.enter(); err != nil {
		return nil, err
	}
	s.i++ // [
	n := &node{array: true, file: s.file}
	mark := len(s.stack)
	s.ws()
	if s.i < len(s.b) && s.b[s.i] == ']' {
		s.i++
		s.depth--
		return n, nil
	}
	for {
		s.ws()
		line, col := int32(s.line), int32(s.i-s.lineStart+1)
		kid, _, err := s.value(false, "")
		if err != nil {
			return nil, err
		}
		s.stack = append(s.stack, entry{line: line, col: col, kid: kid})
		s.ws()
		if s.i < len(s.b) && s.b[s.i] == ',' {
			s.i++
			continue
		}
		if s.i < len(s.b) && s.b[s.i] == ']' {
			s.i++
			break
		}
		return nil, s.errf("unexpected %s after array item (missing comma or ']')", s.what())
	}
	s.depth--
	n.ents = s.members(mark)
	return n, nil
}

// key scans an object key.
func (s *jsonScanner) key() (string, error) {
	start := s.i
	if _, err := s.str(false); err != nil {
		return "", err
	}
	raw := s.b[start+1 : s.i-1]
	if bytes.IndexByte(raw, '\\') >= 0 {
		s.i = start
		return s.str(true)
	}
	if k, ok := s.keys[string(raw)]; ok {
		return k, nil
	}
	k := string(raw)
	s.keys[k] = k
	return k, nil
}

// str scans a string starting at its opening quote, decoding it when keep.
func (s *jsonScanner) str(keep bool) (string, error) {
	start := s.i
	s.i++
	escaped := false
	for s.i < len(s.b) {
		c := s.b[s.i]
		switch {
		case c == '"':
			s.i++
			if !keep {
				return "", nil
			}
			if !escaped {
				return string(s.b[start+1 : s.i-1]), nil
			}
			var out string
			if err := json.Unmarshal(s.b[start:s.i], &out); err != nil {
				s.i = start
				return "", s.errf("invalid string: %v", err)
			}
			return out, nil
		case c == '\\':
			escaped = true
			if s.i+1 >= len(s.b) {
				s.i++
				return "", s.errf("unterminated string")
			}
			switch s.b[s.i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				s.i += 2
			case 'u':
				if s.i+6 > len(s.b) || !isHex4(s.b[s.i+2:s.i+6]) {
					return "", s.errf("invalid \\u escape in string")
				}
				s.i += 6
			default:
				return "", s.errf("invalid escape \\%c in string", s.b[s.i+1])
			}
		case c < 0x20:
			return "", s.errf("control character %q in string", rune(c))
		default:
			s.i++
		}
	}
	return "", s.errf("unterminated string")
}

func isHex4(b []byte) bool {
	for _, c := range b {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// number checks the JSON number grammar: -?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?
func (s *jsonScanner) number() error {
	b := s.b
	if s.i < len(b) && b[s.i] == '-' {
		s.i++
	}
	digits := func() int {
		n := 0
		for s.i < len(b) && b[s.i] >= '0' && b[s.i] <= '9' {
			s.i++
			n++
		}
		return n
	}
	switch {
	case s.i < len(b) && b[s.i] == '0':
		s.i++
	case digits() == 0:
		return s.errf("invalid number")
	}
	if s.i < len(b) && b[s.i] == '.' {
		s.i++
		if digits() == 0 {
			return s.errf("invalid number: no digits after '.'")
		}
	}
	if s.i < len(b) && (b[s.i] == 'e' || b[s.i] == 'E') {
		s.i++
		if s.i < len(b) && (b[s.i] == '+' || b[s.i] == '-') {
			s.i++
		}
		if digits() == 0 {
			return s.errf("invalid number: no digits in exponent")
		}
	}
	return nil
}

func (s *jsonScanner) lit(word string) error {
	if len(s.b)-s.i < len(word) || string(s.b[s.i:s.i+len(word)]) != word {
		return s.errf("unexpected %s looking for a value", s.what())
	}
	s.i += len(word)
	return nil
}
