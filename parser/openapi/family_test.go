package openapi

import (
	"os"
	"testing"

	"github.com/apigen-dev/apigen/ir"
)

func TestCloudTower(t *testing.T) {
	api, diags := parseTestdata(t, "cloudtower.json")
	if len(diags) != 0 {
		t.Errorf("diags = %v", diags)
	}
	if api.Family != ir.FamilyCloudTower {
		t.Fatalf("family = %q, want cloudtower (from the title)", api.Family)
	}
	if len(api.Security) != 1 || api.Security[0] != (ir.Security{Name: "Authorization", Kind: "token", In: "header", Param: "Authorization"}) {
		t.Errorf("security = %+v, want the Authorization header as a login token", api.Security)
	}

	get := mustOp(t, api, "GetVms")
	want := ir.Paging{Style: "first-skip", OffsetParam: "skip", LimitParam: "first"}
	if get.Paging == nil || *get.Paging != want {
		t.Errorf("GetVms paging = %+v, want %+v", get.Paging, want)
	}
	if get.Async {
		t.Error("GetVms is not async")
	}
	if p := get.Param("content-language"); p == nil || p.In != ir.InHeader || p.Required || p.Type != ir.Ref("ContentLanguage") {
		t.Errorf("content-language = %+v, want an optional header typed by the ContentLanguage enum", p)
	}
	// Filter inputs' optional fields lose the nullability the spec gives
	// them (null filters nothing absence does not); other types keep it.
	if f := mustField(t, mustType(t, api, "GetVmsRequestBody"), "where"); f.Type != ir.Ref("VmWhereInput") || f.Nullable {
		t.Errorf("where = %+v, want not nullable", f)
	}
	if f := mustField(t, mustType(t, api, "VmWhereInput"), "AND"); f.Nullable {
		t.Errorf("VmWhereInput.AND = %+v, want not nullable", f)
	}
	if f := mustField(t, mustType(t, api, "WithTask_Vm_"), "task_id"); !f.Nullable {
		t.Errorf("WithTask_Vm_.task_id = %+v, want nullable as the spec says", f)
	}

	start := mustOp(t, api, "StartVm")
	if !start.Async || start.Paging != nil {
		t.Errorf("StartVm async=%v paging=%+v, want async (a list of WithTask_Vm_) without paging", start.Async, start.Paging)
	}
	if login := mustOp(t, api, "Login"); !login.Async {
		t.Error("Login answers a WithTask_ object: async")
	}

	// Options.Family overrides detection.
	src, err := os.ReadFile("testdata/cloudtower.json")
	if err != nil {
		t.Fatal(err)
	}
	api, _, err = Parse("cloudtower.json", src, Options{Family: ir.FamilyOpenAPI})
	if err != nil {
		t.Fatal(err)
	}
	if api.Family != ir.FamilyOpenAPI || api.Operation("GetVms").Paging != nil || api.Security[0].Kind != "apiKey" {
		t.Errorf("with Family openapi: family %q, paging %+v, security %+v", api.Family, api.Operation("GetVms").Paging, api.Security)
	}
	if f := mustField(t, mustType(t, api, "GetVmsRequestBody"), "where"); !f.Nullable {
		t.Errorf("with Family openapi: where = %+v, want nullable as the spec says", f)
	}
}

func TestSwagger2(t *testing.T) {
	api, diags := parseTestdata(t, "swagger2.json")
	if len(diags) != 1 || diags[0].Kind != "bad-host" || diags[0].Pos.String() != "testdata/swagger2.json:4:3" {
		t.Errorf("diags = %v, want one bad-host warning at 4:3", diags)
	}
	if len(api.Servers) != 1 || api.Servers[0] != "https://petstore.example.com/api/v2" {
		t.Errorf("servers = %v, want host, path of host and basePath joined", api.Servers)
	}
	if len(api.Security) != 3 || api.Security[1].Kind != "basic" || api.Security[2].Kind != "oauth2" {
		t.Errorf("security = %+v", api.Security)
	}

	find := mustOp(t, api, "findPets")
	if find.Pos.String() != "testdata/swagger2.json:13:7" {
		t.Errorf("findPets pos = %s", find.Pos)
	}
	var names []string
	for _, p := range find.Params {
		names = append(names, p.Name)
	}
	if len(names) != 4 || names[0] != "X-Trace" {
		t.Errorf("findPets params = %v, want the path-level X-Trace first", names)
	}
	if p := find.Param("limit"); !p.Nullable || p.Pos.String() != "testdata/swagger2.json:18:11" {
		t.Errorf("limit = %+v, want x-nullable honoured and the 2.0 position", p)
	}
	if p := find.Param("tags"); p.Type.String() != "[]string" {
		t.Errorf("tags = %s", p.Type)
	}
	if p := find.Param("kind"); p.Type != ir.Ref("FindPetsKind") {
		t.Errorf("kind = %s", p.Type)
	}
	if p := find.Param("X-Trace"); p.Pos.Line != 61 {
		t.Errorf("X-Trace pos = %s, want its definition under parameters (line 61)", p.Pos)
	}

	// in: body becomes the request body, JSON by default.
	add := mustOp(t, api, "addPet")
	if b := add.Body; b == nil || b.Type != ir.Ref("NewPet") || !b.Required || b.ContentType != "application/json" || b.Description != "Pet to add" {
		t.Errorf("addPet body = %+v", b)
	}
	if len(add.Params) != 1 {
		t.Errorf("addPet params = %+v, want only X-Trace (the body parameter is the body)", add.Params)
	}

	// formData becomes a form body, multipart when a file is sent, its
	// fields in parameter order.
	up := mustOp(t, api, "uploadPhoto")
	if up.Auth {
		t.Error("uploadPhoto has security: []")
	}
	if b := up.Body; b == nil || b.ContentType != "multipart/form-data" || !b.Required {
		t.Fatalf("uploadPhoto body = %+v, want required multipart", b)
	}
	form := mustType(t, api, up.Body.Type.Ref)
	if got := fieldNames(form); len(got) != 3 || got[0] != "title" || got[1] != "photo" || got[2] != "album" {
		t.Errorf("form fields = %v, want parameter order", got)
	}
	if f := mustField(t, form, "photo"); f.Type.Kind != ir.KindBinary || f.Pos.Line != 42 {
		t.Errorf("photo = %+v, want binary at line 42", f)
	}
	if f := mustField(t, form, "title"); !f.Required {
		t.Error("title must stay required")
	}
	if b := mustOp(t, api, "updatePet").Body; b == nil || b.ContentType != "application/x-www-form-urlencoded" {
		t.Errorf("updatePet body = %+v, want urlencoded form", b)
	}

	pet := mustType(t, api, "Pet")
	if got := fieldNames(pet); len(got) != 4 || got[3] != "id" || !mustField(t, pet, "id").Required {
		t.Errorf("Pet fields = %v, want NewPet's then id", got)
	}
	if f := mustField(t, mustType(t, api, "NewPet"), "tag"); !f.Nullable {
		t.Error("x-nullable on a definition's property must make it nullable")
	}
	if f := mustField(t, mustType(t, api, "NewPet"), "born"); f.Pos.String() != "testdata/swagger2.json:70:9" {
		t.Errorf("born pos = %s", f.Pos)
	}
	if f := mustField(t, mustType(t, api, "Error"), "details"); f.Type.String() != "map[string]any" {
		t.Errorf("details ({type: object}) = %s, want map[string]any", f.Type)
	}
	if r := find.Response; r == nil || r.Status != 200 || r.Type.String() != "[]ref(Pet)" {
		t.Errorf("findPets response = %+v", r)
	}
}
