package parser

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/apigen-dev/apigen/ir"
)

const corpus = "../../shared/corpus"

// write puts files in a new directory and returns it.
func write(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// loadBounded runs Load and fails the test if it has not returned within a
// few seconds: reading a FIFO blocks forever, /dev/zero runs out of memory.
func loadBounded(t *testing.T, inputs []string, opts Options) (*ir.API, []ir.Diagnostic, error) {
	t.Helper()
	type result struct {
		api   *ir.API
		diags []ir.Diagnostic
		err   error
	}
	done := make(chan result, 1)
	go func() {
		api, diags, err := Load(inputs, opts)
		done <- result{api, diags, err}
	}()
	select {
	case r := <-done:
		return r.api, r.diags, r.err
	case <-time.After(20 * time.Second):
		t.Fatalf("Load(%v) still running after 20s", inputs)
		return nil, nil, nil
	}
}

const qingcloudRoot = `{
  "swagger": "2.0",
  "info": {"title": "t", "version": "1"},
  "host": "api.qingcloud.com",
  "basePath": "/iaas",
  "paths": {"/DescribeThings": {"get": {"operationId": "DescribeThings", "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/thing"}}}}}},
  "definitions": {"thing": {"$ref": "./definitions.json#/thing"}}
}`

const definitions = `{"thing": {"type": "object", "properties": {"id": {"type": "string"}}}}`

// A FIFO and a link to /dev/zero beside a named input, both named like the
// fragment the spec $refs, are never opened: neither named nor walked.
// Named or walked, they are refused or passed over, never read.
func TestSpecialFilesNeverRead(t *testing.T) {
	dir := write(t, map[string]string{"api.json": qingcloudRoot})
	if err := syscall.Mkfifo(filepath.Join(dir, "definitions.json"), 0o644); err != nil {
		t.Skip("mkfifo:", err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.json")); err != nil {
		t.Skip("symlink:", err)
	}
	api, diags, err := loadBounded(t, []string{filepath.Join(dir, "api.json")}, Options{})
	if err != nil || api.Operation("DescribeThings") == nil {
		t.Fatalf("named api.json: %v %v", err, diags)
	}
	api, _, err = loadBounded(t, []string{dir}, Options{})
	if err != nil || api.Operation("DescribeThings") == nil {
		t.Fatalf("walked directory: %v", err)
	}
	for name, want := range map[string]string{"definitions.json": "named pipe", "zero.json": "a device"} {
		_, _, err := loadBounded(t, []string{filepath.Join(dir, name)}, Options{})
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), name) {
			t.Errorf("named %s: %v, want an error naming it as %s", name, err, want)
		}
	}
}

// A file over MaxFileSize is refused from its size, before a byte is read.
func TestSizeCapBeforeReading(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: its size is over the cap, reading it would cost 65 MiB.
	if err := f.Truncate(MaxFileSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, _, err := Load([]string{big}, Options{}); err == nil || !strings.Contains(err.Error(), "larger than 64 MiB") {
		t.Errorf("err %v", err)
	}
}

// The definitions a QingCloud spec $refs are taken from among the inputs:
// walked or named beside the spec they count, left out they are not looked
// for on disk (the reference is reported instead).
func TestFragmentsFromInputs(t *testing.T) {
	dir := write(t, map[string]string{"api.json": qingcloudRoot, "definitions.json": definitions, "other.json": definitions})
	typed := func(api *ir.API) bool {
		th := api.Type("Thing")
		return th != nil && th.Field("id") != nil
	}
	api, _, err := Load([]string{dir}, Options{})
	if err != nil || !typed(api) {
		t.Fatalf("walked: %v %+v", err, api)
	}
	api, _, err = Load([]string{filepath.Join(dir, "api.json"), filepath.Join(dir, "definitions.json")}, Options{})
	if err != nil || !typed(api) {
		t.Fatalf("named: %v", err)
	}
	api, diags, err := Load([]string{filepath.Join(dir, "api.json")}, Options{})
	if err != nil || typed(api) || !hasKind(diags, "unresolved-ref") {
		t.Fatalf("spec alone: %v, typed %v, %v", err, typed(api), diags)
	}
	// other.json has the same content but no spec refers to it: it is no input.
	if _, _, err := Load([]string{filepath.Join(dir, "other.json")}, Options{}); err == nil || !strings.Contains(err.Error(), "not an API document") {
		t.Errorf("unreferenced fragment named alone: %v", err)
	}
}

func hasKind(diags []ir.Diagnostic, kind string) bool {
	for _, d := range diags {
		if d.Kind == kind {
			return true
		}
	}
	return false
}

// --family takes only the families apigen knows, naming them otherwise.
func TestUnknownFamily(t *testing.T) {
	dir := write(t, map[string]string{"a.yaml": "openapi: 3.0.3\ninfo: {title: a, version: '1'}\npaths: {/a: {get: {responses: {'204': {description: ok}}}}}\n"})
	_, _, err := Load([]string{dir}, Options{Family: "qingcould"})
	if err == nil || !strings.Contains(err.Error(), `"qingcould"`) || !strings.Contains(err.Error(), "openapi, zstack, qingcloud, cloudtower") {
		t.Errorf("err %v", err)
	}
	for _, f := range ir.Families() {
		if api, _, err := Load([]string{dir}, Options{Family: f}); err != nil || api.Family != f {
			t.Errorf("family %s: %v", f, err)
		}
	}
}

// Inputs with no operation are an error naming what each lacks, unless
// AllowEmpty; a directory with no API document says what was looked for.
func TestNoOperations(t *testing.T) {
	dir := write(t, map[string]string{"a.yaml": "openapi: 3.0.3\ninfo: {title: a, version: '1'}\npaths: {}\n"})
	api, diags, err := Load([]string{dir}, Options{})
	if err == nil || api != nil || !strings.Contains(err.Error(), "--allow-empty") || !hasKind(diags, "no-operations") || !ir.HasErrors(diags) {
		t.Errorf("no operations: %v %v", err, diags)
	}
	if api, _, err := Load([]string{dir}, Options{AllowEmpty: true}); err != nil || len(api.Operations) != 0 {
		t.Errorf("AllowEmpty: %v", err)
	}
	notes := write(t, map[string]string{"overview.md": "# QingCloud 青云 API\n\nSee api.qingcloud.com.\n"})
	if _, _, err := Load([]string{notes}, Options{AllowEmpty: true}); err == nil || !strings.Contains(err.Error(), "no API documents") || !strings.Contains(err.Error(), "Required") {
		t.Errorf("no documents: %v", err)
	}
}

// Every real document is detected as what it is, and the pages that are
// no API (overview, common parameters, signature, error codes, the specs'
// README) are none.
func TestDetectCorpus(t *testing.T) {
	if _, err := os.Stat(corpus); err != nil {
		t.Skip("corpus absent:", err)
	}
	want := map[string]Format{
		"openapi/stripe-spec3-2023-09-12.yaml":                    FormatOpenAPI,
		"openapi/github-api-2021-12.yaml":                         FormatOpenAPI,
		"openapi/kubernetes-swagger.json":                         FormatOpenAPI,
		"openapi/cloudtower/4.6.0-swagger.json":                   FormatOpenAPI,
		"qingcloud/api-specs/2013-08-30/swagger/api_v2.0.json":    FormatQingCloud,
		"qingcloud/api-specs/2013-08-30/swagger/instance.json":    FormatQingCloud,
		"qingcloud/api-specs/2013-08-30/swagger/definitions.json": FormatUnknown, // taken when api_v2.0.json is among the inputs
		"qingcloud/api-specs/api_spec_example_swagger_v2.0.json":  FormatQingCloud,
		"qingcloud/api-specs/README.md":                           FormatUnknown,
		"qingcloud/qingcloud-docs/run_instances.md":               FormatQingCloud,
		"qingcloud/qingcloud-docs/describe_jobs.md":               FormatQingCloud,
		"qingcloud/qingcloud-docs/overview.md":                    FormatUnknown,
		"qingcloud/qingcloud-docs/parameters.md":                  FormatUnknown,
		"qingcloud/qingcloud-docs/signature.md":                   FormatUnknown,
		"qingcloud/qingcloud-docs/error_code.md":                  FormatUnknown,
		"qingcloud/shanhe-docs/run_instances.adoc":                FormatQingCloud,
		"qingcloud/shanhe-docs/start_instances.md":                FormatQingCloud,
		"qingcloud/shanhe-docs/parameters.adoc":                   FormatUnknown,
		"qingcloud/signature-test-vectors.md":                     FormatUnknown,
		"zstack/dev-manual-5.5.6-zh/04-04-network-services.md":    FormatZStack,
	}
	for rel, format := range want {
		src, err := os.ReadFile(filepath.Join(corpus, rel))
		if err != nil {
			t.Fatal(err)
		}
		if got := Detect(rel, src); got != format {
			t.Errorf("Detect(%s) = %q, want %q", rel, got, format)
		}
	}
	pages, _ := filepath.Glob(filepath.Join(corpus, "zstack", "pages", "*.md"))
	for _, p := range pages {
		src, _ := os.ReadFile(p)
		if got := Detect(p, src); got != FormatZStack {
			t.Errorf("Detect(%s) = %q, want zstack", p, got)
		}
	}
	// The whole QingCloud folder walked: definitions.json and
	// parameters.json come in through the root's $refs.
	files, err := collect([]string{filepath.Join(corpus, "qingcloud")})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		if f.format == FormatQingCloud && strings.HasSuffix(f.path, "s.json") {
			got = append(got, filepath.Base(f.path))
		}
	}
	if strings.Join(got, " ") != "definitions.json parameters.json" {
		t.Errorf("fragments taken: %v", got)
	}
}

// A directory named through a symlink is walked where it points, and its
// files are reported under the name given (WalkDir alone does not enter a
// symlinked root, which gave "no API documents").
func TestSymlinkedInputDirectory(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	os.MkdirAll(real, 0o755)
	spec := "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      operationId: getA\n      responses: {'204': {description: ok}}\n"
	os.WriteFile(filepath.Join(real, "api.yaml"), []byte(spec), 0o644)
	link := filepath.Join(dir, "docs")
	if err := os.Symlink(real, link); err != nil {
		t.Skip(err)
	}
	api, _, err := Load([]string{link}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(api.Operations) != 1 || api.Operations[0].Pos.File != filepath.Join(link, "api.yaml") {
		t.Errorf("operations %d, position %v", len(api.Operations), api.Operations[0].Pos)
	}
}
