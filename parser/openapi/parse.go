package openapi

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apigen-dev/apigen/ir"
)

// Options tune Parse.
type Options struct {
	// Family overrides detection ("" = detect: CloudTower specs →
	// ir.FamilyCloudTower, else ir.FamilyOpenAPI).
	Family ir.Family
	// Tree is the directory references to other files may not leave (""
	// is the directory of the spec): the directory the user named, or the
	// spec's own.
	Tree string
	// ReadFile reads a file a reference names; nil reads it as inputs are
	// read (a regular file, at most 64 MiB, read only after checking).
	ReadFile func(path string) ([]byte, error)
	// AllowPartial accepts a spec whose operations cannot all be read (a path
	// item's reference that cannot be followed): they are left out with a
	// warning, where by default that is an error.
	AllowPartial bool
}

// Parse reads one OpenAPI 3.x or Swagger 2.0 document (JSON or YAML) into an
// API, with the files its references name. file is the path as the user
// named it; positions use it, and the other files' paths as joined to its
// directory. Warnings (untyped schemas, unfollowed references) come back as
// diagnostics; a document that cannot be read at all comes back as an
// error, prefixed with "file:line:col: ".
func Parse(file string, src []byte, opts Options) (*ir.API, []ir.Diagnostic, error) {
	main, err := readDocument(file, src)
	if err != nil {
		var pe *posError
		if errors.As(err, &pe) {
			return nil, nil, fmt.Errorf("%s: %s", ir.Pos{File: file, Line: pe.line, Col: pe.col}, pe.msg)
		}
		return nil, nil, fmt.Errorf("%s: %w", file, err)
	}
	p := &parser{
		file:   file,
		root:   loc{n: main.root, pos: ir.Pos{File: file, Line: 1, Col: 1}},
		names:  nameSet{},
		inline: map[*openapi3.Schema]ir.TypeRef{},
		types:  map[string]*ir.Type{},
		active: map[*openapi3.Schema]bool{},
		order:  map[*openapi3.Schema]loc{},
	}
	if err := p.version(); err != nil {
		return nil, nil, err
	}
	w := scanRefs(main, newFiles(main, opts.Tree, opts.ReadFile), p.v2, opts.AllowPartial)
	p.diags = w.diags
	js, err := w.bundle()
	if err != nil {
		return nil, nil, err
	}
	if err := p.load(js); err != nil {
		return nil, nil, err
	}
	p.build(opts)
	p.api.Sort()
	diags := sortedDiags(p.diags)
	return p.api, diags, nil
}

// readSource parses src as JSON when it starts with '{', else as YAML (a JSON
// document with a syntax error is tried as YAML too, since YAML flow style
// starts the same way; the JSON error is the one reported). file names the
// document in the tree's nodes.
func readSource(file string, src []byte) (*node, []keySite, []byte, error) {
	if t := bytes.TrimLeft(src, " \t\r\n"); len(t) > 0 && t[0] == '{' {
		root, sites, err := scanJSON(file, src)
		if err == nil {
			return root, sites, src, nil
		}
		if yroot, ysites, js, yerr := scanYAML(file, src); yerr == nil {
			return yroot, ysites, js, nil
		}
		if pe, ok := err.(*posError); ok {
			pe.msg = "invalid JSON: " + pe.msg
		}
		return nil, nil, nil, err
	}
	return scanYAML(file, src)
}

// version checks the document's version field and notes Swagger 2.0.
func (p *parser) version() error {
	openapiVer, hasOpenAPI := p.root.n.lookup("openapi")
	swaggerVer, hasSwagger := p.root.n.lookup("swagger")
	switch {
	case hasSwagger:
		if swaggerVer.text() != "2.0" {
			return fmt.Errorf("%s:%d:%d: swagger version must be the string \"2.0\"", p.file, swaggerVer.line, swaggerVer.col)
		}
		p.v2 = true
	case hasOpenAPI:
		if !strings.HasPrefix(openapiVer.text(), "3.") {
			return fmt.Errorf("%s:%d:%d: openapi version %q is not supported (want a quoted string like \"3.0.3\")", p.file, openapiVer.line, openapiVer.col, openapiVer.text())
		}
	default:
		return fmt.Errorf("%s:1:1: not an OpenAPI or Swagger document (no top-level \"openapi\" or \"swagger\" key)", p.file)
	}
	return nil
}

// load hands the document to kin-openapi. External references are not
// allowed (the reference walk has bundled the spec into one document), and
// doc.Validate is deliberately not called: it costs seconds on large specs
// and rejects real ones (CloudTower) that convert fine.
func (p *parser) load(js []byte) (err error) {
	// kin-openapi is not hardened against every malformed input; a panic in
	// it must become an error naming the file, not crash apigen.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s:1:1: kin-openapi could not load this document: %v", p.file, r)
		}
	}()
	if p.v2 {
		p.doc, err = p.loadV2(js)
	} else {
		loader := openapi3.NewLoader()
		loader.IsExternalRefsAllowed = false
		if doc, refs, ok := decodeKin(js); ok {
			// What LoadFromData does after decoding.
			linkSchemaRefs(doc, refs)
			if err = loader.ResolveRefsIn(doc, nil); err == nil {
				p.doc = doc
			}
		} else {
			p.doc, err = loader.LoadFromData(js)
		}
	}
	if err != nil {
		if pos, msg, ok := p.kinPos(js); ok {
			return fmt.Errorf("%s: %s", pos, msg)
		}
		// Not a decoding failure: the whole document is where it is.
		return fmt.Errorf("%s:1:1: %s", p.file, kinMessage(err))
	}
	return nil
}

// kinMessage trims what kin-openapi wraps around a decoding error: it tries
// JSON then YAML and reports both, but it is always given JSON here.
func kinMessage(err error) string {
	msg := err.Error()
	if rest, ok := strings.CutPrefix(msg, "failed to unmarshal data: json error: "); ok {
		msg, _, _ = strings.Cut(rest, ", yaml error: ")
	}
	return strings.TrimPrefix(msg, "json: ")
}

// sortedDiags orders diagnostics by position and drops exact repeats (a
// YAML alias repeats the warnings of the subtree it copies).
func sortedDiags(ds []ir.Diagnostic) []ir.Diagnostic {
	ir.SortDiagnostics(ds)
	return slices.Compact(ds)
}
