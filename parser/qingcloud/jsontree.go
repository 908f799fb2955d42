package qingcloud

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
)

// jnode is a JSON value that keeps what encoding/json into maps loses: the
// order of object keys (fields keep document order in the IR) and the byte
// offset of every key and value (diagnostics and IR positions need lines).
type jnode struct {
	kind  byte // 'o' object, 'a' array, 's' string, 'n' number, 'b' bool, 'z' null
	keys  []string
	koffs []int // offset of each key's opening quote
	vals  []*jnode
	elems []*jnode
	str   string // string value, or a number's literal text
	bool  bool   // bool value
	off   int    // offset of the value's first byte
}

// get returns the value of key k of an object, nil if absent or not an object.
func (n *jnode) get(k string) *jnode {
	if n == nil || n.kind != 'o' {
		return nil
	}
	for i, key := range n.keys {
		if key == k {
			return n.vals[i]
		}
	}
	return nil
}

// keyOff returns the offset of key k's quote in an object, or the object's own.
func (n *jnode) keyOff(k string) int {
	for i, key := range n.keys {
		if key == k {
			return n.koffs[i]
		}
	}
	return n.off
}

// text returns a string value, "" for anything else.
func (n *jnode) text() string {
	if n == nil || n.kind != 's' {
		return ""
	}
	return n.str
}

// literal renders a scalar as a JSON literal ("1", "\"a\"", "true"); "" for
// null, objects and arrays.
func (n *jnode) literal() string {
	switch n.kind {
	case 's':
		b, _ := json.Marshal(n.str)
		return string(b)
	case 'n':
		return n.str
	case 'b':
		if n.bool {
			return "true"
		}
		return "false"
	}
	return ""
}

// parseJSON reads src into a jnode tree. Errors carry the byte offset.
func parseJSON(src []byte) (*jnode, error) {
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	p := &jparser{dec: dec, src: src}
	n, err := p.value()
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &jsonError{off: int(dec.InputOffset()), msg: "trailing data after JSON value"}
	}
	return n, nil
}

type jsonError struct {
	off int
	msg string
}

func (e *jsonError) Error() string { return e.msg }

// jsonErrorOffset returns where a parseJSON error happened, best effort.
func jsonErrorOffset(err error) int {
	var je *jsonError
	if errors.As(err, &je) {
		return je.off
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return int(se.Offset)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return int(te.Offset)
	}
	return 0
}

type jparser struct {
	dec *json.Decoder
	src []byte
}

// start returns the offset of the next token: the decoder's offset is just
// past the previous one, before any separator and whitespace.
func (p *jparser) start() int {
	off := int(p.dec.InputOffset())
	for off < len(p.src) {
		switch p.src[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
			continue
		}
		break
	}
	return off
}

func (p *jparser) value() (*jnode, error) {
	off := p.start()
	tok, err := p.dec.Token()
	if err != nil {
		if err == io.EOF {
			return nil, &jsonError{off: off, msg: "unexpected end of JSON"}
		}
		return nil, &jsonError{off: errOffset(err, off), msg: err.Error()}
	}
	return p.fromToken(tok, off)
}

func (p *jparser) fromToken(tok json.Token, off int) (*jnode, error) {
	n := &jnode{off: off}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n.kind = 'o'
			for p.dec.More() {
				koff := p.start()
				kt, err := p.dec.Token()
				if err != nil {
					return nil, &jsonError{off: errOffset(err, koff), msg: err.Error()}
				}
				k, ok := kt.(string)
				if !ok {
					return nil, &jsonError{off: koff, msg: "object key is not a string"}
				}
				v, err := p.value()
				if err != nil {
					return nil, err
				}
				n.keys = append(n.keys, k)
				n.koffs = append(n.koffs, koff)
				n.vals = append(n.vals, v)
			}
		case '[':
			n.kind = 'a'
			for p.dec.More() {
				v, err := p.value()
				if err != nil {
					return nil, err
				}
				n.elems = append(n.elems, v)
			}
		default:
			return nil, &jsonError{off: off, msg: fmt.Sprintf("unexpected %q", t)}
		}
		if _, err := p.dec.Token(); err != nil { // the closing delimiter
			return nil, &jsonError{off: errOffset(err, p.start()), msg: err.Error()}
		}
	case string:
		n.kind, n.str = 's', t
	case json.Number:
		n.kind, n.str = 'n', t.String()
	case bool:
		n.kind, n.bool = 'b', t
	case nil:
		n.kind = 'z'
	}
	return n, nil
}

// lineIndex turns byte offsets of one text into 1-based lines and columns.
type lineIndex []int // offset of each line's first byte

func newLineIndex(src []byte) lineIndex {
	idx := lineIndex{0}
	for i, c := range src {
		if c == '\n' {
			idx = append(idx, i+1)
		}
	}
	return idx
}

func (x lineIndex) lineCol(off int) (line, col int) {
	i := sort.Search(len(x), func(i int) bool { return x[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	return i + 1, off - x[i] + 1
}

// errOffset prefers the decoder's own idea of where a syntax error is (it
// points just past the offending byte) over the token start we computed.
func errOffset(err error, def int) int {
	var se *json.SyntaxError
	if errors.As(err, &se) && se.Offset > 0 {
		return int(se.Offset) - 1
	}
	return def
}
