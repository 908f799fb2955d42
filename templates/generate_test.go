package templates

import (
	"bytes"
	"go/format"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/ir"
)

func allAPIs() map[string]func() *ir.API {
	return map[string]func() *ir.API{
		"petstore": petstore, "zstack": zstackAPI, "qingcloud": qingcloudAPI, "edge": edgeAPI, "cloudtower": cloudtowerAPI,
	}
}

// TestOutputShape checks what every generated file promises: the exact
// header line, gofmt-clean, sorted plain file names, nothing machine- or
// run-specific.
func TestOutputShape(t *testing.T) {
	for name, mk := range allAPIs() {
		files, _, err := Generate(mk(), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.IsSortedFunc(files, func(a, b File) int { return strings.Compare(a.Name, b.Name) }) {
			t.Errorf("%s: files not sorted", name)
		}
		for _, f := range files {
			if strings.ContainsAny(f.Name, `/\`) || !strings.HasSuffix(f.Name, ".go") || strings.HasSuffix(f.Name, "_test.go") {
				t.Errorf("%s: bad file name %q", name, f.Name)
			}
			if !bytes.HasPrefix(f.Content, []byte("// "+headerLine+"\n\n")) {
				t.Errorf("%s/%s: header is %q", name, f.Name, bytes.SplitN(f.Content, []byte("\n"), 2)[0])
			}
			formatted, err := format.Source(f.Content)
			if err != nil || !bytes.Equal(formatted, f.Content) {
				t.Errorf("%s/%s: not gofmt-clean (%v)", name, f.Name, err)
			}
			for _, bad := range []string{"/work/", "/tmp/", "/home/"} {
				if bytes.Contains(f.Content, []byte(bad)) {
					t.Errorf("%s/%s: contains %q", name, f.Name, bad)
				}
			}
		}
	}
}

// TestDeterministic generates each API twice, and once more from a copy
// whose slices were shuffled and then sorted: all three must match byte
// for byte, diagnostics included.
func TestDeterministic(t *testing.T) {
	for name, mk := range allAPIs() {
		a, da, err := Generate(mk(), Options{})
		if err != nil {
			t.Fatal(err)
		}
		b, db, _ := Generate(mk(), Options{})
		shuffled := mk()
		rng := rand.New(rand.NewPCG(1, 2))
		rng.Shuffle(len(shuffled.Types), func(i, j int) { shuffled.Types[i], shuffled.Types[j] = shuffled.Types[j], shuffled.Types[i] })
		rng.Shuffle(len(shuffled.Operations), func(i, j int) {
			shuffled.Operations[i], shuffled.Operations[j] = shuffled.Operations[j], shuffled.Operations[i]
		})
		shuffled.Sort()
		c, dc, _ := Generate(shuffled, Options{})
		// Even unsorted input gives the same output: Generate sorts a copy.
		rng.Shuffle(len(shuffled.Types), func(i, j int) { shuffled.Types[i], shuffled.Types[j] = shuffled.Types[j], shuffled.Types[i] })
		d, dd, _ := Generate(shuffled, Options{})
		for i, other := range [][]File{b, c, d} {
			if !slices.EqualFunc(a, other, func(x, y File) bool { return x.Name == y.Name && bytes.Equal(x.Content, y.Content) }) {
				t.Errorf("%s: run %d differs", name, i+2)
			}
		}
		for i, other := range [][]ir.Diagnostic{db, dc, dd} {
			if !slices.Equal(da, other) {
				t.Errorf("%s: diagnostics of run %d differ", name, i+2)
			}
		}
	}
}

func TestGenerateDoesNotModifyInput(t *testing.T) {
	api := edgeAPI()
	api.Types[0], api.Types[1] = api.Types[1], api.Types[0]
	before := api.Types[0].Name
	if _, _, err := Generate(api, Options{}); err != nil {
		t.Fatal(err)
	}
	if api.Types[0].Name != before {
		t.Error("Generate reordered the caller's types")
	}
}

func TestOptions(t *testing.T) {
	api := petstore()
	files, _, err := Generate(api, Options{Package: "petstore", Names: map[string]string{"Pet": "Animal", "listPets": "Pets"}})
	if err != nil {
		t.Fatal(err)
	}
	all := joined(files)
	for _, want := range []string{"package petstore", "type Animal struct", "func (c *Client) Pets(", "type PetsParams struct", "func (c *Client) PetsAll("} {
		if !strings.Contains(all, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if strings.Contains(all, "type Pet struct") {
		t.Error("override did not replace the derived name")
	}
	for _, bad := range []Options{
		{Package: "not-a-name"},
		{Names: map[string]string{"Pet": "animal"}},
		{Names: map[string]string{"Pet": "Client"}},
		{Names: map[string]string{"Pet": "Same", "Owner": "Same"}},
	} {
		if _, _, err := Generate(petstore(), bad); err == nil {
			t.Errorf("options %+v accepted", bad)
		}
	}
	if _, _, err := Generate(nil, Options{}); err == nil {
		t.Error("nil API accepted")
	}
}

func TestDiagnostics(t *testing.T) {
	api := edgeAPI()
	pos := ir.Pos{File: "spec.yaml", Line: 3, Col: 5}
	api.Type("Fields").Field("a`b").Pos = pos
	_, diags, err := Generate(api, Options{})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	located := false
	for _, d := range diags {
		kinds[d.Kind]++
		located = located || (d.Pos == pos && d.Kind == "unrepresentable-name")
		if d.Severity != ir.Warning {
			t.Errorf("not a warning: %v", d)
		}
	}
	for _, k := range []string{"unrepresentable-name", "untyped", "alias-cycle", "invalid-enum-value", "duplicate-field", "unsupported-param"} {
		if kinds[k] == 0 {
			t.Errorf("no %q diagnostic in %v", k, diags)
		}
	}
	if !located {
		t.Error("the skipped field's diagnostic does not carry its position")
	}
}

func joined(files []File) string {
	var b strings.Builder
	for _, f := range files {
		b.Write(f.Content)
	}
	return b.String()
}

// TestStableFiles checks that a change to the API changes only the files
// that hold what changed: adding a type touches one file, and so does
// adding a field, even in a package large enough to be split.
func TestStableFiles(t *testing.T) {
	base, _, err := Generate(synthetic(2000, 600), Options{})
	if err != nil {
		t.Fatal(err)
	}
	changed := func(api *ir.API) []string {
		files, _, err := Generate(api, Options{})
		if err != nil {
			t.Fatal(err)
		}
		old := map[string][]byte{}
		for _, f := range base {
			old[f.Name] = f.Content
		}
		var diff []string
		for _, f := range files {
			if !bytes.Equal(old[f.Name], f.Content) {
				diff = append(diff, f.Name)
			}
			delete(old, f.Name)
		}
		for name := range old {
			diff = append(diff, name+" (removed)")
		}
		return diff
	}
	added := synthetic(2000, 600)
	added.Types = append(added.Types, &ir.Type{Name: "Zebra", Kind: ir.KindStruct})
	added.Sort()
	if d := changed(added); len(d) != 1 {
		t.Errorf("adding a type changed %v", d)
	}
	field := synthetic(2000, 600)
	ty := field.Type("resource1234Info")
	ty.Fields = append(ty.Fields, &ir.Field{Name: "extra", Type: ir.Prim(ir.KindString, "")})
	if d := changed(field); len(d) != 1 {
		t.Errorf("adding a field changed %v", d)
	}
}
