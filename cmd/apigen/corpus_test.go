package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/config"
	"github.com/apigen-dev/apigen/internal/gocheck"
	"github.com/apigen-dev/apigen/ir"
)

// corpusDir is ../shared/corpus beside the repository (CI has it there).
func corpusDir(t *testing.T) string {
	root, err := gocheck.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "..", "shared", "corpus")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no corpus at %s", dir)
	}
	return dir
}

// compileCorpus generates one package from real public docs and builds and
// vets it: the large specs that other generators fail on must compile here.
func compileCorpus(t *testing.T, p config.Package) *ir.API {
	t.Helper()
	if p.Package == "" {
		p.Package = "api"
	}
	api, files, diags, err := render(p)
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
	m := map[string][]byte{}
	for _, f := range files {
		m["api/"+f.Name] = f.Content
	}
	gocheck.Compile(t, m)
	return api
}

func TestCorpusOpenAPICompiles(t *testing.T) {
	corpus := corpusDir(t)
	specs, _ := filepath.Glob(filepath.Join(corpus, "openapi", "*.*"))
	releases, _ := filepath.Glob(filepath.Join(corpus, "openapi", "cloudtower", "*.json"))
	specs = append(specs, releases...)
	if len(specs) < 8 {
		t.Fatalf("expected the 8 corpus specs, found %v", specs)
	}
	for _, spec := range specs {
		t.Run(strings.TrimSuffix(filepath.Base(spec), filepath.Ext(spec)), func(t *testing.T) {
			api := compileCorpus(t, config.Package{Inputs: []string{spec}, Output: "api"})
			if len(api.Operations) < 50 {
				t.Errorf("only %d operations", len(api.Operations))
			}
		})
	}
}

// The QingCloud folder (action pages, Shanhe AsciiDoc, QingCloud's own
// Swagger) generates one package whose client works against a fake QingCloud.
func TestCorpusQingCloud(t *testing.T) {
	corpus := corpusDir(t)
	p := config.Package{Inputs: []string{filepath.Join(corpus, "qingcloud")}, Output: "qc", Package: "qc"}
	api, files, _, err := render(p)
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
	gocheck.Test(t, m)
}
