package templates

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"

	"github.com/apigen-dev/apigen/ir"
	"github.com/dave/jennifer/jen"
)

// enumConst is one constant of an enum type.
type enumConst struct {
	name  string
	value any // string, int64, float64 or bool
	desc  string
}

// parseLiteral reads a JSON literal from the IR as a Go value of category
// cat. A string literal is accepted for numbers and booleans ("\"1\"") since
// docs quote them freely; for strings, a bare number or boolean is taken as
// its text. null and anything unreadable report false.
func parseLiteral(lit string, cat category) (any, bool) {
	lit = strings.TrimSpace(lit)
	text := lit
	quoted := false
	if strings.HasPrefix(lit, `"`) {
		var s string
		if err := json.Unmarshal([]byte(lit), &s); err != nil {
			return nil, false
		}
		text, quoted = s, true
	} else if lit == "null" || lit == "" || !json.Valid([]byte(lit)) {
		return nil, false
	}
	switch cat {
	case catString:
		if !quoted && (strings.HasPrefix(lit, "{") || strings.HasPrefix(lit, "[")) {
			return nil, false
		}
		return text, true
	case catInt:
		if i, err := strconv.ParseInt(text, 10, 64); err == nil {
			return i, true
		}
		if f, err := strconv.ParseFloat(text, 64); err == nil && f == math.Trunc(f) && math.Abs(f) < 1<<62 {
			return int64(f), true
		}
	case catFloat:
		if f, err := strconv.ParseFloat(text, 64); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
			return f, true
		}
	case catBool:
		if b, err := strconv.ParseBool(text); err == nil && (text == "true" || text == "false") {
			return b, true
		}
	}
	return nil, false
}

// litCode writes a parsed literal as untyped Go constant syntax, so it can
// initialise a constant of a named type (jen.Lit would write int64(1)).
func litCode(v any) jen.Code {
	switch x := v.(type) {
	case int64:
		return jen.Op(strconv.FormatInt(x, 10))
	case float64:
		s := strconv.FormatFloat(x, 'g', -1, 64)
		if !strings.ContainsAny(s, ".eE") {
			s += ".0"
		}
		return jen.Op(s)
	}
	return jen.Lit(v)
}

// litText is how a literal reads in a constant name or a comment.
func litText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	}
	return ""
}

// nameEnumValues parses every enum's values and names its constants and
// its Values function, all in one package-level batch after the types.
func (g *gen) nameEnumValues() {
	var funcs []claim
	var enums []*ir.Type
	for _, t := range g.types {
		if t.Kind != ir.KindEnum || g.info[t].degraded {
			continue
		}
		enums = append(enums, t)
		funcs = append(funcs, claim{base: g.info[t].goName + "Values", alts: []string{g.info[t].goName + "KnownValues"}})
	}
	names, _ := g.pkg.assign(funcs)
	var consts []claim
	for i, t := range enums {
		info := g.info[t]
		info.values = names[i]
		cat := enumCategory(t.Base)
		switch t.Base {
		case "", ir.KindString, ir.KindInteger, ir.KindNumber, ir.KindBoolean:
		default:
			g.warn(t.Pos, "untyped", "enum %q has unsupported base %q; using string", t.Name, t.Base)
		}
		seen := map[any]bool{}
		for _, v := range t.Values {
			val, ok := parseLiteral(v.Value, cat)
			if !ok {
				if strings.TrimSpace(v.Value) != "null" {
					g.warn(t.Pos, "invalid-enum-value", "enum %q: value %s is not %s literal; skipped", t.Name, quote(v.Value), baseName(cat))
				}
				continue
			}
			if seen[val] {
				continue
			}
			seen[val] = true
			info.consts = append(info.consts, enumConst{value: val, desc: v.Description})
			consts = append(consts, claim{base: info.goName + enumValueName(litText(val))})
		}
	}
	cnames, _ := g.pkg.assign(consts)
	k := 0
	for _, t := range enums {
		for i := range g.info[t].consts {
			g.info[t].consts[i].name = cnames[k]
			k++
		}
	}
}

func baseName(c category) string {
	switch c {
	case catInt:
		return "an integer"
	case catFloat:
		return "a number"
	case catBool:
		return "a boolean"
	}
	return "a string"
}

// enumDecl emits the named type, its constants and its Values function.
// Unknown values still decode: the type is a plain string (or number).
func (g *gen) enumDecl(t *ir.Type) *decl {
	info := g.info[t]
	cat := enumCategory(t.Base)
	var base jen.Code
	switch cat {
	case catInt:
		base = jen.Int64()
	case catFloat:
		base = jen.Float64()
	case catBool:
		base = jen.Bool()
	default:
		base = jen.String()
	}
	d := &decl{key: info.goName}
	var dc doc
	dc.lead(info.goName, t.Description, info.goName+" is the API's "+quote(t.Name)+" enumeration.")
	typeDoc(&dc, t)
	d.add(dc.code()...)
	d.add(jen.Type().Id(info.goName).Add(base), jen.Line())
	if len(info.consts) > 0 {
		var defs []jen.Code
		for _, c := range info.consts {
			var cd doc
			cd.add(c.desc)
			defs = append(defs, cd.code()...)
			defs = append(defs, jen.Id(c.name).Id(info.goName).Op("=").Add(litCode(c.value)))
			d.lines += cd.len() + 1
		}
		d.add(jen.Comment("// The "+info.goName+" values the API documents."), jen.Const().Defs(defs...), jen.Line())
	}
	list := make([]jen.Code, len(info.consts))
	for i, c := range info.consts {
		list[i] = jen.Id(c.name)
	}
	d.add(
		jen.Comment("// "+info.values+" returns every "+info.goName+" value the API documents; servers may send others."),
		jen.Func().Id(info.values).Params().Index().Id(info.goName).Block(
			jen.Return(jen.Index().Id(info.goName).Values(list...)),
		),
		jen.Line(),
	)
	if g.tolerant && cat != catString {
		rt := map[category]string{catInt: "Int64", catFloat: "Float64", catBool: "Bool"}[cat]
		d.add(
			jen.Comment("// UnmarshalJSON also accepts the value sent as a string, as this API's servers do."),
			jen.Func().Params(jen.Id("v").Op("*").Id(info.goName)).Id("UnmarshalJSON").Params(jen.Id("b").Index().Byte()).Error().Block(
				jen.Return(jen.Parens(jen.Op("*").Qual(runtimePath, rt)).Parens(jen.Id("v")).Dot("UnmarshalJSON").Call(jen.Id("b"))),
			),
			jen.Line(),
		)
	}
	d.lines += 12
	return d
}

// typeDoc adds the facts every named type's comment carries.
func typeDoc(d *doc, t *ir.Type) {
	if since := sinceNote(t.Since, "", t.Description); since != "" {
		d.para()
		d.addf("Since: ", since)
	}
	if t.Deprecated {
		d.deprecated("type")
	}
}

// literalList renders JSON literals for an "Allowed:" line.
func literalList(lits []string) string { return strings.Join(lits, ", ") }
