package ir

import (
	"go/build"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The IR is the contract: it may depend on nothing but the standard
// library, directly or through apigen's own leaf packages (the version
// ordering it shares with the runtime).
func TestImportsOnlyStandardLibrary(t *testing.T) {
	var check func(dir, who string)
	check = func(dir, who string) {
		pkg, err := build.ImportDir(dir, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range pkg.Imports {
			if !strings.Contains(strings.Split(imp, "/")[0], ".") {
				continue
			}
			leaf, ok := strings.CutPrefix(imp, "github.com/apigen-dev/apigen/internal/")
			if !ok || strings.Contains(leaf, "/") {
				t.Errorf("%s imports %q", who, imp)
				continue
			}
			check(filepath.Join("..", "internal", leaf), imp)
		}
	}
	check(".", "ir")
}

func TestCompareVersions(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"4.10.0", "4.9.1", 1}, {"0.6", "4.1.0", -1}, {"1.8.0", "1.8", 0}, {"2.0.0", "2.0.0", 0}, {"", "0.6", -1}, {"v3", "3", 0},
	} {
		if got := CompareVersions(c.a, c.b); got != c.want {
			t.Errorf("CompareVersions(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
	if got := EarlierVersion("", "2.0"); got != "2.0" {
		t.Errorf("EarlierVersion treats empty as earliest: %q", got)
	}
}

func TestMergeUnionsRecurringTypes(t *testing.T) {
	a := &API{Family: FamilyZStack, Types: []*Type{{Name: "VmInstanceInventory", Kind: KindStruct, Fields: []*Field{
		{Name: "uuid", Type: Prim(KindString, ""), Since: "0.6"},
		{Name: "vmNics", Type: ListOf(Prim(KindAny, "")), Since: "2.0"},
	}}}, Operations: []*Operation{{Name: "CreateVmInstance", Pos: Pos{File: "a.md", Line: 3}}}}
	b := &API{Types: []*Type{{Name: "VmInstanceInventory", Kind: KindStruct, Fields: []*Field{
		{Name: "uuid", Type: Prim(KindString, ""), Since: "0.1"},
		{Name: "vmNics", Type: ListOf(Ref("VmNicInventory")), Since: "3.0"},
		{Name: "platform", Type: Prim(KindString, ""), Since: "4.0"},
	}}}, Operations: []*Operation{{Name: "CreateVmInstance", Pos: Pos{File: "b.md", Line: 9}}}}
	m, diags := Merge(a, b)
	if len(m.Operations) != 1 || len(diags) != 1 || diags[0].Kind != "duplicate-operation" || !strings.Contains(diags[0].Message, "a.md:3") {
		t.Fatalf("duplicate operation: %v %v", m.Operations, diags)
	}
	vm := m.Type("VmInstanceInventory")
	if len(vm.Fields) != 3 {
		t.Fatalf("fields not unioned: %d", len(vm.Fields))
	}
	if f := vm.Field("uuid"); f.Since != "0.1" {
		t.Errorf("uuid since = %q, want earliest 0.1", f.Since)
	}
	if f := vm.Field("vmNics"); f.Type.String() != "[]ref(VmNicInventory)" || f.Since != "2.0" {
		t.Errorf("vmNics = %s since %s", f.Type, f.Since)
	}
}

func TestHistorySinceAndBreakingChanges(t *testing.T) {
	rel := func(v string, ops []string, fields ...*Field) Release {
		a := &API{Types: []*Type{{Name: "Vm", Kind: KindStruct, Fields: fields}}}
		for _, o := range ops {
			a.Operations = append(a.Operations, &Operation{Name: o})
		}
		return Release{Version: v, API: a}
	}
	f := func(name string, k Kind) *Field { return &Field{Name: name, Type: Prim(k, "")} }
	rs := []Release{
		rel("4.0.0", []string{"GetVms", "CreateVm", "GetTasks"}, f("id", KindString), f("vcpu", KindInteger), f("gpu", KindString)),
		rel("1.8.0", []string{"GetVms", "Old"}, f("id", KindString), f("vcpu", KindNumber)),
		rel("3.0.0", []string{"GetVms", "CreateVm"}, f("id", KindString), f("vcpu", KindNumber)),
	}
	api, diags, err := History(rs, "")
	if err != nil {
		t.Fatal(err)
	}
	if got := api.Operation("CreateVm").Since; got != "3.0.0" {
		t.Errorf("CreateVm since %q", got)
	}
	if got := api.Operation("GetTasks").Since; got != "4.0.0" {
		t.Errorf("GetTasks since %q", got)
	}
	if got := api.Type("Vm").Field("gpu").Since; got != "4.0.0" {
		t.Errorf("gpu since %q", got)
	}
	var kinds []string
	for _, d := range diags {
		kinds = append(kinds, d.Kind+" "+d.Message)
	}
	joined := strings.Join(kinds, "\n")
	if !strings.Contains(joined, `removed-operation operation "Old" is gone in release 3.0.0`) ||
		!strings.Contains(joined, `type-change type "Vm": field "vcpu" changes type from number to integer in release 4.0.0`) {
		t.Errorf("diagnostics:\n%s", joined)
	}
	// Target 3.0.0 is exactly that release: no GetTasks.
	rs2 := []Release{rel("1.8.0", []string{"A"}), rel("3.0.0", []string{"A", "B"}), rel("4.0.0", []string{"A", "B", "C"})}
	api, _, err = History(rs2, "3.0.0")
	if err != nil {
		t.Fatal(err)
	}
	if api.Operation("C") != nil || api.Operation("B").Since != "3.0.0" {
		t.Errorf("target 3.0.0: %+v", api.Operations)
	}
	if _, _, err := History(rs2, "9.9"); err == nil {
		t.Error("unknown target accepted")
	}
}

func TestAtVersion(t *testing.T) {
	a := &API{
		Operations: []*Operation{{Name: "Old", Since: "0.6", Params: []*Param{{Name: "a", Since: "0.6"}, {Name: "b", Since: "5.0"}}}, {Name: "New", Since: "5.2.1"}, {Name: "Unknown"}},
		Types:      []*Type{{Name: "T", Fields: []*Field{{Name: "x", Since: "4.10"}, {Name: "y", Since: "4.9"}}}},
	}
	a.AtVersion("4.9.1")
	if len(a.Operations) != 2 || a.Operation("New") != nil || len(a.Operation("Old").Params) != 1 || len(a.Types[0].Fields) != 1 || a.Types[0].Fields[0].Name != "y" {
		t.Fatalf("%+v", a)
	}
}

// RenameRefs renames through lists and maps, and leaves an element shared
// with another reference as it was.
func TestRenameRefs(t *testing.T) {
	shared := Ref("Old")
	a := TypeRef{Kind: KindList, Elem: &shared}
	b := TypeRef{Kind: KindList, Elem: &shared}
	m := MapOf(ListOf(Ref("Old")))
	keep := Ref("Other")
	to := map[string]string{"Old": "New"}
	for _, r := range []*TypeRef{&a, &m, &keep} {
		RenameRefs(r, to)
	}
	if a.String() != "[]ref(New)" || m.String() != "map[string][]ref(New)" || keep.String() != "ref(Other)" {
		t.Errorf("renamed: %s %s %s", a, m, keep)
	}
	if b.String() != "[]ref(Old)" {
		t.Errorf("shared element changed under b: %s", b)
	}
}

// Facts outside their sets are errors at the IR boundary, at the position
// of what holds them; the values parsers set pass.
func TestCheckFacts(t *testing.T) {
	api := &API{
		Family:   "bogus",
		Security: []Security{{Name: "s", Kind: "magic"}, {Name: "t", Kind: SecurityToken}},
		Operations: []*Operation{{Name: "Op", Pos: Pos{File: "a", Line: 1},
			Params: []*Param{
				{Name: "a", In: "somewhere", Type: Prim(KindString, ""), Pos: Pos{File: "a", Line: 2}},
				{Name: "b", In: InQuery, Style: "zigzag", Type: ListOf(TypeRef{Kind: "weird"}), Pos: Pos{File: "a", Line: 3}},
				{Name: "c", In: InQuery, Style: StyleComma, Type: ListOf(Prim(KindString, ""))},
				{Name: "zone", In: InQuery, TransportFills: true, Type: Prim(KindString, "")},
				{Name: "id", In: InPath, TransportFills: true, Type: Prim(KindString, "")},
			},
			Paging: &Paging{Style: "pages"}}},
		Types: []*Type{{Name: "T", Kind: "blob"}, {Name: "U", Kind: KindStruct}},
	}
	var got []string
	for _, d := range CheckFacts(api) {
		if d.Severity != Error {
			t.Errorf("not an error: %v", d)
		}
		got = append(got, d.Message)
	}
	for _, want := range []string{`family "bogus"`, `security kind "magic"`, `location "somewhere"`, `style "zigzag"`, `type kind "weird"`, `paging style "pages"`, `type kind "blob"`, `path parameter "id" cannot be filled`} {
		if !slices.ContainsFunc(got, func(m string) bool { return strings.Contains(m, want) }) {
			t.Errorf("%s not reported in %q", want, got)
		}
	}
	if len(got) != 8 {
		t.Errorf("%d findings, want 8: %q", len(got), got)
	}
}
