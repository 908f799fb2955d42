package templates

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/ir"
)

// groupsAPI has groups whose names meet: two calls losing their noun to
// one name, a call losing it to a standard method name, a tag spelled
// like a call, two tags that read alike, a call in no group and one whose
// method is the noun alone; one is deprecated.
func groupsAPI() *ir.API {
	op := func(name, tag, method, path string) *ir.Operation {
		return &ir.Operation{Name: name, Service: tag, Method: method, Path: path, Params: []*ir.Param{}}
	}
	return &ir.API{Name: "Groups", Family: ir.FamilyOpenAPI, Operations: []*ir.Operation{
		op("GetVm", "Vm", "GET", "/vm"),
		op("GetVms", "Vm", "GET", "/vms"),
		op("StartVm", "Vm", "POST", "/vm/start"),
		op("VmString", "Vm", "GET", "/vm/string"),
		op("Vm", "Vm", "HEAD", "/vm"),
		op("Login", "login", "POST", "/login"),
		op("Logout", "login", "POST", "/logout"),
		op("ListSecurityGroups", "Security-Group", "GET", "/sg"),
		op("DeleteSecurityGroup", "security_group", "DELETE", "/sg"),
		op("Ping", "", "GET", "/"),
		{Name: "ListPolicies", Service: "policy", Method: "GET", Path: "/policies", Params: []*ir.Param{}, Deprecated: true},
	}}
}

// groupMethods lists "Type.Method → Client.Method" for every group method.
func groupMethodList(files map[string][]byte) []string {
	re := regexp.MustCompile(`func \(g \*(\w+)\) (\w+)\(.*\n\treturn g\.c\.(\w+)\(`)
	var out []string
	for _, src := range files {
		for _, m := range re.FindAllStringSubmatch(string(src), -1) {
			out = append(out, m[1]+"."+m[2]+" → "+m[3])
		}
	}
	slices.Sort(out)
	return out
}

// TestGroupNameCollisions: names meet as the comment of groupsAPI says, and
// resolve the same way whatever the order of the input.
func TestGroupNameCollisions(t *testing.T) {
	files, _ := generate(t, groupsAPI(), Options{Package: "groups", Groups: true})
	got := groupMethodList(files)
	want := []string{
		"LoginGroup.Login → Login", // the noun is all there is: the name stays
		"LoginGroup.Logout → Logout",
		"PolicyGroup.List → ListPolicies", // policy, policies
		"SecurityGroupGroup.Delete → DeleteSecurityGroup",
		"SecurityGroupGroup.List → ListSecurityGroups",
		"VMGroup.GetVM → GetVM", // GetVm and GetVms would both be Get
		"VMGroup.GetVMs → GetVMs",
		"VMGroup.Start → StartVM",
		"VMGroup.VM → VM",
		"VMGroup.VMString → VMString", // String is fmt.Stringer's
	}
	if !slices.Equal(got, want) {
		t.Errorf("group methods\n got %q\nwant %q", got, want)
	}
	// Fields share the Client's method names: the tag login cannot be
	// Login, nor Vm VM (the call named Vm); they take the type's name.
	client := string(files["client.go"])
	for _, field := range []string{"LoginGroup +LoginGroup", "SecurityGroup +SecurityGroupGroup", "VMGroup +VMGroup", "Policy +PolicyGroup"} {
		if !regexp.MustCompile(`\n\t` + field + `\n`).MatchString(client) {
			t.Errorf("client.go lacks field %q:\n%s", field, client)
		}
	}
	// A deprecated call's group method says so too, for linters.
	if !strings.Contains(string(files["policy.go"]), "// List is Client.ListPolicies (GET /policies).\n//\n// Deprecated:") {
		t.Errorf("the group method of a deprecated call is not marked:\n%s", files["policy.go"])
	}
	if ops := string(files["operations.go"]); !strings.Contains(ops, ") Ping(") || strings.Contains(ops, "func (g ") {
		t.Error("a call in no group has a group method")
	}

	reversed := groupsAPI()
	slices.Reverse(reversed.Operations)
	again, _ := generate(t, reversed, Options{Package: "groups", Groups: true})
	for name, src := range files {
		if string(again[name]) != string(src) {
			t.Errorf("%s differs when the calls come in another order", name)
		}
	}
	gocheckCompile(t, prefixed("groups/", files))
}

// TestGroupRename: names: renames a group by "group:" and its docs name,
// leaving a type and a call of the same spelling alone; a rename that
// takes a Client method's name is an error.
func TestGroupRename(t *testing.T) {
	api := groupsAPI()
	api.Types = []*ir.Type{{Name: "Vm", Kind: ir.KindStruct, Fields: []*ir.Field{{Name: "id", Type: ir.Prim(ir.KindString, "")}}}}
	files, _ := generate(t, api, Options{Package: "groups", Groups: true, Names: map[string]string{"group:Vm": "Machines"}})
	client := string(files["client.go"])
	if !regexp.MustCompile(`\tMachines +MachinesGroup\n`).MatchString(client) || strings.Contains(client, "VMGroup") {
		t.Errorf("group not renamed:\n%s", client)
	}
	all := joinedMap(files)
	if !strings.Contains(all, "type VM struct") || !strings.Contains(all, "func (g *MachinesGroup) Start(") {
		t.Error("the type Vm or the group's methods changed with the group's name")
	}
	gocheckCompile(t, prefixed("groups/", files))

	_, _, err := Generate(groupsAPI(), Options{Groups: true, Names: map[string]string{"group:Vm": "Logout"}})
	if err == nil || !strings.Contains(err.Error(), `group names: name "Logout" is already taken`) {
		t.Errorf("a group renamed as a Client method: %v", err)
	}
	_, _, err = Generate(groupsAPI(), Options{Groups: true, Names: map[string]string{"group:Vm": "lower"}})
	if err == nil || !strings.Contains(err.Error(), `"lower" for "group:Vm" is not an exported Go identifier`) {
		t.Errorf("an unexported group name: %v", err)
	}
}

func prefixed(dir string, files map[string][]byte) map[string][]byte {
	out := map[string][]byte{}
	for n, c := range files {
		out[dir+n] = c
	}
	return out
}
