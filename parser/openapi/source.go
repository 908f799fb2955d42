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
type node struct {
	array bool
	ents  []entry
	// index speeds up key lookups in big objects (components, paths).
	index map[string]int
}

// entry is one member of a node.
type entry struct {
	key       string // object key; "" for array items
	line, col int32  // where the key (objects) or the item (arrays) starts
	kid       *node  // nil for scalars
	str       string // scalar string value, when kept
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
		return e.str
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
		l = loc{n: e.kid, pos: ir.Pos{File: l.pos.File, Line: int(e.line), Col: int(e.col)}}
	}
	return l
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
		l = loc{n: e.kid, pos: ir.Pos{File: l.pos.File, Line: int(e.line), Col: int(e.col)}}
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

// refSite is one "$ref" member of the source, with where its key sits in the
// JSON bytes handed to kin-openapi, so an unusable reference can be renamed.
type refSite struct {
	ref       string
	line, col int32
	// keyOff and keyEnd delimit the quoted key `"$ref"` in the JSON bytes.
	keyOff, keyEnd int
	// literal is true inside examples, defaults, enums and extensions, where
	// "$ref" is data (GitHub's SCIM examples), not a reference.
	literal bool
}

// literalKey reports whether the value under key k is data rather than
// OpenAPI structure, unless k names a property (parentKey "properties").
func literalKey(k, parentKey string) bool {
	if parentKey == "properties" || parentKey == "patternProperties" {
		return false
	}
	switch k {
	case "example", "examples", "default", "enum", "const", "value":
		return true
	}
	return strings.HasPrefix(k, "x-")
}

// keptString reports whether a scalar string under key k is kept in the tree.
func keptString(k string) bool {
	switch k {
	case "$ref", "name", "in", "openapi", "swagger":
		return true
	}
	return false
}
