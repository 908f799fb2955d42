package openapi

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/apigen-dev/apigen/ir"
)

// holder is the place of an object in its parent: member i of n.
type holder struct {
	n *node
	i int
}

// walkKey is an object walked as one kind.
type walkKey struct {
	n *node
	k kind
}

// refWalk follows every reference of a spec by the document model
// (model.go), reading the files references name, and lists the actions
// (bundle.go) that turn the spec into one self-contained document for
// kin-openapi, as if bundled by hand: a path item from another file is put
// in place, any other object from another file becomes a component of the
// root document (under the name it has there, or its file's name), and a
// reference that cannot be followed is renamed away with a warning, so it
// costs one value and never the document.
type refWalk struct {
	fs      *files
	main    *document
	v2      bool
	partial bool
	acts    []action
	diags   []ir.Diagnostic
	// comps names the component each object of another file became, by
	// section, file and fragment.
	comps map[string]string
	// taken holds the names in use in each section.
	taken map[string]map[string]bool
	// defs are the root document's components that are references to
	// another file: the object is put in their place.
	defs     map[*node]bool
	walked   map[walkKey]bool
	inlining map[*node]bool // path items being put in place, against cycles
	paths    *node          // the root document's paths
}

// errDangling marks a reference to a place its document does not have.
var errDangling = errors.New("it points to nothing in this document")

func scanRefs(main *document, fs *files, v2, partial bool) *refWalk {
	w := &refWalk{
		fs: fs, main: main, v2: v2, partial: partial,
		comps: map[string]string{}, taken: map[string]map[string]bool{}, defs: map[*node]bool{},
		walked: map[walkKey]bool{}, inlining: map[*node]bool{},
	}
	if e, ok := main.root.lookup("paths"); ok {
		w.paths = e.kid
	}
	w.declare()
	w.object(main, main.root, kRoot, holder{})
	return w
}

// sections lists where components are declared, in a fixed order.
func sections(v2 bool) []string {
	if v2 {
		return []string{"/definitions", "/parameters", "/responses"}
	}
	var out []string
	for name, k := range sectionKind {
		if section(k, false) != "" {
			out = append(out, "/components/"+name)
		}
	}
	slices.Sort(out)
	return out
}

// declare reserves the names of the root document's components, and
// records those that are references to another file (User: {$ref:
// schemas/User.yaml}) as the component that file's object becomes.
func (w *refWalk) declare() {
	for _, sec := range sections(w.v2) {
		names := map[string]bool{}
		w.taken[sec] = names
		l, ok := pointer(loc{n: w.main.root}, "#"+sec)
		if !ok || l.n == nil || l.n.array {
			continue
		}
		for _, e := range l.n.ents {
			names[e.key] = true
		}
		for _, e := range l.n.ents {
			ref := e.kid.str("$ref")
			file, frag := splitRef(ref)
			if file == "" {
				continue
			}
			d, err := w.fs.open(w.main, file)
			if err != nil || d == w.main {
				continue
			}
			key := compKey(sec, d, frag)
			if _, ok := w.comps[key]; !ok {
				w.comps[key] = e.key
				w.defs[e.kid] = true
			}
		}
	}
}

func compKey(sec string, d *document, frag string) string {
	return sec + "\x00" + d.path + frag
}

// object walks an object of kind k of document d.
func (w *refWalk) object(d *document, n *node, k kind, h holder) {
	if n == nil || n.array {
		return
	}
	if k == kDiscriminator {
		if e, ok := n.lookup("mapping"); ok && e.kid != nil && !e.kid.array {
			w.mapping(d, e.kid)
		}
		return
	}
	if refable(k) {
		if e, ok := n.lookup("$ref"); ok && e.kid == nil && e.str != nil {
			w.ref(d, n, e, k, h)
		}
	}
	for i := range n.ents {
		e := &n.ents[i]
		if e.kid == nil {
			continue
		}
		s := child(k, e.key, w.v2)
		switch {
		case s.k == kNone:
		case k == kSchema && e.key == "items" && e.kid.array:
			w.tuple(d, n, e)
		case s.m == one:
			w.object(d, e.kid, s.k, holder{n, i})
		case s.m == mapOf && !e.kid.array:
			for j := range e.kid.ents {
				if !isExtension(e.kid.ents[j].key) {
					w.object(d, e.kid.ents[j].kid, s.k, holder{e.kid, j})
				}
			}
		case s.m == listOf && e.kid.array:
			for j := range e.kid.ents {
				w.object(d, e.kid.ents[j].kid, s.k, holder{e.kid, j})
			}
		}
	}
}

// once walks an object of another file the first time it is met as kind
// k. (An object that is itself a reference is walked at each place, since
// following it acts on that place.)
func (w *refWalk) once(d *document, n *node, k kind, h holder) {
	key := walkKey{n, k}
	if w.walked[key] && !n.has("$ref") {
		return
	}
	w.walked[key] = true
	w.object(d, n, k, h)
}

func posOf(d *document, e *entry) ir.Pos {
	return ir.Pos{File: d.path, Line: int(e.line), Col: int(e.col)}
}

// refTarget is the object a reference points to.
type refTarget struct {
	doc  *document
	frag string // "#/components/schemas/Pet"; "#" for the whole file
	node *node
	pos  ir.Pos
}

// target finds what ref, written in document d, points to.
func (w *refWalk) target(d *document, ref string) (refTarget, error) {
	file, frag := splitRef(ref)
	td := d
	if file != "" {
		var err error
		if td, err = w.fs.open(d, file); err != nil {
			return refTarget{}, err
		}
	}
	l, ok := pointer(loc{n: td.root, pos: ir.Pos{File: td.path, Line: 1, Col: 1}}, frag)
	switch {
	case !ok && td == d:
		return refTarget{}, errDangling
	case !ok:
		return refTarget{}, fmt.Errorf("it points to nothing in %s: %w", td.path, errDangling)
	case td != w.main && (l.n == nil || l.n.array):
		return refTarget{}, fmt.Errorf("it points to a value in %s that is not an object", td.path)
	}
	return refTarget{doc: td, frag: frag, node: l.n, pos: l.pos}, nil
}

// ref follows the reference e of object n, of kind k, held at h.
func (w *refWalk) ref(d *document, n *node, e *entry, k kind, h holder) {
	t, err := w.target(d, e.text())
	switch {
	case err != nil:
		w.lose(d, n, k, h, posOf(d, e), e.text(), err)
	case t.doc == w.main && d == w.main:
		// Within the root document: kin-openapi follows it.
	case t.doc == w.main:
		w.do(action{op: actSetRef, n: n, str: t.frag})
	case section(k, w.v2) == "" || w.defs[n]:
		if w.inlining[t.node] {
			w.lose(d, n, k, h, posOf(d, e), e.text(), errors.New("it leads back to the object that holds it"))
			return
		}
		w.do(action{op: actInline, h: h, tn: t.node})
		w.inlining[t.node] = true
		w.once(t.doc, t.node, k, h)
		delete(w.inlining, t.node)
	default:
		sec := section(k, w.v2)
		w.do(action{op: actSetRef, n: n, str: "#" + sec + "/" + escapeToken(w.component(sec, k, t))})
	}
}

// component returns the name of the component an object of another file
// becomes, adding it the first time.
func (w *refWalk) component(sec string, k kind, t refTarget) string {
	key := compKey(sec, t.doc, t.frag)
	if name, ok := w.comps[key]; ok {
		return name
	}
	name := w.newName(sec, componentBase(t))
	w.comps[key] = name
	w.do(action{op: actAdd, str: sec, name: name, tn: t.node, pos: t.pos})
	w.once(t.doc, t.node, k, holder{})
	return name
}

// componentBase is the name an object of another file would have in a
// hand-made bundle: the last token of its fragment, or the file's name
// without extension ("schemas/Pet.yaml" → "Pet"), in the characters
// component names allow.
func componentBase(t refTarget) string {
	base := ""
	if i := strings.LastIndexByte(t.frag, '/'); i >= 0 {
		base = unescapeToken(t.frag[i+1:])
	}
	if base == "" {
		base = filepath.Base(t.doc.path)
		base = strings.TrimSuffix(base, filepath.Ext(base))
	}
	base = strings.Map(func(r rune) rune {
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '.' || r == '-' || r == '_' {
			return r
		}
		return '_'
	}, base)
	if base == "" {
		base = "Component"
	}
	return base
}

// newName is base, or base with the first number that makes it unused.
func (w *refWalk) newName(sec, base string) string {
	taken := w.taken[sec]
	if taken == nil {
		taken = map[string]bool{}
		w.taken[sec] = taken
	}
	name := base
	for i := 2; taken[name]; i++ {
		name = base + strconv.Itoa(i)
	}
	taken[name] = true
	return name
}

// escapeToken writes a component name as a JSON pointer token.
func escapeToken(s string) string {
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

// lose renames a reference that cannot be followed and says what is lost.
// A path item of the root document's paths loses operations: an error,
// unless partial output is allowed.
func (w *refWalk) lose(d *document, n *node, k kind, h holder, pos ir.Pos, ref string, why error) {
	w.do(action{op: actRename, d: d, n: n, key: "$ref", str: refMarker})
	code := "external-ref"
	if errors.Is(why, errDangling) {
		code = "dangling-ref"
	}
	msg := fmt.Sprintf("$ref %q is not followed: %v; %s", ref, why, lostWhat(k, h, w.paths))
	if k == kPathItem && h.n != nil && h.n == w.paths && !w.partial {
		w.diags = append(w.diags, ir.Errorf(pos, code, "%s (--allow-partial, or allowPartial: true in apigen.yaml, generates the rest without them)", msg))
		return
	}
	w.diags = append(w.diags, ir.Warnf(pos, code, "%s", msg))
}

// lostWhat says what becomes of an object that is not read.
func lostWhat(k kind, h holder, paths *node) string {
	switch k {
	case kPathItem:
		if h.n != nil && h.n == paths {
			return fmt.Sprintf("path %q and its operations are left out", h.n.ents[h.i].key)
		}
	case kSchema, kRequestBody, kResponse:
		return "the " + what[k] + " is kept as raw JSON"
	}
	return "the " + what[k] + " is left out"
}

// tuple renames a draft-4 tuple's "items" (a list of schemas, which
// kin-openapi cannot decode and so would fail the whole document): the
// schema becomes raw JSON.
func (w *refWalk) tuple(d *document, n *node, e *entry) {
	w.do(action{op: actRename, d: d, n: n, key: "items", str: tupleMarker})
	w.diags = append(w.diags, ir.Warnf(posOf(d, e), "untyped-schema",
		"schema has a list of schemas under \"items\" (a draft-4 tuple, which OpenAPI does not allow; 3.1 writes prefixItems); the schema is kept as raw JSON"))
}

// mapping follows the references among a discriminator's mapping values
// (plain schema names are not references).
func (w *refWalk) mapping(d *document, m *node) {
	for i := range m.ents {
		e := &m.ents[i]
		v := e.text()
		file, _ := splitRef(v)
		if e.kid != nil || !strings.Contains(v, "/") || file == "" && d == w.main {
			// kin-openapi resolves only mappings with a "/", and leaves the
			// root document's own to the reader.
			continue
		}
		t, err := w.target(d, v)
		switch {
		case err != nil:
			w.do(action{op: actSetMapping, n: m, key: e.key})
			code := "external-ref"
			if errors.Is(err, errDangling) {
				code = "dangling-ref"
			}
			w.diags = append(w.diags, ir.Warnf(posOf(d, e), code, "discriminator mapping %q: %q is not followed: %v; the mapping is left out", e.key, v, err))
		case t.doc == w.main:
			w.do(action{op: actSetMapping, n: m, key: e.key, str: t.frag})
		default:
			sec := section(kSchema, w.v2)
			w.do(action{op: actSetMapping, n: m, key: e.key, str: "#" + sec + "/" + escapeToken(w.component(sec, kSchema, t))})
		}
	}
}

func (w *refWalk) do(a action) { w.acts = append(w.acts, a) }
