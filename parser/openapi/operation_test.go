package openapi

import (
	"slices"
	"testing"

	"github.com/apigen-dev/apigen/ir"
)

func TestPetstoreAPI(t *testing.T) {
	api, diags := parseTestdata(t, "petstore.yaml")
	if api.Name != "Petstore" || api.Version != "1.0.0" || api.Family != ir.FamilyOpenAPI {
		t.Errorf("header = %q %q %q", api.Name, api.Version, api.Family)
	}
	if want := []string{"https://petstore.example.com/v1", "http://localhost:8080/v1"}; !slices.Equal(api.Servers, want) {
		t.Errorf("servers = %v, want %v (deduplicated, in order)", api.Servers, want)
	}
	want := []ir.Security{
		{Name: "api_key", Kind: "apiKey", In: "header", Param: "X-API-Key"},
		{Name: "basic", Kind: "basic"},
		{Name: "bearer", Kind: "bearer"},
		{Name: "oauth", Kind: "oauth2"},
	}
	if !slices.Equal(api.Security, want) {
		t.Errorf("security = %+v\nwant %+v", api.Security, want)
	}
	if len(diags) != 1 || diags[0].Kind != "unsupported-security" || diags[0].Pos.String() != "testdata/petstore.yaml:200:5" {
		t.Errorf("diags = %v, want one unsupported-security warning for digest at 200:5", diags)
	}
}

func TestPetstoreOperations(t *testing.T) {
	api, _ := parseTestdata(t, "petstore.yaml")

	list := mustOp(t, api, "listPets")
	if list.Method != "GET" || list.Path != "/pets" || list.Service != "pets" || list.Summary != "List all pets" || !list.Auth {
		t.Errorf("listPets = %+v", list)
	}
	if list.Pos.String() != "testdata/petstore.yaml:16:5" {
		t.Errorf("listPets pos = %s", list.Pos)
	}
	if len(list.Params) != 2 { // the Accept header is dropped, as the spec says
		t.Fatalf("listPets params = %d, want 2", len(list.Params))
	}
	limit := list.Params[0]
	if limit.Name != "limit" || limit.In != ir.InQuery || limit.Required || limit.Type != ir.Prim(ir.KindInteger, "int32") || limit.Default != "20" {
		t.Errorf("limit = %+v", limit)
	}
	if limit.Pos.String() != "testdata/petstore.yaml:21:11" {
		t.Errorf("limit pos = %s", limit.Pos)
	}
	status := list.Params[1]
	if !status.Required || status.Type != ir.Ref("ListPetsStatus") {
		t.Errorf("status = %+v, want required ref(ListPetsStatus)", status)
	}
	if r := list.Response; r == nil || r.Status != 200 || r.ContentType != "application/json" || r.Type.String() != "[]ref(Pet)" {
		t.Errorf("listPets response = %+v", r)
	}

	create := mustOp(t, api, "createPets")
	if b := create.Body; b == nil || b.ContentType != "application/json" || !b.Required || b.Type != ir.Ref("Pet") {
		t.Errorf("createPets body = %+v, want required JSON ref(Pet) though XML is listed first", b)
	}
	if r := create.Response; r == nil || r.Status != 202 || r.Type.String() != "ref(CreatePetsResponse)" {
		t.Errorf("createPets response = %+v, want the first 2xx with content (202)", r)
	}

	// No operationId: a name from method and path; path-level parameters
	// merged, the operation's X-Trace replacing the path's.
	get := mustOp(t, api, "GetPetsPetId")
	if !get.Deprecated {
		t.Error("GetPetsPetId not deprecated")
	}
	var got []string
	for _, p := range get.Params {
		got = append(got, string(p.In)+":"+p.Name)
	}
	if want := []string{"path:petId", "header:X-Trace", "query:verbose"}; !slices.Equal(got, want) {
		t.Errorf("params = %v, want %v", got, want)
	}
	if p := get.Param("petId"); !p.Required || p.Description != "The id of the pet" {
		t.Errorf("petId = %+v, want required (path) with description", p)
	}
	if p := get.Param("X-Trace"); !p.Required || p.Type.Format != "uuid" {
		t.Errorf("X-Trace = %+v, want the operation's (required, uuid)", p)
	}
	if p := get.Param("verbose"); p.Type != ir.Ref("Verbose") || p.Pos.Line != 169 {
		t.Errorf("verbose = %+v, want ref(Verbose) at the component (line 169)", p)
	}
	if r := get.Response; r == nil || r.Status != 0 || r.Type.String() != "ref(Pet)" {
		t.Errorf("2XX response = %+v", r)
	}

	photo := mustOp(t, api, "uploadPhoto")
	if b := photo.Body; b == nil || b.ContentType != "application/octet-stream" || b.Type.Kind != ir.KindBinary {
		t.Errorf("uploadPhoto body = %+v, want binary octet-stream", b)
	}
	if r := photo.Response; r == nil || r.Status != 204 || r.Type != nil {
		t.Errorf("uploadPhoto response = %+v, want 204 without type", r)
	}

	form := mustOp(t, api, "uploadForm")
	if b := form.Body; b == nil || b.ContentType != "multipart/form-data" || b.Type != ir.Ref("UploadFormRequest") {
		t.Errorf("uploadForm body = %+v", b)
	}
	req := mustType(t, api, "UploadFormRequest")
	if f := mustField(t, req, "file"); f.Type.Kind != ir.KindBinary || !f.Required {
		t.Errorf("file = %+v, want required binary", f)
	}
	if p := form.Param("session"); p == nil || p.In != ir.InCookie {
		t.Errorf("session = %+v, want a cookie", p)
	}
	if r := form.Response; r.ContentType != "text/plain" || r.Type.Kind != ir.KindString {
		t.Errorf("uploadForm response = %+v", r)
	}

	login := mustOp(t, api, "login")
	if login.Auth {
		t.Error("login: security: [] must give Auth false")
	}
	if b := login.Body; b == nil || b.Type != ir.Ref("CredentialsBody") {
		t.Errorf("login body = %+v, want the component request body's inline schema named CredentialsBody", b)
	}
	if r := login.Response; r == nil || r.Status != 0 || r.Type.String() != "ref(LoginResponse)" {
		t.Errorf("login response = %+v, want default", r)
	}
}

func TestPetstoreSchemas(t *testing.T) {
	api, _ := parseTestdata(t, "petstore.yaml")
	pet := mustType(t, api, "Pet")
	if pet.Kind != ir.KindStruct || pet.Description != "A pet for sale." {
		t.Errorf("Pet = %s %q", pet.Kind, pet.Description)
	}
	// Document order, not kin-openapi's map order or the alphabet.
	want := []string{"name", "id", "tag", "born", "seen", "weight", "status", "owner", "tags", "labels", "extra"}
	if got := fieldNames(pet); !slices.Equal(got, want) {
		t.Errorf("Pet fields = %v, want %v", got, want)
	}
	if pet.Pos.String() != "testdata/petstore.yaml:210:5" {
		t.Errorf("Pet pos = %s", pet.Pos)
	}
	checks := []struct {
		field    string
		typ      string
		required bool
	}{
		{"name", "string", true},
		{"id", "integer(int64)", true},
		{"born", "time(date)", false},
		{"seen", "time(date-time)", false},
		{"weight", "number(double)", false},
		// PetStatus is a component, so the inline enum takes a suffix.
		{"status", "ref(PetStatus2)", false},
		{"owner", "ref(PetOwner)", false},
		{"tags", "[]ref(PetTags)", false},
		{"labels", "map[string]string", false},
		{"extra", "any", false},
	}
	for _, c := range checks {
		f := mustField(t, pet, c.field)
		if f.Type.String() != c.typ || f.Required != c.required {
			t.Errorf("Pet.%s = %s required=%v, want %s required=%v", c.field, f.Type, f.Required, c.typ, c.required)
		}
	}
	if f := mustField(t, pet, "name"); f.Pos.String() != "testdata/petstore.yaml:215:9" || f.Description != "The pet's name." {
		t.Errorf("Pet.name = %+v", f)
	}
	if f := mustField(t, pet, "id"); !f.ReadOnly {
		t.Error("Pet.id not read-only")
	}
	if f := mustField(t, pet, "tag"); f.Default != `"<none>"` {
		t.Errorf("Pet.tag default = %s, want a JSON literal without HTML escapes", f.Default)
	}
	if ty := mustType(t, api, "PetStatus"); ty.Kind != ir.KindAlias {
		t.Errorf("component PetStatus = %s, want the alias it declares", ty.Kind)
	}
	if ty := mustType(t, api, "PetStatus2"); ty.Kind != ir.KindEnum || ty.Base != ir.KindString || len(ty.Values) != 3 {
		t.Errorf("PetStatus2 = %+v", ty)
	}
	if f := mustField(t, mustType(t, api, "PetOwner"), "address"); f.Type != ir.Ref("PetOwnerAddress") {
		t.Errorf("nested inline object = %s, want ref(PetOwnerAddress)", f.Type)
	}
}

func TestOperationNames(t *testing.T) {
	cases := map[string]string{
		"get /pets/{id}":           "GetPetsId",
		"post /":                   "Post",
		"delete /v1/user-groups/x": "DeleteV1UserGroupsX",
	}
	for in, want := range cases {
		method, path, _ := cut(in)
		if got := join(method, path); got != want {
			t.Errorf("join(%q) = %q, want %q", in, got, want)
		}
	}
	used := nameSet{}
	for _, want := range []string{"Pet", "Pet2", "Pet3"} {
		if got := unique(used, "Pet"); got != want {
			t.Errorf("unique = %q, want %q", got, want)
		}
	}
	if got := unique(nameSet{"V1": 1}, "V1"); got != "V1_2" {
		t.Errorf("unique(V1) = %q, want V1_2", got)
	}
}

func cut(s string) (string, string, bool) {
	for i := range s {
		if s[i] == ' ' {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

// A duplicated operationId keeps both operations, the second renamed with a
// warning, in an order that does not depend on map iteration.
func TestDuplicateOperationID(t *testing.T) {
	src := `openapi: 3.0.0
info: {title: Dup, version: "1"}
paths:
  /b:
    get:
      operationId: same
      responses: {'200': {description: ok}}
  /a:
    get:
      operationId: same
      responses: {'200': {description: ok}}
`
	for range 3 {
		api, diags, err := Parse("dup.yaml", []byte(src), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if o := api.Operation("same"); o == nil || o.Path != "/a" {
			t.Fatalf("same = %+v, want /a (paths visited sorted)", o)
		}
		if o := api.Operation("same2"); o == nil || o.Path != "/b" {
			t.Fatalf("same2 = %+v, want /b", o)
		}
		if len(diags) != 1 || diags[0].Kind != "duplicate-operation" || diags[0].Pos.Line != 5 {
			t.Fatalf("diags = %v", diags)
		}
	}
}
