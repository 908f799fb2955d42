package templates

import (
	"fmt"
	"testing"

	"github.com/apigen-dev/apigen/internal/gocheck"
	"github.com/apigen-dev/apigen/ir"
)

// TestGeneratedCode generates seven packages into one module, builds and
// vets them, and runs the tests below (and in validate_test.go,
// body_test.go and cloudtower_test.go) inside them: the generated code is
// exercised through a fake transport, not only compiled.
func TestGeneratedCode(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a module")
	}
	module := map[string][]byte{}
	for dir, c := range map[string]struct {
		api   *ir.API
		tests []string
	}{
		"petstore":   {petstore(), []string{petstoreTest, petstoreValidateTest, petstoreFormTest}},
		"zstack":     {zstackAPI(), []string{zstackTest}},
		"qingcloud":  {qingcloudAPI(), []string{qingcloudTest}},
		"edge":       {edgeAPI(), []string{edgeTest, edgeCookieTest}},
		"cloudtower": {cloudtowerAPI(), []string{cloudtowerTest}},
		"bodies":     {bodiesAPI(), []string{bodiesTest}},
		"pages":      {pagesAPI(), []string{pagesTest}},
		"tokens":     {tokenAPI(), []string{tokenTest}},
	} {
		files, _ := generate(t, c.api, Options{Package: dir})
		for name, content := range files {
			module[dir+"/"+name] = content
		}
		for i, test := range c.tests {
			module[fmt.Sprintf("%s/behaviour%d_test.go", dir, i+1)] = []byte(test)
		}
	}
	gocheck.Test(t, module)
}

func gocheckCompile(t *testing.T, files map[string][]byte) {
	gocheck.Compile(t, files)
}

const petstoreTest = `package petstore

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"testing"

	"github.com/apigen-dev/apigen/apiruntime"
)

func TestGetPet(t *testing.T) {
	var got *apiruntime.Request
	c := New(apiruntime.TransportFunc(func(ctx context.Context, req *apiruntime.Request, out any) error {
		got = req
		return json.Unmarshal([]byte(` + "`" + `{"id":5,"name":"Rex","nickname":null}` + "`" + `), out)
	}))
	pet, err := c.GetPet(context.Background(), &GetPetParams{PetID: 5, Mode: "full"})
	if err != nil {
		t.Fatal(err)
	}
	if got.Operation != "getPet" || got.Method != "GET" || got.Path != "/pets/5" || got.Query.Get("mode") != "full" || got.Since != "1.1" || !got.Auth {
		t.Errorf("request %+v", got)
	}
	if pet.ID != 5 || pet.Name != "Rex" || !pet.Nickname.IsNull() {
		t.Errorf("pet %+v", pet)
	}
	var ve *apiruntime.ValidationError
	if _, err := c.GetPet(context.Background(), &GetPetParams{Mode: "bogus"}); !errors.As(err, &ve) || len(ve.Problems) != 1 {
		t.Errorf("bad enum: %v", err)
	}
	if _, err := c.GetPet(context.Background(), nil); !errors.As(err, &ve) || len(ve.Problems) != 1 {
		t.Errorf("nil params: %v", err)
	}
}

func TestListPetsAll(t *testing.T) {
	calls := 0
	c := New(apiruntime.TransportFunc(func(ctx context.Context, req *apiruntime.Request, out any) error {
		calls++
		off, _ := strconv.Atoi(req.Query.Get("offset"))
		lim, _ := strconv.Atoi(req.Query.Get("limit"))
		if req.Query.Get("status") != "sold" {
			t.Errorf("filter lost: %v", req.Query)
		}
		page := out.(*Page)
		for i := off; i < off+lim && i < 250; i++ {
			page.Items = append(page.Items, Pet{ID: int64(i)})
		}
		total := int64(250)
		page.Total = &total
		return nil
	}))
	n := 0
	for pet, err := range c.ListPetsAll(context.Background(), &ListPetsParams{Status: []string{"sold"}}) {
		if err != nil {
			t.Fatal(err)
		}
		if pet.ID != int64(n) {
			t.Fatalf("item %d is %d", n, pet.ID)
		}
		n++
	}
	if n != 250 || calls != 3 {
		t.Errorf("%d items in %d calls", n, calls)
	}
}

func TestCreatePetAndModels(t *testing.T) {
	var body any
	c := New(apiruntime.TransportFunc(func(ctx context.Context, req *apiruntime.Request, out any) error {
		body = req.Body
		return nil
	}))
	if _, err := c.CreatePet(context.Background(), &CreatePetParams{Body: Pet{Name: "Rex", Field: "-"}}); err != nil {
		t.Fatal(err)
	}
	if p, ok := body.(*Pet); !ok || p.Name != "Rex" {
		t.Errorf("body %#v", body)
	}
	b, _ := json.Marshal(Pet{Name: "a", Nickname: apiruntime.Null[string](), Tag: apiruntime.Ptr("")})
	if string(b) != ` + "`" + `{"id":0,"name":"a","tag":"","nickname":null,"-":""}` + "`" + ` {
		t.Errorf("pet JSON %s", b)
	}
	var m Meta
	if err := json.Unmarshal([]byte(` + "`" + `{"version":2,"color":"red"}` + "`" + `), &m); err != nil || *m.Version != 2 || m.AdditionalProperties["color"] != "red" {
		t.Fatalf("meta %+v %v", m, err)
	}
	if b, _ := json.Marshal(m); string(b) != ` + "`" + `{"color":"red","version":2}` + "`" + ` {
		t.Errorf("meta JSON %s", b)
	}
	if PetStatusValues()[0] != PetStatusAvailable || PetStatusOnHold != "on-hold" {
		t.Error("enum constants")
	}
}

func TestUnion(t *testing.T) {
	var u PetOrOwner
	if err := u.FromPet(Pet{ID: 7, Name: "Rex"}); err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(struct{ U PetOrOwner }{u})
	var back struct{ U PetOrOwner }
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if p, err := back.U.AsPet(); err != nil || p.ID != 7 {
		t.Errorf("AsPet %+v %v", p, err)
	}
	if err := json.Unmarshal([]byte(` + "`" + `{"kind":"owner","name":"Ann","best":{"id":1,"name":"x","-":""}}` + "`" + `), &u); err != nil {
		t.Fatal(err)
	}
	if k, _ := u.Discriminator(); k != "owner" {
		t.Errorf("discriminator %q", k)
	}
	if o, err := u.AsOwner(); err != nil || o.Best.ID != 1 {
		t.Errorf("AsOwner %+v %v", o, err)
	}
	if b, _ := json.Marshal(PetOrOwner{}); string(b) != "null" {
		t.Errorf("empty union %s", b)
	}
}
`

const zstackTest = `package zstack

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/apigen-dev/apigen/apiruntime"
)

func fake(t *testing.T, answer string, seen *[]*apiruntime.Request) *Client {
	return New(apiruntime.TransportFunc(func(ctx context.Context, req *apiruntime.Request, out any) error {
		*seen = append(*seen, req)
		return json.Unmarshal([]byte(answer), out)
	}))
}

func TestCreateVmInstance(t *testing.T) {
	var seen []*apiruntime.Request
	c := fake(t, ` + "`" + `{"inventory":{"uuid":"u","cpuNum":"4","memorySize":"1024","ha":"true","createDate":"Jun 7, 2017 9:20:28 PM"}}` + "`" + `, &seen)
	vm, err := c.CreateVMInstance(context.Background(), &CreateVMInstanceParams{Name: "n", InstanceOfferingUUID: "o", SystemTags: []string{"a"}})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(seen[0].Body)
	if string(b) != ` + "`" + `{"params":{"instanceOfferingUuid":"o","name":"n"},"systemTags":["a"]}` + "`" + ` {
		t.Errorf("body %s", b)
	}
	if vm.UUID != "u" || *vm.CPUNum != 4 || *vm.MemorySize != 1024 || !bool(*vm.Ha) || vm.CreateDate.Year() != 2017 {
		t.Errorf("vm %+v", vm)
	}
	// strategy's values were read from prose: documented, not enforced.
	if _, err := c.CreateVMInstance(context.Background(), &CreateVMInstanceParams{Name: "n", InstanceOfferingUUID: "o", Strategy: apiruntime.Ptr("Later")}); err != nil {
		t.Errorf("value outside a prose-documented set refused: %v", err)
	}
	if _, err := c.CreateVMInstance(context.Background(), &CreateVMInstanceParams{InstanceOfferingUUID: "o"}); err == nil {
		t.Error("missing name accepted")
	}
}

func TestTolerantNumbers(t *testing.T) {
	var nic VMNICInventory
	if err := json.Unmarshal([]byte(` + "`" + `{"deviceId":"3","priority":"2"}` + "`" + `), &nic); err != nil {
		t.Fatal(err)
	}
	if nic.DeviceID != 3 || *nic.Priority != NICPriority2 {
		t.Errorf("nic %+v", nic)
	}
}

func TestActionBodyAndCount(t *testing.T) {
	var seen []*apiruntime.Request
	c := fake(t, ` + "`" + `{"inventory":{"uuid":"u"}}` + "`" + `, &seen)
	if _, err := c.StopVMInstance(context.Background(), &StopVMInstanceParams{UUID: "x/y"}); err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(seen[0].Body)
	if string(b) != ` + "`" + `{"stopVmInstance":{}}` + "`" + ` || seen[0].Path != "/v1/vm-instances/x%2Fy/actions" || seen[0].Method != "PUT" {
		t.Errorf("request %+v body %s", seen[0], b)
	}
	c = fake(t, ` + "`" + `{"total":"12"}` + "`" + `, &seen)
	n, err := c.GetVMInstanceCount(context.Background())
	if err != nil || n != 12 {
		t.Errorf("count %d %v", n, err)
	}
	var _ apiruntime.Int64 = n
}

func TestQueryAll(t *testing.T) {
	var seen []*apiruntime.Request
	c := New(apiruntime.TransportFunc(func(ctx context.Context, req *apiruntime.Request, out any) error {
		seen = append(seen, req)
		if req.Query.Get("replyWithCount") != "true" || req.Query.Get("limit") != "2" || req.Query.Get("start") != "0" {
			t.Errorf("query %v", req.Query)
		}
		return json.Unmarshal([]byte(` + "`" + `{"inventories":[{"uuid":"a"},{"uuid":"b"}],"total":"2"}` + "`" + `), out)
	}))
	var ids string
	for vm, err := range c.QueryVMInstanceAll(context.Background(), nil) {
		if err != nil {
			t.Fatal(err)
		}
		ids += vm.UUID
	}
	// The page was full, but the total (sent as a string) says it was
	// the last one.
	if ids != "ab" || len(seen) != 1 {
		t.Errorf("ids %q after %d calls", ids, len(seen))
	}
}
`

const qingcloudTest = `package qingcloud

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/apigen-dev/apigen/apiruntime"
	qc "github.com/apigen-dev/apigen/apiruntime/qingcloud"
)

func TestRunInstances(t *testing.T) {
	p := &RunInstancesParams{ImageID: "img", LoginMode: "passwd", Zone: "pek3", Vxnets: []string{"v1", "v2"}}
	c := New(apiruntime.TransportFunc(func(ctx context.Context, req *apiruntime.Request, out any) error {
		if req.Action != "RunInstances" || req.Params != any(p) || len(req.Query) != 0 || req.Body != nil {
			t.Errorf("request %+v", req)
		}
		q, err := qc.Encode(req.Params)
		if err != nil || q.Get("image_id") != "img" || q.Get("vxnets.2") != "v2" || q.Get("login_mode") != "passwd" || q.Has("count") {
			t.Errorf("encoded %v %v", q, err)
		}
		return json.Unmarshal([]byte(` + "`" + `{"instances":["i-1"],"job_id":"j-1","ret_code":"0"}` + "`" + `), out)
	}))
	r, err := c.RunInstances(context.Background(), p)
	if err != nil || *r.JobID != "j-1" || *r.RetCode != 0 {
		t.Fatalf("%+v %v", r, err)
	}
	if _, err := c.RunInstances(context.Background(), &RunInstancesParams{LoginMode: "ssh"}); err == nil {
		t.Error("missing image_id and zone, bad login_mode accepted")
	}
}

func TestDescribeAll(t *testing.T) {
	c := New(apiruntime.TransportFunc(func(ctx context.Context, req *apiruntime.Request, out any) error {
		p := req.Params.(*DescribeInstancesParams)
		r := out.(*DescribeInstancesResponse)
		for i := *p.Offset; i < *p.Offset+*p.Limit && i < 130; i++ {
			r.InstanceSet = append(r.InstanceSet, Instance{InstanceID: "i"})
		}
		total := apiruntime.Int64(130)
		r.TotalCount = &total
		return nil
	}))
	n := 0
	for _, err := range c.DescribeInstancesAll(context.Background(), nil) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 130 {
		t.Errorf("%d instances", n)
	}
}
`

const edgeTest = `package edge

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/apiruntime"
)

func TestRecursiveTypes(t *testing.T) {
	a := A{A: &A{}, B: &B{A: &AAlias{}, C: C{X: "x"}}, N: apiruntime.Value(&A{})}
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	var back A
	if err := json.Unmarshal(b, &back); err != nil || back.B.C.X != "x" {
		t.Errorf("%s %v", b, err)
	}
}

func TestEnums(t *testing.T) {
	if len(LevelValues()) != 4 || LevelMinus1 != -1 || Level3 != 3 {
		t.Errorf("levels %v", LevelValues())
	}
	if len(RatioValues()) != 4 || Ratio1000 != 1000 || RatioMinus2_25 != -2.25 {
		t.Errorf("ratios %v", RatioValues())
	}
	if FlagTrue != true || len(FlagValues()) != 2 {
		t.Error("flags")
	}
	if len(PetStatusTypeValues()) != 6 || PetStatusX != "x" {
		t.Error("string enums")
	}
	var s PetStatus
	if err := json.Unmarshal([]byte(` + "`" + `"unknown"` + "`" + `), &s); err != nil || s != "unknown" {
		t.Error("unknown enum value does not decode")
	}
}

func TestValidateReportsAll(t *testing.T) {
	lvl := Level(7)
	err := (&GetPet3Params{Flag: true, Kind: "bird", Level: &lvl}).Validate()
	var ve *apiruntime.ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != 4 {
		t.Fatalf("want 4 problems (id, tags missing; kind, level invalid), got %v", err)
	}
	if err := (&GetPet3Params{ID: "1", Flag: true, Kind: "cat", Tags: []string{}}).Validate(); err != nil {
		t.Errorf("valid params rejected: %v", err)
	}
}

func TestBodies(t *testing.T) {
	var last *apiruntime.Request
	c := New(apiruntime.TransportFunc(func(ctx context.Context, req *apiruntime.Request, out any) error {
		last = req
		return nil
	}))
	png := strings.NewReader("png")
	if err := c.Upload(context.Background(), &UploadParams{Body: png}); err != nil || last.Stream != png || last.ContentType != "image/png" {
		t.Errorf("upload %+v %v", last, err)
	}
	if err := c.Render(context.Background(), &RenderParams{Body: apiruntime.Ptr("# hi")}); err != nil || string(last.RawBody) != "# hi" || last.ContentType != "text/plain" {
		t.Errorf("text %+v %v", last, err)
	}
	if err := c.SubmitForm(context.Background(), &SubmitFormParams{Name: "a b"}); err != nil || string(last.RawBody) != "name=a+b" || last.ContentType != "application/x-www-form-urlencoded" {
		t.Errorf("form %+v %v", last, err)
	}
}

func TestPagingInBodyAndFirstSkip(t *testing.T) {
	c := New(apiruntime.TransportFunc(func(ctx context.Context, req *apiruntime.Request, out any) error {
		var skip, first int64
		switch req.Operation {
		case "searchPets":
			b := req.Body.(*SearchBody)
			skip, first = *b.Skip, *b.First
			if b.Where != "keep" {
				t.Errorf("body lost its filter")
			}
		case "listPets":
			s, _ := strconv.Atoi(req.Query.Get("skip"))
			f, _ := strconv.Atoi(req.Query.Get("first"))
			skip, first = int64(s), int64(f)
		}
		var items []C
		for i := skip; i < skip+first && i < 150; i++ {
			items = append(items, C{X: strconv.FormatInt(i, 10)})
		}
		switch o := out.(type) {
		case *SearchPage:
			o.Items = items
		case *[]C:
			*o = items
		}
		return nil
	}))
	n := 0
	for _, err := range c.SearchPetsAll(context.Background(), &SearchPetsParams{Body: &SearchBody{Where: "keep"}}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	m := 0
	for _, err := range c.ListPetsIter(context.Background(), nil) {
		if err != nil {
			t.Fatal(err)
		}
		m++
	}
	if n != 150 || m != 150 {
		t.Errorf("%d and %d items", n, m)
	}
	// The operation named listPetsAll keeps its name; the iterator
	// of listPets gave way.
	var _ func(context.Context, ...apiruntime.CallOption) error = c.ListPetsAll
}
`
