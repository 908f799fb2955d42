package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/config"
	"github.com/apigen-dev/apigen/internal/gocheck"
	"github.com/apigen-dev/apigen/ir"
	"github.com/apigen-dev/apigen/output"
	"github.com/apigen-dev/apigen/templates"
)

var compiledElsewhere = regexp.MustCompile(`^(2\.0\.0|3\.0\.0|4\.0\.0|4\.6\.0)-`)

// renderCorpus generates one package from real public docs, logging what
// it made; the caller compiles it (see TestCorpusCompiles).
func renderCorpus(t *testing.T, p config.Package) (*ir.API, []output.File) {
	t.Helper()
	if p.Package == "" {
		p.Package = "api"
	}
	api, files, diags, err := Render(p)
	if err != nil {
		for _, d := range diags {
			t.Log(d)
		}
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, d := range diags {
		counts[d.Kind]++
	}
	t.Logf("%d operations, %d types, %d files, warnings by kind %v", len(api.Operations), len(api.Types), len(files), counts)
	return api, files
}

// TestCorpusCompiles generates a package from every large real spec (the
// ones other generators fail on) and the whole ZStack 5.5.6 developer
// manual, and builds and vets them all in one module: one go build over
// many packages shares the runtime's compile and runs packages in
// parallel, where one module per spec paid that again and again.
func TestCorpusCompiles(t *testing.T) {
	corpus := gocheck.CorpusDir(t)
	specs, _ := filepath.Glob(filepath.Join(corpus, "openapi", "*.*"))
	releases, _ := filepath.Glob(filepath.Join(corpus, "openapi", "cloudtower", "*.json"))
	specs = append(specs, releases...)
	if len(specs) < 8 {
		t.Fatalf("expected the 8 corpus specs, found %v", specs)
	}
	module := map[string][]byte{}
	add := func(dir string, files []output.File) {
		for _, f := range files {
			module[dir+"/"+f.Name] = f.Content
		}
	}
	for i, spec := range specs {
		t.Run(strings.TrimSuffix(filepath.Base(spec), filepath.Ext(spec)), func(t *testing.T) {
			api, files := renderCorpus(t, config.Package{Inputs: []string{spec}, Output: "api"})
			if len(api.Operations) < 50 {
				t.Errorf("only %d operations", len(api.Operations))
			}
			// CloudTower releases after 1.8.0 are generated and checked, not
			// compiled here: the release history (TestCorpusCloudTowerReleases)
			// compiles 4.6.0's API with every release's since-versions, and
			// the middle releases sit between 1.8.0 and 4.6.0. Each is a
			// 100k-line package; four fewer keep make test in its budget.
			if !compiledElsewhere.MatchString(filepath.Base(spec)) {
				add(fmt.Sprintf("spec%d/api", i), files)
			}
		})
	}
	t.Run("zstack-manual", func(t *testing.T) {
		dir := filepath.Join(corpus, "zstack", "dev-manual-5.5.6-zh")
		api, files := renderCorpus(t, config.Package{Inputs: []string{dir}, Output: "zs", Package: "zs"})
		if len(api.Operations) < 1300 {
			t.Errorf("%d APIs recognised, want at least 1300", len(api.Operations))
		}
		vm := api.Type("VmInstanceInventory")
		if vm == nil || vm.Field("vmNics") == nil || vm.Field("uuid").Since == "" {
			t.Errorf("VmInstanceInventory: %+v", vm)
		}
		add("zs", files)
	})
	if t.Failed() {
		return
	}
	gocheck.Compile(t, module)
}

// The QingCloud folder (action pages, Shanhe AsciiDoc, QingCloud's own
// Swagger) generates one package whose client works against a fake QingCloud.
func TestCorpusQingCloud(t *testing.T) {
	corpus := gocheck.CorpusDir(t)
	p := config.Package{Inputs: []string{filepath.Join(corpus, "qingcloud")}, Output: "qc", Package: "qc"}
	api, files, _, err := Render(p)
	if err != nil {
		t.Fatal(err)
	}
	run := api.Operation("RunInstances")
	if run == nil {
		t.Fatal("no RunInstances")
	}
	var required []string
	for _, p := range run.Params {
		if p.Required {
			required = append(required, p.Name)
		}
	}
	if strings.Join(required, ",") != "image_id,login_mode,zone" {
		t.Errorf("RunInstances required params: %v", required)
	}
	if c := run.Param("count"); c == nil || c.Default != "1" || !c.Inferred {
		t.Errorf("count: %+v", c)
	}
	if v := run.Param("vxnets"); v == nil || v.Type.Kind != ir.KindList || v.Style != "dotted" {
		t.Errorf("vxnets: %+v", v)
	}
	m := map[string][]byte{}
	for _, f := range files {
		m["qc/"+f.Name] = f.Content
	}
	test, err := os.ReadFile(filepath.Join("testdata", "qingcloud_client_test.go.in"))
	if err != nil {
		t.Fatal(err)
	}
	m["qc/client_test.go"] = test
	// The CLI over the same package is built in the same module, and run
	// on the documented signature vectors.
	cli, _, err := templates.GenerateCLI(api, templates.Options{Package: "qc", Import: "example.com/gen/qc", CLIName: "qc"})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range cli {
		m["cli/"+f.Name] = f.Content
	}
	dir := gocheck.Test(t, m)
	bin := filepath.Join(dir, "qc-cli")
	gocheck.Run(t, dir, "build", "-o", bin, "./cli")
	checkSignatureVectors(t, bin, filepath.Join(corpus, "qingcloud", "signature-test-vectors.md"))
}

// The five CloudTower releases make one package whose since-versions come
// from the first release with each operation and field; changes that break
// callers are reported naming the release; --target-version 3.0.0 emits
// exactly that release.
func TestCorpusCloudTowerReleases(t *testing.T) {
	dir := filepath.Join(gocheck.CorpusDir(t), "openapi", "cloudtower")
	p := config.Package{Versions: dir, Output: "tower", Package: "tower"}
	api, files, diags, err := Render(p)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(api.Versions, " "); got != "1.8.0 2.0.0 3.0.0 4.0.0 4.6.0" {
		t.Errorf("versions %s", got)
	}
	for op, since := range map[string]string{"GetVms": "1.8.0", "AddVmGpuDevice": "4.0.0", "EnterMaintenanceMode": "4.0.0"} {
		if o := api.Operation(op); o == nil || o.Since != since {
			t.Errorf("operation %s: %+v, want since %s", op, o, since)
		}
	}
	vm := api.Type("Vm")
	for field, since := range map[string]string{"name": "1.8.0", "cloud_init_supported": "2.0.0", "gpu_devices": "4.0.0", "bios_uuid": "4.6.0"} {
		if f := vm.Field(field); f == nil || f.Since != since {
			t.Errorf("Vm.%s: %+v, want since %s", field, f, since)
		}
	}
	var found bool
	for _, d := range diags {
		if d.Kind == "type-change" && strings.Contains(d.Message, `type "Cluster": field "provisioned_memory_bytes" changes type from number(double) to integer(int64) in release 2.0.0`) {
			found = strings.HasSuffix(d.Pos.File, "2.0.0-swagger.json") && d.Pos.Line > 0
		}
	}
	if !found {
		t.Error("the number → integer change of Cluster.provisioned_memory_bytes in 2.0.0 is not reported with its position")
	}
	var src strings.Builder
	m := map[string][]byte{}
	for _, f := range files {
		m["tower/"+f.Name] = f.Content
		src.Write(f.Content)
	}
	if !regexp.MustCompile("\tBiosUUID .*`json:\"bios_uuid,omit[a-z]+\" since:\"4.6.0\"`").MatchString(src.String()) {
		t.Error("Vm.bios_uuid has no since:\"4.6.0\" tag in the output")
	}
	gocheck.Compile(t, m)

	p.TargetVersion = "3.0.0"
	api3, files3, _, err := Render(p)
	if err != nil {
		t.Fatal(err)
	}
	if api3.Operation("AddVmGpuDevice") != nil || api3.Operation("GetVms") == nil {
		t.Error("--target-version 3.0.0 must drop AddVmGpuDevice (4.0.0) and keep GetVms")
	}
	m = map[string][]byte{}
	for _, f := range files3 {
		m["tower/"+f.Name] = f.Content
		if strings.Contains(string(f.Content), "AddVmGpuDevice") {
			t.Errorf("%s mentions AddVmGpuDevice", f.Name)
		}
	}
	gocheck.Compile(t, m)
}

// BenchmarkGenerateZStackManual is the whole manual through parsing and
// emitting (not writing): the budget is 2 s on this machine.
func BenchmarkGenerateZStackManual(b *testing.B) {
	root, _ := gocheck.RepoRoot()
	dir := filepath.Join(root, "..", "shared", "corpus", "zstack", "dev-manual-5.5.6-zh")
	if _, err := os.Stat(dir); err != nil {
		b.Skip("no corpus")
	}
	p := config.Package{Inputs: []string{dir}, Output: "zs", Package: "zs"}
	for b.Loop() {
		if _, _, _, err := Render(p); err != nil {
			b.Fatal(err)
		}
	}
}
