package templates

import (
	"fmt"
	"strings"

	"github.com/apigen-dev/apigen/ir"
	"github.com/dave/jennifer/jen"
)

// paramConst is a typed constant for one value the docs list for a
// parameter whose type is a plain string or number (not a named enum):
// LoginModePasswd string = "passwd", as a hand-written parameter model
// would have it. It is typed like the field, so apiruntime.Ptr of it fits
// an optional one. Parameters of several operations that share a Go name
// and a type share the constant of a value.
type paramConst struct {
	name  string
	value any
	typ   jen.Code
	// param and op (a method name) are where it was first listed, which
	// groups the constants; defaultIn names the methods whose docs make it
	// the parameter's default. Go names only: they go in a line comment.
	param, op string
	defaultIn []string
	// inferred values come from prose, which Validate does not enforce.
	inferred bool
}

// nameParamConsts names the constants of every parameter's listed values,
// in operation order, after the package's types, methods and enum
// constants, so it never takes a name from them. Each operation's new
// constants are declared with its param struct.
func (g *gen) nameParamConsts() {
	seen := map[string]*paramConst{}
	var claims []claim
	var consts []*paramConst
	for _, o := range g.ops {
		info := g.opInfo[o]
		for _, pi := range info.fields {
			t := pi.typ
			if t.cat == catSlice && t.elem != nil {
				t = t.elem
			}
			if len(pi.p.Enum) == 0 || !t.builtin || (t.cat != catString && t.cat != catInt && t.cat != catFloat) {
				continue
			}
			def, hasDef := parseLiteral(pi.p.Default, t.cat)
			for _, lit := range pi.p.Enum {
				v, ok := parseLiteral(lit, t.cat)
				if !ok {
					continue
				}
				base := pi.goName + enumValueName(litText(v))
				key := fmt.Sprintf("%s %#v %T", base, v, v)
				isDef := hasDef && def == v
				if c := seen[key]; c != nil {
					if isDef {
						c.defaultIn = append(c.defaultIn, info.method)
					}
					continue
				}
				c := &paramConst{value: v, typ: t.code, param: pi.p.Name, op: info.method, inferred: pi.p.Inferred}
				if isDef {
					c.defaultIn = []string{info.method}
				}
				seen[key] = c
				consts = append(consts, c)
				info.consts = append(info.consts, c)
				claims = append(claims, claim{base: base, alts: []string{info.method + base}})
			}
		}
	}
	names, _ := g.pkg.assign(claims)
	for i, c := range consts {
		c.name = names[i]
	}
}

// paramConstsCode declares an operation's parameter constants, one block
// per parameter.
func (g *gen) paramConstsCode(o *ir.Operation) []jen.Code {
	info := g.opInfo[o]
	var out []jen.Code
	for i := 0; i < len(info.consts); {
		first := info.consts[i]
		var defs []jen.Code
		for ; i < len(info.consts) && info.consts[i].param == first.param; i++ {
			c := info.consts[i]
			def := jen.Id(c.name).Add(c.typ).Op("=").Add(litCode(c.value))
			switch {
			case len(c.defaultIn) == 1 && c.defaultIn[0] == c.op:
				def.Comment("the documented default")
			case len(c.defaultIn) > 0:
				def.Comment("the documented default in " + strings.Join(c.defaultIn, ", "))
			}
			defs = append(defs, def)
		}
		var d doc
		line := "Values " + quote(o.Name) + " lists for " + quote(first.param)
		if first.inferred {
			line += ", read from its description: Validate does not enforce them"
		}
		d.add(line + ".")
		out = append(out, d.code()...)
		out = append(out, jen.Const().Defs(defs...), jen.Line())
	}
	return out
}
