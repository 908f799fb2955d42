package qingcloud

import (
	"strings"

	"github.com/apigen-dev/apigen/ir"
	"github.com/apigen-dev/apigen/parser/doctable"
)

// tableRole is what a table on an action page describes.
type tableRole int

const (
	roleNone     tableRole = iota
	roleRequest            // "Request Parameters" / 请求参数
	roleResponse           // "Response Elements" / 返回数据
	roleItem               // "Response Item": the element of a *_set list
)

// columns locates the columns a role needs; -1 when absent.
type columns struct{ name, typ, desc, req int }

var (
	nameHeads = []string{"parameter name", "parameter", "name", "field", "参数名", "参数名称", "参数", "名称", "名字", "字段", "字段名"}
	typeHeads = []string{"type", "data type", "类型", "参数类型", "数据类型"}
	descHeads = []string{"description", "desc", "描述", "说明", "参数说明", "参数描述"}
	reqHeads  = []string{"required", "mandatory", "是否必选", "必选", "是否必填", "必填", "是否必须", "必须"}
)

func findColumns(header []string) columns {
	c := columns{-1, -1, -1, -1}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		switch {
		case c.name < 0 && contains(nameHeads, h):
			c.name = i
		case c.typ < 0 && contains(typeHeads, h):
			c.typ = i
		case c.desc < 0 && contains(descHeads, h):
			c.desc = i
		case c.req < 0 && contains(reqHeads, h):
			c.req = i
		}
	}
	return c
}

// roleByText reads a caption or heading: English and Chinese titles.
func roleByText(s string) tableRole {
	s = strings.ToLower(s)
	switch {
	case strings.Contains(s, "request param"), strings.Contains(s, "请求参数"):
		return roleRequest
	case strings.Contains(s, "response item"):
		return roleItem
	case strings.Contains(s, "response element"), strings.Contains(s, "response param"),
		strings.Contains(s, "返回数据"), strings.Contains(s, "返回参数"), strings.Contains(s, "响应参数"), strings.Contains(s, "返回值"):
		return roleResponse
	}
	return roleNone
}

// classify decides a table's role from its caption, else its heading, else
// its columns: a Required column makes a request table, a name and type
// column after the response table an item table. Tables without a name and
// a type column (common parameters, error codes) have no role.
func classify(t *doctable.Table, afterResponse bool) (tableRole, columns) {
	cols := findColumns(t.Header)
	if cols.name < 0 || cols.typ < 0 {
		return roleNone, cols
	}
	role := roleByText(t.Caption)
	if role == roleNone {
		role = roleByText(t.Heading)
	}
	if role == roleNone {
		switch {
		case cols.req >= 0:
			role = roleRequest
		case afterResponse:
			role = roleItem
		}
	}
	return role, cols
}

// rowCells maps a row onto the header's columns. Real pages break rows: a
// "|" inside a description splits it into extra cells, so extra cells are
// joined back into the description; missing cells read as "". Both are
// reported at the row.
func rowCells(t *doctable.Table, r doctable.Row, cols columns) (func(col int) string, []ir.Diagnostic) {
	var diags []ir.Diagnostic
	n := len(t.Header)
	extra := len(r.Cells) - n
	switch {
	case extra < 0:
		diags = append(diags, ir.Warnf(ir.Pos(r.Pos), "short-row", "row has %d cells, the header %d; missing cells read as empty", len(r.Cells), n))
	case extra > 0 && cols.desc >= 0:
		diags = append(diags, ir.Warnf(ir.Pos(r.Pos), "long-row", "row has %d cells, the header %d; extra cells joined into the description", len(r.Cells), n))
	case extra > 0:
		diags = append(diags, ir.Warnf(ir.Pos(r.Pos), "long-row", "row has %d cells, the header %d; extra cells ignored", len(r.Cells), n))
	}
	get := func(col int) string {
		if col < 0 {
			return ""
		}
		if extra > 0 && cols.desc >= 0 {
			switch {
			case col == cols.desc:
				return strings.TrimSpace(strings.Join(r.Cells[col:col+extra+1], "|"))
			case col > cols.desc:
				col += extra
			}
		}
		if col >= len(r.Cells) {
			return ""
		}
		return strings.TrimSpace(r.Cells[col])
	}
	return get, diags
}

// readParamRows reads a request table's rows. Rows without a usable name
// are skipped with a warning; an unknown type reads as string (every query
// value is one on the wire) with a warning.
func readParamRows(t *doctable.Table, cols columns) ([]paramRow, []ir.Diagnostic) {
	var rows []paramRow
	var diags []ir.Diagnostic
	for _, r := range t.Rows {
		get, ds := rowCells(t, r, cols)
		diags = append(diags, ds...)
		pos := ir.Pos(r.Pos)
		name := strings.Trim(get(cols.name), " *`")
		if name == "" && len(r.Cells) == 0 {
			continue
		}
		if !wireName.MatchString(name) {
			diags = append(diags, ir.Warnf(pos, "bad-name", "parameter name %q is not a wire name; row skipped", name))
			continue
		}
		row := paramRow{name: name, desc: get(cols.desc), pos: pos}
		ts := get(cols.typ)
		typ, ok := docType(ts)
		if !ok {
			diags = append(diags, ir.Warnf(pos, "unknown-type", "parameter %q: unknown type %q; reading it as String", name, ts))
			typ = ir.Prim(ir.KindString, "")
		}
		row.typ = typ
		if cols.req >= 0 {
			rs := get(cols.req)
			req, ok := docRequired(rs)
			if !ok {
				diags = append(diags, ir.Warnf(pos, "unknown-required", "parameter %q: Required %q is neither Yes nor No; reading it as No", name, rs))
			}
			row.required = req
		}
		rows = append(rows, row)
	}
	return rows, diags
}

// readFieldRows reads a response or item table into struct fields. An
// unknown type degrades to raw JSON with a warning.
func readFieldRows(t *doctable.Table, cols columns) ([]*ir.Field, []ir.Diagnostic) {
	var fields []*ir.Field
	var diags []ir.Diagnostic
	for _, r := range t.Rows {
		get, ds := rowCells(t, r, cols)
		diags = append(diags, ds...)
		pos := ir.Pos(r.Pos)
		name := strings.Trim(get(cols.name), " *`")
		if name == "" && len(r.Cells) == 0 {
			continue
		}
		if !wireName.MatchString(name) {
			diags = append(diags, ir.Warnf(pos, "bad-name", "field name %q is not a wire name; row skipped", name))
			continue
		}
		ts := get(cols.typ)
		typ, ok := docType(ts)
		if !ok {
			diags = append(diags, ir.Warnf(pos, "unknown-type", "field %q: unknown type %q; kept as raw JSON", name, ts))
			typ = ir.Prim(ir.KindRaw, "")
		}
		fields = append(fields, &ir.Field{Name: name, Type: typ, Description: get(cols.desc), Pos: pos})
	}
	return fields, diags
}
