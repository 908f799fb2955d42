package oas

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/apigen-dev/apigen/parser"
)

// validate loads an export with kin-openapi, validation on.
func validate(t *testing.T, b []byte) *openapi3.T {
	t.Helper()
	l := openapi3.NewLoader()
	doc, err := l.LoadFromData(b)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("validate: %v", err)
	}
	return doc
}

func TestExportValidates(t *testing.T) {
	for _, in := range []string{"../specs/zstack", "../specs/qingcloud", "../specs/openapi/petstore.yaml"} {
		t.Run(filepath.Base(in), func(t *testing.T) {
			api, _, err := parser.Load([]string{in}, parser.Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range []Format{JSON, YAML} {
				var b bytes.Buffer
				if err := Write(&b, api, f); err != nil {
					t.Fatal(err)
				}
				doc := validate(t, b.Bytes())
				if got := len(doc.Paths.Map()); got == 0 {
					t.Errorf("%s: no paths", f)
				}
				os.WriteFile(filepath.Join(t.TempDir(), "x."+string(f)), b.Bytes(), 0o644)
			}
		})
	}
}

// The real docs that have no spec: the ZStack manual (1341 APIs) and the
// QingCloud pages and specs export to documents kin-openapi validates.
func TestExportCorpusValidates(t *testing.T) {
	corpus := filepath.Join("..", "..", "shared", "corpus")
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("no corpus at %s", corpus)
	}
	for _, in := range []string{"zstack/dev-manual-5.5.6-zh", "qingcloud"} {
		t.Run(in, func(t *testing.T) {
			api, _, err := parser.Load([]string{filepath.Join(corpus, in)}, parser.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := Write(&b, api, JSON); err != nil {
				t.Fatal(err)
			}
			doc := validate(t, b.Bytes())
			ops := 0
			for _, item := range doc.Paths.Map() {
				ops += len(item.Operations())
			}
			if ops != len(api.Operations) {
				t.Errorf("%d operations exported, the IR has %d", ops, len(api.Operations))
			}
		})
	}
}
