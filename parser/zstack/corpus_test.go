package zstack

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/internal/irtest"
	"github.com/apigen-dev/apigen/ir"
)

// corpusDir is the shared corpus of real inputs, beside the repository.
const corpusDir = "../../../shared/corpus/zstack"

// Measured on the 5.5.6 manual: distinct API names with a URLs block.
const manualOperations = 1370

func corpusFiles(t testing.TB, sub string) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(corpusDir, sub, "*.md"))
	if len(files) == 0 {
		t.Skipf("corpus %s not present", filepath.Join(corpusDir, sub))
	}
	return files
}

func parsePage(t *testing.T, name string) *ir.API {
	t.Helper()
	path := filepath.Join(corpusDir, "pages", name)
	src, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("corpus page %s not present", path)
	}
	if !IsZStack(path, src) {
		t.Errorf("IsZStack(%s) = false", name)
	}
	api, _, err := Parse(path, src)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return api
}

func mustOp(t *testing.T, api *ir.API, name string) *ir.Operation {
	t.Helper()
	op := api.Operation(name)
	if op == nil {
		t.Fatalf("no operation %s", name)
	}
	return op
}

func mustParam(t *testing.T, op *ir.Operation, name string) *ir.Param {
	t.Helper()
	p := op.Param(name)
	if p == nil {
		t.Fatalf("%s has no parameter %s", op.Name, name)
	}
	return p
}

// TestPages checks the key facts of each of the 12 single-API pages.
func TestPages(t *testing.T) {
	t.Run("ChangeClusterState", func(t *testing.T) {
		op := mustOp(t, parsePage(t, "zh_ChangeClusterState.md"), "ChangeClusterState")
		if op.Method != "PUT" || op.Path != "/zstack/v1/clusters/{uuid}/actions" || op.BodyKey != "changeClusterState" || !op.Async || !op.Auth {
			t.Errorf("%s %s bodyKey %q async %v auth %v", op.Method, op.Path, op.BodyKey, op.Async, op.Auth)
		}
		se := mustParam(t, op, "stateEvent")
		if se.In != ir.InBody || se.Wrapper != "changeClusterState" || !slices.Equal(se.Enum, []string{`"enable"`, `"disable"`}) || se.Since != "0.6" || !se.Required {
			t.Errorf("stateEvent %+v", se)
		}
		st := mustParam(t, op, "systemTags")
		if st.In != ir.InBody || st.Wrapper != "" || st.Required || st.Type.String() != "[]string" {
			t.Errorf("systemTags %+v", st)
		}
		if u := mustParam(t, op, "uuid"); u.In != ir.InPath || !u.Required {
			t.Errorf("uuid %+v", u)
		}
		if op.Pos.Line != 2 || !strings.HasSuffix(op.Pos.File, "zh_ChangeClusterState.md") {
			t.Errorf("position %v", op.Pos)
		}
	})
	t.Run("DeleteCluster", func(t *testing.T) {
		op := mustOp(t, parsePage(t, "zh_DeleteCluster.md"), "DeleteCluster")
		if op.Method != "DELETE" || op.Path != "/zstack/v1/clusters/{uuid}" || op.BodyKey != "" || !op.Async {
			t.Errorf("%s %s bodyKey %q async %v", op.Method, op.Path, op.BodyKey, op.Async)
		}
		if dm := mustParam(t, op, "deleteMode"); dm.In != ir.InQuery || dm.Required {
			t.Errorf("deleteMode %+v", dm)
		}
		if op.Response == nil || op.Response.Type != nil || op.Response.Envelope != "" {
			t.Errorf("empty response expected, got %+v", op.Response)
		}
	})
	t.Run("DestroyVmInstance", func(t *testing.T) {
		op := mustOp(t, parsePage(t, "zh_DestroyVmInstance.md"), "DestroyVmInstance")
		if op.Path != "/zstack/v1/vm-instances/{uuid}" || mustParam(t, op, "deleteMode").In != ir.InQuery {
			t.Errorf("%s, deleteMode %+v", op.Path, op.Param("deleteMode"))
		}
	})
	t.Run("LogInByAccount", func(t *testing.T) {
		op := mustOp(t, parsePage(t, "zh_LogInByAccount.md"), "LogInByAccount")
		if op.Auth || op.Async || op.BodyKey != "logInByAccount" || op.Method != "PUT" || op.Path != "/zstack/v1/accounts/login" {
			t.Errorf("auth %v async %v bodyKey %q %s %s", op.Auth, op.Async, op.BodyKey, op.Method, op.Path)
		}
		if p := mustParam(t, op, "clientInfo"); p.Type.String() != "map[string]any" || p.Since != "3.5.0" {
			t.Errorf("clientInfo %+v", p)
		}
	})
	t.Run("QueryCluster", func(t *testing.T) {
		api := parsePage(t, "zh_QueryCluster.md")
		op := mustOp(t, api, "QueryCluster")
		if op.Method != "GET" || op.Path != "/zstack/v1/clusters" || op.Async || len(op.URLs) != 2 || op.URLs[1].Path != "/zstack/v1/clusters/{uuid}" {
			t.Errorf("%s %s async %v urls %v", op.Method, op.Path, op.Async, op.URLs)
		}
		pg := op.Paging
		if pg == nil || pg.OffsetParam != "start" || pg.LimitParam != "limit" || pg.CountParam != "replyWithCount" || pg.ItemsField != "inventories" || pg.TotalField != "total" {
			t.Errorf("paging %+v", pg)
		}
		q := mustParam(t, op, "q")
		if q.In != ir.InQuery || q.Required || q.Type.String() != "[]string" {
			t.Errorf("q %+v", q)
		}
		for _, name := range []string{"limit", "start", "count", "replyWithCount", "sort", "fields", "groupBy"} {
			if p := mustParam(t, op, name); p.In != ir.InQuery || p.Required {
				t.Errorf("%s %+v", name, p)
			}
		}
		if op.Response.Envelope != "inventories" {
			t.Errorf("envelope %q", op.Response.Envelope)
		}
		reply := api.Type("QueryClusterReply")
		if reply.Field("inventories").Type.String() != "[]ref(ClusterInventory)" || reply.Field("total").Type.Kind != ir.KindInteger {
			t.Errorf("reply %+v", reply.Fields)
		}
		ci := api.Type("ClusterInventory")
		if ci == nil || ci.Field("createDate").Type.String() != "time(zstack)" {
			t.Errorf("ClusterInventory %+v", ci)
		}
	})
	t.Run("QueryVmInstance", func(t *testing.T) {
		api := parsePage(t, "zh_QueryVmInstance.md")
		vm := api.Type("VmInstanceInventory")
		if vm == nil || vm.Field("vmNics") == nil || vm.Field("architecture").Since != "4.5.0" {
			t.Fatalf("VmInstanceInventory %+v", vm)
		}
		nics := vm.Field("vmNics").Type
		if nics.Kind != ir.KindList || nics.Elem.Kind != ir.KindRef {
			t.Fatalf("vmNics %v", nics)
		}
		nic := api.Type(nics.Elem.Ref)
		if nic == nil || nic.Field("usedIps") == nil || nic.Field("usedIps").Type.Kind != ir.KindList {
			t.Errorf("vmNic item %+v", nic)
		}
		if f := vm.Field("memorySize"); f.Type.String() != "integer(int64)" {
			t.Errorf("memorySize %v", f.Type)
		}
	})
	t.Run("CreateVmInstance", func(t *testing.T) {
		api := parsePage(t, "zh_CreateVmInstance.md")
		op := mustOp(t, api, "CreateVmInstance")
		if op.Method != "POST" || op.Path != "/zstack/v1/vm-instances" || op.BodyKey != "params" || !op.Async || !op.Auth {
			t.Errorf("%s %s bodyKey %q async %v", op.Method, op.Path, op.BodyKey, op.Async)
		}
		if p := mustParam(t, op, "l3NetworkUuids"); p.Type.String() != "[]string" || !p.Required || p.Wrapper != "params" {
			t.Errorf("l3NetworkUuids %+v", p)
		}
		if p := mustParam(t, op, "type"); !slices.Equal(p.Enum, []string{`"UserVm"`, `"ApplianceVm"`}) || p.Required {
			t.Errorf("type %+v", p)
		}
		if p := mustParam(t, op, "dataVolumeSystemTagsOnIndex"); p.Type.Kind != ir.KindMap || p.Since != "4.4.24" {
			t.Errorf("dataVolumeSystemTagsOnIndex %+v", p)
		}
		if p := mustParam(t, op, "cpuNum"); p.Type.String() != "integer(int64)" {
			t.Errorf("cpuNum %+v", p)
		}
		if op.Response.Envelope != "inventory" || api.Type("CreateVmInstanceReply").Field("inventory").Type.Ref != "VmInstanceInventory" {
			t.Errorf("response %+v", op.Response)
		}
	})
	t.Run("CreatePriceTable", func(t *testing.T) {
		op := mustOp(t, parsePage(t, "zh_CreatePriceTable.md"), "CreatePriceTable")
		// The list's items are objects in the Body example.
		if p := mustParam(t, op, "prices"); p.Type.String() != "[]map[string]any" || !p.Required {
			t.Errorf("prices %+v", p)
		}
		// Every row of the page says 3.7.2, so the API is that new.
		if op.Since != "3.7.2" {
			t.Errorf("since %q", op.Since)
		}
	})
	t.Run("CreateAccount", func(t *testing.T) {
		op := mustOp(t, parsePage(t, "zh_CreateAccount.md"), "CreateAccount")
		if p := mustParam(t, op, "password"); p.Wrapper != "params" || op.BodyKey != "params" {
			t.Errorf("password %+v, bodyKey %q", p, op.BodyKey)
		}
	})
	t.Run("CreateZone", func(t *testing.T) {
		api := parsePage(t, "zh_CreateZone.md")
		op := mustOp(t, api, "CreateZone")
		if op.BodyKey != "params" || api.Type("ZoneInventory") == nil {
			t.Errorf("bodyKey %q, ZoneInventory %v", op.BodyKey, api.Type("ZoneInventory"))
		}
	})
	t.Run("StartVmInstance", func(t *testing.T) {
		op := mustOp(t, parsePage(t, "zh_StartVmInstance.md"), "StartVmInstance")
		if p := mustParam(t, op, "hostUuid"); op.BodyKey != "startVmInstance" || p.Wrapper != "startVmInstance" || p.Required {
			t.Errorf("bodyKey %q hostUuid %+v", op.BodyKey, p)
		}
	})
	t.Run("UpdateCluster", func(t *testing.T) {
		op := mustOp(t, parsePage(t, "zh_UpdateCluster.md"), "UpdateCluster")
		if op.BodyKey != "updateCluster" || op.Method != "PUT" {
			t.Errorf("bodyKey %q method %s", op.BodyKey, op.Method)
		}
	})
}

// TestPagesTogether parses the 12 pages as one API: recurring types
// (ErrorCode, ClusterInventory, VmInstanceInventory) come out once each.
func TestPagesTogether(t *testing.T) {
	api, diags, err := ParseFiles(irtest.ReadAll(t, corpusFiles(t, "pages")))
	if err != nil {
		t.Fatal(err)
	}
	if len(api.Operations) != 12 {
		t.Errorf("%d operations, want 12", len(api.Operations))
	}
	seen := map[string]bool{}
	for _, ty := range api.Types {
		if seen[ty.Name] {
			t.Errorf("type %s twice", ty.Name)
		}
		seen[ty.Name] = true
	}
	ci := api.Type("ClusterInventory")
	if ci == nil || len(ci.Fields) != 9 {
		t.Errorf("ClusterInventory %+v", ci)
	}
	checkRefs(t, api)
	logDiagnostics(t, diags)
}

// TestDevManual parses the whole 5.5.6 developer manual.
func TestDevManual(t *testing.T) {
	files := corpusFiles(t, "dev-manual-5.5.6-zh")
	if len(files) != 59 {
		t.Errorf("%d chapter files, want 59", len(files))
	}
	api, diags, err := ParseFiles(irtest.ReadAll(t, files))
	if err != nil {
		t.Fatal(err)
	}
	byKind := map[ir.Kind]int{}
	replies := 0
	for _, ty := range api.Types {
		byKind[ty.Kind]++
		if strings.HasSuffix(ty.Name, "Reply") {
			replies++
		}
	}
	t.Logf("%d operations, %d types (%d structs of which %d replies, %d enums)", len(api.Operations), len(api.Types), byKind[ir.KindStruct], replies, byKind[ir.KindEnum])
	// The sniff must pick every chapter that documents an API.
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !IsZStack(f, src) && slices.ContainsFunc(api.Operations, func(op *ir.Operation) bool { return op.Pos.File == f }) {
			t.Errorf("IsZStack(%s) = false, but it documents APIs", f)
		}
	}
	if len(api.Operations) < manualOperations {
		t.Errorf("%d operations, want at least %d", len(api.Operations), manualOperations)
	}
	if ir.HasErrors(diags) {
		t.Errorf("error diagnostics: the manual must degrade to warnings")
	}
	for _, d := range diags {
		if d.Pos.File == "" || d.Pos.Line == 0 {
			t.Errorf("diagnostic without file:line: %v", d)
		}
	}
	logDiagnostics(t, diags)

	vm := api.Type("VmInstanceInventory")
	if vm == nil {
		t.Fatal("no VmInstanceInventory")
	}
	// The union across pages: fields some pages lack, each at its
	// earliest version, and nested lists under their manual names.
	for name, want := range map[string]string{
		"uuid": "string", "memorySize": "integer(int64)", "createDate": "time(zstack)",
		"vmNics": "[]ref(VmNicInventory)", "allVolumes": "[]ref(VolumeInventory)", "vmCdRoms": "[]ref(VmCdRomInventory)",
		"architecture": "string", "guestOsType": "string",
	} {
		f := vm.Field(name)
		if f == nil || f.Type.String() != want {
			t.Errorf("VmInstanceInventory.%s = %+v, want %s", name, f, want)
		}
	}
	if f := vm.Field("uuid"); f != nil && f.Since != "0.6" {
		t.Errorf("VmInstanceInventory.uuid since %q", f.Since)
	}
	ec := api.Type("ErrorCode")
	if ec == nil || ec.Field("code") == nil || ec.Field("policyUuid") != nil {
		t.Errorf("ErrorCode must keep its own fields only: %+v", ec)
	}
	checkRefs(t, api)

	async, sync, queries, noAuth := 0, 0, 0, 0
	for _, op := range api.Operations {
		switch {
		case op.Async:
			async++
			if op.Method == "GET" {
				t.Errorf("%s: GET must be synchronous", op.Name)
			}
		default:
			sync++
		}
		if op.Paging != nil {
			queries++
		}
		if !op.Auth {
			noAuth++
		}
		if op.Method != "GET" && op.Method != "DELETE" && op.BodyKey == "" {
			t.Errorf("%s %s has no body key", op.Name, op.Method)
		}
		for _, p := range op.Params {
			if p.In == ir.InPath && !strings.Contains(op.Path, "{"+p.Name+"}") {
				t.Errorf("%s: path parameter %s is not in %s", op.Name, p.Name, op.Path)
			}
		}
		for _, name := range pathParams(op.Path) {
			if p := op.Param(name); p == nil || p.In != ir.InPath {
				t.Errorf("%s: {%s} has no path parameter", op.Name, name)
			}
		}
	}
	t.Logf("%d async, %d sync, %d queries with paging, %d without a session", async, sync, queries, noAuth)
	if login := api.Operation("LogInByAccount"); login == nil || login.Auth || login.Async {
		t.Errorf("LogInByAccount %+v", login)
	}
}

// TestDeterministic parses the manual twice, files in opposite orders, and
// compares the JSON.
func TestDeterministic(t *testing.T) {
	files := corpusFiles(t, "dev-manual-5.5.6-zh")
	a, da, err := ParseFiles(irtest.ReadAll(t, files))
	if err != nil {
		t.Fatal(err)
	}
	rev := slices.Clone(files)
	slices.Reverse(rev)
	b, db, err := ParseFiles(irtest.ReadAll(t, rev))
	if err != nil {
		t.Fatal(err)
	}
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if string(ja) != string(jb) {
		t.Error("IR depends on the order of the files")
	}
	if len(da) != len(db) {
		t.Errorf("%d diagnostics, then %d", len(da), len(db))
	}
	for i := range min(len(da), len(db)) {
		if da[i] != db[i] {
			t.Errorf("diagnostic %d: %v, then %v", i, da[i], db[i])
			break
		}
	}
}

// checkRefs asserts that every reference names a type of the API.
func checkRefs(t *testing.T, api *ir.API) {
	t.Helper()
	var check func(r ir.TypeRef, where string)
	check = func(r ir.TypeRef, where string) {
		if r.Elem != nil {
			check(*r.Elem, where)
		}
		if r.Kind == ir.KindRef && api.Type(r.Ref) == nil {
			t.Errorf("%s refers to missing type %s", where, r.Ref)
		}
	}
	for _, op := range api.Operations {
		for _, p := range op.Params {
			check(p.Type, op.Name+"."+p.Name)
		}
		if op.Response != nil && op.Response.Type != nil {
			check(*op.Response.Type, op.Name+" response")
		}
	}
	for _, ty := range api.Types {
		for _, f := range ty.Fields {
			check(f.Type, ty.Name+"."+f.Name)
		}
	}
}

// logDiagnostics prints the warnings counted by kind, and all of them
// with -v.
func logDiagnostics(t *testing.T, diags []ir.Diagnostic) {
	t.Helper()
	kinds := map[string]int{}
	for _, d := range diags {
		kinds[d.Kind]++
	}
	var parts []string
	for _, k := range sortedKeys(kinds) {
		parts = append(parts, k+"="+itoaTest(kinds[k]))
	}
	t.Logf("%d warnings: %s", len(diags), strings.Join(parts, " "))
	if testing.Verbose() {
		for _, d := range diags {
			t.Log(d)
		}
	}
}

// BenchmarkParseDevManual times the whole manual, read from disk, parsed
// and assembled into one API.
func BenchmarkParseDevManual(b *testing.B) {
	files := corpusFiles(b, "dev-manual-5.5.6-zh")
	b.ResetTimer()
	for range b.N {
		if _, _, err := ParseFiles(irtest.ReadAll(b, files)); err != nil {
			b.Fatal(err)
		}
	}
}
