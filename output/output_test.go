package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func gen(body string) []byte { return []byte(Header + "\n\npackage x\n" + body) }

func TestWriteReplacesOnlyGeneratedFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	if err := Write(dir, []File{{"a.go", gen("// a\n")}, {"stale.go", gen("")}}); err != nil {
		t.Fatal(err)
	}
	user := filepath.Join(dir, "user_test.go")
	os.WriteFile(user, []byte("package x\n"), 0o644)
	if err := Write(dir, []File{{"a.go", gen("// a2\n")}, {"b.go", gen("")}}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "stale.go")); !os.IsNotExist(err) {
		t.Error("stale generated file kept")
	}
	if b, _ := os.ReadFile(user); string(b) != "package x\n" {
		t.Error("user file lost")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "a.go")); !strings.Contains(string(b), "a2") {
		t.Error("a.go not rewritten")
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), ".out.apigen-*"))
	if len(leftovers) != 0 {
		t.Errorf("temporary directories left: %v", leftovers)
	}
}

func TestWriteRefusesUserFileAndBadNames(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.go"), []byte("package x // mine\n"), 0o644)
	if err := Write(dir, []File{{"a.go", gen("")}}); err == nil || !strings.Contains(err.Error(), "refusing to overwrite") {
		t.Fatalf("overwrote a user file: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "a.go")); string(b) != "package x // mine\n" {
		t.Error("user file changed after a refused write")
	}
	for _, name := range []string{"../evil.go", "/etc/passwd", "a/b.go", ".hidden.go", "", `..\x.go`} {
		if err := Write(dir, []File{{name, gen("")}}); err == nil {
			t.Errorf("wrote %q", name)
		}
	}
}

func TestCheck(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	files := []File{{"a.go", gen("var A = 1\n")}}
	if d, err := Check(dir, files); err != nil || !strings.Contains(d, "+++ b/") {
		t.Fatalf("missing output not reported: %q %v", d, err)
	}
	if err := Write(dir, files); err != nil {
		t.Fatal(err)
	}
	if d, err := Check(dir, files); err != nil || d != "" {
		t.Fatalf("fresh output reported stale: %q %v", d, err)
	}
	d, err := Check(dir, []File{{"a.go", gen("var A = 2\n")}})
	if err != nil || !strings.Contains(d, "-var A = 1") || !strings.Contains(d, "+var A = 2") {
		t.Fatalf("diff: %q %v", d, err)
	}
}
