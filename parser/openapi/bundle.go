package openapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/apigen-dev/apigen/ir"
)

// Keys that replace what kin-openapi must not see. Renamed, the object
// loads as an extension-only value that the converters turn into raw JSON
// (or leave out), so one bad value costs that value, not the document.
const (
	// refMarker replaces the "$ref" of a reference apigen does not follow:
	// kin-openapi aborts the whole load on one it cannot resolve.
	refMarker = "x-apigen-ref"
	// tupleMarker replaces a draft-4 tuple's "items" list, which fails
	// kin-openapi's decoding of the whole document.
	tupleMarker = "x-apigen-tuple"
)

// unfollowed reports whether ext carries the marker of a reference apigen
// did not follow or of a tuple it does not type.
func unfollowed(ext map[string]any) bool {
	_, ref := ext[refMarker]
	_, tuple := ext[tupleMarker]
	return ref || tuple
}

type actOp uint8

const (
	actRename     actOp = iota // n's member key becomes str
	actSetRef                  // n's "$ref" becomes str
	actInline                  // the member at h becomes tn
	actAdd                     // tn becomes component name of section str
	actSetMapping              // mapping n's member key becomes str ("" drops it)
)

// action is one change the reference walk asks for.
type action struct {
	op   actOp
	d    *document // actRename: the document holding n
	n    *node
	key  string
	str  string
	name string
	h    holder
	tn   *node
	pos  ir.Pos // actAdd: where tn is in its file
}

// maxExpansion bounds how many members path items put in place may add
// (one file may be put at many paths): beyond it, a reference web is
// treated as a bomb, as YAML alias expansion is.
const maxExpansion = 1 << 22

// bundle applies the walk's actions to the root document's source tree,
// which afterwards holds the whole spec with each object's own file and
// positions, and returns the JSON for kin-openapi. A spec that reads no
// other file and needs only keys renamed (the usual case, and the big
// specs') gets its own bytes patched; anything else is decoded, changed
// and written anew.
func (w *refWalk) bundle() ([]byte, error) {
	if w.renamesOnly() {
		return w.patch(), nil
	}
	vals := map[*node]any{}
	before := 0
	for _, d := range w.fs.order {
		dec := json.NewDecoder(bytes.NewReader(d.js))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err != nil {
			return nil, fmt.Errorf("%s: %w", d.path, err)
		}
		pair(d.root, v, vals)
		before += members(d.root, map[*node]int{})
	}
	for _, a := range w.acts {
		w.apply(a, vals)
	}
	if n := members(w.main.root, map[*node]int{}); n > 16*before+maxExpansion {
		return nil, fmt.Errorf("%s: the path items its references put in place add %d members to the %d of its files; apigen stops there", w.main.path, n-before, before)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(vals[w.main.root]); err != nil {
		return nil, fmt.Errorf("%s: %w", w.main.path, err)
	}
	return b.Bytes(), nil
}

func (w *refWalk) renamesOnly() bool {
	for _, a := range w.acts {
		if a.op != actRename || a.d != w.main {
			return false
		}
	}
	return true
}

// patch renames keys in the root document's own JSON bytes.
func (w *refWalk) patch() []byte {
	js := w.main.js
	if len(w.acts) == 0 {
		return js
	}
	type site struct {
		obj   *node
		items bool
	}
	rename := make(map[site]string, len(w.acts))
	for _, a := range w.acts {
		rename[site{a.n, a.key == "items"}] = a.str
	}
	out := make([]byte, 0, len(js)+len(w.acts)*len(tupleMarker))
	last := 0
	for _, s := range w.main.sites { // in document order, so offsets ascend
		to, ok := rename[site{s.obj, s.items}]
		if !ok {
			continue
		}
		out = append(out, js[last:s.keyOff]...)
		out = appendJSONString(out, to)
		last = s.keyEnd
	}
	return append(out, js[last:]...)
}

// pair maps each node of a source tree to its decoded JSON value.
func pair(n *node, v any, vals map[*node]any) {
	vals[n] = v
	switch v := v.(type) {
	case map[string]any:
		if n.array {
			return
		}
		for i := range n.ents {
			if e := &n.ents[i]; e.kid != nil {
				if kv, ok := v[e.key]; ok {
					pair(e.kid, kv, vals)
				}
			}
		}
	case []any:
		if !n.array || len(v) != len(n.ents) {
			return
		}
		for i := range n.ents {
			if kid := n.ents[i].kid; kid != nil {
				pair(kid, v[i], vals)
			}
		}
	}
}

// members counts the members of a source tree, a subtree put in several
// places once per place.
func members(n *node, memo map[*node]int) int {
	if c, ok := memo[n]; ok {
		return c
	}
	memo[n] = 0 // a cycle, which the walk does not make, counts once
	c := len(n.ents)
	for i := range n.ents {
		if kid := n.ents[i].kid; kid != nil {
			c += members(kid, memo)
		}
	}
	memo[n] = c
	return c
}

// apply makes one change to both the source tree and the JSON values.
func (w *refWalk) apply(a action, vals map[*node]any) {
	switch a.op {
	case actRename:
		if m, ok := vals[a.n].(map[string]any); ok {
			if v, ok := m[a.key]; ok {
				delete(m, a.key)
				m[a.str] = v
			}
		}
	case actSetRef:
		if m, ok := vals[a.n].(map[string]any); ok {
			m["$ref"] = a.str
		}
		if e, ok := a.n.lookup("$ref"); ok {
			e.str = kept(a.str)
		}
	case actInline:
		e := &a.h.n.ents[a.h.i]
		switch p := vals[a.h.n].(type) {
		case map[string]any:
			p[e.key] = vals[a.tn]
		case []any:
			p[a.h.i] = vals[a.tn]
		}
		e.kid = a.tn
	case actAdd:
		n, m := w.sectionOf(a.str, vals)
		n.ents = append(n.ents, entry{key: a.name, line: -int32(a.pos.Line), col: int32(a.pos.Col), kid: a.tn})
		n.index = nil
		n.finish()
		m[a.name] = vals[a.tn]
	case actSetMapping:
		if m, ok := vals[a.n].(map[string]any); ok {
			if a.str == "" {
				delete(m, a.key)
			} else {
				m[a.key] = a.str
			}
		}
		if e, ok := a.n.lookup(a.key); ok {
			e.str = kept(a.str)
		}
	}
}

// sectionOf returns the root document's object at section sec
// ("/components/schemas"), made when it is missing.
func (w *refWalk) sectionOf(sec string, vals map[*node]any) (*node, map[string]any) {
	n := w.main.root
	m, _ := vals[n].(map[string]any)
	for _, tok := range strings.Split(sec[1:], "/") {
		e, ok := n.lookup(tok)
		kid, _ := vals[e.kidOrNil()].(map[string]any)
		if !ok || e.kid == nil || e.kid.array || kid == nil {
			path := w.main.path // not &w.main.path, which would keep the document
			made := &node{file: &path}
			kid = map[string]any{}
			vals[made] = kid
			if ok {
				e.kid = made // a null or a scalar where an object belongs
			} else {
				n.ents = append(n.ents, entry{key: tok, line: 1, col: 1, kid: made})
				n.index = nil
				n.finish()
			}
			m[tok] = kid
			n, m = made, kid
			continue
		}
		n, m = e.kid, kid
	}
	return n, m
}

func (e *entry) kidOrNil() *node {
	if e == nil {
		return nil
	}
	return e.kid
}
