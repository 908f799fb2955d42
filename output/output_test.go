package output

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
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

// The user's symlinks (to files, to directories, dangling, inside
// subdirectories) survive a write as symlinks; an output directory reached
// through a symlink is updated where it is, the link kept; its permissions
// are kept.
func TestWriteKeepsLinksAndModes(t *testing.T) {
	root := t.TempDir()
	real := filepath.Join(root, "real")
	os.MkdirAll(filepath.Join(real, "sub"), 0o750)
	os.WriteFile(filepath.Join(root, "target.txt"), []byte("t"), 0o644)
	links := map[string]string{
		"link.txt":  filepath.Join(root, "target.txt"),
		"dirlink":   root,
		"dangling":  "/nonexistent/x",
		"sub/inner": "../link.txt",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(real, name)); err != nil {
			t.Skipf("symlinks: %v", err)
		}
	}
	os.WriteFile(filepath.Join(real, "old.go"), gen(""), 0o644)
	os.Chmod(real, 0o750)
	out := filepath.Join(root, "out")
	os.Symlink(real, out)
	for range 2 {
		if err := Write(out, []File{{"a.go", gen("")}}); err != nil {
			t.Fatal(err)
		}
	}
	if info, err := os.Lstat(out); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the output link was replaced: %v", err)
	}
	if _, err := os.Stat(filepath.Join(real, "a.go")); err != nil {
		t.Errorf("not written through the link: %v", err)
	}
	if _, err := os.Stat(filepath.Join(real, "old.go")); !os.IsNotExist(err) {
		t.Error("stale generated file kept")
	}
	for name, target := range links {
		if got, err := os.Readlink(filepath.Join(real, name)); err != nil || got != target {
			t.Errorf("%s: link %q, %v; want %q", name, got, err, target)
		}
	}
	if info, _ := os.Stat(real); info.Mode().Perm() != 0o750 {
		t.Errorf("directory mode %v, want 0750", info.Mode().Perm())
	}
	if d, err := Check(out, []File{{"a.go", gen("")}}); err != nil || d != "" {
		t.Errorf("check beside links: %q %v", d, err)
	}
}

// A named pipe in the output directory: Check skips it rather than block
// reading it, and Write refuses to replace the directory, which it could
// not copy.
func TestNamedPipeInOutput(t *testing.T) {
	dir := t.TempDir()
	if out, err := exec.Command("mkfifo", filepath.Join(dir, "pipe")).CombinedOutput(); err != nil {
		t.Skipf("mkfifo: %v %s", err, out)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		if _, err := Check(dir, []File{{"a.go", gen("")}}); err != nil {
			t.Errorf("check: %v", err)
		}
		if err := Write(dir, []File{{"a.go", gen("")}}); err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("write over a pipe: %v", err)
		}
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("blocked on the named pipe")
	}
	if _, err := os.Stat(filepath.Join(dir, "a.go")); !os.IsNotExist(err) {
		t.Error("refused write left a file")
	}
}
