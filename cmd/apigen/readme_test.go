package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/internal/gocheck"
)

var goBlock = regexp.MustCompile("(?s)```go\n(.*?)```")

// TestReadmeCompiles builds every Go block of the README, each as the
// body of a function with ctx and tok that returns an error, against the
// committed generated/petstore package: an example that no longer compiles
// fails the suite instead of misleading a reader. Blocks made only of
// comments (a go:generate line) are skipped.
func TestReadmeCompiles(t *testing.T) {
	root, err := gocheck.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("package readme\n\nimport (\n\t\"context\"\n\t\"errors\"\n\t\"fmt\"\n\n\t\"github.com/apigen-dev/apigen/apiruntime\"\n\t\"github.com/apigen-dev/apigen/generated/petstore\"\n)\n\n")
	b.WriteString("var _, _ = errors.New, fmt.Sprint\n")
	n := 0
	for _, m := range goBlock.FindAllStringSubmatch(string(readme), -1) {
		code := m[1]
		if onlyComments(code) {
			continue
		}
		n++
		fmt.Fprintf(&b, "\nfunc example%d(ctx context.Context, tok string) error {\n%s\treturn nil\n}\n", n, code)
	}
	if n == 0 {
		t.Fatal("no Go blocks found in README.md")
	}
	gocheck.Compile(t, map[string][]byte{"readme/readme.go": []byte(b.String())})
}

func onlyComments(code string) bool {
	for _, line := range strings.Split(code, "\n") {
		if l := strings.TrimSpace(line); l != "" && !strings.HasPrefix(l, "//") {
			return false
		}
	}
	return true
}
