package templates

import (
	"testing"

	"github.com/apigen-dev/apigen/ir"
)

// petstore is a small API touching most of what the emitters do: structs
// with optional, nullable and since-versioned fields, an enum, a union, an
// alias, a recursive type, params in every location, a body, paging.
func petstore() *ir.API {
	str := ir.Prim(ir.KindString, "")
	i64 := ir.Prim(ir.KindInteger, "int64")
	api := &ir.API{
		Name:        "Petstore",
		Family:      ir.FamilyOpenAPI,
		Version:     "1.0.0",
		Description: "A sample API.\nSecond line.",
		Types: []*ir.Type{
			{Name: "Pet", Kind: ir.KindStruct, Description: "A pet for sale.", Fields: []*ir.Field{
				{Name: "id", Type: i64, Required: true, Description: "Unique id."},
				{Name: "name", Type: str, Required: true},
				{Name: "tag", Type: str, Since: "1.2.0"},
				{Name: "status", Type: ir.Ref("PetStatus")},
				{Name: "nickname", Type: str, Nullable: true},
				{Name: "born", Type: ir.Prim(ir.KindTime, "date-time")},
				{Name: "photo", Type: ir.Prim(ir.KindBinary, "")},
				{Name: "extra", Type: ir.Prim(ir.KindAny, "")},
				{Name: "weird", Type: ir.Prim(ir.KindRaw, "")},
				{Name: "tags", Type: ir.ListOf(str)},
				{Name: "labels", Type: ir.MapOf(str)},
				{Name: "owner", Type: ir.Ref("Owner")},
				{Name: "missing", Type: ir.Ref("Nowhere")},
				{Name: "bad\"name", Type: str},
				{Name: "-", Type: str, Required: true},
				{Name: "parent", Type: ir.Ref("Pet")},
			}},
			{Name: "PetStatus", Kind: ir.KindEnum, Base: ir.KindString, Values: []ir.EnumValue{
				{Value: `"available"`, Description: "Ready to sell."}, {Value: `"sold"`}, {Value: `"on-hold"`}, {Value: `""`},
			}},
			{Name: "Owner", Kind: ir.KindStruct, Fields: []*ir.Field{
				{Name: "name", Type: str, Required: true},
				{Name: "pets", Type: ir.Ref("PetList")},
				{Name: "best", Type: ir.Ref("Pet"), Required: true},
			}},
			{Name: "PetList", Kind: ir.KindAlias, Alias: &ir.TypeRef{Kind: ir.KindList, Elem: &ir.TypeRef{Kind: ir.KindRef, Ref: "Pet"}}},
			{Name: "PetOrOwner", Kind: ir.KindUnion, Variants: []ir.TypeRef{ir.Ref("Pet"), ir.Ref("Owner"), str}, Discriminator: "kind"},
			{Name: "Page", Kind: ir.KindStruct, Fields: []*ir.Field{
				{Name: "items", Type: ir.ListOf(ir.Ref("Pet")), Required: true},
				{Name: "total", Type: i64},
			}},
			{Name: "Meta", Kind: ir.KindStruct, AdditionalProperties: &str, Fields: []*ir.Field{
				{Name: "version", Type: i64},
			}},
		},
		Operations: []*ir.Operation{
			{Name: "listPets", Method: "get", Path: "/pets", Summary: "List pets.", Auth: true,
				Params: []*ir.Param{
					{Name: "limit", In: ir.InQuery, Type: ir.Prim(ir.KindInteger, "int32"), Default: "20"},
					{Name: "offset", In: ir.InQuery, Type: i64},
					{Name: "status", In: ir.InQuery, Type: ir.ListOf(str), Enum: []string{`"available"`, `"sold"`}},
					{Name: "X-Trace", In: ir.InHeader, Type: str},
				},
				Response: &ir.Response{Status: 200, Type: &ir.TypeRef{Kind: ir.KindRef, Ref: "Page"}},
				Paging:   &ir.Paging{Style: "offset", OffsetParam: "offset", LimitParam: "limit", ItemsField: "items", TotalField: "total"},
			},
			{Name: "getPet", Method: "GET", Path: "/pets/{petId}", Summary: "Get a pet.", Since: "1.1", Auth: true,
				Params: []*ir.Param{
					{Name: "petId", In: ir.InPath, Type: i64, Required: true},
					{Name: "mode", In: ir.InQuery, Type: str, Required: true, Enum: []string{`"full"`, `"brief"`}},
				},
				Response: &ir.Response{Type: &ir.TypeRef{Kind: ir.KindRef, Ref: "Pet"}},
			},
			{Name: "createPet", Method: "POST", Path: "/pets", Auth: true, Deprecated: true,
				Body:     &ir.Body{Type: ir.Ref("Pet"), ContentType: "application/json", Required: true},
				Response: &ir.Response{Type: &ir.TypeRef{Kind: ir.KindRef, Ref: "Pet"}},
			},
			{Name: "ping", Method: "GET", Path: "/ping"},
			{Name: "count", Method: "GET", Path: "/count", Response: &ir.Response{Type: &i64}},
		},
	}
	// Request bodies whose structs are checked before sending (nested,
	// in lists, maps and Nullable values; read-only and prose-only enums
	// exempt), a struct-typed query parameter, and a form body.
	api.Types = append(api.Types,
		&ir.Type{Name: "Adoption", Kind: ir.KindStruct, Fields: []*ir.Field{
			{Name: "pets", Type: ir.ListOf(ir.Ref("Pet")), Required: true},
			{Name: "by", Type: ir.Ref("Owner")},
			{Name: "kinds", Type: ir.ListOf(ir.Ref("PetStatus"))},
			{Name: "size", Type: str, Enum: []string{`"S"`, `"M"`}},
			{Name: "mood", Type: str, Enum: []string{`"calm"`}, Inferred: true, Description: "One of calm."},
			{Name: "notes", Type: ir.MapOf(ir.Ref("Pet"))},
			{Name: "label", Type: ir.Ref("Pet"), Nullable: true},
			{Name: "receipt", Type: str, Required: true, ReadOnly: true},
			{Name: "ids", Type: ir.ListOf(str), Required: true},
			{Name: "food", Type: ir.Ref("PetOrOwner")},
		}},
		&ir.Type{Name: "ChargeForm", Kind: ir.KindStruct, Fields: []*ir.Field{
			{Name: "amount", Type: i64, Required: true},
			{Name: "currency", Type: str, Required: true},
			{Name: "capture", Type: ir.Prim(ir.KindBoolean, "")},
			{Name: "description", Type: str, Nullable: true},
			{Name: "expand", Type: ir.ListOf(str)},
			{Name: "metadata", Type: ir.MapOf(str)},
			{Name: "items", Type: ir.ListOf(ir.Ref("ChargeItem"))},
		}},
		&ir.Type{Name: "ChargeItem", Kind: ir.KindStruct, Fields: []*ir.Field{
			{Name: "price", Type: str, Required: true},
			{Name: "quantity", Type: i64},
		}},
	)
	api.Operations = append(api.Operations,
		&ir.Operation{Name: "adoptPets", Method: "POST", Path: "/adoptions", Auth: true,
			Body: &ir.Body{Type: ir.Ref("Adoption"), ContentType: "application/json", Required: true},
			Params: []*ir.Param{
				{Name: "filter", In: ir.InQuery, Type: ir.Ref("Owner")},
				{Name: "mood", In: ir.InQuery, Type: str, Enum: []string{`"calm"`}, Inferred: true},
			},
		},
		&ir.Operation{Name: "createCharge", Method: "POST", Path: "/charges", Auth: true,
			Body: &ir.Body{Type: ir.Ref("ChargeForm"), ContentType: "application/x-www-form-urlencoded"},
		},
		&ir.Operation{Name: "uploadDocument", Method: "POST", Path: "/documents", Auth: true,
			Body: &ir.Body{Type: ir.Ref("ChargeItem"), ContentType: "multipart/form-data", Required: true},
		},
	)
	api.Sort()
	return api
}

func generate(t testing.TB, api *ir.API, opts Options) (map[string][]byte, []ir.Diagnostic) {
	t.Helper()
	files, diags, err := Generate(api, opts)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string][]byte{}
	for _, f := range files {
		m[f.Name] = f.Content
	}
	return m, diags
}

// zstackAPI has ZStack's shapes: body params under a wrapper key, an
// action body key, enveloped responses, numbers the server sends as
// strings, and a query that pages with start/limit/replyWithCount.
func zstackAPI() *ir.API {
	str := ir.Prim(ir.KindString, "")
	lng := ir.Prim(ir.KindInteger, "int64")
	api := &ir.API{
		Name:   "ZStack",
		Family: ir.FamilyZStack, Tolerant: true,
		Types: []*ir.Type{
			{Name: "VmInstanceInventory", Kind: ir.KindStruct, Fields: []*ir.Field{
				{Name: "uuid", Type: str, Required: true},
				{Name: "name", Type: str},
				{Name: "cpuNum", Type: ir.Prim(ir.KindInteger, "int32"), Since: "4.1.0"},
				{Name: "memorySize", Type: lng},
				{Name: "ha", Type: ir.Prim(ir.KindBoolean, "")},
				{Name: "createDate", Type: ir.Prim(ir.KindTime, "zstack")},
				{Name: "vmNics", Type: ir.ListOf(ir.Ref("VmNicInventory"))},
			}},
			{Name: "VmNicInventory", Kind: ir.KindStruct, Fields: []*ir.Field{
				{Name: "ip", Type: str},
				{Name: "deviceId", Type: lng, Required: true},
				{Name: "priority", Type: ir.Ref("NicPriority")},
			}},
			{Name: "NicPriority", Kind: ir.KindEnum, Base: ir.KindInteger, Values: []ir.EnumValue{{Value: "1"}, {Value: "2"}}},
			{Name: "QueryVmInstanceReply", Kind: ir.KindStruct, Fields: []*ir.Field{
				{Name: "inventories", Type: ir.ListOf(ir.Ref("VmInstanceInventory"))},
				{Name: "total", Type: lng},
			}},
		},
		Operations: []*ir.Operation{
			{Name: "CreateVmInstance", Method: "POST", Path: "/v1/vm-instances", Auth: true, Async: true, BodyKey: "params",
				Description: "创建云主机。\n第二行",
				Params: []*ir.Param{
					{Name: "name", In: ir.InBody, Wrapper: "params", Type: str, Required: true},
					{Name: "instanceOfferingUuid", In: ir.InBody, Wrapper: "params", Type: str, Required: true},
					{Name: "strategy", In: ir.InBody, Wrapper: "params", Type: str, Enum: []string{`"InstantStart"`, `"CreateStopped"`}, Inferred: true},
					{Name: "systemTags", In: ir.InBody, Type: ir.ListOf(str)},
				},
				Response: &ir.Response{Envelope: "inventory", Type: &ir.TypeRef{Kind: ir.KindRef, Ref: "VmInstanceInventory"}},
			},
			{Name: "StopVmInstance", Method: "PUT", Path: "/v1/vm-instances/{uuid}/actions", Auth: true, BodyKey: "stopVmInstance",
				Params: []*ir.Param{
					{Name: "uuid", In: ir.InPath, Type: str, Required: true},
					{Name: "type", In: ir.InBody, Wrapper: "stopVmInstance", Type: str, Default: `"grace"`},
				},
				Response: &ir.Response{Envelope: "inventory", Type: &ir.TypeRef{Kind: ir.KindRef, Ref: "VmInstanceInventory"}},
			},
			{Name: "GetVmInstanceCount", Method: "GET", Path: "/v1/vm-instances/count", Auth: true, Since: "3.0.0",
				Response: &ir.Response{Envelope: "total", Type: &lng},
			},
			{Name: "QueryVmInstance", Method: "GET", Path: "/v1/vm-instances", Auth: true,
				Params: []*ir.Param{
					{Name: "q", In: ir.InQuery, Type: ir.ListOf(str)},
					{Name: "limit", In: ir.InQuery, Type: ir.Prim(ir.KindInteger, "int32")},
					{Name: "start", In: ir.InQuery, Type: ir.Prim(ir.KindInteger, "int32")},
					{Name: "replyWithCount", In: ir.InQuery, Type: ir.Prim(ir.KindBoolean, "")},
				},
				// As the ZStack parser writes it: Type is the whole reply,
				// Envelope the field of it holding the payload.
				Response: &ir.Response{Envelope: "inventories", Type: &ir.TypeRef{Kind: ir.KindRef, Ref: "QueryVmInstanceReply"}},
				Paging:   &ir.Paging{Style: "offset", OffsetParam: "start", LimitParam: "limit", CountParam: "replyWithCount", ItemsField: "inventories", TotalField: "total", MaxLimit: 2},
			},
		},
	}
	api.Sort()
	return api
}

// qingcloudAPI has action-style calls with dotted list parameters, and a
// Describe call paged by offset/limit with total_count.
func qingcloudAPI() *ir.API {
	str := ir.Prim(ir.KindString, "")
	num := ir.Prim(ir.KindInteger, "")
	api := &ir.API{
		Name:   "QingCloud IaaS",
		Family: ir.FamilyQingCloud, Tolerant: true,
		Types: []*ir.Type{
			{Name: "Instance", Kind: ir.KindStruct, Fields: []*ir.Field{
				{Name: "instance_id", Type: str, Required: true},
				{Name: "vcpus_current", Type: num},
			}},
			{Name: "RunInstancesResponse", Kind: ir.KindStruct, Fields: []*ir.Field{
				{Name: "instances", Type: ir.ListOf(str)},
				{Name: "job_id", Type: str},
				{Name: "ret_code", Type: num},
			}},
			{Name: "DescribeInstancesResponse", Kind: ir.KindStruct, Fields: []*ir.Field{
				{Name: "instance_set", Type: ir.ListOf(ir.Ref("Instance"))},
				{Name: "total_count", Type: num},
			}},
		},
		Operations: []*ir.Operation{
			{Name: "RunInstances", Action: "RunInstances", Service: "instance", Method: "GET", Path: "/iaas/", Auth: true, Async: true,
				Params: []*ir.Param{
					{Name: "image_id", In: ir.InQuery, Type: str, Required: true},
					{Name: "count", In: ir.InQuery, Type: num, Default: "1"},
					{Name: "login_mode", In: ir.InQuery, Type: str, Required: true, Enum: []string{`"keypair"`, `"passwd"`}},
					{Name: "vxnets", In: ir.InQuery, Type: ir.ListOf(str), Style: "dotted"},
					{Name: "instance_class", In: ir.InQuery, Type: num, Enum: []string{"0", "1", "101", "201"}, Default: "0", Inferred: true},
					{Name: "zone", In: ir.InQuery, Type: str, Required: true, TransportFills: true},
				},
				Response: &ir.Response{Type: &ir.TypeRef{Kind: ir.KindRef, Ref: "RunInstancesResponse"}},
			},
			{Name: "DescribeInstances", Action: "DescribeInstances", Service: "instance", Method: "GET", Path: "/iaas/", Auth: true,
				Params: []*ir.Param{
					{Name: "instances", In: ir.InQuery, Type: ir.ListOf(str), Style: "dotted"},
					{Name: "instance_class", In: ir.InQuery, Type: num, Enum: []string{"0", "1", "101", "201"}, Inferred: true},
					{Name: "offset", In: ir.InQuery, Type: num},
					{Name: "limit", In: ir.InQuery, Type: num},
				},
				Response: &ir.Response{Type: &ir.TypeRef{Kind: ir.KindRef, Ref: "DescribeInstancesResponse"}},
				Paging:   &ir.Paging{Style: "offset", OffsetParam: "offset", LimitParam: "limit", ItemsField: "instance_set", TotalField: "total_count", MaxLimit: 100},
			},
		},
	}
	// Services become files: one that needs sanitising, one whose name
	// would make a test file, and a call filed under none.
	api.Operations = append(api.Operations,
		&ir.Operation{Name: "DescribeSecurityGroups", Action: "DescribeSecurityGroups", Service: "Security-Group", Method: "GET", Path: "/iaas/", Auth: true},
		&ir.Operation{Name: "RunTests", Action: "RunTests", Service: "test", Method: "GET", Path: "/iaas/", Auth: true},
		&ir.Operation{Name: "Ping", Action: "Ping", Method: "GET", Path: "/iaas/", Auth: true},
	)
	api.Sort()
	return api
}

// injection is description text that would become code if a comment
// could be closed or a line could escape its // prefix.
const injection = "*/ func init() { panic(1) } /*\n" +
	"func init() { panic(2) }\r" +
	"func init() { panic(3) }\u2028func init() { panic(4) }\u2029" +
	"func init() { panic(5) }\f\x00\x1b[31m\ufeff\u202e 中文说明：名字 \xff\xfe"

// edgeAPI gathers the inputs most likely to produce code that does not
// compile: colliding and odd names, recursive types, every enum base,
// unions of every kind, degraded types and hostile descriptions.
func edgeAPI() *ir.API {
	str := ir.Prim(ir.KindString, "")
	i64 := ir.Prim(ir.KindInteger, "int64")
	api := &ir.API{
		Name:        "Edge */ cases",
		Family:      ir.FamilyOpenAPI,
		Description: injection,
		Types: []*ir.Type{
			{Name: "pet_status", Kind: ir.KindEnum, Values: []ir.EnumValue{{Value: `"a-b"`}, {Value: `"a_b"`}, {Value: `"AB"`}, {Value: `"1"`}, {Value: "null"}, {Value: `"*"`}, {Value: `"%"`}}},
			{Name: "PetStatus", Kind: ir.KindEnum, Base: ir.KindString, Description: injection, Values: []ir.EnumValue{{Value: `"x"`, Description: injection}}},
			{Name: "Level", Kind: ir.KindEnum, Base: ir.KindInteger, Values: []ir.EnumValue{{Value: "1"}, {Value: "-1"}, {Value: "2"}, {Value: `"3"`}, {Value: "1.5"}}},
			{Name: "Ratio", Kind: ir.KindEnum, Base: ir.KindNumber, Values: []ir.EnumValue{{Value: "0.5"}, {Value: "1"}, {Value: "1e3"}, {Value: "-2.25"}}},
			{Name: "Flag", Kind: ir.KindEnum, Base: ir.KindBoolean, Values: []ir.EnumValue{{Value: "true"}, {Value: "false"}}},
			{Name: "Client", Kind: ir.KindStruct, Fields: []*ir.Field{{Name: "x", Type: str}}},
			{Name: "New", Kind: ir.KindStruct},
			{Name: "GetPetParams", Kind: ir.KindStruct},
			{Name: "", Kind: ir.KindStruct},
			{Name: "名字", Kind: ir.KindStruct, Description: "中文说明", Fields: []*ir.Field{{Name: "名字", Type: str, Description: "名字"}}},
			{Name: "3d-model", Kind: ir.KindStruct},
			{Name: "Fields", Kind: ir.KindStruct, Description: injection, Fields: []*ir.Field{
				{Name: "a_b", Type: str, Description: injection},
				{Name: "a-b", Type: str},
				{Name: "AB", Type: str},
				{Name: "ab", Type: str},
				{Name: "type", Type: str},
				{Name: "func", Type: str},
				{Name: "3d", Type: str},
				{Name: "", Type: str},
				{Name: "a`b", Type: str},
				{Name: "a,b", Type: str},
				{Name: "a\\b", Type: str},
				{Name: "a\nb", Type: str},
				{Name: "ab", Type: i64},
				{Name: "vmInstanceUuid", Type: str, Since: "4.0\"`"},
				{Name: "level", Type: ir.Ref("Level")},
				{Name: "self", Type: ir.Ref("Fields")},
			}},
			{Name: "A", Kind: ir.KindStruct, Fields: []*ir.Field{
				{Name: "a", Type: ir.Ref("A"), Required: true},
				{Name: "b", Type: ir.Ref("B"), Required: true},
				{Name: "n", Type: ir.Ref("A"), Nullable: true},
			}},
			{Name: "B", Kind: ir.KindStruct, Fields: []*ir.Field{
				{Name: "a", Type: ir.Ref("AAlias"), Required: true},
				{Name: "c", Type: ir.Ref("C"), Required: true},
			}},
			{Name: "C", Kind: ir.KindStruct, Fields: []*ir.Field{{Name: "x", Type: str, Required: true}}},
			{Name: "AAlias", Kind: ir.KindAlias, Alias: &ir.TypeRef{Kind: ir.KindRef, Ref: "A"}},
			{Name: "Loop1", Kind: ir.KindAlias, Alias: &ir.TypeRef{Kind: ir.KindRef, Ref: "Loop2"}},
			{Name: "Loop2", Kind: ir.KindAlias, Alias: &ir.TypeRef{Kind: ir.KindRef, Ref: "Loop1"}},
			{Name: "Strange", Kind: "tuple"},
			{Name: "Stamp", Kind: ir.KindAlias, Alias: &ir.TypeRef{Kind: ir.KindTime}},
			{Name: "Blob", Kind: ir.KindAlias, Alias: &ir.TypeRef{Kind: ir.KindRaw}},
			{Name: "Count", Kind: ir.KindAlias, Alias: &i64},
			{Name: "Tree", Kind: ir.KindAlias, Alias: &ir.TypeRef{Kind: ir.KindList, Elem: &ir.TypeRef{Kind: ir.KindRef, Ref: "Tree"}}},
			{Name: "Dict", Kind: ir.KindAlias, Alias: &ir.TypeRef{Kind: ir.KindMap, Elem: &ir.TypeRef{Kind: ir.KindRef, Ref: "Dict"}}},
			{Name: "Forest", Kind: ir.KindStruct, Fields: []*ir.Field{{Name: "trees", Type: ir.Ref("Tree"), Required: true}, {Name: "dict", Type: ir.Ref("Dict")}}},
			{Name: "Everything", Kind: ir.KindUnion, Discriminator: "kind", Variants: []ir.TypeRef{
				ir.Ref("C"), ir.Ref("c"), str, i64, ir.Prim(ir.KindNumber, ""), ir.Prim(ir.KindBoolean, ""),
				ir.ListOf(ir.Ref("C")), ir.MapOf(str), ir.Prim(ir.KindAny, ""), ir.Ref("Missing"), ir.Prim(ir.KindTime, ""),
			}},
		},
		Operations: []*ir.Operation{
			{Name: "getPet", Method: "GET", Path: "/pets/{id}", Description: injection, Summary: injection, Auth: true,
				Params: []*ir.Param{
					{Name: "id", In: ir.InPath, Type: str, Required: true},
					{Name: "id", In: ir.InQuery, Type: str},
					{Name: "validate", In: ir.InQuery, Type: str},
					{Name: "level", In: ir.InQuery, Type: ir.Ref("Level"), Enum: []string{"1", "2"}},
					{Name: "flag", In: ir.InQuery, Type: ir.Prim(ir.KindBoolean, ""), Required: true, Enum: []string{"true"}},
					{Name: "ratio", In: ir.InQuery, Type: ir.Prim(ir.KindNumber, ""), Nullable: true, Enum: []string{"0.5", "oops"}},
					{Name: "kind", In: ir.InQuery, Type: str, Required: true, Enum: []string{`"cat"`, `"dog"`}},
					{Name: "tags", In: ir.InQuery, Type: ir.ListOf(str), Required: true},
					{Name: "cookie", In: ir.InCookie, Type: str},
					{Name: "m", In: "matrix", Type: str},
					{Name: "x y", In: ir.InHeader, Type: str, Description: injection, Default: injection},
				},
				Response: &ir.Response{Type: &ir.TypeRef{Kind: ir.KindRef, Ref: "Everything"}},
			},
			{Name: "GetPet", Method: "GET", Path: "/pets2"},
			{Name: "get-pet", Method: "GET", Path: "/pets3"},
			{Name: "listPets", Method: "GET", Path: "/pets",
				Params: []*ir.Param{
					{Name: "first", In: ir.InQuery, Type: i64, Required: true},
					{Name: "skip", In: ir.InQuery, Type: ir.Prim(ir.KindString, "")},
				},
				Response: &ir.Response{Type: &ir.TypeRef{Kind: ir.KindList, Elem: &ir.TypeRef{Kind: ir.KindRef, Ref: "C"}}},
				Paging:   &ir.Paging{Style: "first-skip", OffsetParam: "skip", LimitParam: "first"},
			},
			{Name: "listPetsAll", Method: "GET", Path: "/all"},
			{Name: "searchPets", Method: "POST", Path: "/search",
				Body:     &ir.Body{Type: ir.Ref("SearchBody"), ContentType: "application/json"},
				Response: &ir.Response{Type: &ir.TypeRef{Kind: ir.KindRef, Ref: "SearchPage"}},
				Paging:   &ir.Paging{Style: "first-skip", OffsetParam: "skip", LimitParam: "first", ItemsField: "items"},
			},
			{Name: "upload", Method: "PUT", Path: "/upload", Body: &ir.Body{Type: ir.Prim(ir.KindBinary, ""), ContentType: "image/png", Required: true}},
			{Name: "render", Method: "POST", Path: "/render", Body: &ir.Body{Type: str, ContentType: "text/plain"}},
			{Name: "submitForm", Method: "POST", Path: "/form", Params: []*ir.Param{{Name: "name", In: ir.InForm, Type: str, Required: true}}},
			{Name: "raw", Method: "GET", Path: "/raw", Response: &ir.Response{Type: &ir.TypeRef{Kind: ir.KindRef, Ref: "Loop1"}}},
			{Name: "mapped", Method: "GET", Path: "/map", Response: &ir.Response{Type: &ir.TypeRef{Kind: ir.KindMap, Elem: &ir.TypeRef{Kind: ir.KindRef, Ref: "Flag"}}}},
			{Name: "", Method: "GET", Path: "/"},
		},
	}
	api.Types = append(api.Types,
		&ir.Type{Name: "SearchBody", Kind: ir.KindStruct, Fields: []*ir.Field{
			{Name: "where", Type: ir.Prim(ir.KindAny, "")},
			{Name: "first", Type: i64},
			{Name: "skip", Type: i64},
		}},
		&ir.Type{Name: "SearchPage", Kind: ir.KindStruct, Fields: []*ir.Field{
			{Name: "items", Type: ir.ListOf(ir.Ref("C")), Required: true},
		}},
		&ir.Type{Name: "c", Kind: ir.KindStruct},
	)
	api.Sort()
	return api
}

// cloudtowerAPI has CloudTower's filters as its parser gives them: optional
// fields not nullable (other inputs' fields nullable), where-inputs that
// refer to each other (VmWhereInput → ClusterWhereInput → VmWhereInput),
// and a list call paged by first/skip in its body.
func cloudtowerAPI() *ir.API {
	str := ir.Prim(ir.KindString, "")
	i32 := ir.Prim(ir.KindInteger, "int32")
	null := func(name string, t ir.TypeRef) *ir.Field { return &ir.Field{Name: name, Type: t, Nullable: true} }
	opt := func(name string, t ir.TypeRef) *ir.Field { return &ir.Field{Name: name, Type: t} }
	api := &ir.API{
		Name:   "CloudTower",
		Family: ir.FamilyCloudTower,
		Types: []*ir.Type{
			{Name: "VmStatus", Kind: ir.KindEnum, Base: ir.KindString, Values: []ir.EnumValue{{Value: `"RUNNING"`}, {Value: `"STOPPED"`}}},
			{Name: "VmOrderByInput", Kind: ir.KindEnum, Base: ir.KindString, Values: []ir.EnumValue{{Value: `"name_ASC"`}, {Value: `"name_DESC"`}}},
			{Name: "Vm", Kind: ir.KindStruct, Fields: []*ir.Field{
				{Name: "id", Type: str, Required: true},
				null("gpu_count", i32),
			}},
			{Name: "VmCreationParams", Kind: ir.KindStruct, Fields: []*ir.Field{
				{Name: "name", Type: str, Required: true},
				null("gpu_count", i32),
			}},
			{Name: "VmWhereInput", Kind: ir.KindStruct, Fields: []*ir.Field{
				opt("AND", ir.ListOf(ir.Ref("VmWhereInput"))),
				opt("OR", ir.ListOf(ir.Ref("VmWhereInput"))),
				opt("NOT", ir.ListOf(ir.Ref("VmWhereInput"))),
				opt("id", str),
				opt("id_in", ir.ListOf(str)),
				opt("vcpu_gt", i32),
				opt("status", ir.Ref("VmStatus")),
				opt("cluster", ir.Ref("ClusterWhereInput")),
			}},
			{Name: "ClusterWhereInput", Kind: ir.KindStruct, Fields: []*ir.Field{
				opt("AND", ir.ListOf(ir.Ref("ClusterWhereInput"))),
				opt("id_in", ir.ListOf(str)),
				opt("vms_some", ir.Ref("VmWhereInput")),
			}},
			{Name: "GetVmsRequestBody", Kind: ir.KindStruct, Fields: []*ir.Field{
				opt("where", ir.Ref("VmWhereInput")),
				opt("orderBy", ir.Ref("VmOrderByInput")),
				opt("first", i32),
				opt("skip", i32),
			}},
		},
		Operations: []*ir.Operation{
			{Name: "GetVms", Method: "POST", Path: "/get-vms", Auth: true,
				Body:     &ir.Body{Type: ir.Ref("GetVmsRequestBody"), ContentType: "application/json", Required: true},
				Response: &ir.Response{Type: &ir.TypeRef{Kind: ir.KindList, Elem: &ir.TypeRef{Kind: ir.KindRef, Ref: "Vm"}}},
				Paging:   &ir.Paging{Style: "first-skip", OffsetParam: "skip", LimitParam: "first"},
			},
			{Name: "CreateVm", Method: "POST", Path: "/create-vm", Auth: true,
				Body: &ir.Body{Type: ir.ListOf(ir.Ref("VmCreationParams")), ContentType: "application/json", Required: true},
			},
		},
	}
	api.Sort()
	return api
}
