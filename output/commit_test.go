package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A rename that fails while committing (here the target became a
// directory after staging) undoes every package already committed:
// replaced files get their content back, new files and directories go.
func TestCommitFailureRollsBack(t *testing.T) {
	root := t.TempDir()
	a, b, c := filepath.Join(root, "a"), filepath.Join(root, "b"), filepath.Join(root, "c")
	if err := WriteAll([]Dir{
		{a, []File{{"x.go", gen("// old\n")}, {"stale.go", gen("")}}},
		{c, []File{{"x.go", gen("// old\n")}}},
	}); err != nil {
		t.Fatal(err)
	}
	staged, err := stageAll([]Dir{
		{a, []File{{"x.go", gen("// new\n")}, {"y.go", gen("")}}},
		{b, []File{{"x.go", gen("")}}},
		{c, []File{{"x.go", gen("// new\n")}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(c, "x.go"))
	os.MkdirAll(filepath.Join(c, "x.go", "sub"), 0o755)
	if err := commitAll(staged); err == nil {
		t.Fatal("commit over a directory succeeded")
	}
	if got, _ := os.ReadFile(filepath.Join(a, "x.go")); !strings.Contains(string(got), "old") {
		t.Errorf("x.go not restored: %q", got)
	}
	if _, err := os.Stat(filepath.Join(a, "stale.go")); err != nil {
		t.Errorf("removed stale.go not restored: %v", err)
	}
	if _, err := os.Stat(filepath.Join(a, "y.go")); !os.IsNotExist(err) {
		t.Errorf("new y.go kept: %v", err)
	}
	if _, err := os.Stat(b); !os.IsNotExist(err) {
		t.Errorf("new package b kept: %v", err)
	}
	for _, pattern := range []string{".*apigen*", "*/.*apigen*"} {
		if left, _ := filepath.Glob(filepath.Join(root, pattern)); len(left) > 0 {
			t.Errorf("temporary files left: %v", left)
		}
	}
}
