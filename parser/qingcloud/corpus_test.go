package qingcloud

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/internal/irtest"
	"github.com/apigen-dev/apigen/ir"
)

// corpusDir is the shared real-world inputs, beside the repository.
const corpusDir = "../../../shared/corpus/qingcloud"

// corpusFiles lists every page and spec under the corpus, or skips.
func corpusFiles(t testing.TB) []string {
	t.Helper()
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skip("corpus absent:", err)
	}
	var files []string
	err := filepath.WalkDir(corpusDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		switch filepath.Ext(path) {
		case ".md", ".adoc", ".json":
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestCorpus(t *testing.T) {
	files := corpusFiles(t)
	var inputs []string
	root := filepath.Join(corpusDir, "api-specs", "2013-08-30", "swagger", "api_v2.0.json")
	refs := References(root, readFile(t, root))
	for _, f := range files {
		if strings.HasSuffix(f, "signature-test-vectors.md") {
			continue // the project's own notes, not QingCloud's docs
		}
		// Each file is recognised by its structure: action pages and files
		// of actions by themselves, the two root specs by their host or
		// publisher, definitions and parameters as what the root $refs.
		src := readFile(t, f)
		base := filepath.Base(f)
		switch {
		case slices.Contains(nonActionPages, strings.TrimPrefix(filepath.ToSlash(f), corpusDir+"/")) || base == "README.md":
			if IsQingCloud(f, src) {
				t.Errorf("%s, which has no action table, recognised as QingCloud", f)
			}
			continue
		case base == "api_v2.0.json" || base == "api_spec_example_swagger_v2.0.json":
			if !IsQingCloudSpec(src) {
				t.Errorf("%s not recognised as a QingCloud spec", f)
			}
		case base == "definitions.json" || base == "parameters.json":
			if IsQingCloud(f, src) || !slices.Contains(refs, f) {
				t.Errorf("%s: want no structure of its own, and a $ref from the root to it (refs %v)", f, refs)
			}
		case !IsQingCloud(f, src):
			t.Errorf("%s not recognised as QingCloud", f)
		}
		inputs = append(inputs, f)
	}
	api, diags, err := ParseFiles(irtest.ReadAll(t, inputs))
	if err != nil {
		t.Fatal(err)
	}
	// The corpus copies 4 of the 27 files api_v2.0.json refers to: one
	// warning per missing file, and nothing else.
	for _, d := range diags {
		if d.Kind != "unresolved-ref" || !strings.HasSuffix(d.Pos.File, "api_v2.0.json") {
			t.Errorf("unexpected diagnostic %v", d)
		}
	}
	if n := len(diags); n != 23 {
		t.Errorf("%d diagnostics, want 23 (missing spec files)", n)
	}

	perSource := map[string][]string{}
	for _, op := range api.Operations {
		perSource[filepath.Base(op.Pos.File)] = append(perSource[filepath.Base(op.Pos.File)], op.Name)
	}
	var srcs []string
	for s := range perSource {
		srcs = append(srcs, s)
	}
	sort.Strings(srcs)
	for _, s := range srcs {
		t.Logf("%-28s %2d ops", s, len(perSource[s]))
	}
	t.Logf("total %d operations, %d types", len(api.Operations), len(api.Types))
	if len(api.Operations) != 41 {
		t.Errorf("%d operations, want 41", len(api.Operations))
	}
	if api.Name != "QingCloud" || !slices.Contains(api.Servers, "https://api.qingcloud.com") {
		t.Errorf("name %q servers %v", api.Name, api.Servers)
	}

	runInstances(t, api)

	asg := mustOp(t, api, "AddSecurityGroupRules")
	rules := mustParam(t, asg, "rules")
	if rules.Type.Kind != ir.KindList || rules.Type.Elem.Kind != ir.KindRef || rules.Style != "dotted" || !rules.Required {
		t.Fatalf("rules %+v", rules)
	}
	rule := mustType(t, api, rules.Type.Elem.Ref)
	if rule.Kind != ir.KindStruct {
		t.Fatalf("%s is a %s", rule.Name, rule.Kind)
	}
	for _, f := range []string{"protocol", "priority", "security_group_rule_name", "action", "direction", "val1", "val2", "val3"} {
		mustField(t, rule, f)
	}
	if !mustField(t, rule, "protocol").Required || mustField(t, rule, "val1").Required {
		t.Error("rule field Required misread")
	}
	if asg.Service != "security_group" {
		t.Errorf("AddSecurityGroupRules service %q: security_group.json should place it", asg.Service)
	}

	di := mustOp(t, api, "DescribeInstances")
	want := ir.Paging{Style: "offset", OffsetParam: "offset", LimitParam: "limit", ItemsField: "instance_set", TotalField: "total_count", MaxLimit: 100}
	if di.Paging == nil || *di.Paging != want {
		t.Errorf("DescribeInstances paging %+v", di.Paging)
	}
	inst := mustType(t, api, "Instance")
	for name, want := range map[string]string{
		"create_time": "time(date-time)", // TimeStamp in the item table
		"image":       "ref(Image)",      // Dict, typed by the example
		"vxnets":      "[]ref(Vxnet)",    // Array of objects in the example
		"volume_ids":  "[]string",
		"sub_code":    "integer", // only in the example
		"zone_id":     "string",  // only in definitions.json
	} {
		if got := mustField(t, inst, name).Type.String(); got != want {
			t.Errorf("Instance.%s %s, want %s", name, got, want)
		}
	}
	mustField(t, mustType(t, api, "Image"), "processor_type")

	dj := mustOp(t, api, "DescribeJobs")
	if dj.Paging == nil || dj.Paging.ItemsField != "job_set" || dj.Async {
		t.Errorf("DescribeJobs paging %+v async %v", dj.Paging, dj.Async)
	}
	job := mustType(t, api, "Job")
	if got := mustField(t, job, "status_time").Type.String(); got != "time(date-time)" {
		t.Errorf("Job.status_time %s", got)
	}
	if got := mustField(t, job, "error_codes").Type.String(); got != "string" {
		t.Errorf("Job.error_codes (example only) %s", got)
	}

	// The Shanhe-only pages are there, as QingCloud-family actions.
	for _, name := range []string{"StartInstances", "ResizeInstances"} {
		op := mustOp(t, api, name)
		if !op.Async || op.Service != "instance" || op.Param("instances") == nil {
			t.Errorf("%s %+v", name, op)
		}
	}
	// The QingStor example is resource-style: method and path kept.
	lo := mustOp(t, api, "ListObjects")
	if lo.Action != "" || lo.Path != "/{bucketName}" || mustParam(t, lo, "bucketName").In != ir.InPath {
		t.Errorf("ListObjects %+v", lo)
	}
	if lb := mustOp(t, api, "ListBuckets"); mustParam(t, lb, "Location").In != ir.InHeader {
		t.Error("ListBuckets Location header")
	}

	// Same inputs in another order: the same IR, byte for byte.
	rev := slices.Clone(inputs)
	slices.Reverse(rev)
	api2, diags2, err := ParseFiles(irtest.ReadAll(t, rev))
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(api)
	b, _ := json.Marshal(api2)
	if string(a) != string(b) || len(diags) != len(diags2) {
		t.Error("input order changed the IR")
	}
}

// runInstances checks RunInstances against run_instances.md's own table,
// read here with a plain regexp rather than the parser under test.
func runInstances(t *testing.T, api *ir.API) {
	t.Helper()
	src := readFile(t, filepath.Join(corpusDir, "qingcloud-docs/run_instances.md"))
	text := string(src)
	text = text[strings.Index(text, "**Request Parameters**"):strings.Index(text, "**Response Elements**")]
	row := regexp.MustCompile(`(?m)^\| ([a-z_.]+) \| (\w+) \|.*\| (Yes|No) \|$`)
	rows := row.FindAllStringSubmatch(text, -1)
	if len(rows) != 36 {
		t.Fatalf("%d rows in run_instances.md, want 36", len(rows))
	}
	op := mustOp(t, api, "RunInstances")
	if op.Action != "RunInstances" || op.Method != "GET" || op.Path != "/iaas/" || !op.Auth || !op.Async || op.Service != "instance" {
		t.Errorf("RunInstances %+v", op)
	}
	if !strings.HasSuffix(op.Pos.File, "qingcloud-docs/run_instances.md") || op.Pos.Line != 2 {
		t.Errorf("RunInstances at %v, want its title", op.Pos)
	}
	for _, r := range rows {
		name, _, _ := strings.Cut(r[1], ".")
		p := mustParam(t, op, name)
		if p.Required != (r[3] == "Yes") {
			t.Errorf("%s required %v, page says %s", name, p.Required, r[3])
		}
		if line := lineOf(t, src, "| "+r[1]+" |"); p.Pos.Line != line {
			t.Errorf("%s at line %d, want %d", name, p.Pos.Line, line)
		}
	}
	var required []string
	for _, p := range op.Params {
		if p.Required {
			required = append(required, p.Name)
		}
	}
	if !slices.Equal(required, []string{"image_id", "login_mode", "zone"}) {
		t.Errorf("required %v", required)
	}
	if c := mustParam(t, op, "count"); c.Default != "1" || !c.Inferred {
		t.Errorf("count %+v", c)
	}
	for _, name := range []string{"vxnets", "volumes"} {
		if p := mustParam(t, op, name); p.Type.String() != "[]string" || p.Style != "dotted" {
			t.Errorf("%s %s style %q", name, p.Type, p.Style)
		}
	}
	if e := mustParam(t, op, "cpu").Enum; !slices.Equal(e, []string{"1", "2", "4", "8", "16"}) {
		t.Errorf("cpu enum %v", e)
	}
	if e := mustParam(t, op, "login_mode").Enum; !slices.Equal(e, []string{`"keypair"`, `"passwd"`}) {
		t.Errorf("login_mode enum %v", e)
	}
	if p := mustParam(t, op, "os_disk_size"); p.Default != "" || p.Enum != nil {
		t.Errorf("os_disk_size: ranges and per-OS defaults are no facts: %+v", p)
	}
	// Parameters only QingCloud's spec knows join the page's.
	if p := mustParam(t, op, "cpu_max"); !p.Nullable || p.Inferred || !strings.HasSuffix(p.Pos.File, "instance.json") {
		t.Errorf("cpu_max %+v", p)
	}
	if got := mustField(t, mustType(t, api, "RunInstancesResponse"), "instances").Type.String(); got != "[]string" {
		t.Errorf("RunInstancesResponse.instances %s", got)
	}
}

// The Shanhe AsciiDoc page and the QingCloud Markdown page document the
// same RunInstances: same parameters, same Required, same inferred facts.
func TestCorpusShanheAgrees(t *testing.T) {
	corpusFiles(t)
	qc, _, err := Parse("run_instances.md", readFile(t, filepath.Join(corpusDir, "qingcloud-docs/run_instances.md")))
	if err != nil {
		t.Fatal(err)
	}
	sh, diags, err := Parse("run_instances.adoc", readFile(t, filepath.Join(corpusDir, "shanhe-docs/run_instances.adoc")))
	if err != nil || len(diags) != 0 {
		t.Fatal(err, diags)
	}
	a, b := mustOp(t, qc, "RunInstances"), mustOp(t, sh, "RunInstances")
	if len(a.Params) != len(b.Params) {
		t.Fatalf("%d vs %d params", len(a.Params), len(b.Params))
	}
	for i, p := range a.Params {
		q := b.Params[i]
		if p.Name != q.Name || p.Required != q.Required || p.Type.String() != q.Type.String() || p.Default != q.Default || p.Style != q.Style {
			t.Errorf("%s differs: %+v vs %+v", p.Name, p, q)
		}
		// The one documented difference: Shanhe's GPUs.
		if p.Name != "gpu_class" && !slices.Equal(p.Enum, q.Enum) {
			t.Errorf("%s enum %v vs %v", p.Name, p.Enum, q.Enum)
		}
	}
	if e := b.Param("gpu_class").Enum; !slices.Equal(e, []string{"0", "1", "6", "7"}) {
		t.Errorf("Shanhe gpu_class enum %v", e)
	}
}

// nonActionPages are the overview, common parameters, signature and error
// pages: no action table.
var nonActionPages = []string{"qingcloud-docs/overview.md", "qingcloud-docs/parameters.md", "qingcloud-docs/signature.md", "qingcloud-docs/error_code.md", "shanhe-docs/parameters.adoc"}

// Overview, common parameters, signature and error pages give nothing.
func TestCorpusNonActionPages(t *testing.T) {
	corpusFiles(t)
	for _, f := range nonActionPages {
		api, diags, err := Parse(f, readFile(t, filepath.Join(corpusDir, f)))
		if err != nil || len(diags) != 0 || len(api.Operations) != 0 || len(api.Types) != 0 {
			t.Errorf("%s: %d ops, %v, %v", f, len(api.Operations), diags, err)
		}
	}
}

func BenchmarkCorpus(b *testing.B) {
	files := corpusFiles(b)
	for b.Loop() {
		if _, _, err := ParseFiles(irtest.ReadAll(b, files)); err != nil {
			b.Fatal(err)
		}
	}
}
