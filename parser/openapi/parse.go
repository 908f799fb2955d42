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
}

// Parse reads one OpenAPI 3.x or Swagger 2.0 document (JSON or YAML) into an
// API. file is the path as the user named it; positions use it. Warnings
// (untyped schemas, unfollowed references) come back as diagnostics; a
// document that cannot be read at all comes back as an error, prefixed with
// "file:line:col: " when the position is known.
func Parse(file string, src []byte, opts Options) (*ir.API, []ir.Diagnostic, error) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	root, refs, js, err := readSource(src)
	if err != nil {
		var pe *posError
		if errors.As(err, &pe) {
			return nil, nil, fmt.Errorf("%s: %s", ir.Pos{File: file, Line: pe.line, Col: pe.col}, pe.msg)
		}
		return nil, nil, fmt.Errorf("%s: %w", file, err)
	}
	p := &parser{
		file:   file,
		root:   loc{n: root, pos: ir.Pos{File: file, Line: 1, Col: 1}},
		names:  nameSet{},
		inline: map[*openapi3.Schema]ir.TypeRef{},
		types:  map[string]*ir.Type{},
		active: map[*openapi3.Schema]bool{},
		order:  map[*openapi3.Schema]loc{},
	}
	js, p.diags = checkRefs(file, root, refs, js)
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
// starts the same way; the JSON error is the one reported).
func readSource(src []byte) (*node, []refSite, []byte, error) {
	if t := bytes.TrimLeft(src, " \t\r\n"); len(t) > 0 && t[0] == '{' {
		root, refs, err := scanJSON(src)
		if err == nil {
			return root, refs, src, nil
		}
		if yroot, yrefs, js, yerr := scanYAML(src); yerr == nil {
			return yroot, yrefs, js, nil
		}
		if pe, ok := err.(*posError); ok {
			pe.msg = "invalid JSON: " + pe.msg
		}
		return nil, nil, nil, err
	}
	return scanYAML(src)
}

// load hands the document to kin-openapi. External references are not
// allowed (checkRefs has already turned them into warnings), and
// doc.Validate is deliberately not called: it costs seconds on large specs
// and rejects real ones (CloudTower) that convert fine.
func (p *parser) load(js []byte) (err error) {
	// kin-openapi is not hardened against every malformed input; a panic in
	// it must become an error naming the file, not crash apigen.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: kin-openapi could not load this document: %v", p.file, r)
		}
	}()
	openapiVer, hasOpenAPI := p.root.n.lookup("openapi")
	swaggerVer, hasSwagger := p.root.n.lookup("swagger")
	switch {
	case hasSwagger:
		if swaggerVer.str != "2.0" {
			return fmt.Errorf("%s:%d:%d: swagger version must be the string \"2.0\"", p.file, swaggerVer.line, swaggerVer.col)
		}
		p.v2 = true
		p.doc, err = p.loadV2(js)
	case hasOpenAPI:
		if !strings.HasPrefix(openapiVer.str, "3.") {
			return fmt.Errorf("%s:%d:%d: openapi version %q is not supported (want a quoted string like \"3.0.3\")", p.file, openapiVer.line, openapiVer.col, openapiVer.str)
		}
		loader := openapi3.NewLoader()
		loader.IsExternalRefsAllowed = false
		p.doc, err = loader.LoadFromData(js)
	default:
		return fmt.Errorf("%s:1:1: not an OpenAPI or Swagger document (no top-level \"openapi\" or \"swagger\" key)", p.file)
	}
	if err != nil {
		return fmt.Errorf("%s: %s", p.file, kinMessage(err))
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
