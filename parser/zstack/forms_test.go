package zstack

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/internal/irtest"
	"github.com/apigen-dev/apigen/ir"
)

// parseTestdata parses one file of testdata/.
func parseTestdata(t *testing.T, name string) (*ir.API, []ir.Diagnostic) {
	t.Helper()
	path := filepath.Join("testdata", name)
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	api, diags, err := Parse(path, src)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return api, diags
}

// factsJSON renders an API without positions, so pages in different
// formats can be compared fact for fact.
func factsJSON(t *testing.T, api *ir.API) string {
	t.Helper()
	return irtest.FactsJSON(t, api, nil)
}

// TestFormsAgree proves the Markdown scrape, the web site's HTML and text
// copied from the site (tables glued to the line above, empty cells dropped
// so the version lands in the description column) give the same IR.
func TestFormsAgree(t *testing.T) {
	md, mdDiags := parseTestdata(t, "change_cluster_state.md")
	checkChangeClusterState(t, md)
	if len(mdDiags) > 0 {
		t.Errorf("Markdown page: unexpected diagnostics %v", mdDiags)
	}
	want := factsJSON(t, md)
	for _, name := range []string{"change_cluster_state.html", "change_cluster_state.txt"} {
		t.Run(name, func(t *testing.T) {
			api, diags := parseTestdata(t, name)
			if len(diags) > 0 {
				t.Errorf("unexpected diagnostics %v", diags)
			}
			if got := factsJSON(t, api); got != want {
				t.Errorf("IR differs from the Markdown page's:\n%s", diffLines(want, got))
			}
		})
	}
}

// checkChangeClusterState asserts the facts of the hand-written page.
func checkChangeClusterState(t *testing.T, api *ir.API) {
	t.Helper()
	if api.Family != ir.FamilyZStack {
		t.Errorf("family %q", api.Family)
	}
	op := api.Operation("ChangeClusterState")
	if op == nil {
		t.Fatalf("no ChangeClusterState among %d operations", len(api.Operations))
	}
	if op.Method != "PUT" || op.Path != "/zstack/v1/clusters/{uuid}/actions" {
		t.Errorf("endpoint %s %s", op.Method, op.Path)
	}
	if op.Description != "改变集群的可用状态" {
		t.Errorf("description %q", op.Description)
	}
	if op.BodyKey != "changeClusterState" || !op.Auth || !op.Async {
		t.Errorf("bodyKey %q auth %v async %v", op.BodyKey, op.Auth, op.Async)
	}
	if op.Pos.Line == 0 || op.Pos.File == "" {
		t.Errorf("operation has no position: %v", op.Pos)
	}
	uuid := op.Param("uuid")
	if uuid == nil || uuid.In != ir.InPath || !uuid.Required || uuid.Since != "0.6" {
		t.Errorf("uuid param %+v", uuid)
	}
	se := op.Param("stateEvent")
	if se == nil || se.In != ir.InBody || se.Wrapper != "changeClusterState" || !se.Required ||
		strings.Join(se.Enum, ",") != `"enable","disable"` || se.Since != "0.6" || se.Type.Kind != ir.KindString {
		t.Errorf("stateEvent param %+v", se)
	}
	for _, name := range []string{"systemTags", "userTags"} {
		p := op.Param(name)
		if p == nil || p.In != ir.InBody || p.Wrapper != "" || p.Required || p.Type.String() != "[]string" || p.Since != "0.6" {
			t.Errorf("%s param %+v", name, p)
		}
	}
	if op.Param("userTags").Description != "" {
		t.Errorf("userTags description %q; the version must not land there", op.Param("userTags").Description)
	}
	if op.Response == nil || op.Response.Type == nil || op.Response.Type.Ref != "ChangeClusterStateReply" || op.Response.Envelope != "inventory" {
		t.Fatalf("response %+v", op.Response)
	}
	reply := api.Type("ChangeClusterStateReply")
	if reply == nil || reply.Field("inventory") == nil || reply.Field("inventory").Type.String() != "ref(ClusterInventory)" ||
		reply.Field("error").Type.String() != "ref(ErrorCode)" {
		t.Fatalf("reply type %+v", reply)
	}
	inv := api.Type("ClusterInventory")
	if inv == nil {
		t.Fatal("no ClusterInventory")
	}
	wantFields := map[string]string{
		"name": "string", "uuid": "string", "state": "ref(ClusterState)",
		"hosts": "[]ref(ClusterInventoryHost)", "labels": "[]string", "createDate": "time(zstack)",
	}
	for name, typ := range wantFields {
		f := inv.Field(name)
		if f == nil || f.Type.String() != typ {
			t.Errorf("ClusterInventory.%s = %+v, want type %s", name, f, typ)
		}
	}
	if f := inv.Field("uuid"); f != nil && (f.Since != "0.6" || f.Description != "") {
		t.Errorf("uuid field since %q description %q", f.Since, f.Description)
	}
	if f := inv.Field("hosts"); f != nil && f.Since != "4.1.0" {
		t.Errorf("hosts since %q", f.Since)
	}
	host := api.Type("ClusterInventoryHost")
	if host == nil || host.Field("cpuNum") == nil || host.Field("cpuNum").Type.String() != "integer(int64)" || host.Field("cpuNum").Since != "4.1.0" {
		t.Errorf("host type %+v", host)
	}
	state := api.Type("ClusterState")
	if state == nil || state.Kind != ir.KindEnum || len(state.Values) != 2 || state.Values[0].Value != `"Enabled"` || state.Values[1].Description != "停用" {
		t.Errorf("state enum %+v", state)
	}
	ec := api.Type("ErrorCode")
	if ec == nil || ec.Field("cause") == nil || ec.Field("cause").Type.String() != "ref(ErrorCode)" {
		t.Errorf("ErrorCode %+v", ec)
	}
}

// TestEnglishPage reads a page with English headers and labels, optional
// parameters marked "(optional)" and "Optional.", and a query API.
func TestEnglishPage(t *testing.T) {
	api, diags := parseTestdata(t, "en_zone.md")
	for _, d := range diags {
		t.Errorf("unexpected diagnostic %v", d)
	}
	create := api.Operation("CreateZone")
	if create == nil {
		t.Fatal("no CreateZone")
	}
	if create.Method != "POST" || create.Path != "/zstack/v1/zones" || create.BodyKey != "params" || !create.Async || !create.Auth {
		t.Errorf("CreateZone %s %s bodyKey %q async %v auth %v", create.Method, create.Path, create.BodyKey, create.Async, create.Auth)
	}
	name := create.Param("name")
	if name == nil || !name.Required || name.In != ir.InBody || name.Wrapper != "params" || name.Since != "0.6" {
		t.Errorf("name %+v", name)
	}
	desc := create.Param("description")
	if desc == nil || desc.Required || desc.Wrapper != "params" {
		t.Errorf("description (optional) %+v", desc)
	}
	def := create.Param("isDefault")
	if def == nil || def.Required || def.Type.Kind != ir.KindBoolean || def.Description != "Make it the default zone." || def.Since != "2.2" {
		t.Errorf("isDefault (Optional.) %+v", def)
	}
	typ := create.Param("type")
	if typ == nil || strings.Join(typ.Enum, ",") != `"zstack","vmware"` {
		t.Errorf("type enum %+v", typ)
	}
	if create.Response == nil || create.Response.Envelope != "inventory" {
		t.Errorf("response %+v", create.Response)
	}
	zi := api.Type("ZoneInventory")
	if zi == nil || zi.Field("createDate") == nil || zi.Field("createDate").Type.Format != "zstack" {
		t.Errorf("ZoneInventory %+v", zi)
	}
	q := api.Operation("QueryZone")
	if q == nil || q.Paging == nil || q.Param("q") == nil || q.Async {
		t.Fatalf("QueryZone %+v", q)
	}
	if api.Type("QueryZoneReply").Field("inventories").Type.String() != "[]ref(ZoneInventory)" {
		t.Errorf("QueryZoneReply.inventories %v", api.Type("QueryZoneReply").Field("inventories").Type)
	}
}

// diffLines shows the first lines where two renderings part.
func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			lo := max(0, i-3)
			return "line " + itoaTest(i+1) + ":\nwant: " + strings.Join(w[lo:min(len(w), i+4)], "\n      ") + "\ngot:  " + strings.Join(g[lo:min(len(g), i+4)], "\n      ")
		}
	}
	return ""
}

func itoaTest(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
