package irdiff

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/ir"
)

// base is a small API every case edits a copy of: a ZStack-style async
// action with a wrapped body, a paged list, a response type with an enum, a
// union and an alias.
func base() *ir.API {
	return &ir.API{
		Family:   ir.FamilyZStack,
		Security: []ir.Security{{Name: "session", Kind: "session"}},
		Operations: []*ir.Operation{
			{Name: "ChangeVmState", Method: "PUT", Path: "/v1/vm-instances/{uuid}/actions", Auth: true, Async: true, BodyKey: "changeVmState",
				Params: []*ir.Param{
					{Name: "uuid", In: ir.InPath, Required: true, Type: ir.Prim(ir.KindString, "")},
					{Name: "stateEvent", In: ir.InBody, Wrapper: "changeVmState", Required: true, Type: ir.Prim(ir.KindString, ""), Enum: []string{`"start"`, `"stop"`}},
				},
				Response: &ir.Response{Type: refPtr("VmInventory"), Envelope: "inventory"}},
			{Name: "QueryVm", Method: "GET", Path: "/v1/vm-instances", Auth: true,
				Params: []*ir.Param{
					{Name: "limit", In: ir.InQuery, Type: ir.Prim(ir.KindInteger, "")},
					{Name: "q", In: ir.InQuery, Type: ir.ListOf(ir.Prim(ir.KindString, ""))},
				},
				Paging:   &ir.Paging{Style: "offset", OffsetParam: "start", LimitParam: "limit", ItemsField: "inventories"},
				Response: &ir.Response{Type: refPtr("VmList"), Envelope: "inventories"}},
			{Name: "CreateVm", Method: "POST", Path: "/v1/vm-instances", Auth: true,
				Body:     &ir.Body{Type: ir.Ref("VmSpec"), ContentType: "application/json"},
				Response: &ir.Response{Type: refPtr("VmInventory")}},
		},
		Types: []*ir.Type{
			{Name: "VmInventory", Kind: ir.KindStruct, Fields: []*ir.Field{
				{Name: "uuid", Type: ir.Prim(ir.KindString, ""), Required: true},
				{Name: "state", Type: ir.Ref("VmState")},
				{Name: "nic", Type: ir.Ref("Nic")},
			}},
			{Name: "VmList", Kind: ir.KindAlias, Alias: &ir.TypeRef{Kind: ir.KindList, Elem: refPtr("VmInventory")}},
			{Name: "VmState", Kind: ir.KindEnum, Base: ir.KindString, Values: []ir.EnumValue{{Value: `"Running"`}, {Value: `"Stopped"`}}},
			{Name: "Nic", Kind: ir.KindUnion, Variants: []ir.TypeRef{ir.Ref("L2Nic"), ir.Ref("L3Nic")}},
			{Name: "L2Nic", Kind: ir.KindStruct},
			{Name: "L3Nic", Kind: ir.KindStruct},
			{Name: "VmSpec", Kind: ir.KindStruct, Fields: []*ir.Field{{Name: "name", Type: ir.Prim(ir.KindString, ""), Required: true}}},
		},
	}
}

func refPtr(name string) *ir.TypeRef { r := ir.Ref(name); return &r }

func op(a *ir.API, name string) *ir.Operation { return a.Operation(name) }

// Each case edits a fresh copy of base and names the one change (kind and
// breaking) it must produce, in a shared type's case with the operations
// it reaches.
func TestCompareKinds(t *testing.T) {
	cases := []struct {
		name     string
		edit     func(a *ir.API)
		kind     Kind
		breaking bool
		where    string
	}{
		{"async dropped", func(a *ir.API) { op(a, "ChangeVmState").Async = false }, AsyncChanged, true, "async"},
		{"body key", func(a *ir.API) { op(a, "ChangeVmState").BodyKey = "params" }, BodyKeyChanged, true, "body key"},
		{"wrapper", func(a *ir.API) { op(a, "ChangeVmState").Params[1].Wrapper = "params" }, ParamWrapper, true, `param "stateEvent" (body in "params")`},
		{"param enum value removed", func(a *ir.API) { op(a, "ChangeVmState").Params[1].Enum = []string{`"start"`} }, ParamEnumRemoved, true, `param "stateEvent" (body in "changeVmState")`},
		{"param enum value added", func(a *ir.API) {
			p := op(a, "ChangeVmState").Params[1]
			p.Enum = append(p.Enum, `"reboot"`)
		}, ParamEnumAdded, false, `param "stateEvent" (body in "changeVmState")`},
		{"param values restricted", func(a *ir.API) { op(a, "QueryVm").Params[0].Enum = []string{"10", "100"} }, ParamEnumRestrict, true, `param "limit" (query)`},
		{"param style", func(a *ir.API) { op(a, "QueryVm").Params[1].Style = ir.StyleComma }, ParamStyle, false, `param "q" (query)`},
		{"param optional", func(a *ir.API) { op(a, "ChangeVmState").Params[1].Required = false }, ParamOptional, false, `param "stateEvent" (body in "changeVmState")`},
		{"param nullable", func(a *ir.API) { op(a, "QueryVm").Params[0].Nullable = true }, ParamNullable, false, `param "limit" (query)`},
		{"param since", func(a *ir.API) { op(a, "QueryVm").Params[0].Since = "4.0.0" }, SinceChanged, false, `param "limit" (query)`},
		{"paging dropped", func(a *ir.API) { op(a, "QueryVm").Paging = nil }, PagingChanged, true, "paging"},
		{"paging added", func(a *ir.API) {
			op(a, "CreateVm").Paging = &ir.Paging{Style: "first-skip", OffsetParam: "skip", LimitParam: "first", ItemsField: "data"}
		}, PagingChanged, false, "paging"},
		{"auth required", func(a *ir.API) { op(a, "CreateVm").Auth = false }, AuthDropped, false, "auth"},
		{"endpoint", func(a *ir.API) { op(a, "CreateVm").Path = "/v2/vm-instances" }, EndpointChanged, true, "endpoint"},
		{"deprecated", func(a *ir.API) { op(a, "CreateVm").Deprecated = true }, OperationDeprecated, false, "operation"},
		{"body media type", func(a *ir.API) { op(a, "CreateVm").Body.ContentType = "application/x-www-form-urlencoded" }, BodyMediaChanged, true, "body"},
		{"body required", func(a *ir.API) { op(a, "CreateVm").Body.Required = true }, BodyRequired, true, "body"},
		{"body removed", func(a *ir.API) { op(a, "CreateVm").Body = nil }, BodyRemoved, true, "body"},
		{"response envelope", func(a *ir.API) { op(a, "ChangeVmState").Response.Envelope = "result" }, ResponseEnvelope, true, "response"},
		{"response gone", func(a *ir.API) { op(a, "CreateVm").Response = nil }, ResponseTypeChanged, true, "response"},
		{"response enum value added", func(a *ir.API) {
			vs := a.Type("VmState")
			vs.Values = append(vs.Values, ir.EnumValue{Value: `"Paused"`})
		}, EnumValueAdded, false, "type"},
		{"response enum value removed", func(a *ir.API) { a.Type("VmState").Values = a.Type("VmState").Values[:1] }, EnumValueRemoved, true, "type"},
		{"union variant removed", func(a *ir.API) { a.Type("Nic").Variants = a.Type("Nic").Variants[:1] }, VariantRemoved, true, "type"},
		{"union variant added in a response", func(a *ir.API) {
			a.Type("Nic").Variants = append(a.Type("Nic").Variants, ir.Ref("VmSpec"))
		}, VariantAdded, true, "type"},
		{"alias", func(a *ir.API) { a.Type("VmList").Alias = &ir.TypeRef{Kind: ir.KindMap, Elem: refPtr("VmInventory")} }, AliasChanged, true, "type"},
		{"type kind", func(a *ir.API) { a.Type("L2Nic").Kind = ir.KindAlias; a.Type("L2Nic").Alias = refPtr("L3Nic") }, TypeKindChanged, true, "type"},
		{"response field required", func(a *ir.API) { a.Type("VmInventory").Fields[1].Required = true }, FieldRequired, false, `field "state"`},
		{"request field required", func(a *ir.API) {
			a.Types = append(a.Types[:6], &ir.Type{Name: "VmSpec", Kind: ir.KindStruct, Fields: []*ir.Field{{Name: "name", Type: ir.Prim(ir.KindString, "")}}})
		}, FieldOptional, false, `field "name"`},
		{"response field nullable", func(a *ir.API) { a.Type("VmInventory").Fields[0].Nullable = true }, FieldNullable, true, `field "uuid"`},
		{"field default", func(a *ir.API) { a.Type("VmSpec").Fields[0].Default = `"vm"` }, FieldDefault, false, `field "name"`},
		{"field deprecated", func(a *ir.API) { a.Type("VmInventory").Fields[0].Deprecated = true }, FieldDeprecated, false, `field "uuid"`},
		{"family", func(a *ir.API) { a.Family = ir.FamilyOpenAPI }, FamilyChanged, true, "api"},
		{"security removed", func(a *ir.API) { a.Security = nil }, SecurityRemoved, true, `security "session"`},
		{"servers", func(a *ir.API) { a.Servers = []string{"http://zstack:8080"} }, ServersChanged, false, "servers"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			old, cur := base(), base()
			c.edit(cur)
			got := Compare(old, cur)
			if len(got) != 1 {
				t.Fatalf("want one change, got %d:\n%s", len(got), dump(got))
			}
			g := got[0]
			if g.Kind != c.kind || g.Breaking != c.breaking || g.Where != c.where || g.Message == "" {
				t.Errorf("got %s breaking=%v where=%q (%s); want %s breaking=%v where=%q", g.Kind, g.Breaking, g.Where, g.Message, c.kind, c.breaking, c.where)
			}
			if g.Type != "" && (len(g.Operations) == 0 || g.Operation != g.Operations[0]) {
				t.Errorf("type change without the operations it reaches: %+v", g)
			}
			if g.Operation != "" && strings.HasPrefix(g.Operation, "Query") && g.Method != "GET" {
				t.Errorf("method not carried: %+v", g)
			}
		})
	}
}

// A compared API is not modified, and comparing it with itself finds
// nothing.
func TestCompareSameAndPure(t *testing.T) {
	a, b := base(), base()
	if got := Compare(a, b); len(got) != 0 {
		t.Fatalf("identical APIs differ:\n%s", dump(got))
	}
	c := base()
	c.Operations = c.Operations[:1]
	Compare(a, c)
	if fmt.Sprint(dump(Compare(a, base()))) != "" {
		t.Error("Compare modified its input")
	}
}

// A per-operation enum replaced by a shared one with every old value (and
// more) is a rename, not a type change; the old type's removal is not
// breaking on the wire (the Go API report says what it costs the build).
func TestCompareTypeRenamedToCompatible(t *testing.T) {
	old, cur := base(), base()
	old.Types = append(old.Types, &ir.Type{Name: "QueryVmOrder", Kind: ir.KindEnum, Values: []ir.EnumValue{{Value: `"asc"`}, {Value: `"desc"`}}})
	op(old, "QueryVm").Params = append(op(old, "QueryVm").Params, &ir.Param{Name: "order", In: ir.InQuery, Type: ir.Ref("QueryVmOrder")})
	cur.Types = append(cur.Types, &ir.Type{Name: "Order", Kind: ir.KindEnum, Values: []ir.EnumValue{{Value: `"desc"`}, {Value: `"asc"`}, {Value: `"none"`}}})
	op(cur, "QueryVm").Params = append(op(cur, "QueryVm").Params, &ir.Param{Name: "order", In: ir.InQuery, Type: ir.Ref("Order")})
	got := Compare(old, cur)
	kinds := map[Kind]bool{}
	for _, c := range got {
		kinds[c.Kind] = c.Breaking
	}
	if b, ok := kinds[ParamTypeRenamed]; !ok || b {
		t.Errorf("rename not reported as such:\n%s", dump(got))
	}
	if b, ok := kinds[TypeRemoved]; !ok || b {
		t.Errorf("replaced type's removal:\n%s", dump(got))
	}
	// Dropping a value is not compatible.
	cur.Type("Order").Values = cur.Type("Order").Values[:1]
	if !slices.ContainsFunc(Compare(old, cur), func(c Change) bool { return c.Kind == ParamTypeChanged && c.Breaking }) {
		t.Error("a narrower enum counted as a rename")
	}
}

func dump(cs []Change) string {
	var b strings.Builder
	for _, c := range cs {
		fmt.Fprintf(&b, "  %s breaking=%v op=%s type=%s where=%s: %s\n", c.Kind, c.Breaking, c.Operation, c.Type, c.Where, c.Message)
	}
	return b.String()
}

// Documented error answers: a changed type breaks errors.As, one added or
// removed does not; an operation's own servers are reported.
func TestCompareErrorsAndServers(t *testing.T) {
	old, cur := base(), base()
	op(old, "CreateVm").Errors = []*ir.ErrorResponse{{Code: "404", Type: refPtr("VmSpec")}, {Code: "default", Type: refPtr("VmSpec")}}
	op(cur, "CreateVm").Errors = []*ir.ErrorResponse{{Code: "404", Type: refPtr("L2Nic")}, {Code: "409"}}
	op(cur, "CreateVm").Servers = []string{"https://files.example.com"}
	got := map[Kind]bool{}
	for _, c := range Compare(old, cur) {
		got[c.Kind] = c.Breaking
	}
	want := map[Kind]bool{ErrorTypeChanged: true, ErrorAdded: false, ErrorRemoved: false, OperationServers: false}
	for k, b := range want {
		if g, ok := got[k]; !ok || g != b {
			t.Errorf("%s: reported %v, breaking %v; want breaking %v", k, ok, g, b)
		}
	}
}

// Media types: a request type removed is breaking unless a wildcard still
// admits it, one added is not; a response type removed is breaking only
// when it was the last the result decodes from; a default that moves is
// reported once, as the default's change.
func TestCompareMediaTypes(t *testing.T) {
	upload := func(def string, body []string, resDef string, res []string) *ir.API {
		a := base()
		o := op(a, "CreateVm")
		o.Body.ContentType, o.Body.MediaTypes = def, body
		o.Response.ContentType, o.Response.MediaTypes = resDef, res
		return a
	}
	json, xml, csv, text := "application/json", "application/xml", "text/csv", "text/plain"
	for _, c := range []struct {
		name     string
		old, cur *ir.API
		want     []string // kind breaking from/to, sorted as Compare sorts
	}{
		{"request type removed", upload("image/png", []string{"image/png", "image/jpeg"}, json, nil), upload("image/png", nil, json, nil),
			[]string{"body-media-type-removed true image/jpeg"}},
		{"request type covered by a wildcard", upload("image/png", []string{"image/png", "image/jpeg"}, json, nil), upload("image/png", []string{"image/png", "image/*"}, json, nil),
			[]string{"body-media-type-added false image/*", "body-media-type-removed false image/jpeg"}},
		{"request type added", upload(json, nil, json, nil), upload(json, []string{json, "application/merge-patch+json"}, json, nil),
			[]string{"body-media-type-added false application/merge-patch+json"}},
		{"request default moves", upload(json, nil, json, nil), upload(xml, nil, json, nil),
			[]string{"body-media-type-changed true application/json→application/xml"}},
		{"response type other than the decoded one removed", upload(json, nil, json, []string{json, xml}), upload(json, nil, json, []string{json}),
			[]string{"response-media-type-removed false application/xml"}},
		{"response text type removed, another text left", upload(json, nil, csv, []string{csv, text}), upload(json, nil, csv, []string{csv}),
			[]string{"response-media-type-removed false text/plain"}},
		{"response: last JSON type removed", upload(json, nil, json, []string{json, "application/vnd.x+json", csv}), upload(json, nil, json, []string{csv}),
			[]string{"response-media-type-removed true application/json", "response-media-type-removed true application/vnd.x+json"}},
		{"response type added", upload(json, nil, json, nil), upload(json, nil, json, []string{json, text}),
			[]string{"response-media-type-added false text/plain"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, ch := range Compare(c.old, c.cur) {
				s := fmt.Sprintf("%s %v %s", ch.Kind, ch.Breaking, ch.From)
				switch {
				case ch.From != "" && ch.To != "":
					s += "→" + ch.To
				case ch.From == "":
					s += ch.To
				}
				got = append(got, s)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("got %q\nwant %q", got, c.want)
			}
		})
	}
}
