package qingcloud

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"

	"github.com/apigen-dev/apigen/ir"
)

// QingCloud's specs are one root (api_v2.0.json: swagger, host, basePath,
// paths that $ref "./instance.json#/RunInstances") and fragments: files of
// actions keyed by name, definitions.json and parameters.json. Fragments
// write "#/definitions/instance" and "#/parameters/zone" meaning the root's,
// which in turn $refs definitions.json and parameters.json. A specSet holds
// every spec file of one ParseFiles call so those references resolve across
// files, whatever order the files came in.

// specKind is what one spec file holds.
type specKind int

const (
	specUnknown specKind = iota
	specRoot             // has "swagger"
	specOps              // action name → path item
	specDefs             // definition name → schema
	specParams           // parameter name → parameter
)

type specFile struct {
	file string // as the caller named it, for positions
	key  string // cleaned, slash-separated, for $ref lookups
	src  []byte
	doc  *jnode
	idx  lineIndex
	kind specKind
}

// pos places a byte offset of the file.
func (f *specFile) pos(off int) ir.Pos {
	l, c := f.idx.lineCol(off)
	return ir.Pos{File: f.file, Line: l, Col: c}
}

type specSet struct {
	files []*specFile
}

func specKey(file string) string { return filepath.ToSlash(filepath.Clean(file)) }

// load parses one spec file into the set.
func (s *specSet) load(file string, src []byte) (*specFile, error) {
	doc, err := parseJSON(src)
	f := &specFile{file: file, key: specKey(file), src: src, idx: newLineIndex(src)}
	if err != nil {
		return nil, fmt.Errorf("%s: invalid JSON: %v", f.pos(jsonErrorOffset(err)), err)
	}
	if doc.kind != 'o' {
		return nil, fmt.Errorf("%s: spec is not a JSON object", f.pos(doc.off))
	}
	f.doc = doc
	f.kind = kindOf(doc)
	s.files = append(s.files, f)
	return f, nil
}

var httpMethods = []string{"get", "put", "post", "delete", "options", "head", "patch"}

// kindOf tells the files apart by their top-level values.
func kindOf(doc *jnode) specKind {
	if doc.get("swagger") != nil {
		return specRoot
	}
	var ops, params, defs int
	for _, v := range doc.vals {
		switch {
		case v.kind != 'o':
		case hasAny(v, httpMethods...):
			ops++
		case v.get("in") != nil && v.get("name") != nil:
			params++
		case hasAny(v, "type", "properties", "$ref", "items", "allOf", "enum"):
			defs++
		}
	}
	switch {
	case ops > 0 && ops >= params && ops >= defs:
		return specOps
	case params > 0 && params >= defs:
		return specParams
	case defs > 0:
		return specDefs
	}
	return specUnknown
}

func hasAny(n *jnode, keys ...string) bool {
	for _, k := range keys {
		if n.get(k) != nil {
			return true
		}
	}
	return false
}

// lookup finds a loaded file by cleaned path.
func (s *specSet) lookup(key string) *specFile {
	for _, f := range s.files {
		if f.key == key {
			return f
		}
	}
	return nil
}

// rootFor returns the root spec beside f (f itself if it is one).
func (s *specSet) rootFor(f *specFile) *specFile {
	if f.kind == specRoot {
		return f
	}
	dir := path.Dir(f.key)
	for _, g := range s.files {
		if g.kind == specRoot && path.Dir(g.key) == dir {
			return g
		}
	}
	return nil
}

// resolve follows ref from file f to the node it names, through further
// $refs. A fragment's local "#/parameters/x" goes to the root beside it, or
// failing that to a parameters (definitions) file beside it.
func (s *specSet) resolve(f *specFile, ref string) (*specFile, *jnode, error) {
	for range 16 {
		file, ptr, _ := strings.Cut(ref, "#")
		target := f
		if file != "" {
			key := path.Join(path.Dir(f.key), filepath.ToSlash(file))
			if target = s.lookup(key); target == nil {
				return nil, nil, fmt.Errorf("%s is not among the inputs", file)
			}
		}
		segs := pointer(ptr)
		if file == "" && len(segs) > 0 && target.doc.get(segs[0]) == nil && target.kind != specRoot {
			target = s.fallback(target, segs)
			if target == nil {
				return nil, nil, fmt.Errorf("no root spec or %s file beside %s to resolve %q", segs[0], path.Base(f.key), ref)
			}
			if target.kind != specRoot {
				segs = segs[1:]
			}
		}
		n := target.doc
		for _, seg := range segs {
			if n = n.get(seg); n == nil {
				return nil, nil, fmt.Errorf("%q not found", ref)
			}
		}
		next := n.get("$ref").text()
		if next == "" {
			return target, n, nil
		}
		f, ref = target, next
	}
	return nil, nil, fmt.Errorf("%q: $ref chain too long", ref)
}

// fallback finds where a fragment's root-relative pointer lives.
func (s *specSet) fallback(f *specFile, segs []string) *specFile {
	if root := s.rootFor(f); root != nil {
		return root
	}
	want := map[string]specKind{"parameters": specParams, "definitions": specDefs}[segs[0]]
	if want == specUnknown || len(segs) < 2 {
		return nil
	}
	dir := path.Dir(f.key)
	for _, g := range s.files {
		if g.kind == want && path.Dir(g.key) == dir && g.doc.get(segs[1]) != nil {
			return g
		}
	}
	return nil
}

// pointer splits a JSON pointer ("/definitions/a~1b") into unescaped segments.
func pointer(p string) []string {
	p = strings.TrimPrefix(p, "/")
	if p == "" {
		return nil
	}
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = strings.ReplaceAll(strings.ReplaceAll(s, "~1", "/"), "~0", "~")
	}
	return segs
}

// refTypeName names the type a schema $ref points at: its last segment,
// CamelCase, the same name the definition gets where it is declared.
func refTypeName(ref string) string {
	_, ptr, _ := strings.Cut(ref, "#")
	segs := pointer(ptr)
	if len(segs) == 0 {
		return ""
	}
	return camel(segs[len(segs)-1])
}
