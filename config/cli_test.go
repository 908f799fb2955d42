package config

import (
	"os"
	"path/filepath"
	"testing"
)

func TestLoadCLIRelativeToConfig(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "apigen.yaml")
	os.WriteFile(path, []byte("inputs: [petstore.yaml]\noutput: petstore\ncli: cmd/petstore\n"), 0o644)
	pkgs, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) != 1 || pkgs[0].CLI != filepath.Join(dir, "cmd/petstore") {
		t.Fatalf("%+v", pkgs)
	}
}
