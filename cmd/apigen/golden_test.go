package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/internal/gocheck"
)

var update = flag.Bool("update", false, "rewrite testdata/*/want from the current output")

// goldenCase is one directory of testdata/: about.txt says what it proves
// (first line) and may add an `args:` line of extra flags; input/ holds the
// documents; want/ the expected Go files and stderr.txt, the exact
// diagnostics and summary apigen prints.
type goldenCase struct {
	name, dir string
	args      []string
}

func goldenCases(t *testing.T) []goldenCase {
	root := filepath.Join("..", "..", "testdata")
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	var cases []goldenCase
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		dir := filepath.Join(root, e.Name())
		about, err := os.ReadFile(filepath.Join(dir, "about.txt"))
		if err != nil {
			t.Fatalf("%s: every golden case says what it proves in about.txt: %v", dir, err)
		}
		c := goldenCase{name: e.Name(), dir: dir}
		for _, line := range strings.Split(string(about), "\n") {
			if rest, ok := strings.CutPrefix(line, "args:"); ok {
				c.args = strings.Fields(rest)
			}
		}
		cases = append(cases, c)
	}
	return cases
}

// runCase generates the case into a fresh directory and returns the files
// and stderr with machine-specific paths replaced.
func runCase(t *testing.T, c goldenCase, inputs []string) (map[string][]byte, string, int) {
	out := filepath.Join(t.TempDir(), "out")
	args := append([]string{"generate", "-o", out, "-p", strings.ReplaceAll(c.name, "-", "")}, c.args...)
	args = append(args, inputs...)
	var stdout, stderr bytes.Buffer
	code := Run(args, nil, &stdout, &stderr)
	files := map[string][]byte{}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(out, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = b
	}
	msg := strings.ReplaceAll(stderr.String(), out, "OUT")
	msg = strings.ReplaceAll(msg, filepath.Join("..", "..", "testdata", c.name)+string(filepath.Separator), "")
	return files, msg, code
}

func caseInputs(t *testing.T, c goldenCase) []string {
	dir := filepath.Join(c.dir, "input")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var in []string
	for _, e := range entries {
		in = append(in, filepath.Join(dir, e.Name()))
	}
	return in
}

func TestGolden(t *testing.T) {
	for _, c := range goldenCases(t) {
		t.Run(c.name, func(t *testing.T) {
			inputs := caseInputs(t, c)
			files, stderr, code := runCase(t, c, inputs)
			want := filepath.Join(c.dir, "want")
			if *update {
				os.RemoveAll(want)
				os.MkdirAll(want, 0o755)
				for n, b := range files {
					os.WriteFile(filepath.Join(want, n), b, 0o644)
				}
				os.WriteFile(filepath.Join(want, "stderr.txt"), []byte(stderr), 0o644)
			}
			wantStderr, _ := os.ReadFile(filepath.Join(want, "stderr.txt"))
			if stderr != string(wantStderr) {
				t.Errorf("stderr (exit %d):\n%s\nwant:\n%s", code, stderr, wantStderr)
			}
			wantFiles := readGo(t, want)
			for _, n := range sortedNames(files, wantFiles) {
				if !bytes.Equal(files[n], wantFiles[n]) {
					t.Errorf("%s differs from want/%s; run go test ./cmd/apigen -run TestGolden/%s -update and review the diff", n, n, c.name)
				}
			}
			// The same inputs in reverse order give the same bytes.
			slices.Reverse(inputs)
			again, stderr2, _ := runCase(t, c, inputs)
			for _, n := range sortedNames(files, again) {
				if !bytes.Equal(files[n], again[n]) {
					t.Errorf("%s: output depends on input order", n)
				}
			}
			if stderr2 != stderr {
				t.Errorf("diagnostics depend on input order:\n%s\n---\n%s", stderr, stderr2)
			}
			if len(wantFiles) > 0 {
				gocheck.Compile(t, prefixed(wantFiles, c.name+"/"))
			}
		})
	}
}

func readGo(t *testing.T, dir string) map[string][]byte {
	files := map[string][]byte{}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".go") {
			b, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			files[e.Name()] = b
		}
	}
	return files
}

func prefixed(files map[string][]byte, prefix string) map[string][]byte {
	out := map[string][]byte{}
	for n, b := range files {
		out[prefix+n] = b
	}
	return out
}

func sortedNames(ms ...map[string][]byte) []string {
	var names []string
	for _, m := range ms {
		for n := range m {
			if !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
	}
	slices.Sort(names)
	return names
}
