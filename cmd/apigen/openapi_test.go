package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// apigen openapi writes YAML or JSON by the file's extension, JSON on
// stdout without -o, and nothing when the input is bad.
func TestOpenAPICommand(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(testdataRoot, "..", "specs", "zstack")
	yml := filepath.Join(dir, "zstack.yaml")
	if code, _, stderr := run("openapi", "-o", yml, in); code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if b, _ := os.ReadFile(yml); !strings.HasPrefix(string(b), "openapi: 3.1.0\n") || !strings.Contains(string(b), "x-apigen-body-key: changeZoneState") {
		t.Errorf("YAML export:\n%.300s", b)
	}
	code, stdout, _ := run("openapi", in)
	var doc map[string]any
	if code != exitOK || json.Unmarshal([]byte(stdout), &doc) != nil || doc["openapi"] != "3.1.0" {
		t.Errorf("JSON on stdout: exit %d\n%.300s", code, stdout)
	}
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("openapi: 3.0.0\npaths: [\n"), 0o644)
	out := filepath.Join(dir, "out.json")
	if code, _, _ := run("openapi", "-o", out, bad); code != exitError {
		t.Errorf("bad input: exit %d", code)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("bad input wrote %s", out)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*apigen*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
