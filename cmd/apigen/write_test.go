package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/internal/gocheck"
)

// The usual go:generate line, "apigen generate -o . spec.yaml", run from
// inside the package it generates into: the files join the package the
// directory already declares, the directory stays the same one, and the
// result builds and vets with the user's own file beside it. A rerun is a
// no-op on disk.
func TestGenerateIntoWorkingDirectory(t *testing.T) {
	spec := petstoreSpec(t)
	mod := gocheck.Module(t, map[string][]byte{
		"pets/mine.go":       []byte("package pets\n\n//go:generate apigen generate -o . petstore.yaml\n\n// Mine is the user's own code beside the generated package.\nfunc Mine() *Client { return nil }\n"),
		"pets/petstore.yaml": spec,
	})
	pkg := filepath.Join(mod, "pets")
	t.Chdir(pkg)
	before, _ := os.Stat(".")
	if code, _, stderr := run("generate", "-o", ".", "petstore.yaml"); code != exitOK {
		t.Fatalf("generate -o .: exit %d\n%s", code, stderr)
	}
	if now, err := os.Stat(pkg); err != nil || !os.SameFile(before, now) {
		t.Fatalf("the working directory was replaced: %v", err)
	}
	gocheck.Run(t, mod, "build", "./...")
	gocheck.Run(t, mod, "vet", "./...")
	snap := snapshot(t, pkg)
	if code, _, stderr := run("generate", "-o", pkg, "petstore.yaml"); code != exitOK {
		t.Fatalf("generate -o %s: exit %d\n%s", pkg, code, stderr)
	}
	sameSnapshot(t, "rerun", snap, snapshot(t, pkg))
}

// A config with several packages is all or nothing: when the last package
// fails, the first is not written either, and the exit code is 2.
func TestGenerateConfigAllOrNothing(t *testing.T) {
	root, err := gocheck.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	spec, _ := os.ReadFile(filepath.Join(root, "specs", "openapi", "petstore.yaml"))
	os.WriteFile(filepath.Join(dir, "petstore.yaml"), spec, 0o644)
	os.WriteFile(filepath.Join(dir, "broken.yaml"), []byte("openapi: 3.0.0\npaths: [\n"), 0o644)
	cfg := filepath.Join(dir, "apigen.yaml")
	os.WriteFile(cfg, []byte("packages:\n  - inputs: [petstore.yaml]\n    output: out/a\n  - inputs: [broken.yaml]\n    output: out/b\n"), 0o644)
	code, stdout, stderr := run("generate", "-c", cfg)
	if code != exitError {
		t.Fatalf("exit %d, want %d\n%s%s", code, exitError, stdout, stderr)
	}
	if !strings.Contains(stderr, "out/b") {
		t.Errorf("the failing package is not named:\n%s", stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); !os.IsNotExist(err) {
		t.Errorf("something was written: %v", err)
	}

	os.WriteFile(cfg, []byte("packages:\n  - inputs: [petstore.yaml]\n    output: out/a\n  - inputs: [petstore.yaml]\n    output: out/./a\n"), 0o644)
	if code, _, stderr := run("generate", "-c", cfg); code != exitError || !strings.Contains(stderr, "also the output of") {
		t.Errorf("two packages, one directory: exit %d\n%s", code, stderr)
	}
}

// A rerun with unchanged inputs, options and apigen does nothing (not even
// rendering); a changed input, a changed option, a generated file edited or
// deleted by hand, and --force each make it regenerate.
func TestGenerateRerunSkips(t *testing.T) {
	root, err := gocheck.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	spec := filepath.Join(dir, "petstore.yaml")
	src, _ := os.ReadFile(filepath.Join(root, "specs", "openapi", "petstore.yaml"))
	os.WriteFile(spec, src, 0o644)
	out := filepath.Join(dir, "out")
	gen := func(args ...string) string {
		t.Helper()
		code, _, stderr := run(append([]string{"generate", "-o", out}, append(args, spec)...)...)
		if code != exitOK {
			t.Fatalf("generate: exit %d\n%s", code, stderr)
		}
		return stderr
	}
	skipped := func(stderr string) bool { return strings.Contains(stderr, "is up to date") }
	if skipped(gen()) {
		t.Fatal("first run skipped")
	}
	if !skipped(gen()) {
		t.Error("unchanged rerun regenerated")
	}
	if skipped(gen("-p", "pets")) {
		t.Error("a changed option was not noticed")
	}
	os.WriteFile(spec, append(src, []byte("\n# edited\n")...), 0o644)
	if skipped(gen("-p", "pets")) {
		t.Error("a changed input was not noticed")
	}
	client := filepath.Join(out, "client.go")
	want, _ := os.ReadFile(client)
	os.WriteFile(client, append(want, []byte("// edited by hand\n")...), 0o644)
	if skipped(gen("-p", "pets")) {
		t.Error("a hand-edited generated file was not noticed")
	}
	if got, _ := os.ReadFile(client); string(got) != string(want) {
		t.Error("the hand edit was not undone")
	}
	os.Remove(client)
	if skipped(gen("-p", "pets")) {
		t.Error("a deleted generated file was not noticed")
	}
	if skipped(gen("-p", "pets", "--force")) {
		t.Error("--force skipped")
	}
}
