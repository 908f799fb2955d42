package templates

import (
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/ir"
)

func TestSinceNote(t *testing.T) {
	for _, c := range []struct{ since, outer, desc, want string }{
		{"", "", "", ""},
		{"2.0.0", "", "", "2.0.0"},
		{"2.0.0", "2.0.0", "", ""},
		{"2.0.0", "1.0.0", "", "2.0.0"},
		{"2.0.0", "1.0.0", "Added in 2.0.0.", ""},
		{"2.0.0", "1.0.0", "Added in v2.0.0", ""},
		{"2.0.0", "1.0.0", "2.0.0: added", ""},
		{"2.0.0", "1.0.0", "Changed in 12.0.0.", "2.0.0"},
		{"2.0.0", "1.0.0", "Changed in 2.0.0.1.", "2.0.0"},
		{"2.0.0", "1.0.0", "Changed in 2.0.01", "2.0.0"},
		{"3.4", "", "Up to 3.4.1 and 13.4 only; since 3.4", ""},
	} {
		if got := sinceNote(c.since, c.outer, c.desc); got != c.want {
			t.Errorf("sinceNote(%q, %q, %q) = %q, want %q", c.since, c.outer, c.desc, got, c.want)
		}
	}
}

// TestSinceComments: a field as old as its type, or whose description
// already names its version, gets no "Since:" line; one added later does;
// every field keeps its since tag.
func TestSinceComments(t *testing.T) {
	str := ir.Prim(ir.KindString, "")
	api := &ir.API{Family: ir.FamilyOpenAPI, Types: []*ir.Type{{Name: "Vm", Kind: ir.KindStruct, Since: "1.0.0", Fields: []*ir.Field{
		{Name: "id", Type: str, Since: "1.0.0"},
		{Name: "gpu_count", Type: str, Since: "2.0.0", Description: "Added in 2.0.0."},
		{Name: "bios_uuid", Type: str, Since: "4.6.0", Description: "The BIOS UUID."},
	}}}}
	files, _ := generate(t, api, Options{})
	src := string(files["types.go"])
	for _, want := range []string{
		"// Since: 1.0.0\ntype VM struct {\n\tID *string `json:\"id,omitempty\" since:\"1.0.0\"`\n",
		"\t// Added in 2.0.0.\n\tGPUCount *string `json:\"gpu_count,omitempty\" since:\"2.0.0\"`\n",
		"\t// The BIOS UUID.\n\t// Since: 4.6.0\n\tBiosUUID *string",
	} {
		if !strings.Contains(src, want) {
			t.Errorf("types.go lacks %q:\n%s", want, src)
		}
	}
	if n := strings.Count(src, "Since:"); n != 2 {
		t.Errorf("%d Since lines, want 2:\n%s", n, src)
	}
}
