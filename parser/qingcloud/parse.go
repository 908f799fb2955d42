package qingcloud

import (
	"bytes"
	"cmp"
	"path/filepath"
	"slices"
	"strings"

	"github.com/apigen-dev/apigen/ir"
)

// Parse reads one action page (Markdown or AsciiDoc) or one QingCloud
// swagger file. A swagger file read alone cannot follow $refs into its
// siblings: those are reported and typed as raw JSON; use ParseFiles.
func Parse(file string, src []byte) (*ir.API, []ir.Diagnostic, error) {
	if isJSON(file, src) {
		set := &specSet{}
		f, err := set.load(file, src)
		if err != nil {
			return nil, nil, err
		}
		api, diags := set.parseSpec(f)
		return finish(api, diags)
	}
	api, diags, err := parsePage(file, src)
	if err != nil {
		return nil, nil, err
	}
	return finish(api, diags)
}

// ParseFiles reads many inputs of one API, given by path with the bytes
// already read, into one. Spec files are loaded together first so their
// $refs resolve across the set; then every input is parsed and the results
// merged (see fuse). Inputs are taken in a fixed order — pages before specs,
// each by path — so the result does not depend on the order of the map.
func ParseFiles(srcs map[string][]byte) (*ir.API, []ir.Diagnostic, error) {
	type input struct {
		file string
		src  []byte
		spec bool
	}
	var inputs []input
	for f, src := range srcs {
		inputs = append(inputs, input{file: f, src: src, spec: isJSON(f, src)})
	}
	slices.SortStableFunc(inputs, func(a, b input) int {
		if a.spec != b.spec {
			if a.spec {
				return 1
			}
			return -1
		}
		return cmp.Compare(specKey(a.file), specKey(b.file))
	})
	inputs = slices.CompactFunc(inputs, func(a, b input) bool { return specKey(a.file) == specKey(b.file) })

	set := &specSet{}
	specs := map[string]*specFile{}
	for _, in := range inputs {
		if !in.spec {
			continue
		}
		f, err := set.load(in.file, in.src)
		if err != nil {
			return nil, nil, err
		}
		specs[in.file] = f
	}

	var parsed []source
	var diags []ir.Diagnostic
	for _, in := range inputs {
		var api *ir.API
		var ds []ir.Diagnostic
		if in.spec {
			api, ds = set.parseSpec(specs[in.file])
		} else {
			var err error
			if api, ds, err = parsePage(in.file, in.src); err != nil {
				return nil, nil, err
			}
		}
		diags = append(diags, ds...)
		parsed = append(parsed, source{api: api, spec: in.spec})
	}
	api, ds := fuse(parsed)
	diags = append(diags, ds...)
	return finish(api, diags)
}

// finish checks references, sorts once and orders diagnostics.
func finish(api *ir.API, diags []ir.Diagnostic) (*ir.API, []ir.Diagnostic, error) {
	api.Family = ir.FamilyQingCloud
	// QingCloud servers write numbers as strings now and then (ret_code
	// "0"), so what is decoded from them is tolerant.
	api.Tolerant = true
	markTransportFills(api)
	if api.Operations == nil {
		api.Operations = []*ir.Operation{}
	}
	if api.Types == nil {
		api.Types = []*ir.Type{}
	}
	diags = append(diags, checkRefs(api)...)
	api.Sort()
	// One spec can name two operations alike (an operationId repeated, a
	// key written twice); the first in sorted order is kept, as ir.Merge
	// does across inputs.
	ops := api.Operations[:0]
	for _, op := range api.Operations {
		if n := len(ops); n > 0 && ops[n-1].Name == op.Name {
			diags = append(diags, ir.Warnf(op.Pos, "duplicate-operation", "operation %q is also defined at %s; keeping that one", op.Name, ops[n-1].Pos))
			continue
		}
		ops = append(ops, op)
	}
	api.Operations = ops
	ir.SortDiagnostics(diags)
	return api, diags, nil
}

// markTransportFills marks the zone parameter of every action as one the
// transport fills: a Transport is built with a zone (parameters.md makes
// zone a common parameter), and sends it when the call has none.
func markTransportFills(api *ir.API) {
	for _, op := range api.Operations {
		for _, p := range op.Params {
			if p.Name == "zone" && p.In != ir.InPath {
				p.TransportFills = true
			}
		}
	}
}

// isJSON tells spec files from pages: by extension, else by a leading brace.
func isJSON(file string, src []byte) bool {
	switch strings.ToLower(filepath.Ext(file)) {
	case ".json":
		return true
	case ".md", ".markdown", ".adoc", ".asciidoc", ".asc", ".html", ".htm":
		return false
	}
	t := bytes.TrimLeft(src, " \t\r\n\uFEFF")
	return len(t) > 0 && t[0] == '{'
}
