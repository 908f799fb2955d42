package irdiff

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/apigen-dev/apigen/ir"
)

// Compare lists what changed from old to new. Neither API is modified.
// Operations are matched by wire name; an operation that is gone while a new
// one serves the same method and path is reported as renamed. Parameters are
// matched by name, so one that changes location is reported as moved.
func Compare(old, cur *ir.API) []Change {
	d := &differ{old: index(old), cur: index(cur), replaced: map[string]string{}}
	d.api(old, cur)
	d.operations(old, cur)
	d.types(old, cur)
	sortChanges(d.out)
	return d.out
}

type differ struct {
	old, cur *apiIndex
	out      []Change
	// replaced maps an old type to the new one of a compatible shape that
	// took its place in some reference.
	replaced map[string]string
}

// apiIndex gives one API's operations and types by name, and for each type
// the operations that reach it in a request or a response.
type apiIndex struct {
	ops   map[string]*ir.Operation
	types map[string]*ir.Type
	usage map[string]*usage
}

func index(a *ir.API) *apiIndex {
	x := &apiIndex{ops: map[string]*ir.Operation{}, types: map[string]*ir.Type{}, usage: map[string]*usage{}}
	for _, t := range a.Types {
		x.types[t.Name] = t
	}
	for _, o := range a.Operations {
		x.ops[o.Name] = o
		var req []ir.TypeRef
		for _, p := range o.Params {
			req = append(req, p.Type)
		}
		if o.Body != nil {
			req = append(req, o.Body.Type)
		}
		x.reach(o.Name, req, func(u *usage) *bool { return &u.request })
		if o.Response != nil && o.Response.Type != nil {
			x.reach(o.Name, []ir.TypeRef{*o.Response.Type}, func(u *usage) *bool { return &u.response })
		}
	}
	return x
}

// usage is how a named type is used: in requests (the client sends it), in
// responses (the client reads it), and by which operations (sorted).
type usage struct {
	request, response bool
	ops               []string
}

// reach marks every type reachable from roots as used by op.
func (x *apiIndex) reach(op string, roots []ir.TypeRef, flag func(*usage) *bool) {
	seen := map[string]bool{}
	var walk func(r ir.TypeRef)
	walk = func(r ir.TypeRef) {
		for r.Kind == ir.KindList || r.Kind == ir.KindMap {
			if r.Elem == nil {
				return
			}
			r = *r.Elem
		}
		if r.Kind != ir.KindRef || seen[r.Ref] {
			return
		}
		seen[r.Ref] = true
		u := x.usage[r.Ref]
		if u == nil {
			u = &usage{}
			x.usage[r.Ref] = u
		}
		*flag(u) = true
		if n := len(u.ops); n == 0 || u.ops[n-1] != op {
			u.ops = append(u.ops, op)
		}
		t := x.types[r.Ref]
		if t == nil {
			return
		}
		for _, f := range t.Fields {
			walk(f.Type)
		}
		for _, v := range t.Variants {
			walk(v)
		}
		if t.Alias != nil {
			walk(*t.Alias)
		}
		if t.AdditionalProperties != nil {
			walk(*t.AdditionalProperties)
		}
	}
	for _, r := range roots {
		walk(r)
	}
}

func (d *differ) add(c Change) { d.out = append(d.out, c) }

// opChange fills the operation fields of c from o.
func opChange(o *ir.Operation, c Change) Change {
	c.Operation, c.Method, c.Path = o.Name, o.Method, o.Path
	if c.Pos == (ir.Pos{}) {
		c.Pos = o.Pos
	}
	return c
}

func (d *differ) api(old, cur *ir.API) {
	if old.Family != cur.Family {
		d.add(Change{Kind: FamilyChanged, Breaking: true, Where: "api", From: string(old.Family), To: string(cur.Family),
			Message: fmt.Sprintf("the API family changes from %s to %s: the generated client talks through another runtime", old.Family, cur.Family)})
	}
	if !slices.Equal(old.Servers, cur.Servers) {
		d.add(Change{Kind: ServersChanged, Where: "servers", From: strings.Join(old.Servers, " "), To: strings.Join(cur.Servers, " "),
			Message: "the documented servers change"})
	}
	oldSec := map[string]ir.Security{}
	for _, s := range old.Security {
		oldSec[s.Name] = s
	}
	for _, s := range cur.Security {
		o, ok := oldSec[s.Name]
		delete(oldSec, s.Name)
		switch {
		case !ok:
			d.add(Change{Kind: SecurityAdded, Where: "security " + quote(s.Name), To: securityString(s),
				Message: fmt.Sprintf("security scheme %q (%s) is added", s.Name, securityString(s))})
		case o != s:
			d.add(Change{Kind: SecurityChanged, Breaking: true, Where: "security " + quote(s.Name), From: securityString(o), To: securityString(s),
				Message: fmt.Sprintf("security scheme %q changes from %s to %s: credentials configured for it no longer fit", s.Name, securityString(o), securityString(s))})
		}
	}
	for _, name := range slices.Sorted(maps.Keys(oldSec)) {
		s := oldSec[name]
		d.add(Change{Kind: SecurityRemoved, Breaking: true, Where: "security " + quote(name), From: securityString(s),
			Message: fmt.Sprintf("security scheme %q (%s) is removed: the option that set its credentials goes", name, securityString(s))})
	}
}

func securityString(s ir.Security) string {
	if s.In != "" || s.Param != "" {
		return fmt.Sprintf("%s in %s %q", s.Kind, s.In, s.Param)
	}
	return string(s.Kind)
}

func (d *differ) operations(old, cur *ir.API) {
	// An operation gone while a new one serves its method and path was
	// renamed: same wire call, another Go method.
	added := map[string]*ir.Operation{}
	for _, o := range cur.Operations {
		if d.old.ops[o.Name] == nil && o.Path != "" {
			added[o.Method+" "+o.Path] = o
		}
	}
	renamed := map[string]bool{}
	for _, o := range old.Operations {
		n := d.cur.ops[o.Name]
		if n == nil {
			if r := added[o.Method+" "+o.Path]; o.Path != "" && r != nil && !renamed[r.Name] {
				renamed[r.Name] = true
				d.add(opChange(r, Change{Kind: OperationRenamed, Breaking: true, Where: "operation", From: o.Name, To: r.Name,
					Message: fmt.Sprintf("operation %q is renamed %q (same %s %s): its Go method and param type are renamed", o.Name, r.Name, r.Method, r.Path)}))
				d.operation(o, r)
				continue
			}
			d.add(opChange(o, Change{Kind: OperationRemoved, Breaking: true, Where: "operation", From: o.Name,
				Message: fmt.Sprintf("operation %q is removed", o.Name)}))
			continue
		}
		d.operation(o, n)
	}
	for _, n := range cur.Operations {
		if d.old.ops[n.Name] == nil && !renamed[n.Name] {
			d.add(opChange(n, Change{Kind: OperationAdded, Where: "operation", To: n.Name,
				Message: fmt.Sprintf("operation %q is added", n.Name)}))
		}
	}
}

// operation compares one operation in its two versions.
func (d *differ) operation(o, n *ir.Operation) {
	add := func(c Change) { d.add(opChange(n, c)) }
	if o.Method != n.Method || o.Path != n.Path {
		add(Change{Kind: EndpointChanged, Breaking: true, Where: "endpoint", From: strings.TrimSpace(o.Method + " " + o.Path), To: strings.TrimSpace(n.Method + " " + n.Path),
			Message: fmt.Sprintf("the endpoint changes from %s %s to %s %s", o.Method, o.Path, n.Method, n.Path)})
	}
	if o.Action != n.Action {
		add(Change{Kind: ActionChanged, Breaking: true, Where: "action", From: o.Action, To: n.Action,
			Message: fmt.Sprintf("the action changes from %q to %q", o.Action, n.Action)})
	}
	if !o.Deprecated && n.Deprecated {
		add(Change{Kind: OperationDeprecated, Where: "operation", Message: "the operation is deprecated"})
	}
	switch {
	case !o.Auth && n.Auth:
		add(Change{Kind: AuthRequired, Breaking: true, Where: "auth", From: "none", To: "required",
			Message: "the operation now needs credentials"})
	case o.Auth && !n.Auth:
		add(Change{Kind: AuthDropped, Where: "auth", From: "required", To: "none",
			Message: "the operation no longer needs credentials"})
	}
	if o.Async != n.Async {
		add(Change{Kind: AsyncChanged, Breaking: true, Where: "async", From: fmt.Sprint(o.Async), To: fmt.Sprint(n.Async),
			Message: asyncMessage(n.Async)})
	}
	if from, to := pagingString(o.Paging), pagingString(n.Paging); from != to {
		add(Change{Kind: PagingChanged, Breaking: o.Paging != nil, Where: "paging", From: from, To: to,
			Message: fmt.Sprintf("paging changes from %s to %s", orNone(from), orNone(to))})
	}
	if o.BodyKey != n.BodyKey {
		add(Change{Kind: BodyKeyChanged, Breaking: true, Where: "body key", From: o.BodyKey, To: n.BodyKey,
			Message: fmt.Sprintf("the body's wrapper key changes from %q to %q", o.BodyKey, n.BodyKey)})
	}
	if o.Since != n.Since {
		add(Change{Kind: SinceChanged, Where: "since", From: o.Since, To: n.Since,
			Message: fmt.Sprintf("the since-version changes from %s to %s", orNone(o.Since), orNone(n.Since))})
	}
	if !slices.Equal(o.Servers, n.Servers) {
		add(Change{Kind: OperationServers, Where: "servers", From: strings.Join(o.Servers, " "), To: strings.Join(n.Servers, " "),
			Message: fmt.Sprintf("the operation's own servers change from %s to %s", orNone(strings.Join(o.Servers, " ")), orNone(strings.Join(n.Servers, " ")))})
	}
	d.params(o, n)
	d.body(o, n)
	d.response(o, n)
	d.errors(o, n)
}

// errors compares the documented error answers by status code. A changed
// type changes what errors.As finds; one added or removed changes only
// what is documented (an undocumented error still arrives as *APIError).
func (d *differ) errors(o, n *ir.Operation) {
	add := func(c Change) { d.add(opChange(n, c)) }
	old := map[string]*ir.ErrorResponse{}
	for _, e := range o.Errors {
		old[e.Code] = e
	}
	for _, e := range n.Errors {
		where := "error " + e.Code
		oe, ok := old[e.Code]
		delete(old, e.Code)
		switch {
		case !ok:
			add(Change{Kind: ErrorAdded, Where: where, To: refString(e.Type), Message: fmt.Sprintf("error answer %s (%s) is documented", e.Code, orNone(refString(e.Type)))})
		case refString(oe.Type) != refString(e.Type) && (oe.Type == nil || e.Type == nil || d.refDelta(*oe.Type, *e.Type) == changed):
			add(Change{Kind: ErrorTypeChanged, Breaking: true, Where: where, From: refString(oe.Type), To: refString(e.Type),
				Message: fmt.Sprintf("error answer %s changes type from %s to %s: errors.As targets change", e.Code, orNone(refString(oe.Type)), orNone(refString(e.Type)))})
		}
	}
	for _, code := range slices.Sorted(maps.Keys(old)) {
		add(Change{Kind: ErrorRemoved, Where: "error " + code, From: refString(old[code].Type), Message: fmt.Sprintf("error answer %s is no longer documented", code)})
	}
}

func asyncMessage(async bool) string {
	if async {
		return "the operation becomes asynchronous: it answers with a job to wait on"
	}
	return "the operation is no longer asynchronous"
}

func pagingString(p *ir.Paging) string {
	if p == nil {
		return ""
	}
	switch p.Style {
	case ir.PagingCursor:
		return fmt.Sprintf("%s(%s=%s,%s→%s)", p.Style, p.CursorParam, p.CursorField, p.HasMoreField, p.ItemsField)
	case ir.PagingToken:
		return fmt.Sprintf("%s(%s=%s,%s→%s)", p.Style, p.CursorParam, p.NextField, p.LimitParam, p.ItemsField)
	case ir.PagingPage:
		return fmt.Sprintf("%s(%s,%s)", p.Style, p.PageParam, p.LimitParam)
	}
	return fmt.Sprintf("%s(%s,%s→%s)", p.Style, p.OffsetParam, p.LimitParam, p.ItemsField)
}

func (d *differ) body(o, n *ir.Operation) {
	add := func(c Change) { d.add(opChange(n, c)) }
	switch {
	case o.Body == nil && n.Body == nil:
		return
	case o.Body == nil:
		add(Change{Kind: BodyAdded, Breaking: n.Body.Required, Where: "body", To: n.Body.Type.String(),
			Message: fmt.Sprintf("a request body (%s) is added%s", n.Body.Type, requiredNote(n.Body.Required))})
		return
	case n.Body == nil:
		add(Change{Kind: BodyRemoved, Breaking: true, Where: "body", From: o.Body.Type.String(),
			Message: "the request body is removed"})
		return
	}
	if from, to := o.Body.Type.String(), n.Body.Type.String(); from != to {
		add(Change{Kind: BodyTypeChanged, Breaking: d.refDelta(o.Body.Type, n.Body.Type) == changed, Where: "body", From: from, To: to,
			Message: fmt.Sprintf("the request body changes type from %s to %s", from, to)})
	}
	if o.Body.ContentType != n.Body.ContentType {
		add(Change{Kind: BodyMediaChanged, Breaking: true, Where: "body", From: o.Body.ContentType, To: n.Body.ContentType,
			Message: fmt.Sprintf("the request body is sent as %s instead of %s", n.Body.ContentType, o.Body.ContentType)})
	}
	d.bodyMediaTypes(o, n)
	switch {
	case !o.Body.Required && n.Body.Required:
		add(Change{Kind: BodyRequired, Breaking: true, Where: "body", Message: "the request body becomes required"})
	case o.Body.Required && !n.Body.Required:
		add(Change{Kind: BodyOptional, Where: "body", Message: "the request body becomes optional"})
	}
}

func (d *differ) response(o, n *ir.Operation) {
	or, nr := o.Response, n.Response
	if or == nil {
		or = &ir.Response{}
	}
	if nr == nil {
		nr = &ir.Response{}
	}
	add := func(c Change) { d.add(opChange(n, c)) }
	if from, to := refString(or.Type), refString(nr.Type); from != to {
		breaking := or.Type == nil || nr.Type == nil || d.refDelta(*or.Type, *nr.Type) == changed
		add(Change{Kind: ResponseTypeChanged, Breaking: breaking, Where: "response", From: from, To: to,
			Message: fmt.Sprintf("the response changes from %s to %s", orNone(from), orNone(to))})
	}
	if or.ContentType != nr.ContentType && or.ContentType != "" && nr.ContentType != "" {
		add(Change{Kind: ResponseMediaChanged, Breaking: true, Where: "response", From: or.ContentType, To: nr.ContentType,
			Message: fmt.Sprintf("the response is %s instead of %s", nr.ContentType, or.ContentType)})
	}
	d.responseMediaTypes(or, nr, n)
	if or.Envelope != nr.Envelope {
		add(Change{Kind: ResponseEnvelope, Breaking: true, Where: "response", From: or.Envelope, To: nr.Envelope,
			Message: fmt.Sprintf("the response's payload moves from %q to %q", or.Envelope, nr.Envelope)})
	}
}

func refString(r *ir.TypeRef) string {
	if r == nil {
		return ""
	}
	return r.String()
}

func requiredNote(required bool) string {
	if required {
		return ", required"
	}
	return ""
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func quote(s string) string { return fmt.Sprintf("%q", s) }
