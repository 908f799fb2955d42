package qingcloud

import (
	"strings"

	"github.com/apigen-dev/apigen/ir"
)

// docType maps a page's Type column to an IR type. Lists and dicts come
// back vague (elements untyped); the example response or the dotted
// parameter names refine them. ok is false for a word apigen does not know.
func docType(s string) (ir.TypeRef, bool) {
	w := strings.ToLower(strings.TrimSpace(s))
	if elem, ok := strings.CutSuffix(w, "[]"); ok {
		if t, ok := docType(elem); ok {
			return ir.ListOf(t), true
		}
		return ir.TypeRef{}, false
	}
	switch w {
	case "string", "str", "text", "字符串", "字符":
		return ir.Prim(ir.KindString, ""), true
	case "integer", "int", "long", "int32", "int64", "整数", "整型", "数字":
		return ir.Prim(ir.KindInteger, ""), true
	case "float", "double", "number", "decimal", "浮点数":
		return ir.Prim(ir.KindNumber, ""), true
	case "boolean", "bool", "布尔", "布尔值":
		return ir.Prim(ir.KindBoolean, ""), true
	case "timestamp", "datetime", "date-time", "time", "时间", "时间戳":
		return ir.Prim(ir.KindTime, "date-time"), true
	case "array", "list", "数组", "列表":
		return ir.ListOf(ir.Prim(ir.KindAny, "")), true
	case "dict", "object", "map", "json", "hash", "字典", "对象":
		return ir.MapOf(ir.Prim(ir.KindAny, "")), true
	}
	return ir.TypeRef{}, false
}

// docRequired reads the Required column: Yes/No, 是/否 and their kin.
func docRequired(s string) (required, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "y", "true", "required", "是", "必选", "必填", "必须", "必需":
		return true, true
	case "no", "n", "false", "optional", "否", "可选", "非必选", "非必填", "不必须":
		return false, true
	}
	return false, false
}
