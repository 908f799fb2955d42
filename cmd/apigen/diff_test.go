package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestDiffGolden runs apigen diff on each testdata/diff/<case>/ (old/ and
// new/ hold the two versions, about.txt says what the case proves) in every
// output format, against want/report.{txt,md,json}; -update rewrites them.
// The exit code follows --fail-on, and a version compared with itself
// reports nothing.
func TestDiffGolden(t *testing.T) {
	cases, _ := filepath.Glob(filepath.Join(testdataRoot, "diff", "*", "about.txt"))
	if len(cases) == 0 {
		t.Fatal("no testdata/diff cases")
	}
	for _, about := range cases {
		dir, _ := filepath.Abs(filepath.Dir(about))
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Chdir(dir) // positions in the report read old/… and new/…
			for _, f := range []struct{ format, file string }{{"text", "report.txt"}, {"markdown", "report.md"}, {"json", "report.json"}} {
				code, stdout, stderr := run("diff", "--format", f.format, "old", "new")
				if code != exitOK {
					t.Fatalf("diff --format %s: exit %d\n%s", f.format, code, stderr)
				}
				want := filepath.Join("want", f.file)
				if *update {
					os.MkdirAll("want", 0o755)
					os.WriteFile(want, []byte(stdout), 0o644)
					continue
				}
				if b, _ := os.ReadFile(want); string(b) != stdout {
					t.Errorf("%s differs from %s; run go test ./cmd/apigen -run 'TestDiffGolden/%s$' -update and review the diff\n%s", f.format, want, filepath.Base(dir), stdout)
				}
			}
			code, stdout, _ := run("diff", "--format", "json", "--fail-on", "breaking", "old", "new")
			var r struct {
				Changes []map[string]any `json:"changes"`
			}
			if err := json.Unmarshal([]byte(stdout), &r); err != nil {
				t.Fatal(err)
			}
			breaking := false
			for _, c := range r.Changes {
				for _, k := range []string{"kind", "breaking", "operation", "where"} {
					if _, ok := c[k]; !ok {
						t.Errorf("change without %q: %v", k, c)
					}
				}
				breaking = breaking || c["breaking"] == true
			}
			if want := map[bool]int{true: exitStale, false: exitOK}[breaking]; code != want {
				t.Errorf("--fail-on breaking: exit %d, want %d", code, want)
			}
			if code, stdout, _ := run("diff", "--fail-on", "any", "old", "old"); code != exitOK || !strings.Contains(stdout, "no changes") {
				t.Errorf("a version against itself: exit %d\n%s", code, stdout)
			}
		})
	}
}

// Bad input is exit 2 whatever --fail-on says, and so are bad flags.
func TestDiffUsage(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("openapi: 3.0.0\npaths: [\n"), 0o644)
	good, _ := filepath.Abs(filepath.Join(testdataRoot, "diff", "petstore", "old"))
	for _, args := range [][]string{
		{"diff", good, bad},
		{"diff", "--fail-on", "breaking", bad, good},
		{"diff", "--format", "xml", good, good},
		{"diff", "--fail-on", "some", good, good},
		{"diff", "--family", "aws", good, good},
		{"diff", good},
	} {
		if code, _, stderr := run(args...); code != exitError || stderr == "" {
			t.Errorf("%v: exit %d, want %d with a message\n%s", args, code, exitError, stderr)
		}
	}
}

// The markdown report stays under GitHub's 65536-character comment limit
// however many changes there are (the JSON report has them all).
func TestDiffMarkdownBounded(t *testing.T) {
	dir := t.TempDir()
	var a, b bytes.Buffer
	a.WriteString("openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n")
	b.WriteString("openapi: 3.0.0\ninfo: {title: t, version: '2'}\npaths: {}\n")
	for i := range 3000 {
		a.WriteString("  /things" + strings.Repeat("x", i%50) + "/" + strconv.Itoa(i) + ":\n    get:\n      operationId: getThingWithAVeryLongOperationName" + strconv.Itoa(i) + "\n      responses: {'204': {description: ok}}\n")
	}
	os.WriteFile(filepath.Join(dir, "a.yaml"), a.Bytes(), 0o644)
	os.WriteFile(filepath.Join(dir, "b.yaml"), b.Bytes(), 0o644)
	code, stdout, stderr := run("diff", "--go=false", "--format", "markdown", filepath.Join(dir, "a.yaml"), filepath.Join(dir, "b.yaml"))
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if len(stdout) > 65536 || !strings.Contains(stdout, "more (use `--format json`") {
		t.Errorf("markdown report: %d bytes, truncation note present: %v", len(stdout), strings.Contains(stdout, "more (use"))
	}
}
