package zstack

import (
	"regexp"
	"slices"
	"strings"

	"github.com/apigen-dev/apigen/ir"
)

// location is what the 位置 column says.
type location int

const (
	locUnknown location = iota
	locURL
	locQuery
	locBody
	locHeader
)

// paramRow is one parameter-table row with its 位置 read.
type paramRow struct {
	row
	place   location
	wrapper string // from body(包含在X结构中)
	// oddLoc is set when the 位置 cell was not a location at all; the
	// parameter's place is then inferred from the method.
	oddLoc bool
}

var (
	wrapperZhRe = regexp.MustCompile(`包含在\s*([A-Za-z_][A-Za-z0-9_]*)\s*结构`)
	identWordRe = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*`)
)

// englishWords are the words of "body (included in the params structure)"
// that are not the wrapper.
var englishWords = map[string]bool{"body": true, "in": true, "the": true, "included": true, "contained": true, "within": true, "inside": true, "structure": true, "struct": true, "of": true, "object": true, "field": true, "wrapped": true, "key": true}

// readLocation reads a 位置 cell: url, query, header, body, or
// "body(包含在X结构中)" / "body (in the X structure)" naming the wrapper.
func readLocation(cell string) (location, string, bool) {
	s := strings.TrimSpace(cell)
	low := strings.ToLower(s)
	switch {
	case low == "url" || low == "path":
		return locURL, "", true
	case low == "query" || low == "querystring":
		return locQuery, "", true
	case low == "header" || low == "headers":
		return locHeader, "", true
	case strings.HasPrefix(low, "body"):
		if m := wrapperZhRe.FindStringSubmatch(s); m != nil {
			return locBody, m[1], true
		}
		if i := strings.IndexAny(s, "(（"); i >= 0 {
			for _, w := range identWordRe.FindAllString(s[i:], -1) {
				if !englishWords[strings.ToLower(w)] {
					return locBody, w, true
				}
			}
		}
		return locBody, "", true
	}
	// "**updateSNSHttpEndpoint**": the scrape lost "body(包含在…结构中)"
	// around the wrapper name.
	if isIdent(s) && !strings.Contains(s, ".") && s[0] >= 'a' && s[0] <= 'z' {
		return locBody, s, false
	}
	return locUnknown, "", false
}

// paramRows reads every parameter table of a section; a row that cannot be
// read is a warning, and a name given twice keeps its first row.
func paramRows(f *facts, diags *[]ir.Diagnostic) []paramRow {
	var out []paramRow
	seen := map[string]bool{}
	for _, ta := range f.params {
		for _, r := range ta.t.Rows {
			rw, why, ok := readRow(ta.l, r)
			if !ok {
				*diags = append(*diags, ir.Warnf(ir.Pos(r.Pos), "malformed-row", "parameter row %s; skipped", why))
				continue
			}
			if !isIdent(rw.name) {
				*diags = append(*diags, ir.Warnf(rw.pos, "malformed-row", "parameter name %q is not an identifier; row skipped", rw.name))
				continue
			}
			if seen[rw.name] {
				*diags = append(*diags, ir.Warnf(rw.pos, "duplicate-param", "parameter %q is listed twice; keeping the first row", rw.name))
				continue
			}
			seen[rw.name] = true
			loc, wrapper, clean := readLocation(rw.loc)
			out = append(out, paramRow{row: rw, place: loc, wrapper: wrapper, oddLoc: !clean})
		}
	}
	return out
}

// params places each parameter. A name that appears as {name} in the path
// travels there whatever the 位置 column says; GET and DELETE carry
// everything else in the query string (the manual writes "body" for
// DELETE's deleteMode, which ZStack reads from the query); POST and PUT put
// it inside the body wrapper, except the tag lists, which sit beside it.
func params(op *ir.Operation, rows []paramRow, primary endpoint, body map[string]any, diags *[]ir.Diagnostic) []*ir.Param {
	inPath := map[string]bool{}
	for _, p := range pathParams(primary.Path) {
		inPath[p] = true
	}
	noBody := op.Method == "GET" || op.Method == "DELETE"
	majority := majorityWrapper(rows)
	var out []*ir.Param
	for _, r := range rows {
		p := &ir.Param{
			Name: r.name, Required: !r.optional, Since: r.since,
			Description: r.desc, Pos: r.pos,
		}
		switch {
		case inPath[r.name]:
			p.In, p.Required = ir.InPath, true
		case r.place == locHeader:
			p.In = ir.InHeader
		case noBody || r.place == locQuery || r.place == locURL:
			p.In = ir.InQuery
		case isTagParam(r.name) && r.place == locBody && r.wrapper == "":
			p.In = ir.InBody
		default:
			p.In, p.Wrapper = ir.InBody, op.BodyKey
			switch {
			case r.place == locUnknown || r.oddLoc:
			case r.wrapper == "" && !isTagParam(r.name):
				*diags = append(*diags, ir.Warnf(r.pos, "wrapper-assumed", "body parameter %q names no wrapper; sent inside %q, where ZStack reads parameters", r.name, op.BodyKey))
			case r.wrapper != op.BodyKey && r.wrapper != majority:
				// Rows that follow the table's own wrapper were reported
				// once, as a body-key-mismatch.
				*diags = append(*diags, ir.Warnf(r.pos, "wrapper-mismatch", "parameter %q is said to sit in %q, the other parameters in %q; using %q", r.name, r.wrapper, op.BodyKey, op.BodyKey))
			}
		}
		if (r.place == locUnknown || r.oddLoc) && p.In != ir.InPath {
			*diags = append(*diags, ir.Warnf(r.pos, "bad-location", "parameter %q has location %q; sent %s", r.name, r.loc, where(p)))
		}
		p.Type = paramType(op, r, p, body, diags)
		p.Enum = enumValues(r, p, diags)
		out = append(out, p)
	}
	out = addPathParams(op, out, primary, diags)
	return out
}

// paramType reads the 类型 column; a list's element type comes from the
// Body example when it has one, else string, which is what the manual's
// untyped lists (UUID lists, systemTags) hold.
func paramType(op *ir.Operation, r paramRow, p *ir.Param, body map[string]any, diags *[]ir.Diagnostic) ir.TypeRef {
	ref, class := classify(r.typ)
	var ex any
	if p.In == ir.InBody {
		if p.Wrapper != "" {
			ex = child(body[p.Wrapper], r.name)
		} else {
			ex = body[r.name]
		}
	}
	switch class {
	case classList:
		if e, ok := listElem(ex); ok {
			return ir.ListOf(e)
		}
		return ir.ListOf(ir.Prim(ir.KindString, ""))
	case classMap:
		return ir.MapOf(ir.Prim(ir.KindAny, ""))
	case classUnknown:
		if t, ok := exampleType(ex); ok {
			*diags = append(*diags, ir.Warnf(r.pos, "unknown-type", "parameter %q has type %q; typed %s from the Body example", r.name, r.typ, t))
			return t
		}
		*diags = append(*diags, ir.Warnf(r.pos, "unknown-type", "parameter %q has type %q; typed as string", r.name, r.typ))
		return ir.Prim(ir.KindString, "")
	}
	return ref
}

// enumRe accepts the value words the 可选值 column holds; prose there
// ("1~10", Chinese) is left in the description rather than enforced.
var enumRe = regexp.MustCompile(`^[A-Za-z0-9_.:/+\-=@]+$`)

// enumValues reads the 可选值 column. Prose there is what a shifted row
// left (the description one column right) when the description is empty,
// and a note after the values ("… 说明: …") is cut off.
func enumValues(r paramRow, p *ir.Param, diags *[]ir.Diagnostic) []string {
	t := p.Type
	cell := r.enum
	if i := strings.Index(cell, "说明"); i > 0 {
		cell = cell[:i]
	}
	vals := splitEnum(cell)
	if len(vals) == 0 {
		return nil
	}
	if p.Description == "" && !slices.ContainsFunc(vals, enumRe.MatchString) {
		p.Description = r.enum
		return nil
	}
	kind := t.Kind
	switch {
	case kind == ir.KindBoolean:
		return nil // "true false" says nothing a bool does not
	case kind == ir.KindList || kind == ir.KindMap:
		// An enum of a list's items is not a value of the list: the IR's
		// Enum holds values of the parameter itself. Keep it as prose.
		p.Description = strings.TrimSpace(p.Description + " 可选值: " + strings.Join(vals, " "))
		return nil
	}
	var out []string
	for _, v := range vals {
		lit, ok := literal(v, kind)
		if !ok || !enumRe.MatchString(v) {
			*diags = append(*diags, ir.Warnf(r.pos, "unreadable-enum", "parameter %q: allowed values %q are not a list of %s values; not enforced", r.name, r.enum, kind))
			return nil
		}
		out = append(out, lit)
	}
	return out
}

// addPathParams makes sure every placeholder of the primary path is a
// parameter, and the names of its "?x={x}" template are too: generated code
// has to fill them.
func addPathParams(op *ir.Operation, ps []*ir.Param, primary endpoint, diags *[]ir.Diagnostic) []*ir.Param {
	has := map[string]bool{}
	for _, p := range ps {
		has[p.Name] = true
	}
	for _, name := range pathParams(primary.Path) {
		if has[name] {
			continue
		}
		has[name] = true
		*diags = append(*diags, ir.Warnf(primary.pos, "undocumented-param", "path parameter {%s} of %s is not in the parameter table; added as a required string", name, op.Name))
		ps = append(ps, &ir.Param{Name: name, In: ir.InPath, Required: true, Type: ir.Prim(ir.KindString, ""), Pos: primary.pos})
	}
	for _, name := range primary.query {
		if has[name] || !isIdent(name) {
			continue
		}
		has[name] = true
		*diags = append(*diags, ir.Warnf(primary.pos, "undocumented-param", "query parameter %q of %s is not in the parameter table; added as an optional string", name, op.Name))
		ps = append(ps, &ir.Param{Name: name, In: ir.InQuery, Type: ir.Prim(ir.KindString, ""), Pos: primary.pos})
	}
	return ps
}

// where says in words where a parameter travels, for diagnostics.
func where(p *ir.Param) string {
	switch {
	case p.In == ir.InBody && p.Wrapper != "":
		return "in the body inside " + quote(p.Wrapper)
	case p.In == ir.InBody:
		return "at the top of the body"
	}
	return "in the " + string(p.In)
}
