package openapi

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/apigen-dev/apigen/ir"
)

// node is one JSON object or array of the source document with the position
// and, for objects, the key of each member in document order. kin-openapi
// keeps neither (its Properties are Go maps, and its origin tracking costs as
// much as the load itself on YAML and does nothing for JSON), so the parser
// builds this light tree once and consults it for positions and field order.
// Scalars are not nodes: only their position, and a few string values the
// parser needs ($ref, name, in), are kept.
//
// A spec has a node per hundred bytes and an entry per thirty, and the tree
// is live through the whole parse, beside kin-openapi's model: both are kept
// small (an entry of 40 bytes, a node of 48) for generate's peak memory.
type node struct {
	array bool
	ents  []entry
	// file is the document the node was read from: a multi-file spec
	// grafts other files' nodes into the root document's tree, and each
	// keeps its own file for positions. One string per document, shared.
	file *string
	// index speeds up key lookups in big objects (components, paths).
	index map[string]int
}

// entry is one member of a node.
type entry struct {
	key string // object key; "" for array items
	// line and col are where the key (objects) or the item (arrays)
	// starts. A negative line marks a member added to another file's
	// object (a component pulled in from a referenced file): its position
	// is -line:col in the file of kid.
	line, col int32
	kid       *node   // nil for scalars
	str       *string // scalar string value, when kept (see text)
}

// text is the scalar string value kept for e, "" when none is.
func (e *entry) text() string {
	if e.str == nil {
		return ""
	}
	return *e.str
}

// kept wraps a scalar string value for entry.str: nil for "", which is
// what most members hold.
func kept(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// fileOf is the document n was read from, "" when unknown.
func (n *node) fileOf() string {
	if n == nil || n.file == nil {
		return ""
	}
	return *n.file
}

// indexAbove is the size from which an object gets a lookup map.
const indexAbove = 16

// finish indexes a big object once its members are all read.
func (n *node) finish() {
	if !n.array && len(n.ents) > indexAbove {
		n.index = make(map[string]int, len(n.ents))
		for i := len(n.ents) - 1; i >= 0; i-- {
			n.index[n.ents[i].key] = i
		}
	}
}

// lookup returns the member with key k (an index for arrays).
func (n *node) lookup(k string) (*entry, bool) {
	if n == nil {
		return nil, false
	}
	if n.array {
		i, err := strconv.Atoi(k)
		if err != nil || i < 0 || i >= len(n.ents) {
			return nil, false
		}
		return &n.ents[i], true
	}
	if n.index != nil {
		i, ok := n.index[k]
		if !ok {
			return nil, false
		}
		return &n.ents[i], true
	}
	for i := range n.ents {
		if n.ents[i].key == k {
			return &n.ents[i], true
		}
	}
	return nil, false
}

// str returns the string value kept for key k.
func (n *node) str(k string) string {
	if e, ok := n.lookup(k); ok {
		return e.text()
	}
	return ""
}

// loc is a place in the source document: the node there (nil for scalars and
// places the source does not have) and the position of the nearest place the
// source does have, so a lookup that goes astray still points close by.
type loc struct {
	n   *node
	pos ir.Pos
}

// at descends by object keys or array indexes.
func (l loc) at(keys ...string) loc {
	for _, k := range keys {
		e, ok := l.n.lookup(k)
		if !ok {
			return loc{pos: l.pos}
		}
		l = l.member(e)
	}
	return l
}

// member is the place of entry e of l.n.
func (l loc) member(e *entry) loc {
	file := l.pos.File
	if f := l.n.fileOf(); f != "" {
		file = f
	}
	if e.line < 0 && e.kid != nil {
		return loc{n: e.kid, pos: ir.Pos{File: e.kid.fileOf(), Line: int(-e.line), Col: int(e.col)}}
	}
	return loc{n: e.kid, pos: ir.Pos{File: file, Line: int(e.line), Col: int(e.col)}}
}

// idx descends into an array item.
func (l loc) idx(i int) loc { return l.at(strconv.Itoa(i)) }

// pointer resolves a local JSON reference ("#/components/schemas/Pet") from
// root; ok is false when the document has no such place.
func pointer(root loc, ref string) (loc, bool) {
	frag, ok := strings.CutPrefix(ref, "#")
	if !ok {
		return loc{}, false
	}
	if frag == "" {
		return root, true
	}
	if frag[0] != '/' {
		return loc{}, false
	}
	l := root
	for _, tok := range strings.Split(frag[1:], "/") {
		tok = unescapeToken(tok)
		e, ok := l.n.lookup(tok)
		if !ok {
			return loc{}, false
		}
		l = l.member(e)
	}
	return l, true
}

// unescapeToken decodes one JSON pointer token of a URI fragment: percent
// escapes first, then ~1 and ~0 (RFC 6901).
func unescapeToken(tok string) string {
	if strings.Contains(tok, "%") {
		if u, err := url.PathUnescape(tok); err == nil {
			tok = u
		}
	}
	if strings.Contains(tok, "~") {
		tok = strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
	}
	return tok
}

// orderedKeys returns the keys of m in the order the source gives them at l;
// keys the source does not show (none in a well-formed document) follow,
// sorted, so the order is deterministic in any case.
func orderedKeys[V any](m map[string]V, l loc) []string {
	out := make([]string, 0, len(m))
	seen := make(map[string]bool, len(m))
	if l.n != nil && !l.n.array {
		for _, e := range l.n.ents {
			if _, ok := m[e.key]; ok && !seen[e.key] {
				seen[e.key] = true
				out = append(out, e.key)
			}
		}
	}
	if len(out) == len(m) {
		return out
	}
	var rest []string
	for k := range m {
		if !seen[k] {
			rest = append(rest, k)
		}
	}
	slices.Sort(rest)
	return append(out, rest...)
}

// keySite is a member of the source whose key the parser may rename in the
// JSON bytes it hands kin-openapi: a "$ref" it does not follow, or the
// "items" list of a draft-4 tuple, which kin-openapi cannot decode.
type keySite struct {
	obj *node // the object holding the member
	// keyOff and keyEnd delimit the quoted key in the JSON bytes.
	keyOff, keyEnd int
	items          bool // the key is "items", else "$ref"
}

// renamable reports whether member k (with source node kid and kept string
// str) is one a keySite records.
func renamable(k string, kid *node, str string) bool {
	switch k {
	case "$ref":
		return kid == nil && str != ""
	case "items":
		return kid != nil && kid.array
	}
	return false
}

// keptString reports whether a scalar string under key k is kept in the
// tree. (So are the values of a discriminator's mapping, which are
// references; YAML keeps every string.)
func keptString(k string) bool {
	switch k {
	case "$ref", "name", "in", "openapi", "swagger":
		return true
	}
	return false
}
