package oas

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/apigen-dev/apigen/parser"
)

var update = flag.Bool("update", false, "rewrite testdata/*.want.* from the current output")

// TestGoldenExports pins the export of the project's own examples, one per
// family, as a reviewer reads it: a change to the export shows as a diff of
// these files (go test ./oas -update rewrites them).
func TestGoldenExports(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"../specs/zstack", "testdata/zstack.want.yaml"},
		{"../specs/qingcloud", "testdata/qingcloud.want.yaml"},
		{"../specs/openapi/petstore.yaml", "testdata/petstore.want.json"},
	} {
		t.Run(filepath.Base(c.want), func(t *testing.T) {
			api, _, err := parser.Load([]string{c.in}, parser.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := Write(&b, api, FormatOf(c.want)); err != nil {
				t.Fatal(err)
			}
			if *update {
				os.WriteFile(c.want, b.Bytes(), 0o644)
				return
			}
			want, _ := os.ReadFile(c.want)
			if !bytes.Equal(want, b.Bytes()) {
				t.Errorf("%s differs; run go test ./oas -run TestGoldenExports -update and review the diff", c.want)
			}
		})
	}
}
