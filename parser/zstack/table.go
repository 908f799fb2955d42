package zstack

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/apigen-dev/apigen/ir"
	"github.com/apigen-dev/apigen/parser/doctable"
)

// column is what one table column holds.
type column int

const (
	colUnknown column = iota
	colName
	colType
	colLoc
	colDesc
	colEnum
	colSince
)

// tableKind tells a parameter table (it has a 位置 column) from a field
// table (response and sub-tables).
type tableKind int

const (
	unknownTable tableKind = iota
	paramTable
	fieldTable
)

// layout maps header positions to columns.
type layout struct {
	kind tableKind
	cols []column
	// assumed is set when the header was empty and the layout was guessed
	// from the column count.
	assumed bool
	// chinese is set for a header in Chinese (名字|类型|…).
	chinese bool
}

// enumWords reports a cell of nothing but value words ("enable disable",
// "x86_64, aarch64").
func enumWords(s string) bool {
	vals := splitEnum(s)
	if len(vals) == 0 {
		return false
	}
	acronyms := true
	for _, v := range vals {
		if !enumRe.MatchString(v) {
			return false
		}
		acronyms = acronyms && strings.ToUpper(v) == v
	}
	// "VM UUID", "SCSI LUN UUID": a description of acronyms.
	return !acronyms
}

// headerColumn recognises one header cell in either language. Prefixes
// cover the truncated "起始版" the manual has in a few places.
func headerColumn(h string) column {
	s := strings.ToLower(strings.Join(strings.Fields(h), ""))
	switch {
	case s == "名字" || s == "名" || s == "名称" || s == "参数名" || s == "字段" || s == "name" || s == "parameter" || s == "parametername" || s == "field":
		return colName
	case s == "类型" || s == "type":
		return colType
	case s == "位置" || s == "location" || s == "in":
		return colLoc
	case s == "描述" || s == "说明" || s == "description":
		return colDesc
	case s == "可选值" || s == "取值" || strings.HasPrefix(s, "optionalvalue") || strings.HasPrefix(s, "allowedvalue") || strings.HasPrefix(s, "validvalue"):
		return colEnum
	case strings.HasPrefix(s, "起始版") || strings.HasPrefix(s, "startingversion") || strings.HasPrefix(s, "startversion") || s == "since" || s == "version":
		return colSince
	}
	return colUnknown
}

// tableLayout classifies a table by its header. A header of empty cells
// (the manual has one) is read as the usual layout for its width, flagged
// so the caller can warn.
func tableLayout(t *doctable.Table) layout {
	l := layout{cols: make([]column, len(t.Header))}
	empty := true
	seen := map[column]bool{}
	for i, h := range t.Header {
		if strings.TrimSpace(h) != "" {
			empty = false
		}
		if strings.ContainsFunc(h, func(r rune) bool { return r > 0x2e80 }) {
			l.chinese = true
		}
		c := headerColumn(h)
		if seen[c] && c != colUnknown {
			c = colUnknown // a repeated column is not one we can trust
		}
		seen[c] = true
		l.cols[i] = c
	}
	if empty {
		switch len(t.Header) {
		case 4:
			return layout{kind: fieldTable, cols: []column{colName, colType, colDesc, colSince}, assumed: true}
		case 6:
			return layout{kind: paramTable, cols: []column{colName, colType, colLoc, colDesc, colEnum, colSince}, assumed: true}
		}
		return l
	}
	switch {
	case seen[colName] && seen[colType] && seen[colLoc]:
		l.kind = paramTable
	case seen[colName] && seen[colType]:
		l.kind = fieldTable
	}
	return l
}

func (l layout) has(c column) bool {
	for _, x := range l.cols {
		if x == c {
			return true
		}
	}
	return false
}

// row is one table row with its cells assigned to columns.
type row struct {
	pos                               ir.Pos
	name, typ, loc, desc, enum, since string
	optional                          bool
}

var versionRe = regexp.MustCompile(`^v?\d+(\.\d+)+$`)

// looksLikeVersion reports whether a cell is a since-version ("0.6", "4.1.0").
func looksLikeVersion(s string) bool { return versionRe.MatchString(strings.TrimSpace(s)) }

// readRow assigns a row's cells to columns. Text copied from the web site
// drops empty cells, so a row can come short with its version in the
// description column: when the last cell looks like a version and the table
// has a version column, it is moved there and the cells before it fill the
// columns left to right. Rows that cannot be mended return ok=false with the
// reason.
func readRow(l layout, r doctable.Row) (row, string, bool) {
	cells := r.Cells
	for len(cells) > len(l.cols) && strings.TrimSpace(cells[len(cells)-1]) == "" {
		cells = cells[:len(cells)-1]
	}
	out := row{pos: ir.Pos(r.Pos)}
	if len(cells) > len(l.cols) {
		// "| l3NetworkRefs | |List| | …": stray pipes around a cell add
		// empty cells; without them the row may fit.
		var kept []string
		for _, c := range cells {
			if strings.TrimSpace(c) != "" {
				kept = append(kept, c)
			}
		}
		if len(kept) == len(l.cols) {
			cells = kept
		}
	}
	switch {
	case len(cells) > len(l.cols):
		return out, cellCount(len(cells), len(l.cols)), false
	case len(cells) < len(l.cols):
		// A row of no cells at all (an HTML <tr> with nothing in it) is short too.
		if len(cells) < 2 || !l.has(colSince) || !looksLikeVersion(cells[len(cells)-1]) {
			return out, cellCount(len(cells), len(l.cols)), false
		}
		last := cells[len(cells)-1:]
		for i, c := range cells[:len(cells)-1] {
			if l.cols[i] == colSince {
				return out, cellCount(len(cells), len(l.cols)), false
			}
			out.set(l.cols[i], c)
		}
		out.since = strings.TrimSpace(last[0])
	default:
		for i, c := range cells {
			out.set(l.cols[i], c)
		}
		out.shiftVersion(l, cells)
	}
	out.name, out.optional = splitOptional(out.name)
	if strings.HasPrefix(out.desc, "Optional.") || strings.HasPrefix(out.desc, "optional.") {
		out.optional = true
		out.desc = strings.TrimSpace(out.desc[len("Optional."):])
	}
	if !looksLikeVersion(out.since) {
		out.since = ""
	}
	out.since = strings.TrimPrefix(out.since, "v")
	return out, "", true
}

// shiftVersion mends a row whose copy dropped an empty cell and padded
// the end instead ("| success | boolean | 5.2.1 | |"): when the version
// column is empty and the last filled cell before it is a version, that
// cell is the since-version, not a description or an allowed value.
func (r *row) shiftVersion(l layout, cells []string) {
	if r.since != "" {
		return
	}
	for i := len(cells) - 1; i >= 0; i-- {
		v := strings.TrimSpace(cells[i])
		if v == "" {
			continue
		}
		if c := l.cols[i]; (c == colDesc || c == colEnum) && looksLikeVersion(v) {
			r.set(c, "")
			r.since = v
			// "| stateEvent | String | body | enable disable | 0.6 | |":
			// with the description dropped, the values sit in its column.
			// Only value words move, and only under a Chinese header,
			// where a description is never a run of them.
			if c == colEnum && l.chinese && r.enum == "" && enumWords(r.desc) {
				r.enum, r.desc = r.desc, ""
			}
		}
		return
	}
}

func (r *row) set(c column, v string) {
	v = strings.TrimSpace(v)
	switch c {
	case colName:
		r.name = v
	case colType:
		r.typ = v
	case colLoc:
		r.loc = v
	case colDesc:
		r.desc = v
	case colEnum:
		r.enum = v
	case colSince:
		r.since = v
	}
}

// optionalMarks are how the manuals flag an optional parameter next to its
// name.
var optionalMarks = []string{"(可选)", "（可选）", "(optional)", "(Optional)", "（optional）"}

// splitOptional strips an optional marker from a name cell.
func splitOptional(name string) (string, bool) {
	opt := false
	for _, m := range optionalMarks {
		if i := strings.Index(name, m); i >= 0 {
			name = name[:i] + name[i+len(m):]
			opt = true
		}
	}
	return strings.TrimSpace(name), opt
}

var identRe = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$.\-]*$`)

// isIdent reports whether s can be a wire name of a parameter or field.
func isIdent(s string) bool { return identRe.MatchString(s) }

func cellCount(got, want int) string {
	return fmt.Sprintf("has %d cells where the header has %d", got, want)
}
