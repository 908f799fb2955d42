package templates

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/apigen-dev/apigen/ir"
	"github.com/dave/jennifer/jen"
)

// TestGroupFiles: calls are filed by service, with the types only they
// use; names are plain and never special to the go command; a call under
// no service goes by its path.
func TestGroupFiles(t *testing.T) {
	files, _ := generate(t, qingcloudAPI(), Options{Package: "qingcloud"})
	var names []string
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	if got := strings.Join(names, " "); got != "client.go doc.go iaas.go instance.go security_group.go test.go" {
		t.Errorf("files %s", got)
	}
	for name, want := range map[string]string{
		"instance.go":       "func (c *Client) RunInstances(",
		"security_group.go": "// Service: Security-Group\n",
		"test.go":           "func (c *Client) RunTests(",
		"iaas.go":           "func (c *Client) Ping(",
	} {
		if !strings.Contains(string(files[name]), want) {
			t.Errorf("%s lacks %q", name, want)
		}
	}
	inst := string(files["instance.go"])
	for _, want := range []string{"// Action: RunInstances\n// Service: instance\n", "func (c *Client) DescribeInstancesAll(",
		"type Instance struct", "type RunInstancesParams struct", "type DescribeInstancesResponse struct"} {
		if !strings.Contains(inst, want) {
			t.Errorf("instance.go lacks %q", want)
		}
	}
	// Calls come first, each followed by its parameters, then the types.
	if a, b, c := strings.Index(inst, ") DescribeInstances("), strings.Index(inst, "type DescribeInstancesParams"), strings.Index(inst, "type Instance struct"); !(a < b && b < c) {
		t.Errorf("instance.go order: params %d, call %d, type %d", b, a, c)
	}
	// Calls by method and path are filed by tag the same way, without the
	// Service line (their path says where they belong), whatever the family.
	api := qingcloudAPI()
	for _, o := range api.Operations {
		o.Action, o.Method, o.Path = "", "GET", "/"+o.Name
	}
	files, _ = generate(t, api, Options{Package: "qingcloud"})
	if _, ok := files["instance.go"]; !ok || strings.Contains(joinedMap(files), "// Service:") {
		t.Error("a tag is not a file, or a Service line is written for a call with a path")
	}
}

// TestSharedTypes: a type two groups use sits in types.go, one a single
// group uses sits with it, and one nothing uses is shared too.
func TestSharedTypes(t *testing.T) {
	api := qingcloudAPI()
	api.Types = append(api.Types, &ir.Type{Name: "Unused", Kind: ir.KindStruct})
	api.Operation("Ping").Response = &ir.Response{Type: &ir.TypeRef{Kind: ir.KindRef, Ref: "Instance"}}
	api.Operation("RunTests").Response = &ir.Response{Type: &ir.TypeRef{Kind: ir.KindList, Elem: &ir.TypeRef{Kind: ir.KindRef, Ref: "DescribeInstancesResponse"}}}
	files, _ := generate(t, api, Options{Package: "qingcloud"})
	types := string(files["types.go"])
	for _, want := range []string{"type Instance struct", "type DescribeInstancesResponse struct", "type Unused struct"} {
		if !strings.Contains(types, want) {
			t.Errorf("types.go lacks %q", want)
		}
	}
	if !strings.Contains(string(files["instance.go"]), "type RunInstancesResponse struct") {
		t.Error("a type one group uses is not in its file")
	}
}

func TestFileNames(t *testing.T) {
	for in, want := range map[string]string{
		"instance":                "instance",
		"SecurityGroup":           "security_group",
		"security-group":          "security_group",
		"../../etc/x":             "etc_x",
		"负载均衡":                    "",
		"LB 负载均衡 v2":              "lb_v2",
		strings.Repeat("a", 80):   strings.Repeat("a", maxStem),
		strings.Repeat("ab_", 40): strings.TrimSuffix(strings.Repeat("ab_", 20), "_"),
	} {
		if got := fileStem(in); got != want {
			t.Errorf("fileStem(%q) = %q, want %q", in, got, want)
		}
	}
	for stem, want := range map[string]string{
		"doc": "doc_api.go", "client": "client_api.go", "vm_windows": "vm_windows_api.go", "helpers_test": "helpers_test_api.go",
		"linux": "linux.go", "test": "test.go", "vm": "vm.go", "arm64_x": "arm64_x.go",
	} {
		if got := fileName(stem); got != want {
			t.Errorf("fileName(%q) = %q, want %q", stem, got, want)
		}
	}
	for path, want := range map[string]string{
		"zstack/v1/vm-instances/{uuid}/actions": "vm-instances",
		"/v1/customers/{customer}/sources":      "customers",
		"/api/v1beta1/namespaces/{ns}/pods":     "namespaces",
		"/pets/{petId}":                         "pets",
		"/{id}/v2":                              "v2",
		"/":                                     "",
	} {
		if got := pathResource(path); got != want {
			t.Errorf("pathResource(%q) = %q, want %q", path, got, want)
		}
	}
}

// TestSplitStable: a group too large for one file is cut by the leading
// words of Go names; adding a declaration changes only its own part, and
// names that read alike after sanitising share a file instead of being
// numbered.
func TestSplitStable(t *testing.T) {
	var decls []*decl
	for _, prefix := range []string{"Payment", "Invoice", "Customer"} {
		for i := range maxFileDecls / 2 {
			decls = append(decls, &decl{key: fmt.Sprintf("%sThing%d", prefix, i), code: []jen.Code{jen.Comment(prefix)}})
		}
	}
	for i := range minPartDecls - 1 {
		decls = append(decls, &decl{key: fmt.Sprintf("Odd%d", i), code: []jen.Code{jen.Comment("odd")}})
	}
	layout := func(decls []*decl) map[string]int {
		out := map[string]int{}
		for _, f := range mergeNamesakes(splitGroup("types", &fileGroup{types: decls})) {
			out[f.name] = len(f.code) + len(f.decls)
		}
		return out
	}
	before := layout(decls)
	want := map[string]int{"types_payment.go": maxFileDecls / 2, "types_invoice.go": maxFileDecls / 2,
		"types_customer.go": maxFileDecls / 2, "types.go": minPartDecls - 1}
	if fmt.Sprint(before) != fmt.Sprint(want) {
		t.Errorf("layout %v, want %v", before, want)
	}
	after := layout(append(slices.Clone(decls), &decl{key: "InvoiceThingNew", code: []jen.Code{jen.Comment("new")}}))
	for name, n := range after {
		if n != before[name] && name != "types_invoice.go" {
			t.Errorf("adding an invoice declaration changed %s", name)
		}
	}
	merged := mergeNamesakes([]plannedFile{{name: "b.go", code: []jen.Code{jen.Comment("1")}}, {name: "a.go"}, {name: "b.go", code: []jen.Code{jen.Comment("2")}}})
	if len(merged) != 2 || merged[0].name != "a.go" || len(merged[1].code) != 2 {
		t.Errorf("merged %v", merged)
	}
}

// TestRenderBuildsOnce: render builds each pending declaration exactly
// once, on its workers; the builds' warnings come back in emission order
// whichever worker ran them, and a builder that names its declaration
// otherwise than plan did is an error, not a misplaced declaration.
func TestRenderBuildsOnce(t *testing.T) {
	g := newGen(&ir.API{}, Options{Package: "p"})
	var mu sync.Mutex
	builds := map[string]int{}
	mk := func(seq int, key string) *decl {
		d := pending(key, func(w *gen) *decl {
			mu.Lock()
			builds[key]++
			mu.Unlock()
			w.warn(ir.Pos{File: "f", Line: 1}, "test", "built %s", key)
			out := &decl{key: key}
			out.add(jen.Type().Id(key).Struct(), jen.Line())
			return out
		})
		d.seq = seq
		return d
	}
	var files []plannedFile
	for i := range 8 {
		// Files in name order hold declarations in reverse emission order.
		files = append(files, plannedFile{name: fmt.Sprintf("f%d.go", i), decls: []*decl{mk(20-2*i, fmt.Sprintf("A%d", i)), mk(21-2*i, fmt.Sprintf("B%d", i))}})
	}
	out, err := g.render(files)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 8 || !strings.Contains(string(out[3].Content), "type A3 struct{}") {
		t.Errorf("rendered %d files, f3.go: %s", len(out), out[3].Content)
	}
	var got []string
	for _, d := range g.diags {
		got = append(got, strings.TrimPrefix(d.Message, "built "))
	}
	if want := "A7 B7 A6 B6 A5 B5 A4 B4 A3 B3 A2 B2 A1 B1 A0 B0"; strings.Join(got, " ") != want {
		t.Errorf("warnings in order %v, want %s", got, want)
	}
	for k, n := range builds {
		if n != 1 {
			t.Errorf("%s built %d times", k, n)
		}
	}

	bad := pending("Planned", func(*gen) *decl { return &decl{key: "Other"} })
	if _, err := g.render([]plannedFile{{name: "x.go", decls: []*decl{bad}}}); err == nil || !strings.Contains(err.Error(), `"Planned" was built as "Other"`) {
		t.Errorf("err %v", err)
	}
}

// TestScalarTypesShared: every field of a scalar kind shares one goType,
// so no emitter may change one; after generating each fixture (tolerant
// and not, every scalar kind) they read as they were made.
func TestScalarTypesShared(t *testing.T) {
	fresh := newScalarTypes()
	for _, api := range []*ir.API{zstackAPI(), qingcloudAPI(), edgeAPI(), cloudtowerAPI(), bodiesAPI(), pagesAPI(), tokenAPI()} {
		g := newGen(api, Options{Package: "p"})
		if err := g.plan(); err != nil {
			t.Fatal(err)
		}
		if _, err := g.emit(); err != nil {
			t.Fatal(err)
		}
		list := func(s scalarTypes) []*goType {
			return []*goType{s.str, s.int32, s.int64, s.float64, s.bool, s.time, s.any, s.tolerantInt, s.tolerantFloat, s.tolerantBool}
		}
		for i, a := range list(g.scalars) {
			b := list(fresh)[i]
			if fmt.Sprintf("%#v %v %v %v", a.code, a.cat, a.elem, a.builtin) != fmt.Sprintf("%#v %v %v %v", b.code, b.cat, b.elem, b.builtin) {
				t.Errorf("%s: scalar %d changed: %#v", api.Name, i, a.code)
			}
		}
	}
}
