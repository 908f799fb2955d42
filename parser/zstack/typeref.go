package zstack

import (
	"regexp"
	"strings"

	"github.com/apigen-dev/apigen/ir"
)

// typeClass says how a 类型 cell is to be read.
type typeClass int

const (
	classPrim    typeClass = iota // ref is final
	classList                     // element type still to find
	classMap                      // value type still to find
	classNamed                    // a type name: ref to it, defined by a sub-table here or elsewhere
	classAny                      // Object: any JSON value
	classUnknown                  // not a type at all
)

var typeNameRe = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)

// classify reads a 类型 cell: Java type names as the manual writes them
// (String, Long, Timestamp, List, LinkedHashMap, ErrorCode …), in any case.
func classify(typ string) (ir.TypeRef, typeClass) {
	t := strings.TrimSpace(typ)
	switch strings.ToLower(t) {
	case "string", "str", "char", "uuid":
		return ir.Prim(ir.KindString, ""), classPrim
	case "integer", "int", "long", "short", "byte", "biginteger":
		return ir.Prim(ir.KindInteger, "int64"), classPrim
	case "float", "double", "number", "bigdecimal":
		return ir.Prim(ir.KindNumber, "double"), classPrim
	case "boolean", "bool":
		return ir.Prim(ir.KindBoolean, ""), classPrim
	case "timestamp", "date", "datetime":
		return ir.Prim(ir.KindTime, "zstack"), classPrim
	case "list", "set", "collection", "arraylist", "array", "hashset":
		return ir.TypeRef{Kind: ir.KindList}, classList
	case "array[string]", "list<string>", "set<string>":
		return ir.ListOf(ir.Prim(ir.KindString, "")), classPrim
	case "array[json]":
		return ir.ListOf(ir.Prim(ir.KindAny, "")), classPrim
	case "byte[]":
		// Gson writes a byte[] as an array of numbers.
		return ir.ListOf(ir.Prim(ir.KindInteger, "int64")), classPrim
	case "map", "linkedhashmap", "hashmap", "treemap", "json", "jsonobject":
		return ir.TypeRef{Kind: ir.KindMap}, classMap
	case "object":
		return ir.Prim(ir.KindAny, ""), classAny
	}
	if typeNameRe.MatchString(t) {
		return ir.Ref(t), classNamed
	}
	return ir.Prim(ir.KindAny, ""), classUnknown
}

// literal turns one allowed value into the JSON literal the IR wants, by the
// parameter's kind: "enable" → "\"enable\"", 3 → "3".
func literal(v string, k ir.Kind) (string, bool) {
	switch k {
	case ir.KindBoolean:
		if v == "true" || v == "false" {
			return v, true
		}
		return "", false
	case ir.KindInteger, ir.KindNumber:
		if numberRe.MatchString(v) && (k == ir.KindNumber || !strings.ContainsAny(v, ".eE")) {
			return v, true
		}
		return "", false
	}
	return quote(v), true
}

var numberRe = regexp.MustCompile(`^-?\d+(\.\d+)?([eE][-+]?\d+)?$`)

// quote writes s as a JSON string.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20:
			b.WriteString(`\u00`)
			b.WriteByte("0123456789abcdef"[r>>4])
			b.WriteByte("0123456789abcdef"[r&15])
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// enumSplitRe separates allowed values: the manual lists them with spaces,
// some pages with commas (ASCII or full-width) or 、.
var enumSplitRe = regexp.MustCompile(`[\s,，、;；]+`)

// splitEnum reads an 可选值 cell into values, in document order, once each.
func splitEnum(cell string) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range enumSplitRe.Split(strings.TrimSpace(cell), -1) {
		v = strings.Trim(v, "\"'`")
		if v == "" || seen[v] {
			continue
		}
		seen[v] = true
		out = append(out, v)
	}
	return out
}
