package oas

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/apigen-dev/apigen/internal/irtest"
	"github.com/apigen-dev/apigen/parser"
)

// roundTrip exports in's IR in format f and reads the export back.
func roundTrip(t *testing.T, in string, f Format) (string, string) {
	t.Helper()
	api, _, err := parser.Load([]string{in}, parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := irtest.FactsJSON(t, api, nil)
	var b bytes.Buffer
	if err := Write(&b, api, f); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "export."+string(f))
	os.WriteFile(file, b.Bytes(), 0o644)
	back, diags, err := parser.Load([]string{file}, parser.Options{})
	if err != nil {
		t.Fatalf("reading the export: %v %v", err, diags)
	}
	for _, d := range diags {
		t.Errorf("reading the export: %s", d)
	}
	return want, irtest.FactsJSON(t, back, nil)
}

// `apigen ir` of an export gives the IR it was made from, positions
// aside: every operation, parameter (in order, with wrappers, styles,
// inline values, since), type and field, for each family.
func TestRoundTrip(t *testing.T) {
	for _, in := range []string{"../specs/zstack", "../specs/qingcloud", "../specs/openapi/petstore.yaml", "../testdata/zstack-copied/input", "../testdata/query-styles/input", "../testdata/swagger2/input", "testdata/mediatypes.yaml"} {
		for _, f := range []Format{JSON, YAML} {
			t.Run(filepath.Base(in)+"/"+string(f), func(t *testing.T) {
				if want, got := roundTrip(t, in, f); got != want {
					t.Errorf("the export reads back differently:\n%s", firstDiff(want, got))
				}
			})
		}
	}
}

// The same on the real docs without a spec (the ZStack manual, the
// QingCloud folder) and on the largest real spec.
func TestRoundTripCorpus(t *testing.T) {
	corpus := filepath.Join("..", "..", "shared", "corpus")
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("no corpus at %s", corpus)
	}
	if testing.Short() {
		t.Skip("reads the ZStack manual and CloudTower twice")
	}
	for _, in := range []string{"zstack/dev-manual-5.5.6-zh", "qingcloud", "openapi/cloudtower/4.6.0-swagger.json", "openapi/kubernetes-swagger.json"} {
		t.Run(in, func(t *testing.T) {
			if want, got := roundTrip(t, filepath.Join(corpus, in), JSON); got != want {
				t.Errorf("the export reads back differently:\n%s", firstDiff(want, got))
			}
		})
	}
}

// firstDiff shows where two renderings part, with a little context.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-300)
	return "want …" + a[from:min(len(a), i+300)] + "\n got …" + b[from:min(len(b), i+300)]
}
