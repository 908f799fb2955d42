package zstack

import (
	"regexp"
	"slices"
	"strings"

	"github.com/apigen-dev/apigen/ir"
)

// response reads an API's response tables into its reply type and the types
// the reply refers to, and sets the operation's Response. The top-level
// table (no " #x" caption) is the reply; its fields point at sub-tables with
// 详情参考[x], and those at deeper ones the same way.
func response(op *ir.Operation, f *facts, diags *[]ir.Diagnostic) ([]*ir.Type, map[string]string) {
	op.Response = &ir.Response{Status: 200, ContentType: "application/json"}
	b := &typeBuilder{
		op: op, tables: f.fields, diags: diags,
		used: make([]bool, len(f.fields)), built: make([]string, len(f.fields)),
		synth: map[string]string{},
	}
	top := -1
	for i, t := range f.fields {
		if !t.hasSub {
			top = i
			break
		}
	}
	if top < 0 && op.Paging != nil {
		reply := &ir.Type{Name: op.Name + "Reply", Kind: ir.KindStruct, Pos: op.Pos}
		b.types = append(b.types, reply)
		b.inventories(reply)
		ref := ir.Ref(reply.Name)
		op.Response.Type, op.Response.Envelope = &ref, "inventories"
	}
	if top >= 0 {
		example := decodeExample(f.respExample.String())
		reply := b.structType(op.Name+"Reply", top, example, true)
		if op.Paging != nil {
			b.inventories(reply)
		}
		ref := ir.Ref(reply.Name)
		op.Response.Type = &ref
		for _, env := range []string{"inventory", "inventories", "results"} {
			if reply.Field(env) != nil {
				op.Response.Envelope = env
				break
			}
		}
	}
	for i, t := range f.fields {
		if !b.used[i] && !b.repeats(i) {
			what := "#" + t.sub
			if !t.hasSub {
				what = "without a #name caption"
			}
			*diags = append(*diags, ir.Warnf(ir.Pos(t.t.Pos), "orphan-subtable", "%s: response table %s is referred to by no field; skipped", op.Name, what))
		}
	}
	return b.types, b.synth
}

// repeats reports whether table i repeats a used table cell for cell, as
// some replies print their #error table twice; a copy loses nothing.
func (b *typeBuilder) repeats(i int) bool {
	t := b.tables[i]
	for j, u := range b.tables {
		if !b.used[j] || u.sub != t.sub || len(u.t.Rows) != len(t.t.Rows) {
			continue
		}
		same := true
		for k := range u.t.Rows {
			if !slices.Equal(u.t.Rows[k].Cells, t.t.Rows[k].Cells) {
				same = false
				break
			}
		}
		if same {
			return true
		}
	}
	return false
}

// inventories makes sure a query reply has what every ZStack query sends:
// an inventories list, and the total that replyWithCount=true asks for. A
// page whose response table lost the list (it lists "histograms", or the
// page shows no table at all) gets it from an unused " #inventories"
// table, else as a list of XInventory, with a warning either way.
func (b *typeBuilder) inventories(reply *ir.Type) {
	op := b.op
	if f := reply.Field("inventories"); f == nil {
		name, _ := b.elemName(reply.Name, "inventories", true)
		from := "no table; assumed " + name
		for j, t := range b.tables {
			if !b.used[j] && t.hasSub && (t.sub == "inventories" || t.sub == "inventory") {
				name = b.namedType(name, j, nil, "")
				from = "the #" + t.sub + " table"
				break
			}
		}
		*b.diags = append(*b.diags, ir.Warnf(reply.Pos, "assumed-reply", "query %s documents no inventories field; read from %s", op.Name, from))
		reply.Fields = append(reply.Fields, &ir.Field{Name: "inventories", Type: ir.ListOf(ir.Ref(name)), Pos: reply.Pos})
	} else if f.Type.Kind != ir.KindList {
		*b.diags = append(*b.diags, ir.Warnf(f.Pos, "no-inventories", "query %s: inventories is a %s, not a list; no paging", op.Name, f.Type))
		op.Paging = nil
		return
	}
	if reply.Field("total") == nil {
		reply.Fields = append(reply.Fields, &ir.Field{
			Name: "total", Type: ir.Prim(ir.KindInteger, "int64"), Since: "0.6",
			Description: "满足查询条件的记录总数，replyWithCount为true时返回", Pos: reply.Pos,
		})
	}
}

// typeBuilder turns an API's field tables into types, each table once.
type typeBuilder struct {
	op     *ir.Operation
	tables []tableAt
	used   []bool
	built  []string // the type each used table became
	types  []*ir.Type
	synth  map[string]string // made-up type name → the field it types
	diags  *[]ir.Diagnostic
}

// structType reads table i as a struct named name. example is the part of
// the response example the table describes, or nil.
func (b *typeBuilder) structType(name string, i int, example any, top bool) *ir.Type {
	ta := b.tables[i]
	b.used[i], b.built[i] = true, name
	t := &ir.Type{Name: name, Kind: ir.KindStruct, Pos: ir.Pos(ta.t.Pos)}
	b.types = append(b.types, t)
	seen := map[string]*row{}
	for _, r := range ta.t.Rows {
		rw, why, ok := readRow(ta.l, r)
		if !ok {
			*b.diags = append(*b.diags, ir.Warnf(ir.Pos(r.Pos), "malformed-row", "%s field row %s; skipped", name, why))
			continue
		}
		if !isIdent(rw.name) {
			*b.diags = append(*b.diags, ir.Warnf(rw.pos, "malformed-row", "%s field name %q is not an identifier; row skipped", name, rw.name))
			continue
		}
		if prev := seen[rw.name]; prev != nil {
			// The manual repeats the error row in some replies, worded
			// differently; a second row of the same type is no loss.
			if prev.typ != rw.typ {
				*b.diags = append(*b.diags, ir.Warnf(rw.pos, "duplicate-field", "%s field %q is listed twice; keeping the first row", name, rw.name))
			}
			continue
		}
		seen[rw.name] = &rw
		fd := &ir.Field{Name: rw.name, Since: rw.since, Description: rw.desc, Pos: rw.pos}
		fd.Type = b.fieldType(name, rw, i, child(example, rw.name), top)
		t.Fields = append(t.Fields, fd)
		t.Since = ir.EarlierVersion(t.Since, rw.since)
	}
	return t
}

// refRe finds the sub-table a description points at: 详情参考[vmNics].
var refRe = regexp.MustCompile(`\[\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\]`)

// fieldType types one field of table i, building the types of the
// sub-tables it points at.
func (b *typeBuilder) fieldType(parent string, rw row, i int, ex any, top bool) ir.TypeRef {
	ref, class := classify(rw.typ)
	key := rw.name
	if m := refRe.FindStringSubmatch(rw.desc); m != nil {
		key = m[1]
	}
	sub := -1
	if class != classPrim && class != classAny {
		if sub = b.find(key, i); sub < 0 && key != rw.name {
			sub = b.find(rw.name, i)
		}
		// "inventories" described by a table captioned " #inventory".
		if s := singular(rw.name); sub < 0 && class == classList && s != rw.name {
			if j := b.find(s, i); j >= 0 && !b.used[j] {
				sub = j
			}
		}
	}
	switch class {
	case classNamed:
		if sub >= 0 {
			return ir.Ref(b.namedType(ref.Ref, sub, firstElem(ex), ref.Ref))
		}
		return ref
	case classList:
		if sub >= 0 {
			if name, made := b.elemName(parent, rw.name, top); !made {
				return ir.ListOf(ir.Ref(b.namedType(name, sub, firstElem(ex), "")))
			}
			return ir.ListOf(ir.Ref(b.synthType(parent+upperFirst(singular(rw.name)), rw.name, sub, firstElem(ex))))
		}
		if e, ok := listElem(ex); ok {
			return ir.ListOf(e)
		}
		return ir.ListOf(ir.Prim(ir.KindAny, ""))
	case classMap:
		if sub >= 0 {
			name := parent + upperFirst(rw.name)
			// The manual gives a Map a sub-table for its values (UUID →
			// capabilities); when the example's keys are the table's
			// fields, the "map" is one object.
			if obj, ok := ex.(map[string]any); ok && b.describes(sub, obj) {
				return ir.Ref(b.synthType(name, rw.name, sub, obj))
			}
			var val any
			if obj, ok := ex.(map[string]any); ok {
				for _, k := range sortedKeys(obj) {
					val = obj[k]
					break
				}
			}
			return ir.MapOf(ir.Ref(b.synthType(name, rw.name, sub, val)))
		}
		return ir.MapOf(ir.Prim(ir.KindAny, ""))
	case classUnknown:
		if sub >= 0 {
			*b.diags = append(*b.diags, ir.Warnf(rw.pos, "unknown-type", "%s field %q has type %q; typed by its sub-table", parent, rw.name, rw.typ))
			return ir.Ref(b.synthType(parent+upperFirst(rw.name), rw.name, sub, firstElem(ex)))
		}
		if t, ok := exampleType(ex); ok {
			*b.diags = append(*b.diags, ir.Warnf(rw.pos, "unknown-type", "%s field %q has type %q; typed %s from the example", parent, rw.name, rw.typ, t))
			return t
		}
		*b.diags = append(*b.diags, ir.Warnf(rw.pos, "unknown-type", "%s field %q has type %q; kept as any JSON value", parent, rw.name, rw.typ))
	}
	return ref
}

// find picks the sub-table for key: the first unused one after table i
// (the manual prints sub-tables depth first, and two fields may point at
// different tables of one name, like #status under #internal and
// #external), then any unused one, then a used one, which is reused.
func (b *typeBuilder) find(key string, i int) int {
	match := func(j int) bool {
		t := b.tables[j]
		if !t.hasSub {
			return false
		}
		if t.sub == key {
			return true
		}
		// "#inventory.vmNics" names its parent too.
		k := strings.LastIndexByte(t.sub, '.')
		return k >= 0 && t.sub[k+1:] == key
	}
	for j := i + 1; j < len(b.tables); j++ {
		if !b.used[j] && match(j) {
			return j
		}
	}
	for j := range b.tables {
		if !b.used[j] && match(j) {
			return j
		}
	}
	for j := range b.tables {
		if b.used[j] && match(j) {
			return j
		}
	}
	return -1
}

// namedType builds table j as a type named name, unless it was built
// already. A table whose rows all carry one type name is that enum's
// values (ProtocolType: tcp_udp, all, ah …); declared is the type name the
// referring field gives, "" for a list or map.
func (b *typeBuilder) namedType(name string, j int, example any, declared string) string {
	if b.used[j] {
		return b.built[j]
	}
	if enum, ok := b.enumOf(j, declared); ok {
		return enum
	}
	if declared != "" && b.javaEnum(j) {
		// The doc generator reflected a Java enum's own fields (name,
		// ordinal); on the wire it is its name, a string. Its values come
		// from another page's table, if any.
		b.used[j], b.built[j] = true, declared
		b.types = append(b.types, &ir.Type{Name: declared, Kind: ir.KindEnum, Base: ir.KindString, Pos: ir.Pos(b.tables[j].t.Pos)})
		return declared
	}
	t := b.structType(name, j, example, false)
	if len(t.Fields) == 0 && declared != "" {
		// Nothing readable ("| 类型 | String | 类型，保留字段 |"): leave the
		// name to another page's definition.
		b.types = slices.DeleteFunc(b.types, func(x *ir.Type) bool { return x == t })
	}
	return t.Name
}

// synthType builds table j under a name apigen made up from its parent
// and field, and remembers the field: canonical() later gives the type the
// name the manual uses for it elsewhere (VmNicInventory), if there is one.
func (b *typeBuilder) synthType(name, field string, j int, example any) string {
	got := b.namedType(name, j, example, "")
	if got == name {
		b.synth[name] = field
	}
	return got
}

// javaEnum reports a table of just "name" and "ordinal": how the manual
// shows a Java enum it did not list the values of.
func (b *typeBuilder) javaEnum(j int) bool {
	ordinal := false
	for _, r := range b.tables[j].t.Rows {
		if len(r.Cells) == 0 {
			continue
		}
		switch n, _ := splitOptional(r.Cells[0]); n {
		case "ordinal":
			ordinal = true
		case "name":
		default:
			return false
		}
	}
	return ordinal
}

// enumOf reads table j as an enum if every row's type is one type name:
// the referring field's own type, or, for a list, a name no row points
// further from (a struct whose fields share one type, like #servers with
// internal and external ChronyServerInfo, points at their sub-tables).
func (b *typeBuilder) enumOf(j int, declared string) (string, bool) {
	ta := b.tables[j]
	var rows []row
	name := ""
	for _, r := range ta.t.Rows {
		rw, _, ok := readRow(ta.l, r)
		if !ok || rw.name == "" {
			continue
		}
		if _, class := classify(rw.typ); class != classNamed || (name != "" && rw.typ != name) || refRe.MatchString(rw.desc) {
			return "", false
		}
		name = rw.typ
		rows = append(rows, rw)
	}
	if name == "" || declared != "" && name != declared {
		return "", false
	}
	b.used[j], b.built[j] = true, name
	t := &ir.Type{Name: name, Kind: ir.KindEnum, Base: ir.KindString, Pos: ir.Pos(ta.t.Pos)}
	for _, rw := range rows {
		t.Since = ir.EarlierVersion(t.Since, rw.since)
		lit := quote(rw.name)
		if !containsValue(t.Values, lit) {
			t.Values = append(t.Values, ir.EnumValue{Value: lit, Description: rw.desc})
		}
	}
	b.types = append(b.types, t)
	return name, true
}

func containsValue(vs []ir.EnumValue, v string) bool {
	for _, x := range vs {
		if x.Value == v {
			return true
		}
	}
	return false
}

// describes reports whether an example object's keys are table j's field
// names, which makes a "Map" an object rather than a map of them.
func (b *typeBuilder) describes(j int, obj map[string]any) bool {
	fields := map[string]bool{}
	for _, r := range b.tables[j].t.Rows {
		if len(r.Cells) > 0 {
			n, _ := splitOptional(r.Cells[0])
			fields[n] = true
		}
	}
	hit := 0
	for k := range obj {
		if fields[k] {
			hit++
		}
	}
	return hit > 0 && hit*2 >= len(obj)
}

// elemName names the items of a list field with a sub-table. A query's
// "inventories" hold what its sibling APIs call "XInventory"; other lists
// are named after their parent type and the field, singular, a made-up
// name (made is true).
func (b *typeBuilder) elemName(parent, field string, top bool) (name string, made bool) {
	if top && field == "inventories" && strings.HasPrefix(b.op.Name, "Query") && len(b.op.Name) > len("Query") {
		return strings.TrimPrefix(b.op.Name, "Query") + "Inventory", false
	}
	return parent + upperFirst(singular(field)), true
}

// singular drops an English plural ending: vmNics → vmNic, policies →
// policy, addresses → address; words that only look plural stay.
func singular(s string) string {
	switch {
	case len(s) > 3 && strings.HasSuffix(s, "ies"):
		return s[:len(s)-3] + "y"
	case strings.HasSuffix(s, "sses") || strings.HasSuffix(s, "xes") || strings.HasSuffix(s, "ches") || strings.HasSuffix(s, "shes") || strings.HasSuffix(s, "uses"):
		return s[:len(s)-2]
	case strings.HasSuffix(s, "ss") || strings.HasSuffix(s, "us") || strings.HasSuffix(s, "is"):
		return s
	case len(s) > 1 && strings.HasSuffix(s, "s"):
		return s[:len(s)-1]
	}
	return s
}
