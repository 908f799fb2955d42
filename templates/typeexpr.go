package templates

import (
	"github.com/apigen-dev/apigen/ir"
	"github.com/dave/jennifer/jen"
)

const (
	runtimePath = "github.com/apigen-dev/apigen/apiruntime"
	jsonPath    = "encoding/json"
)

// category is what a Go type is like, for the decisions that depend on it:
// pointer or not when optional, how Validate tests presence, how paging
// converts an offset, what a method returns.
type category int

const (
	catString category = iota
	catInt
	catFloat
	catBool
	catTime   // apiruntime.Time: a struct value
	catStruct // a struct or union value
	catSlice
	catMap
	catAny   // any: an interface
	catRaw   // json.RawMessage
	catBytes // []byte
	// catStream is a body or file part sent from a reader: io.Reader, or
	// *apiruntime.File in a multipart body.
	catStream
)

// nilable categories have a nil zero value that omitempty drops, so an
// optional field of one needs no pointer.
func (c category) nilable() bool {
	switch c {
	case catSlice, catMap, catAny, catRaw, catBytes, catStream:
		return true
	}
	return false
}

// goType is a resolved Go type: how to write it and what it is like.
type goType struct {
	code jen.Code
	cat  category
	// elem is the element type of a slice or map, possibly through an alias.
	elem *goType
	// named is the API type a ref resolved to (nil for built-in types).
	named *ir.Type
	// builtin is set when code is a predeclared Go type (string, int64…).
	builtin bool
	// problem says why the reference degraded to json.RawMessage.
	problem string
}

// scalarTypes are the goTypes of the scalar kinds, made once per generation
// and shared by every field of such a kind: nothing changes a goType once
// made, and one per field was a sixth of CloudTower's live heap while
// rendering.
type scalarTypes struct {
	str, int32, int64, float64, bool, time, any *goType
	// tolerant spellings: the runtime's types that also accept numbers
	// and booleans sent as strings.
	tolerantInt, tolerantFloat, tolerantBool *goType
}

func newScalarTypes() scalarTypes {
	return scalarTypes{
		str:           &goType{code: jen.String(), cat: catString, builtin: true},
		int32:         &goType{code: jen.Int32(), cat: catInt, builtin: true},
		int64:         &goType{code: jen.Int64(), cat: catInt, builtin: true},
		float64:       &goType{code: jen.Float64(), cat: catFloat, builtin: true},
		bool:          &goType{code: jen.Bool(), cat: catBool, builtin: true},
		time:          &goType{code: jen.Qual(runtimePath, "Time"), cat: catTime},
		any:           &goType{code: jen.Any(), cat: catAny},
		tolerantInt:   &goType{code: jen.Qual(runtimePath, "Int64"), cat: catInt},
		tolerantFloat: &goType{code: jen.Qual(runtimePath, "Float64"), cat: catFloat},
		tolerantBool:  &goType{code: jen.Qual(runtimePath, "Bool"), cat: catBool},
	}
}

// typeCtx selects the spelling of primitives: tolerant structs use the
// runtime's Int64/Float64/Bool that also accept numbers sent as strings.
type typeCtx struct {
	tolerant bool
	// stream spells binary as io.Reader (a whole binary body), file as
	// *apiruntime.File (the file parts of a multipart body, which carry a
	// file name and content type).
	stream, file bool
}

// resolve turns a reference into a Go type. It never fails: what it cannot
// type becomes json.RawMessage with problem set, which callers report.
func (g *gen) resolve(r ir.TypeRef, ctx typeCtx) *goType {
	switch r.Kind {
	case ir.KindString:
		return g.scalars.str
	case ir.KindInteger:
		if ctx.tolerant {
			return g.scalars.tolerantInt
		}
		if r.Format == "int32" {
			return g.scalars.int32
		}
		return g.scalars.int64
	case ir.KindNumber:
		if ctx.tolerant {
			return g.scalars.tolerantFloat
		}
		return g.scalars.float64
	case ir.KindBoolean:
		if ctx.tolerant {
			return g.scalars.tolerantBool
		}
		return g.scalars.bool
	case ir.KindTime:
		return g.scalars.time
	case ir.KindBinary:
		switch {
		case ctx.stream:
			return &goType{code: jen.Qual("io", "Reader"), cat: catStream}
		case ctx.file:
			return &goType{code: jen.Op("*").Qual(runtimePath, "File"), cat: catStream}
		}
		return &goType{code: jen.Index().Byte(), cat: catBytes}
	case ir.KindAny:
		return g.scalars.any
	case ir.KindRaw:
		return rawType("")
	case ir.KindList, ir.KindMap:
		var elem *goType
		if r.Elem == nil {
			elem = g.scalars.any
		} else {
			elem = g.resolve(*r.Elem, ctx)
		}
		t := &goType{elem: elem, problem: elem.problem}
		if r.Kind == ir.KindList {
			t.code, t.cat = jen.Index().Add(elem.code), catSlice
		} else {
			t.code, t.cat = jen.Map(jen.String()).Add(elem.code), catMap
		}
		return t
	case ir.KindRef:
		nt := g.byName[r.Ref]
		if nt == nil {
			return rawType("reference to unknown type " + quote(r.Ref))
		}
		info := g.info[nt]
		if info.degraded {
			return rawType("type " + quote(r.Ref) + " cannot be typed")
		}
		t := &goType{code: jen.Id(info.goName), named: nt}
		switch nt.Kind {
		case ir.KindStruct, ir.KindUnion:
			t.cat = catStruct
		case ir.KindEnum:
			t.cat = enumCategory(nt.Base)
		case ir.KindAlias:
			under := g.aliasTarget(nt)
			t.cat, t.elem = under.cat, under.elem
		}
		return t
	}
	return rawType("unsupported kind " + quote(string(r.Kind)))
}

func rawType(problem string) *goType {
	return &goType{code: jen.Qual(jsonPath, "RawMessage"), cat: catRaw, problem: problem}
}

// aliasTarget resolves what a named alias stands for, once. Cycles of
// plain aliases were degraded in planning; an alias that contains itself
// through a list or map (type Tree []Tree, valid Go) is cut here: inside
// its own resolution it reads as a list or map of unknown elements.
func (g *gen) aliasTarget(t *ir.Type) *goType {
	if r, ok := g.aliases[t]; ok {
		if r == nil {
			var cat category
			switch t.Alias.Kind {
			case ir.KindList:
				cat = catSlice
			case ir.KindMap:
				cat = catMap
			default:
				cat = catAny
			}
			return &goType{code: jen.Id(g.info[t].goName), cat: cat}
		}
		return r
	}
	g.aliases[t] = nil
	r := g.resolve(*t.Alias, typeCtx{tolerant: g.tolerant})
	g.aliases[t] = r
	return r
}

func enumCategory(base ir.Kind) category {
	switch base {
	case ir.KindInteger:
		return catInt
	case ir.KindNumber:
		return catFloat
	case ir.KindBoolean:
		return catBool
	}
	return catString
}

// fieldType is how a field, param or body of type t is declared: optional
// values that cannot be told from their zero value become pointers,
// nullable ones apiruntime.Nullable, and ptr forces a pointer (to break a
// recursive type).
func fieldType(t *goType, required, nullable, ptr bool) jen.Code {
	base := jen.Add(t.code)
	if ptr && !t.cat.nilable() {
		base = jen.Op("*").Add(t.code)
	}
	switch {
	case nullable:
		return jen.Qual(runtimePath, "Nullable").Types(base)
	case ptr || required || t.cat.nilable():
		return base
	}
	return jen.Op("*").Add(t.code)
}

// isPointer reports whether fieldType gave a pointer.
func isPointer(t *goType, required, nullable, ptr bool) bool {
	if nullable || t.cat.nilable() {
		return false
	}
	return ptr || !required
}
