package openapi

import (
	"strings"

	"github.com/apigen-dev/apigen/ir"
)

// refMarker replaces the "$ref" key of a reference apigen does not follow.
// kin-openapi aborts the whole load on one external or dangling reference;
// renamed, the object loads as an extension-only value that the converters
// below turn into raw JSON, so one bad reference costs one raw value and a
// warning, not the document.
const refMarker = "x-apigen-ref"

// checkRefs finds references that point to another file or URL, or nowhere
// in this document, warns about each and renames them in js (a copy is
// returned when anything changes).
func checkRefs(file string, root *node, refs []refSite, js []byte) ([]byte, []ir.Diagnostic) {
	var bad []refSite
	var diags []ir.Diagnostic
	top := loc{n: root, pos: ir.Pos{File: file, Line: 1, Col: 1}}
	for _, r := range refs {
		if r.literal {
			continue
		}
		pos := ir.Pos{File: file, Line: int(r.line), Col: int(r.col)}
		switch {
		case !strings.HasPrefix(r.ref, "#"):
			diags = append(diags, ir.Warnf(pos, "external-ref", "$ref %q points to another document, which apigen does not read; a schema there is kept as raw JSON, a parameter left out", r.ref))
		default:
			if _, ok := pointer(top, r.ref); ok {
				continue
			}
			diags = append(diags, ir.Warnf(pos, "dangling-ref", "$ref %q points to nothing in this document; a schema there is kept as raw JSON, a parameter left out", r.ref))
		}
		bad = append(bad, r)
	}
	if len(bad) == 0 {
		return js, diags
	}
	out := make([]byte, 0, len(js)+len(bad)*len(refMarker))
	last := 0
	for _, r := range bad { // sites are in document order, so offsets ascend
		out = append(out, js[last:r.keyOff]...)
		out = append(out, '"')
		out = append(out, refMarker...)
		out = append(out, '"')
		last = r.keyEnd
	}
	return append(out, js[last:]...), diags
}

// unfollowed reports whether ext carries the marker of a reference apigen
// did not follow.
func unfollowed(ext map[string]any) bool {
	_, ok := ext[refMarker]
	return ok
}
