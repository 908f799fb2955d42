package irdiff

import (
	"fmt"
	"strings"

	"github.com/apigen-dev/apigen/ir"
)

// params compares one operation's parameters, matched by name (and
// location, when one name is used in two places).
func (d *differ) params(o, n *ir.Operation) {
	add := func(c Change) { d.add(opChange(n, c)) }
	matched := map[*ir.Param]bool{}
	find := func(np *ir.Param) *ir.Param {
		var byName *ir.Param
		count := 0
		for _, op := range o.Params {
			if op.Name != np.Name || matched[op] {
				continue
			}
			if op.In == np.In {
				return op
			}
			byName = op
			count++
		}
		if count == 1 {
			return byName
		}
		return nil
	}
	for _, np := range n.Params {
		op := find(np)
		if op == nil {
			add(Change{Kind: ParamAdded, Breaking: np.Required, Where: paramWhere(np), To: np.Type.String(), Pos: np.Pos,
				Message: fmt.Sprintf("parameter %q (%s) is added%s", np.Name, np.In, requiredNote(np.Required))})
			continue
		}
		matched[op] = true
		d.param(n, op, np)
	}
	for _, op := range o.Params {
		if !matched[op] {
			add(Change{Kind: ParamRemoved, Breaking: true, Where: paramWhere(op), From: op.Type.String(),
				Message: fmt.Sprintf("parameter %q (%s) is removed", op.Name, op.In)})
		}
	}
}

func paramWhere(p *ir.Param) string {
	if p.Wrapper != "" {
		return fmt.Sprintf("param %q (%s in %q)", p.Name, p.In, p.Wrapper)
	}
	return fmt.Sprintf("param %q (%s)", p.Name, p.In)
}

func (d *differ) param(n *ir.Operation, op, np *ir.Param) {
	where := paramWhere(np)
	add := func(c Change) {
		c.Where, c.Pos = where, np.Pos
		d.add(opChange(n, c))
	}
	name := quote(np.Name)
	if op.In != np.In {
		add(Change{Kind: ParamMoved, Breaking: true, From: string(op.In), To: string(np.In),
			Message: fmt.Sprintf("parameter %s moves from the %s to the %s", name, op.In, np.In)})
	}
	if op.Wrapper != np.Wrapper {
		add(Change{Kind: ParamWrapper, Breaking: true, From: op.Wrapper, To: np.Wrapper,
			Message: fmt.Sprintf("parameter %s moves from body key %q to %q", name, op.Wrapper, np.Wrapper)})
	}
	switch {
	case !op.Required && np.Required:
		add(Change{Kind: ParamRequired, Breaking: true, From: "optional", To: "required",
			Message: fmt.Sprintf("parameter %s becomes required", name)})
	case op.Required && !np.Required:
		add(Change{Kind: ParamOptional, From: "required", To: "optional",
			Message: fmt.Sprintf("parameter %s becomes optional", name)})
	}
	if c, ok := d.typeChanged("parameter "+name, op.Type, np.Type, ParamTypeRenamed, ParamTypeChanged); ok {
		add(c)
	}
	if op.Style != np.Style {
		add(Change{Kind: ParamStyle, From: orDefault(op.Style), To: orDefault(np.Style),
			Message: fmt.Sprintf("parameter %s is encoded %s instead of %s (the client follows)", name, orDefault(np.Style), orDefault(op.Style))})
	}
	if op.Default != np.Default {
		add(Change{Kind: ParamDefault, From: op.Default, To: np.Default,
			Message: fmt.Sprintf("parameter %s's default changes from %s to %s", name, orNone(op.Default), orNone(np.Default))})
	}
	if op.Nullable != np.Nullable {
		add(Change{Kind: ParamNullable, From: fmt.Sprint(op.Nullable), To: fmt.Sprint(np.Nullable),
			Message: fmt.Sprintf("parameter %s %s null", name, nullableVerb(np.Nullable))})
	}
	if !op.Deprecated && np.Deprecated {
		add(Change{Kind: ParamDeprecated, Message: fmt.Sprintf("parameter %s is deprecated", name)})
	}
	if op.Since != np.Since {
		add(Change{Kind: SinceChanged, From: op.Since, To: np.Since,
			Message: fmt.Sprintf("parameter %s's since-version changes from %s to %s", name, orNone(op.Since), orNone(np.Since))})
	}
	for _, c := range enumChanges(op.Enum, np.Enum, true) {
		c.Kind = map[Kind]Kind{EnumValueAdded: ParamEnumAdded, EnumValueRemoved: ParamEnumRemoved, ValuesRestricted: ParamEnumRestrict, ValuesUnrestricted: ParamEnumDropped}[c.Kind]
		c.Message = "parameter " + name + ": " + c.Message
		add(c)
	}
}

func nullableVerb(nullable bool) string {
	if nullable {
		return "now accepts"
	}
	return "no longer accepts"
}

func orDefault(style ir.Style) string {
	if style == "" {
		return "the default way"
	}
	return string(style)
}

// enumChanges compares two lists of allowed values (JSON literals). In a
// request, a value the server stops accepting breaks callers that send it,
// and a list appearing where any value was fine restricts them; a value
// the server adds breaks nobody. In a response, values come and go
// without breaking apigen's decoders, which keep unknown values, but a
// removed value's Go constant goes.
func enumChanges(from, to []string, request bool) []Change {
	switch {
	case len(from) == 0 && len(to) == 0:
		return nil
	case len(from) == 0:
		return []Change{{Kind: ValuesRestricted, Breaking: request, To: strings.Join(to, ", "),
			Message: "values are now restricted to " + strings.Join(to, ", ")}}
	case len(to) == 0:
		return []Change{{Kind: ValuesUnrestricted, From: strings.Join(from, ", "),
			Message: "values are no longer restricted"}}
	}
	inFrom, inTo := set(from), set(to)
	var out []Change
	for _, v := range to {
		if !inFrom[v] {
			out = append(out, Change{Kind: EnumValueAdded, To: v, Message: "value " + v + " is added"})
		}
	}
	for _, v := range from {
		if !inTo[v] {
			out = append(out, Change{Kind: EnumValueRemoved, Breaking: true, From: v, Message: "value " + v + " is removed"})
		}
	}
	return out
}

func set(vs []string) map[string]bool {
	m := make(map[string]bool, len(vs))
	for _, v := range vs {
		m[v] = true
	}
	return m
}
