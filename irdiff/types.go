package irdiff

import (
	"fmt"

	"github.com/apigen-dev/apigen/ir"
)

// types compares named types. A change inside a type shared by many
// operations is reported once, naming every operation it reaches; whether
// it breaks depends on that use: a field that becomes required breaks
// callers only where they send the type, one that becomes optional only
// where they read it.
func (d *differ) types(old, cur *ir.API) {
	for _, ot := range old.Types {
		nt := d.cur.types[ot.Name]
		if nt == nil {
			// A type every use of which moved to a compatible one is gone from
			// the Go package (see the Go API changes) but not from the wire.
			by, ok := d.replaced[ot.Name]
			msg := fmt.Sprintf("type %q is removed", ot.Name)
			if ok {
				msg = fmt.Sprintf("type %q is removed, replaced by %q of a compatible shape", ot.Name, by)
			}
			d.add(d.typeChange(ot, Change{Kind: TypeRemoved, Breaking: !ok, Where: "type", From: string(ot.Kind), To: by, Message: msg}))
			continue
		}
		d.typ(ot, nt)
	}
	for _, nt := range cur.Types {
		if d.old.types[nt.Name] == nil {
			d.add(d.typeChange(nt, Change{Kind: TypeAdded, Where: "type", To: string(nt.Kind),
				Message: fmt.Sprintf("type %q is added", nt.Name)}))
		}
	}
}

// use is how t is used, in the new API or else the old one.
func (d *differ) use(name string) usage {
	u := usage{}
	for _, x := range []*apiIndex{d.cur, d.old} {
		if v := x.usage[name]; v != nil {
			u.request = u.request || v.request
			u.response = u.response || v.response
			if len(u.ops) == 0 {
				u.ops = v.ops
			}
		}
	}
	return u
}

// typeChange fills the type and operation fields of c.
func (d *differ) typeChange(t *ir.Type, c Change) Change {
	c.Type = t.Name
	if c.Pos == (ir.Pos{}) {
		c.Pos = t.Pos
	}
	u := d.use(t.Name)
	c.Operations = u.ops
	if len(u.ops) > 0 {
		o := d.cur.ops[u.ops[0]]
		if o == nil {
			o = d.old.ops[u.ops[0]]
		}
		c.Operation, c.Method, c.Path = o.Name, o.Method, o.Path
	}
	return c
}

func (d *differ) typ(ot, nt *ir.Type) {
	add := func(c Change) { d.add(d.typeChange(nt, c)) }
	name := quote(nt.Name)
	if ot.Kind != nt.Kind {
		add(Change{Kind: TypeKindChanged, Breaking: true, Where: "type", From: string(ot.Kind), To: string(nt.Kind),
			Message: fmt.Sprintf("type %s changes from a %s to a %s", name, ot.Kind, nt.Kind)})
		return
	}
	if ot.Since != nt.Since {
		add(Change{Kind: SinceChanged, Where: "type", From: ot.Since, To: nt.Since,
			Message: fmt.Sprintf("type %s's since-version changes from %s to %s", name, orNone(ot.Since), orNone(nt.Since))})
	}
	u := d.use(nt.Name)
	switch nt.Kind {
	case ir.KindStruct:
		d.fields(ot, nt, u)
	case ir.KindEnum:
		for _, c := range enumChanges(enumValues(ot), enumValues(nt), u.request) {
			if c.Kind == EnumValueRemoved || c.Kind == EnumValueAdded {
				c.Where = "type"
				c.Message = "type " + name + ": " + c.Message
				add(c)
			}
		}
	case ir.KindUnion:
		from, to := variantSet(ot), variantSet(nt)
		for _, v := range nt.Variants {
			if !from[v.String()] {
				add(Change{Kind: VariantAdded, Breaking: u.response, Where: "type", To: v.String(),
					Message: fmt.Sprintf("union %s gains variant %s", name, v)})
			}
		}
		for _, v := range ot.Variants {
			if !to[v.String()] {
				add(Change{Kind: VariantRemoved, Breaking: true, Where: "type", From: v.String(),
					Message: fmt.Sprintf("union %s loses variant %s", name, v)})
			}
		}
	case ir.KindAlias:
		if from, to := refString(ot.Alias), refString(nt.Alias); from != to {
			add(Change{Kind: AliasChanged, Breaking: true, Where: "type", From: from, To: to,
				Message: fmt.Sprintf("type %s changes from %s to %s", name, from, to)})
		}
	}
}

func enumValues(t *ir.Type) []string {
	vs := make([]string, len(t.Values))
	for i, v := range t.Values {
		vs[i] = v.Value
	}
	return vs
}

func variantSet(t *ir.Type) map[string]bool {
	m := map[string]bool{}
	for _, v := range t.Variants {
		m[v.String()] = true
	}
	return m
}

func (d *differ) fields(ot, nt *ir.Type, u usage) {
	old := make(map[string]*ir.Field, len(ot.Fields))
	for _, f := range ot.Fields {
		old[f.Name] = f
	}
	tname := quote(nt.Name)
	for _, nf := range nt.Fields {
		where := fmt.Sprintf("field %q", nf.Name)
		add := func(c Change) {
			c.Where, c.Pos = where, nf.Pos
			d.add(d.typeChange(nt, c))
		}
		of := old[nf.Name]
		delete(old, nf.Name)
		if of == nil {
			add(Change{Kind: FieldAdded, Breaking: nf.Required && u.request, To: nf.Type.String(),
				Message: fmt.Sprintf("type %s: field %q is added%s", tname, nf.Name, requiredNote(nf.Required))})
			continue
		}
		field := fmt.Sprintf("type %s: field %q", tname, nf.Name)
		if c, ok := d.typeChanged(field, of.Type, nf.Type, FieldTypeRenamed, FieldTypeChanged); ok {
			add(c)
		}
		switch {
		case !of.Required && nf.Required:
			add(Change{Kind: FieldRequired, Breaking: u.request, From: "optional", To: "required",
				Message: field + " becomes required"})
		case of.Required && !nf.Required:
			add(Change{Kind: FieldOptional, Breaking: u.response, From: "required", To: "optional",
				Message: field + " becomes optional: responses may leave it out"})
		}
		if of.Nullable != nf.Nullable {
			add(Change{Kind: FieldNullable, Breaking: nf.Nullable && u.response, From: fmt.Sprint(of.Nullable), To: fmt.Sprint(nf.Nullable),
				Message: fmt.Sprintf("%s %s null", field, nullableVerb(nf.Nullable))})
		}
		if of.Default != nf.Default {
			add(Change{Kind: FieldDefault, From: of.Default, To: nf.Default,
				Message: fmt.Sprintf("%s's default changes from %s to %s", field, orNone(of.Default), orNone(nf.Default))})
		}
		if !of.Deprecated && nf.Deprecated {
			add(Change{Kind: FieldDeprecated, Message: field + " is deprecated"})
		}
		if of.Since != nf.Since {
			add(Change{Kind: SinceChanged, From: of.Since, To: nf.Since,
				Message: fmt.Sprintf("%s's since-version changes from %s to %s", field, orNone(of.Since), orNone(nf.Since))})
		}
		for _, c := range enumChanges(of.Enum, nf.Enum, u.request) {
			c.Message = field + ": " + c.Message
			add(c)
		}
	}
	for _, of := range ot.Fields {
		if old[of.Name] == nil {
			continue
		}
		d.add(d.typeChange(nt, Change{Kind: FieldRemoved, Breaking: true, Where: fmt.Sprintf("field %q", of.Name), From: of.Type.String(), Pos: of.Pos,
			Message: fmt.Sprintf("type %s: field %q is removed", tname, of.Name)}))
	}
}

// refDelta compares a type reference in its two versions: same, renamed
// (another named type of a compatible shape: a shared enum replacing a
// per-operation copy, which changes the Go type's name but not the wire),
// or changed.
func (d *differ) refDelta(from, to ir.TypeRef) delta {
	if from.String() == to.String() {
		return same
	}
	if d.sameShape(from, to) {
		if from.Kind == ir.KindRef && to.Kind == ir.KindRef {
			d.replaced[from.Ref] = to.Ref
		}
		return renamed
	}
	return changed
}

// typeChanged describes a change in the type of what (a parameter, a field):
// a compatible rename (not breaking) or a change (breaking).
func (d *differ) typeChanged(what string, from, to ir.TypeRef, renamedKind, changedKind Kind) (Change, bool) {
	f, t := from.String(), to.String()
	switch d.refDelta(from, to) {
	case renamed:
		return Change{Kind: renamedKind, From: f, To: t,
			Message: fmt.Sprintf("%s's type is renamed from %s to %s, of a compatible shape", what, f, t)}, true
	case changed:
		return Change{Kind: changedKind, Breaking: true, From: f, To: t,
			Message: fmt.Sprintf("%s changes type from %s to %s", what, f, t)}, true
	}
	return Change{}, false
}

type delta int

const (
	same delta = iota
	renamed
	changed
)

// sameShape reports whether two references, possibly to differently named
// types, describe compatible wire values: one level of named types is
// compared (kinds, enum values — the new may add some —, field names and
// types, variants).
func (d *differ) sameShape(a, b ir.TypeRef) bool {
	for (a.Kind == ir.KindList || a.Kind == ir.KindMap) && a.Kind == b.Kind && a.Elem != nil && b.Elem != nil {
		a, b = *a.Elem, *b.Elem
	}
	if a.Kind != ir.KindRef || b.Kind != ir.KindRef {
		return a.String() == b.String()
	}
	ta, tb := d.old.types[a.Ref], d.cur.types[b.Ref]
	if ta == nil || tb == nil || ta.Kind != tb.Kind {
		return false
	}
	switch ta.Kind {
	case ir.KindEnum:
		// Values added are compatible: requests may send fewer than allowed,
		// and apigen's decoders keep values they do not know.
		in := set(enumValues(tb))
		for _, v := range ta.Values {
			if !in[v.Value] {
				return false
			}
		}
		return true
	case ir.KindStruct:
		if len(ta.Fields) != len(tb.Fields) {
			return false
		}
		for _, f := range ta.Fields {
			g := tb.Field(f.Name)
			if g == nil || g.Type.String() != f.Type.String() || g.Required != f.Required {
				return false
			}
		}
		return true
	case ir.KindAlias:
		return refString(ta.Alias) == refString(tb.Alias)
	case ir.KindUnion:
		return variantSetEqual(ta, tb)
	}
	return false
}

func variantSetEqual(a, b *ir.Type) bool {
	if len(a.Variants) != len(b.Variants) {
		return false
	}
	in := variantSet(a)
	for _, v := range b.Variants {
		if !in[v.String()] {
			return false
		}
	}
	return true
}
