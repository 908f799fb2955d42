package openapi

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/apigen-dev/apigen/ir"
)

// corpusDir is the shared corpus of real specs, beside the repository
// (../shared/corpus from its root); tests skip when it is absent.
const corpusDir = "../../../shared/corpus/openapi"

func corpusFiles(tb testing.TB) []string {
	tb.Helper()
	var files []string
	err := filepath.WalkDir(corpusDir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if ext := filepath.Ext(path); !d.IsDir() && (ext == ".json" || ext == ".yaml" || ext == ".yml") {
			files = append(files, path)
		}
		return nil
	})
	if os.IsNotExist(err) {
		tb.Skip("corpus not found at " + corpusDir)
	}
	if err != nil {
		tb.Fatal(err)
	}
	return files
}

// corpusWant holds what each corpus spec gives, as measured. Operation
// counts are the spec's; type counts are its component schemas plus the
// inline structs, enums and unions named after where they sit.
var corpusWant = map[string]struct {
	family     ir.Family
	ops, types int
	warnings   int
}{
	"cloudtower/1.8.0-swagger.json": {ir.FamilyCloudTower, 330, 1496, 0},
	"cloudtower/2.0.0-swagger.json": {ir.FamilyCloudTower, 366, 1583, 0},
	"cloudtower/3.0.0-swagger.json": {ir.FamilyCloudTower, 424, 1806, 0},
	// 4.0.0 declares operationId CreateRole twice.
	"cloudtower/4.0.0-swagger.json": {ir.FamilyCloudTower, 456, 1937, 1},
	"cloudtower/4.6.0-swagger.json": {ir.FamilyCloudTower, 554, 1959, 0},
	"github-api-2021-12.yaml":       {ir.FamilyOpenAPI, 814, 1196, 0},
	"kubernetes-swagger.json":       {ir.FamilyOpenAPI, 1123, 771, 0},
	"stripe-spec3-2023-09-12.yaml":  {ir.FamilyOpenAPI, 468, 6245, 0},
}

// TestCorpus parses every spec of the corpus without error and checks the
// counts, that every reference names a type, and facts of each family.
func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("the corpus takes seconds to parse")
	}
	seen := 0
	for _, f := range corpusFiles(t) {
		rel, _ := filepath.Rel(corpusDir, f)
		rel = filepath.ToSlash(rel)
		t.Run(rel, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if !IsOpenAPI(src) {
				t.Error("IsOpenAPI = false")
			}
			api, diags, err := Parse(f, src, Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkIntegrity(t, api)
			want, ok := corpusWant[rel]
			if !ok {
				t.Logf("new spec: family %s, %d operations, %d types, %d warnings", api.Family, len(api.Operations), len(api.Types), len(diags))
				return
			}
			seen++
			if api.Family != want.family || len(api.Operations) != want.ops || len(api.Types) != want.types || len(diags) != want.warnings {
				t.Errorf("family %s, %d operations, %d types, %d warnings; want %s, %d, %d, %d",
					api.Family, len(api.Operations), len(api.Types), len(diags), want.family, want.ops, want.types, want.warnings)
			}
			for _, d := range diags {
				t.Log(d)
			}
			if check := corpusChecks[rel]; check != nil {
				check(t, api)
			}
		})
	}
	if seen != len(corpusWant) {
		t.Errorf("found %d of the %d known specs", seen, len(corpusWant))
	}
}

var corpusChecks = map[string]func(*testing.T, *ir.API){
	"cloudtower/4.6.0-swagger.json": func(t *testing.T, api *ir.API) {
		paged, async := 0, 0
		for _, o := range api.Operations {
			if o.Paging != nil {
				paged++
			}
			if o.Async {
				async++
			}
		}
		// Counted independently from the JSON: list calls whose body has
		// first and skip, and calls answering WithTask_ (or lists of them).
		if paged != 115 || async != 296 {
			t.Errorf("paged %d, async %d; want 115, 296", paged, async)
		}
		get := mustOp(t, api, "GetVms")
		if get.Paging == nil || get.Paging.Style != "first-skip" || get.Response.Type.String() != "[]ref(Vm)" {
			t.Errorf("GetVms = paging %+v, response %s", get.Paging, get.Response.Type)
		}
		if p := get.Param("content-language"); p == nil || p.In != ir.InHeader || p.Type != ir.Ref("ContentLanguage") {
			t.Errorf("GetVms content-language = %+v", p)
		}
		if o := mustOp(t, api, "CreateVm"); !o.Async || o.Body.Type.String() != "[]ref(VmCreationParams)" {
			t.Errorf("CreateVm async %v body %s", o.Async, o.Body.Type)
		}
		where := mustType(t, api, "VmWhereInput")
		if f := mustField(t, where, "AND"); f.Type.String() != "[]ref(VmWhereInput)" || f.Nullable { // nullable in the spec, cleared for filters
			t.Errorf("VmWhereInput.AND = %+v", f)
		}
		if s := api.Security; len(s) != 2 || s[0].Kind != "token" || s[1].Kind != "basic" {
			t.Errorf("security = %+v", s)
		}
	},
	"stripe-spec3-2023-09-12.yaml": func(t *testing.T, api *ir.API) {
		o := mustOp(t, api, "PostCustomers")
		if o.Body == nil || o.Body.ContentType != "application/x-www-form-urlencoded" || o.Body.Type != ir.Ref("PostCustomersRequest") {
			t.Errorf("PostCustomers body = %+v", o.Body)
		}
		addr := mustType(t, api, "PostCustomersRequestAddress")
		if addr.Kind != ir.KindUnion || len(addr.Variants) != 2 {
			t.Errorf("address = %+v, want a union of the fields object and the empty string", addr)
		}
		c := mustType(t, api, "customer")
		if f := mustField(t, c, "address"); f.Type != ir.Ref("address") || !f.Nullable {
			t.Errorf("customer.address = %+v, want nullable ref(address) from anyOf [$ref] + nullable", f)
		}
		if f := mustField(t, c, "metadata"); f.Type.String() != "map[string]string" {
			t.Errorf("customer.metadata = %s", f.Type)
		}
		if ty := mustType(t, api, "card_mandate_payment_method_details"); ty.Kind != ir.KindStruct || len(ty.Fields) != 0 {
			t.Errorf("properties: {} = %+v, want an empty struct", ty)
		}
	},
	"github-api-2021-12.yaml": func(t *testing.T, api *ir.API) {
		o := mustOp(t, api, "repos/get-content")
		if o.Method != "GET" || o.Path != "/repos/{owner}/{repo}/contents/{path}" || o.Response.Type.String() != "ref(ReposGetContentResponse)" {
			t.Errorf("repos/get-content = %s %s %s", o.Method, o.Path, o.Response.Type)
		}
		if u := mustType(t, api, "ReposGetContentResponse"); u.Kind != ir.KindUnion || len(u.Variants) != 4 {
			t.Errorf("ReposGetContentResponse = %+v", u)
		}
	},
	"kubernetes-swagger.json": func(t *testing.T, api *ir.API) {
		o := mustOp(t, api, "createCoreV1NamespacedPod")
		if o.Body == nil || o.Body.Type != ir.Ref("io.k8s.api.core.v1.Pod") || o.Body.ContentType != "application/json" {
			t.Errorf("createCoreV1NamespacedPod body = %+v, want JSON (consumes */*) ref Pod", o.Body)
		}
		if p := o.Param("namespace"); p == nil || !p.Required || p.Pos.Line == 0 {
			t.Errorf("namespace = %+v, want the path-level parameter with its position", p)
		}
		if len(api.Servers) != 0 {
			t.Errorf("servers = %v", api.Servers)
		}
		// Every list call (GET, limit and continue, an answer with items
		// and metadata.continue) pages by token; 129 counted with jq.
		paged := 0
		for _, o := range api.Operations {
			if pg := o.Paging; pg != nil {
				paged++
				if pg.Style != ir.PagingToken || pg.CursorParam != "continue" || pg.NextField != "metadata.continue" || pg.ItemsField != "items" || pg.LimitParam != "limit" {
					t.Errorf("%s paging = %+v", o.Name, pg)
				}
			}
		}
		if paged != 129 {
			t.Errorf("%d operations page, want 129", paged)
		}
		if p := mustOp(t, api, "patchCoreV1NamespacedPod").Body; p.ContentType != "application/json-patch+json" {
			t.Errorf("patchCoreV1NamespacedPod body goes as %q, want the first JSON type its consumes lists", p.ContentType)
		}
	},
}
