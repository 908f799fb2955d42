package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/internal/gocheck"
)

// TestGenerateCLIFlag runs generate --cli inside a module, and checks that
// the CLI builds and answers --help with the groups.
func TestGenerateCLIFlag(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a module")
	}
	root, err := gocheck.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	dir := gocheck.Module(t, nil)
	pkg, cli := filepath.Join(dir, "petstore"), filepath.Join(dir, "cmd", "petstore")
	code, _, stderr := run("generate", "-o", pkg, "--cli", cli, filepath.Join(root, "specs/openapi/petstore.yaml"))
	if code != 0 {
		t.Fatalf("generate --cli: exit %d\n%s", code, stderr)
	}
	main, err := os.ReadFile(filepath.Join(cli, "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(main), `"example.com/gen/petstore"`) {
		t.Errorf("main.go does not import the package by its module path:\n%.600s", main)
	}
	// The rerun stamp covers the CLI: an unchanged rerun skips, a hand
	// edit of the CLI (the package untouched) regenerates and is undone.
	gen := func() string {
		t.Helper()
		code, _, stderr := run("generate", "-o", pkg, "--cli", cli, filepath.Join(root, "specs/openapi/petstore.yaml"))
		if code != 0 {
			t.Fatalf("generate --cli: exit %d\n%s", code, stderr)
		}
		return stderr
	}
	if !strings.Contains(gen(), "is up to date") {
		t.Error("an unchanged rerun regenerated")
	}
	os.WriteFile(filepath.Join(cli, "main.go"), append(main, "// edited by hand\n"...), 0o644)
	if strings.Contains(gen(), "is up to date") {
		t.Error("a hand-edited CLI file was not noticed")
	}
	if got, _ := os.ReadFile(filepath.Join(cli, "main.go")); string(got) != string(main) {
		t.Error("the hand edit of the CLI was not undone")
	}

	// templates' tests vet the same code; cmd/apigen's budget is tight.
	bin := filepath.Join(dir, "petstore-cli")
	gocheck.Run(t, dir, "build", "-o", bin, "./cmd/petstore")
	help, err := exec.Command(bin, "--help").CombinedOutput()
	if err != nil {
		t.Fatalf("--help: %v\n%s", err, help)
	}
	out := string(help)
	for _, want := range []string{"petstore [command]", "pets ", "auth "} {
		if !strings.Contains(out, want) {
			t.Errorf("--help lacks %q:\n%s", want, out)
		}
	}

	// Outside any module the import path is unknown: an error, nothing written.
	out2 := t.TempDir()
	code, _, stderr = run("generate", "-o", filepath.Join(out2, "p"), "--cli", filepath.Join(out2, "c"), filepath.Join(root, "specs/openapi/petstore.yaml"))
	if code == 0 || !strings.Contains(stderr, "go.mod") {
		t.Errorf("--cli outside a module: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(out2, "p")); !os.IsNotExist(err) {
		t.Errorf("--cli outside a module wrote the package: %v", err)
	}
}
