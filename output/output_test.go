package output

import (
	"fmt"
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
	inside, _ := filepath.Glob(filepath.Join(dir, ".*.apigen-*"))
	if leftovers = append(leftovers, inside...); len(leftovers) != 0 {
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

// A named pipe in the output directory: Check and Write skip it rather
// than block reading it; one under a generated file's name is refused.
func TestNamedPipeInOutput(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"pipe", "b.go"} {
		if out, err := exec.Command("mkfifo", filepath.Join(dir, name)).CombinedOutput(); err != nil {
			t.Skipf("mkfifo: %v %s", err, out)
		}
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		if _, err := Check(dir, []File{{"a.go", gen("")}}); err != nil {
			t.Errorf("check: %v", err)
		}
		if err := Write(dir, []File{{"a.go", gen("")}, {"b.go", gen("")}}); err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("write over a pipe: %v", err)
		}
		if _, err := os.Stat(filepath.Join(dir, "a.go")); !os.IsNotExist(err) {
			t.Error("refused write left a file")
		}
		if err := Write(dir, []File{{"a.go", gen("")}}); err != nil {
			t.Errorf("write beside a pipe: %v", err)
		}
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("blocked on the named pipe")
	}
	if info, err := os.Lstat(filepath.Join(dir, "pipe")); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the user's pipe is gone: %v", err)
	}
}

// "-o ." in a go:generate line, and the same directory named absolutely:
// the package is written into the working directory, which stays the same
// directory (a swap would leave the caller in a deleted one).
func TestWriteIntoWorkingDirectory(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	before, _ := os.Stat(".")
	os.WriteFile("gen.go", []byte("package x\n\n//go:generate apigen generate -o . spec.yaml\n"), 0o644)
	for i, out := range []string{".", dir} {
		if err := Write(out, []File{{"a.go", gen(fmt.Sprintf("// run %d\n", i))}}); err != nil {
			t.Fatalf("%s: %v", out, err)
		}
		wd, err := os.Getwd()
		if err != nil {
			t.Fatalf("working directory lost: %v", err)
		}
		if now, _ := os.Stat(wd); !os.SameFile(before, now) {
			t.Fatalf("%s: the working directory was replaced", out)
		}
		if b, _ := os.ReadFile("a.go"); !strings.Contains(string(b), fmt.Sprintf("run %d", i)) {
			t.Errorf("%s: a.go not written: %q", out, b)
		}
		if b, _ := os.ReadFile("gen.go"); !strings.Contains(string(b), "go:generate") {
			t.Errorf("%s: user file lost", out)
		}
		if left, _ := filepath.Glob(".*apigen*"); len(left) > 0 {
			t.Errorf("%s: temporary files left: %v", out, left)
		}
	}
}

// A rerun with nothing changed touches nothing: mtimes (and with them build
// caches) survive; a changed file keeps its permissions.
func TestWriteSkipsUnchangedFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	files := []File{{"a.go", gen("// a\n")}, {"b.go", gen("// b\n")}}
	if err := Write(dir, files); err != nil {
		t.Fatal(err)
	}
	old := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, f := range files {
		os.Chtimes(filepath.Join(dir, f.Name), old, old)
	}
	os.Chmod(filepath.Join(dir, "b.go"), 0o600)
	files[1].Content = gen("// b2\n")
	if err := Write(dir, files); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(filepath.Join(dir, "a.go")); !info.ModTime().Equal(old) {
		t.Errorf("unchanged a.go rewritten (mtime %v)", info.ModTime())
	}
	info, _ := os.Stat(filepath.Join(dir, "b.go"))
	if info.ModTime().Equal(old) {
		t.Error("changed b.go not rewritten")
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("b.go mode %v, want 0600 kept", info.Mode().Perm())
	}
}

// Several packages are written all or none: a conflict in the last one
// leaves the first untouched, new directories included.
func TestWriteAllIsAllOrNothing(t *testing.T) {
	root := t.TempDir()
	a, b, c := filepath.Join(root, "a"), filepath.Join(root, "b"), filepath.Join(root, "c")
	if err := Write(a, []File{{"x.go", gen("// old\n")}}); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(c, 0o755)
	os.WriteFile(filepath.Join(c, "x.go"), []byte("package mine\n"), 0o644)
	err := WriteAll([]Dir{
		{a, []File{{"x.go", gen("// new\n")}}},
		{b, []File{{"x.go", gen("")}}},
		{c, []File{{"x.go", gen("")}}},
	})
	if err == nil || !strings.Contains(err.Error(), "refusing to overwrite") {
		t.Fatalf("conflict not reported: %v", err)
	}
	if got, _ := os.ReadFile(filepath.Join(a, "x.go")); !strings.Contains(string(got), "old") {
		t.Errorf("first package changed: %q", got)
	}
	if _, err := os.Stat(b); !os.IsNotExist(err) {
		t.Errorf("second package created: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(root, "*", ".*apigen*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	if left, _ := filepath.Glob(filepath.Join(root, ".*apigen*")); len(left) > 0 {
		t.Errorf("temporary directories left: %v", left)
	}
	err = WriteAll([]Dir{{a, nil}, {filepath.Join(root, ".", "a"), nil}})
	if err == nil || !strings.Contains(err.Error(), "also the output of") {
		t.Errorf("one directory for two packages: %v", err)
	}
}
