package openapi

import (
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apigen-dev/apigen/ir"
)

// answers fills what the client needs to read an operation's answers:
// the media types of the successful one (for Accept) and the documented
// error answers (typed errors).
func (p *parser) answers(o *ir.Operation, op *openapi3.Operation, at loc) {
	if op.Responses == nil {
		return
	}
	all := op.Responses.Map()
	if r := o.Response; r != nil {
		code := "default"
		if r.Status != 0 {
			code = strconv.Itoa(r.Status)
		}
		if rr := all[code]; rr != nil && rr.Value != nil {
			r.MediaTypes = orderedKeys(rr.Value.Content, at.at("responses", code, "content"))
		}
		if p.v2 {
			// Swagger 2.0's produces applies to every answer, shared
			// $ref ones included, which the conversion loses.
			if pr := p.produces[o.Method+" "+o.Path]; len(pr) > 0 {
				r.MediaTypes = pr
			}
			// An Accept parameter's values say what it may be asked in.
			if ac := p.accepts[o.Method+" "+o.Path]; len(ac) > 0 {
				r.MediaTypes = ac
			}
		}
	}
	codes := orderedKeys(all, at.at("responses"))
	// Exact codes, then classes, then default: the order a status is
	// matched in.
	rank := func(c string) int {
		switch {
		case c == "default":
			return 2
		case strings.HasSuffix(strings.ToUpper(c), "XX"):
			return 1
		}
		return 0
	}
	slices.SortStableFunc(codes, func(a, b string) int { return rank(a) - rank(b) })
	for _, code := range codes {
		isErr := code == "default" || len(code) == 3 && (code[0] == '4' || code[0] == '5')
		rr := all[code]
		if !isErr || rr == nil || rr.Value == nil || o.Response != nil && o.Response.Status == 0 && code == "default" {
			continue // default as the only success answer is not an error
		}
		if code == "default" && extBool(rr.Value.Extensions, "x-apigen-undocumented") {
			continue // an export's stand-in for "no answer documented"
		}
		e := &ir.ErrorResponse{Code: strings.ToUpper(code)}
		if code == "default" {
			e.Code = code
		}
		if rr.Value.Description != nil {
			e.Description = *rr.Value.Description
		}
		rat := at.at("responses", code)
		base := join(o.Name, "Error", code)
		if rr.Ref != "" {
			rat = p.refLoc(rr.Ref)
			if strings.HasPrefix(rr.Ref, "#/components/responses/") {
				base = join(lastToken(rr.Ref), "Response")
			}
		}
		if ct, mt, mtAt := pickContent(rr.Value.Content, rat.at("content")); ct != "" && !unfollowed(rr.Value.Extensions) {
			if p.v2 {
				mtAt = rat
			}
			e.ContentType = ct
			t := p.payload(ct, mt, base, mtAt.at("schema"))
			e.Type = &t
		}
		o.Errors = append(o.Errors, e)
	}
}

// recordProducesV2 keeps each Swagger 2.0 operation's produces (its own,
// else the document's), by "METHOD /path", for answers; and gives a
// successful answer without a schema a binary one when the operation
// produces something other than JSON (an archive download), so the
// client returns the body instead of dropping it.
func (p *parser) recordProducesV2(d2 *openapi2.T, path, method string, op *openapi2.Operation) {
	produces := op.Produces
	if len(produces) == 0 {
		produces = d2.Produces
	}
	if len(produces) == 0 {
		return
	}
	if p.produces == nil {
		p.produces = map[string][]string{}
	}
	p.produces[strings.ToUpper(method)+" "+path] = produces
	if slices.ContainsFunc(produces, isJSON) {
		return
	}
	if op.Responses == nil {
		return
	}
	for code, r := range op.Responses.Map() {
		if n, err := strconv.Atoi(code); err == nil && n >= 200 && n < 300 && r != nil && r.Ref == "" && r.Schema == nil && n != 204 {
			r.Schema = &openapi2.SchemaRef{Value: &openapi2.Schema{Type: &openapi3.Types{"string"}, Format: "binary"}}
		}
	}
}
