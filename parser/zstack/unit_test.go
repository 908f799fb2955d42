package zstack

import (
	"slices"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/ir"
	"github.com/apigen-dev/apigen/parser/doctable"
)

func TestReadRow(t *testing.T) {
	param := layout{kind: paramTable, cols: []column{colName, colType, colLoc, colDesc, colEnum, colSince}}
	field := layout{kind: fieldTable, cols: []column{colName, colType, colDesc, colSince}}
	tests := []struct {
		name   string
		l      layout
		cells  []string
		ok     bool
		want   row // pos ignored
		reason string
	}{
		{"full", param, []string{"stateEvent", "String", "body", "事件", "enable disable", "0.6"}, true,
			row{name: "stateEvent", typ: "String", loc: "body", desc: "事件", enum: "enable disable", since: "0.6"}, ""},
		{"optional zh", param, []string{"systemTags (可选)", "List", "body", "", "", "0.6"}, true,
			row{name: "systemTags", typ: "List", loc: "body", since: "0.6", optional: true}, ""},
		{"optional full-width", param, []string{"state（可选）", "", "body", "状态", "", ""}, true,
			row{name: "state", loc: "body", desc: "状态", optional: true}, ""},
		{"optional en", param, []string{"name (optional)", "String", "body", "Name", "", "4.1.0"}, true,
			row{name: "name", typ: "String", loc: "body", desc: "Name", since: "4.1.0", optional: true}, ""},
		{"Optional. prefix", field, []string{"limit", "Integer", "Optional. The page size.", "0.6"}, true,
			row{name: "limit", typ: "Integer", desc: "The page size.", since: "0.6", optional: true}, ""},
		// Text copied from the web site drops empty cells: the version
		// lands in the description column.
		{"scraped field", field, []string{"uuid", "String", "0.6"}, true,
			row{name: "uuid", typ: "String", since: "0.6"}, ""},
		{"scraped param", param, []string{"userTags (可选)", "List", "body", "0.6"}, true,
			row{name: "userTags", typ: "List", loc: "body", since: "0.6", optional: true}, ""},
		{"scraped param with description", param, []string{"uuid", "String", "url", "集群UUID", "4.1.0"}, true,
			row{name: "uuid", typ: "String", loc: "url", desc: "集群UUID", since: "4.1.0"}, ""},
		{"stray pipes", field, []string{"l3NetworkRefs", "", "List", "", "详情参考[l3NetworkRefs]", "2.3"}, true,
			row{name: "l3NetworkRefs", typ: "List", desc: "详情参考[l3NetworkRefs]", since: "2.3"}, ""},
		{"trailing empty cells", field, []string{"a", "String", "x", "0.6", "", ""}, true,
			row{name: "a", typ: "String", desc: "x", since: "0.6"}, ""},
		{"short without version", field, []string{"a", "String", "说明"}, false, row{}, "has 3 cells where the header has 4"},
		{"too many", field, []string{"a", "String", "x", "y", "0.6"}, false, row{}, "has 5 cells where the header has 4"},
		{"not a version", field, []string{"a", "String", "x", "later"}, true, row{name: "a", typ: "String", desc: "x"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, why, ok := readRow(tt.l, doctable.Row{Cells: tt.cells})
			if ok != tt.ok || why != tt.reason {
				t.Fatalf("ok %v why %q, want %v %q", ok, why, tt.ok, tt.reason)
			}
			got.pos = ir.Pos{}
			if ok && got != tt.want {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestHeaderLayouts(t *testing.T) {
	tests := []struct {
		header []string
		kind   tableKind
	}{
		{[]string{"名字", "类型", "位置", "描述", "可选值", "起始版本"}, paramTable},
		{[]string{"名字", "类型", "位置", "描述", "起始版本"}, paramTable},
		{[]string{"名字", "类型", "描述", "起始版"}, fieldTable},
		{[]string{"名", "类型", "描述", "起始版本"}, fieldTable},
		{[]string{"Name", "Type", "Location", "Description", "Optional Value", "Starting Version"}, paramTable},
		{[]string{"Name", "Type", "Location", "Description", "Allowed Values", "Starting Version"}, paramTable},
		{[]string{"Name", "Type", "Description", "Starting Version"}, fieldTable},
		{[]string{"", "", "", ""}, fieldTable},
		{[]string{"方法名", "描述"}, unknownTable},
		{[]string{"type参数", "parameters可选参数"}, unknownTable},
	}
	for _, tt := range tests {
		l := tableLayout(&doctable.Table{Header: tt.header})
		if l.kind != tt.kind {
			t.Errorf("%q: kind %v, want %v", tt.header, l.kind, tt.kind)
		}
	}
	l := tableLayout(&doctable.Table{Header: []string{"Name", "Type", "Location", "Description", "Allowed Values", "Starting Version"}})
	if !slices.Equal(l.cols, []column{colName, colType, colLoc, colDesc, colEnum, colSince}) {
		t.Errorf("English columns %v", l.cols)
	}
}

func TestURLLines(t *testing.T) {
	tests := []struct {
		line  string
		want  []string
		query []string
		warn  int
	}{
		{"PUT zstack/v1/clusters/{uuid}/actions", []string{"PUT /zstack/v1/clusters/{uuid}/actions"}, nil, 0},
		{"DELETE zstack/v1/clusters/{uuid}?deleteMode={deleteMode}", []string{"DELETE /zstack/v1/clusters/{uuid}"}, []string{"deleteMode"}, 0},
		{"GET zstack/v1/accounts GET zstack/v1/accounts/{uuid}", []string{"GET /zstack/v1/accounts", "GET /zstack/v1/accounts/{uuid}"}, nil, 0},
		{"DELETE/v1/eips/{uuid}", []string{"DELETE /zstack/v1/eips/{uuid}"}, nil, 0},
		{"GET zstack//v1/vm/sched-history", []string{"GET /zstack/v1/vm/sched-history"}, nil, 0},
		{"Delete zstack/v1/mdev-device/{mdevDeviceUuid}", []string{"DELETE /zstack/v1/mdev-device/{mdevDeviceUuid}"}, nil, 0},
		{"DELECT zstack/v1/iam2/projects/virtual-ids", []string{"DELETE /zstack/v1/iam2/projects/virtual-ids"}, nil, 1},
		{"GET zstack/xsky/block-volumes/{uuid}", []string{"GET /zstack/v1/xsky/block-volumes/{uuid}"}, nil, 1},
		{"-X PUT http://localhost:8080/zstack/v1/clusters", nil, nil, 0},
		{"Authorization: OAuth the-session-uuid", nil, nil, 0},
	}
	for _, tt := range tests {
		var diags []ir.Diagnostic
		eps := parseURLLine(tt.line, ir.Pos{File: "f", Line: 3}, &diags)
		var got []string
		var query []string
		for _, e := range eps {
			got = append(got, e.Method+" "+e.Path)
			query = append(query, e.query...)
		}
		if !slices.Equal(got, tt.want) || !slices.Equal(query, tt.query) || len(diags) != tt.warn {
			t.Errorf("%q: got %q query %q diags %v", tt.line, got, query, diags)
		}
	}
}

func TestLabels(t *testing.T) {
	tests := map[string][]label{
		" URLs":             {labelURLs},
		"参数列表":              {labelParams},
		"API返回":             {labelResponse},
		"  API返回返回示例":       {labelResponse, labelRespExample},
		"Response Example:": {labelRespExample},
		"Curl示例":            {labelCurl},
		"URLs are listed":   nil,
		"资源的UUID，唯一标示该资源":   nil,
	}
	for line, want := range tests {
		if got := labelsOf(line); !slices.Equal(got, want) {
			t.Errorf("labelsOf(%q) = %v, want %v", line, got, want)
		}
	}
}

func TestAPIHeading(t *testing.T) {
	tests := map[string]string{
		"改变一个集群的可用状态(ChangeClusterState)": "ChangeClusterState",
		"增加标签到报警器（AddLabelToAlarm）":       "AddLabelToAlarm",
		"Create Zone(CreateZone)":         "CreateZone",
		"裸金属管理(Plus)":                     "",
		"持续数据保护(CDP)相关接口":                 "",
		"简单网络管理协议(SNMP)":                  "",
		"HTTP方法 (HTTP Verbs)":             "",
	}
	for text, want := range tests {
		_, got, _ := apiHeading(text)
		if got != want {
			t.Errorf("apiHeading(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestTypeHelpers(t *testing.T) {
	for in, want := range map[string]string{
		"String": "string", "Long": "integer(int64)", "int": "integer(int64)", "Double": "number(double)",
		"boolean": "boolean", "Timestamp": "time(zstack)", "LinkedHashMap": "map", "List": "list",
		"byte[]": "[]integer(int64)", "array[string]": "[]string", "Object": "any", "ClusterInventory": "ref(ClusterInventory)",
		"是否支持热迁移": "any",
	} {
		r, _ := classify(in)
		if got := r.String(); got != want && !(want == "map" && r.Kind == ir.KindMap) && !(want == "list" && r.Kind == ir.KindList) {
			t.Errorf("classify(%q) = %s, want %s", in, got, want)
		}
	}
	for in, want := range map[string]string{"vmNics": "vmNic", "policies": "policy", "addresses": "address", "status": "status", "allVolumes": "allVolume", "ipRanges": "ipRange"} {
		if got := singular(in); got != want {
			t.Errorf("singular(%q) = %q, want %q", in, got, want)
		}
	}
	if got := candidates("allVolumes"); !slices.Equal(got, []string{"AllVolumeInventory", "VolumeInventory"}) {
		t.Errorf("candidates(allVolumes) = %v", got)
	}
	if got := splitEnum("enable disable, x，y、enable"); !slices.Equal(got, []string{"enable", "disable", "x", "y"}) {
		t.Errorf("splitEnum = %v", got)
	}
	if lit, ok := literal(`a"b`, ir.KindString); !ok || lit != `"a\"b"` {
		t.Errorf("literal = %s", lit)
	}
	if _, ok := literal("1.5", ir.KindInteger); ok {
		t.Error("1.5 accepted as an integer")
	}
}

func TestIsZStack(t *testing.T) {
	tests := []struct {
		name, file, src string
		want            bool
	}{
		{"markdown page", "a.md", "#### 创建区域(CreateZone)\n\n URLs\n\n```\nPOST zstack/v1/zones\n```\n", true},
		{"html page", "a.html", "<h4>创建区域(CreateZone)</h4>\n<pre>POST zstack/v1/zones</pre>", true},
		{"table header", "a.txt", "| 名字 | 类型 | 位置 | 描述 | 可选值 | 起始版本 |\n| --- |\n", true},
		{"english table header", "a.md", "| Name | Type | Location | Description | Optional Value | Starting Version |\n", true},
		{"qingcloud page", "a.md", "## Request Parameters\n\n| Parameter name | Type | Description | Required |\n", false},
		{"plain readme", "README.md", "# apigen\n\nTurns docs (Markdown) into Go.\n", false},
		{"url without heading", "a.md", "see zstack/v1/zones for (details)\n", false},
	}
	for _, tt := range tests {
		if got := IsZStack(tt.file, []byte(tt.src)); got != tt.want {
			t.Errorf("%s: IsZStack = %v", tt.name, got)
		}
	}
}

// parseString parses an inline Markdown page.
func parseString(t *testing.T, src string) (*ir.API, []ir.Diagnostic) {
	t.Helper()
	api, diags, err := Parse("page.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return api, diags
}

func kinds(diags []ir.Diagnostic) map[string][]int {
	out := map[string][]int{}
	for _, d := range diags {
		out[d.Kind] = append(out[d.Kind], d.Pos.Line)
	}
	return out
}

// TestWarnings proves unreadable input is reported at its line, never
// dropped silently, and that the rest of the page still reads.
func TestWarnings(t *testing.T) {
	src := strings.Join([]string{
		"#### 测试(DoThing)", // 1
		"",                 // 2
		" URLs",            // 3
		"",                 // 4
		"```",              // 5
		"POST zstack/v1/things/{thingUuid}/x?mode={mode}", // 6
		"```", // 7
		"",    // 8
		"| 名字 | 类型 | 位置 | 描述 | 可选值 | 起始版本 |",                       // 9
		"| --- | --- | --- | --- | --- | --- |",                    // 10
		"| name | String | body(包含在**params**结构中) | 名称 |  | 0.6 |", // 11
		"| broken | String | body |",                               // 12
		"| 名称 | String | body |  |  | 0.6 |",                       // 13
		"| size | Long | body(包含在**v**结构中) |  | 1 2 | 0.6 |",       // 14
		"| kind | Widget | nowhere |  |  | 0.6 |",                  // 15
		"",                     // 16
		"| 方法名 | 描述 |",         // 17
		"| --- | --- |",        // 18
		"| GET | 获取 |",         // 19
		"",                     // 20
		"#### 没有地址(NoAddress)", // 21
		"",                     // 22
		" 参数列表",                // 23
		"",                     // 24
	}, "\n")
	api, diags := parseString(t, src)
	got := kinds(diags)
	want := map[string][]int{
		"malformed-row":      {12, 13},
		"wrapper-mismatch":   {14},
		"bad-location":       {15},
		"unknown-table":      {17},
		"no-urls":            {},
		"undocumented-param": {6, 6},
		"unresolved-type":    {15},
	}
	for k, lines := range want {
		if k == "no-urls" {
			continue
		}
		if !slices.Equal(got[k], lines) {
			t.Errorf("%s at lines %v, want %v (all: %v)", k, got[k], lines, diags)
		}
	}
	// NoAddress has a label but no URLs: reported, not an operation.
	if len(got["no-urls"]) != 1 || got["no-urls"][0] != 21 {
		t.Errorf("no-urls at %v", got["no-urls"])
	}
	op := api.Operation("DoThing")
	if op == nil || api.Operation("NoAddress") != nil {
		t.Fatalf("operations %v", api.Operations)
	}
	if p := op.Param("thingUuid"); p == nil || p.In != ir.InPath || !p.Required {
		t.Errorf("undocumented path parameter %+v", p)
	}
	if p := op.Param("mode"); p == nil || p.In != ir.InQuery || p.Required {
		t.Errorf("undocumented query parameter %+v", p)
	}
	if p := op.Param("size"); p == nil || p.Wrapper != "params" || !slices.Equal(p.Enum, []string{"1", "2"}) || p.Type.String() != "integer(int64)" {
		t.Errorf("size %+v", p)
	}
	// An unknown type name no page defines and no enum-like suffix: any.
	if p := op.Param("kind"); p == nil || p.Type.Kind != ir.KindAny || p.Wrapper != "params" {
		t.Errorf("kind %+v", p)
	}
}

func TestBodyKeyRules(t *testing.T) {
	rows := func(wrappers ...string) []paramRow {
		var out []paramRow
		for _, w := range wrappers {
			out = append(out, paramRow{wrapper: w})
		}
		return out
	}
	tests := []struct {
		name, method, api string
		rows              []paramRow
		body              map[string]any
		want              string
		warn              bool
	}{
		{"post default", "POST", "CreateZone", nil, nil, "params", false},
		{"put action default", "PUT", "StartVmInstance", nil, nil, "startVmInstance", false},
		{"table", "PUT", "ChangeClusterState", rows("changeClusterState"), nil, "changeClusterState", false},
		{"example", "PUT", "LogInByAccount", nil, map[string]any{"logInByAccount": map[string]any{}, "systemTags": []any{}}, "logInByAccount", false},
		// A copied table names another API's wrapper; the example follows
		// ZStack's convention.
		{"convention wins", "PUT", "LogInByLdap", rows("logInByAccount"), map[string]any{"logInByLdap": map[string]any{}}, "logInByLdap", true},
		{"post params wins", "POST", "AttachL3NetworkToVm", rows("params"), map[string]any{"attachL3NetworkToVm": map[string]any{}}, "params", true},
		{"odd wrapper kept", "PUT", "UpdateBareMetal2Chassis", rows("updateBaremetalChassis"), nil, "updateBaremetalChassis", false},
		{"get has none", "GET", "GetThing", rows("params"), nil, "", false},
	}
	for _, tt := range tests {
		var diags []ir.Diagnostic
		op := &ir.Operation{Name: tt.api, Method: tt.method}
		if got := bodyKey(op, tt.rows, tt.body, ir.Pos{}, &diags); got != tt.want || (len(diags) > 0) != tt.warn {
			t.Errorf("%s: %q, diags %v; want %q", tt.name, got, diags, tt.want)
		}
	}
}

// TestResponseShapes covers the response forms beyond plain structs: a Map
// whose sub-table types its values, a "Map" that is one object, a Java enum
// shown as name/ordinal, and allowed values on lists and booleans.
func TestResponseShapes(t *testing.T) {
	src := strings.Join([]string{
		"#### 测试(GetCaps)",
		"",
		" URLs",
		"",
		"```",
		"PUT zstack/v1/caps/actions",
		"```",
		"",
		"| 名字 | 类型 | 位置 | 描述 | 可选值 | 起始版本 |",
		"| --- | --- | --- | --- | --- | --- |",
		"| kinds | List | body(包含在**getCaps**结构中) | 种类 | a b | 4.0.0 |",
		"| force | boolean | body(包含在**getCaps**结构中) | 强制 | true false | 4.0.0 |",
		"",
		"##### API返回",
		"",
		" 返回示例",
		"",
		"```",
		`{"caps": {"68e8ed07": {"live": true}}, "flags": {"fast": true, "safe": false}}`,
		"```",
		"",
		"| 名字 | 类型 | 描述 | 起始版本 |",
		"| --- | --- | --- | --- |",
		"| caps | Map | 详情参考[caps] | 4.0.0 |",
		"| flags | Map | 详情参考[flags] | 4.0.0 |",
		"| state | CapState | 详情参考[state] | 4.1.0 |",
		"",
		" #caps",
		"",
		"| 名字 | 类型 | 描述 | 起始版本 |",
		"| --- | --- | --- | --- |",
		"| live | boolean |  | 4.0.0 |",
		"",
		" #flags",
		"",
		"| 名字 | 类型 | 描述 | 起始版本 |",
		"| --- | --- | --- | --- |",
		"| fast | boolean |  | 4.0.0 |",
		"| safe | boolean |  | 4.0.0 |",
		"",
		" #state",
		"",
		"| 名字 | 类型 | 描述 | 起始版本 |",
		"| --- | --- | --- | --- |",
		"| name | String | 资源名称 | 4.1.0 |",
		"| ordinal | int |  | 4.1.0 |",
	}, "\n")
	api, diags := parseString(t, src)
	for _, d := range diags {
		t.Errorf("unexpected diagnostic %v", d)
	}
	op := api.Operation("GetCaps")
	if op == nil || op.BodyKey != "getCaps" || op.Since != "4.0.0" || op.Response.Envelope != "" {
		t.Fatalf("GetCaps %+v", op)
	}
	if p := op.Param("kinds"); p.Enum != nil || p.Description != "种类 可选值: a b" {
		t.Errorf("list enum kept as prose: %+v", p)
	}
	if p := op.Param("force"); p.Enum != nil {
		t.Errorf("boolean enum %v", p.Enum)
	}
	reply := api.Type("GetCapsReply")
	for name, want := range map[string]string{
		"caps":  "map[string]ref(GetCapsReplyCaps)",
		"flags": "ref(GetCapsReplyFlags)",
		"state": "ref(CapState)",
	} {
		if f := reply.Field(name); f == nil || f.Type.String() != want {
			t.Errorf("%s = %+v, want %s", name, f, want)
		}
	}
	if st := api.Type("CapState"); st == nil || st.Kind != ir.KindEnum || st.Base != ir.KindString || len(st.Values) != 0 {
		t.Errorf("CapState %+v", st)
	}
}
