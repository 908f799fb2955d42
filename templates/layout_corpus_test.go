package templates_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/parser"
	"github.com/apigen-dev/apigen/templates"
)

// corpus is ../shared/corpus beside the repository (CI has it there).
const corpus = "../../shared/corpus"

// TestCorpusOneFieldOneFile is the promise generated files make to a
// reviewer: one new field in one schema of a real spec (CloudTower 4.6.0,
// Stripe) changes exactly one generated file, the one holding that type,
// and no file appears or disappears.
func TestCorpusOneFieldOneFile(t *testing.T) {
	if testing.Short() {
		t.Skip("generates two large specs twice")
	}
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("no corpus at %s", corpus)
	}
	for _, c := range []struct {
		name, spec, anchor, insert, wantType string
	}{
		{"cloudtower", "openapi/cloudtower/4.6.0-swagger.json",
			"      \"Vm\": {\n        \"properties\": {\n",
			"          \"apigen_probe\": { \"type\": \"string\", \"nullable\": true, \"description\": \"A probe.\" },\n",
			"type VM struct"},
		{"stripe", "openapi/stripe-spec3-2023-09-12.yaml",
			"\n    customer:\n      description: >-\n",
			"      properties:\n        apigen_probe:\n          description: A probe.\n          type: string\n",
			"type Customer struct"},
	} {
		t.Run(c.name, func(t *testing.T) {
			spec, err := os.ReadFile(filepath.Join(corpus, c.spec))
			if err != nil {
				t.Fatal(err)
			}
			edited := insertAfter(t, spec, c.anchor, c.insert)
			in := filepath.Join(t.TempDir(), filepath.Base(c.spec))
			if err := os.WriteFile(in, edited, 0o644); err != nil {
				t.Fatal(err)
			}
			before, after := generateSpec(t, filepath.Join(corpus, c.spec)), generateSpec(t, in)
			changed := changedFiles(before, after)
			if len(changed) != 1 {
				t.Fatalf("one new field changed %d files: %v", len(changed), changed)
			}
			for _, f := range after {
				if f.Name == changed[0] && (!bytes.Contains(f.Content, []byte(c.wantType)) || !bytes.Contains(f.Content, []byte(`json:"apigen_probe,`))) {
					t.Errorf("%s changed, but it does not hold %q with the new field", f.Name, c.wantType)
				}
			}
			t.Logf("%d files; the new field changes only %s", len(after), changed[0])
		})
	}
}

// insertAfter puts text after the first anchor in spec, with the
// properties line the anchor leads to when text starts with one: a YAML
// schema's "properties:" is replaced by text, which repeats it.
func insertAfter(t *testing.T, spec []byte, anchor, text string) []byte {
	t.Helper()
	s := string(spec)
	i := strings.Index(s, anchor)
	if i < 0 {
		t.Fatalf("anchor %q not in the spec; update this test to the corpus", anchor)
	}
	at := i + len(anchor)
	if props := "      properties:\n"; strings.HasPrefix(text, props) {
		j := strings.Index(s[at:], "\n"+props)
		if j < 0 {
			t.Fatal("no properties after the anchor")
		}
		at += j + 1 + len(props)
		text = text[len(props):]
	}
	return []byte(s[:at] + text + s[at:])
}

// generateSpec runs the pipeline on one spec in memory.
func generateSpec(t *testing.T, spec string) []templates.File {
	t.Helper()
	api, _, err := parser.Load([]string{spec}, parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	files, _, err := templates.Generate(api, templates.Options{Package: "api"})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// changedFiles names the files that differ between two generations,
// including files only one of them has.
func changedFiles(before, after []templates.File) []string {
	old := map[string][]byte{}
	for _, f := range before {
		old[f.Name] = f.Content
	}
	var changed []string
	for _, f := range after {
		if b, ok := old[f.Name]; !ok || !bytes.Equal(b, f.Content) {
			changed = append(changed, f.Name)
		}
		delete(old, f.Name)
	}
	for name := range old {
		changed = append(changed, name+" (removed)")
	}
	return changed
}
