package qingcloud

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/apigen-dev/apigen/ir"
)

// paramRow is one row of a request parameter table, read but not yet
// grouped: "rules.n.protocol" is still one row of its own.
type paramRow struct {
	name     string // as written: "vxnets.n", "rules.n.protocol"
	typ      ir.TypeRef
	required bool
	desc     string
	pos      ir.Pos
}

// wireName accepts what QingCloud writes in the name column: snake_case
// segments joined by dots, where "n" (or "m", or a digit) marks a list.
var wireName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*$`)

func isListMarker(seg string) bool {
	switch seg {
	case "n", "N", "m", "M", "x", "X":
		return true
	}
	return seg != "" && strings.Trim(seg, "0123456789") == ""
}

// pnode is one segment of a dotted name: the parameter itself, or a field
// of its elements. "rules.n.protocol" and "rules.n.priority" share the node
// "rules" (a list) with two field children.
type pnode struct {
	name   string
	list   bool
	row    *paramRow // the row naming exactly this node, if any
	fields []*pnode
	// byName indexes fields: a scan of them per row made a table of n
	// parameters cost n² (1980 rows: 12× the time of 200).
	byName map[string]*pnode
	pos    ir.Pos
}

func (n *pnode) child(name string, pos ir.Pos) *pnode {
	if c, ok := n.byName[name]; ok {
		return c
	}
	if n.byName == nil {
		n.byName = map[string]*pnode{}
	}
	c := &pnode{name: name, pos: pos}
	n.fields = append(n.fields, c)
	n.byName[name] = c
	return c
}

// anyRequired reports whether the node or any field below it is required:
// a list of rules whose protocol is required cannot be sent empty.
func (n *pnode) anyRequired() bool {
	if n.row != nil {
		return n.row.required
	}
	for _, c := range n.fields {
		if c.anyRequired() {
			return true
		}
	}
	return false
}

// buildParams groups rows by their first segment into one query parameter
// each, in the order their first row appears. Dotted lists become Style
// "dotted" lists; lists of fields become lists of a struct named after the
// action and the element ("AddSecurityGroupRulesRule"), returned as types.
func buildParams(action string, rows []paramRow) ([]*ir.Param, []*ir.Type, []ir.Diagnostic) {
	var diags []ir.Diagnostic
	root := &pnode{}
	seen := map[string]ir.Pos{}
	for i := range rows {
		r := &rows[i]
		if prev, dup := seen[r.name]; dup {
			diags = append(diags, ir.Warnf(r.pos, "duplicate-param", "parameter %q is also listed at %s; keeping that one", r.name, prev))
			continue
		}
		seen[r.name] = r.pos
		segs := strings.Split(r.name, ".")
		n := root.child(segs[0], r.pos)
		for _, seg := range segs[1:] {
			if isListMarker(seg) {
				n.list = true
				continue
			}
			n = n.child(seg, r.pos)
		}
		if n.row != nil {
			diags = append(diags, ir.Warnf(r.pos, "duplicate-param", "parameter %q names the same value as %q at %s; keeping that one", r.name, n.row.name, n.row.pos))
			continue
		}
		n.row = r
	}

	var params []*ir.Param
	var types []*ir.Type
	names := typeNames{}
	for _, n := range root.fields {
		typeName := action + camel(singular(n.name))
		t, nested := nodeType(n, typeName, true, names)
		types = append(types, nested...)
		p := &ir.Param{
			Name:     n.name,
			In:       ir.InQuery,
			Required: n.anyRequired(),
			Type:     t,
			Pos:      n.pos,
		}
		if n.row != nil {
			p.Description = n.row.desc
		}
		if n.list || len(n.fields) > 0 || t.Kind == ir.KindList {
			p.Style = ir.StyleDotted
		}
		if n.row != nil && len(n.fields) == 0 && !n.list {
			inferProse(p)
		}
		params = append(params, p)
	}
	return params, types, diags
}

// nodeType types a node: its row's type, a struct of its fields, and a
// list of either when the name had a list marker. Untyped list elements of
// a query parameter are strings: QingCloud's dotted lists carry IDs.
func nodeType(n *pnode, typeName string, param bool, names typeNames) (ir.TypeRef, []*ir.Type) {
	var elem ir.TypeRef
	var types []*ir.Type
	switch {
	case len(n.fields) > 0:
		typeName = names.unique(typeName)
		st := &ir.Type{Name: typeName, Kind: ir.KindStruct, Pos: n.pos}
		if n.row != nil {
			st.Description = n.row.desc
		}
		for _, c := range n.fields {
			ct, nested := nodeType(c, typeName+camel(singular(c.name)), false, names)
			types = append(types, nested...)
			f := &ir.Field{Name: c.name, Type: ct, Pos: c.pos, Required: c.anyRequired()}
			if c.row != nil {
				f.Description = c.row.desc
			}
			st.Fields = append(st.Fields, f)
		}
		types = append(types, st)
		elem = ir.Ref(typeName)
	case n.row != nil:
		elem = n.row.typ
	default:
		elem = ir.Prim(ir.KindString, "")
	}
	if n.list {
		if elem.Kind == ir.KindList { // "vxnets.n | Array": the list is the marker's
			elem = *elem.Elem
		}
		if elem.Kind == ir.KindAny {
			elem = ir.Prim(ir.KindString, "")
		}
		return ir.ListOf(elem), types
	}
	if param && elem.Kind == ir.KindList && (elem.Elem == nil || elem.Elem.Kind == ir.KindAny) {
		return ir.ListOf(ir.Prim(ir.KindString, "")), types
	}
	return elem, types
}

// typeNames hands out the names of one page's request types: "rule.n.x"
// and "rules.n.y" both ask for <Action>Rule, and two types of one name
// would make references ambiguous.
type typeNames map[string]bool

func (u typeNames) unique(name string) string {
	cand := name
	for i := 2; u[cand]; i++ {
		cand = name + strconv.Itoa(i)
	}
	u[cand] = true
	return cand
}

// renameRequestTypes gives each request type whose name a response type
// of the page also has (a parameter "response.n.x" asks for
// <Action>Response) a fresh name, and updates the references to it, which
// only the operation's parameters and the request types themselves hold.
func renameRequestTypes(op *ir.Operation, req, resp []*ir.Type) {
	taken := typeNames{}
	for _, t := range append(slices.Clone(req), resp...) {
		taken[t.Name] = true
	}
	renamed := map[string]string{}
	for _, t := range req {
		for _, r := range resp {
			if r.Name == t.Name {
				renamed[t.Name] = taken.unique(t.Name)
				t.Name = renamed[t.Name]
			}
		}
	}
	if len(renamed) == 0 {
		return
	}
	for _, p := range op.Params {
		ir.RenameRefs(&p.Type, renamed)
	}
	for _, t := range req {
		for _, f := range t.Fields {
			ir.RenameRefs(&f.Type, renamed)
		}
	}
}

// inferProse reads a default and allowed values from a scalar parameter's
// description. They are documentation, marked Inferred: the transport never
// sends a parameter the caller left unset, whatever its default.
func inferProse(p *ir.Param) {
	if d, ok := inferDefault(p.Description, p.Type); ok {
		p.Default, p.Inferred = d, true
	}
	e, ok := inferEnum(p.Description, p.Type)
	if !ok {
		var def string
		if e, def, ok = inferLabelled(p.Description, p.Type); ok && def != "" && p.Default == "" {
			p.Default = def
		}
	}
	if ok {
		p.Enum, p.Inferred = e, true
		if p.Default != "" && !contains(e, p.Default) {
			// A default outside the list it came with means one of the two
			// was misread; keep neither rather than a contradiction.
			p.Default = ""
		}
	}
}
