package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/build"
	"go/format"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/internal/gocheck"
	"github.com/apigen-dev/apigen/output"
)

var update = flag.Bool("update", false, "rewrite testdata/**/want from the current output")

// goldenCase is one directory of testdata/ holding an about.txt, at any
// depth (testdata/hostile/comment-injection/). about.txt says what the case
// proves (first line) and may add lines:
//
//	args: extra flags for apigen generate
//	contains: text every run's output (all files, concatenated, each after
//	          a "== name ==" line) must hold
//	absent: text the output must not hold
//	stderr-contains: text stderr must hold
//
// A value in double quotes is a Go string literal: "\nfunc init(" is text
// at the start of a line.
//
// input/ holds the documents; want/ the expected Go files and stderr.txt,
// the exact diagnostics and summary apigen prints. A failing case (bad
// input) has no Go files in want/.
type goldenCase struct {
	name, dir string
	args      []string
	contains  []string
	absent    []string
	stderrHas []string
}

const testdataRoot = "../../testdata"

func goldenCases(t *testing.T) []goldenCase {
	var cases []goldenCase
	err := filepath.WalkDir(filepath.FromSlash(testdataRoot), func(dir string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if d.Name() == "diff" && filepath.Dir(dir) == filepath.FromSlash(testdataRoot) {
			return filepath.SkipDir // apigen diff cases: see diff_test.go
		}
		about, err := os.ReadFile(filepath.Join(dir, "about.txt"))
		if os.IsNotExist(err) {
			if _, werr := os.Stat(filepath.Join(dir, "input")); werr == nil {
				t.Errorf("%s: every golden case says what it proves in about.txt", dir)
				return filepath.SkipDir
			}
			return nil
		}
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(filepath.FromSlash(testdataRoot), dir)
		c := goldenCase{name: filepath.ToSlash(rel), dir: dir}
		for _, line := range strings.Split(string(about), "\n") {
			key, val, ok := strings.Cut(line, ":")
			if !ok {
				continue
			}
			val = strings.TrimSpace(val)
			if len(val) > 1 && val[0] == '"' && val[len(val)-1] == '"' {
				// A quoted value may hold escapes: "\nfunc init(" is a line start.
				if uq, err := strconv.Unquote(val); err == nil {
					val = uq
				} else {
					t.Errorf("%s/about.txt: %s: %v", dir, line, err)
				}
			}
			if val == "" && key != "args" {
				t.Errorf("%s/about.txt: empty %s line", dir, key)
			}
			switch key {
			case "args":
				c.args = strings.Fields(val)
			case "contains":
				c.contains = append(c.contains, val)
			case "absent":
				c.absent = append(c.absent, val)
			case "stderr-contains":
				c.stderrHas = append(c.stderrHas, val)
			}
		}
		cases = append(cases, c)
		return filepath.SkipDir // a case's input/ and want/ hold no cases
	})
	if err != nil {
		t.Fatal(err)
	}
	return cases
}

// pkgName is the Go package a case generates: its last path element,
// letters and digits only.
func (c goldenCase) pkgName() string {
	n := strings.Map(func(r rune) rune {
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			return r
		}
		return -1
	}, strings.ToLower(filepath.Base(c.dir)))
	if n == "" || n[0] <= '9' {
		n = "x" + n
	}
	return n
}

// userFile and staleFile are put in the output directory before the second
// run of every case: apigen must keep the first (no generated header) and
// delete the second on success, and touch neither on failure.
const (
	userFile  = "zz_user.go"
	staleFile = "zz_stale.go"
)

// runCase generates the case into out and returns the generated files and
// stderr with machine-specific paths replaced. Files in out that apigen did
// not generate (the planted user file) are not returned.
func runCase(t *testing.T, c goldenCase, inputs []string, out string) (map[string][]byte, string, int) {
	args := append([]string{"generate", "-o", out, "-p", c.pkgName()}, c.args...)
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
		if e.IsDir() || !output.IsGenerated(b) {
			continue
		}
		files[e.Name()] = b
	}
	msg := strings.ReplaceAll(stderr.String(), out, "OUT")
	msg = strings.ReplaceAll(msg, c.dir+string(filepath.Separator), "")
	return files, msg, code
}

func caseInputs(t *testing.T, c goldenCase) []string {
	dir := filepath.Join(c.dir, "input")
	entries, err := os.ReadDir(dir)
	if info, lerr := os.Lstat(dir); os.IsNotExist(err) && lerr == nil && info.Mode()&fs.ModeSymlink != 0 {
		t.Skipf("%s links to inputs that are not here (the corpus?)", dir)
	}
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
	// Every case that ran and has output is built, vetted and imported by a
	// test in one module at the end: one go build for all is much faster
	// than one per case, and go's errors name the case's directory.
	module := map[string][]byte{}
	for _, c := range goldenCases(t) {
		t.Run(c.name, func(t *testing.T) {
			inputs := caseInputs(t, c)
			tmp := t.TempDir()
			files, stderr, code := runCase(t, c, inputs, filepath.Join(tmp, "out"))
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
					t.Errorf("%s differs from want/%s; run go test ./cmd/apigen -run 'TestGolden/%s$' -update and review the diff", n, n, c.name)
				}
			}
			checkOutcome(t, c, tmp, files, stderr, code)

			// The same inputs in reverse order give the same bytes, over an
			// output directory holding a user's file and a stale generated one.
			slices.Reverse(inputs)
			out2 := filepath.Join(t.TempDir(), "out")
			user := []byte("package " + c.pkgName() + "\n\n// Written by hand.\n")
			stale := []byte(output.Header + "\n\npackage " + c.pkgName() + "\n")
			os.MkdirAll(out2, 0o755)
			os.WriteFile(filepath.Join(out2, userFile), user, 0o644)
			os.WriteFile(filepath.Join(out2, staleFile), stale, 0o644)
			again, stderr2, _ := runCase(t, c, inputs, out2)
			if b, err := os.ReadFile(filepath.Join(out2, userFile)); !bytes.Equal(b, user) {
				t.Errorf("the user's %s was changed or removed: %v", userFile, err)
			}
			if len(files) > 0 {
				if _, err := os.Stat(filepath.Join(out2, staleFile)); err == nil {
					t.Errorf("stale generated %s survived a successful run", staleFile)
				}
			} else {
				if b, _ := os.ReadFile(filepath.Join(out2, staleFile)); !bytes.Equal(b, stale) {
					t.Errorf("a failed run changed the output directory: %s", staleFile)
				}
				delete(again, staleFile)
			}
			for _, n := range sortedNames(files, again) {
				if !bytes.Equal(files[n], again[n]) {
					t.Errorf("%s: output depends on input order", n)
				}
			}
			if stderr2 != stderr {
				t.Errorf("diagnostics depend on input order:\n%s\n---\n%s", stderr, stderr2)
			}
			if len(wantFiles) > 0 {
				for n, b := range wantFiles {
					module[c.name+"/"+n] = b
				}
				module[c.name+"/zz_import_test.go"] = importTest(c)
			}
		})
	}
	if len(module) > 0 {
		gocheck.Test(t, module)
	}
}

// checkOutcome asserts what every case must satisfy whatever its goldens
// say: about.txt's contains/absent lines; a failing run wrote nothing and
// said why; output is gofmt-clean and runs no code when imported; nothing
// was written outside the output directory.
func checkOutcome(t *testing.T, c goldenCase, tmp string, files map[string][]byte, stderr string, code int) {
	t.Helper()
	var all strings.Builder
	for _, n := range sortedNames(files) {
		fmt.Fprintf(&all, "== %s ==\n%s", n, files[n])
	}
	for _, s := range c.contains {
		if !strings.Contains(all.String(), s) {
			t.Errorf("output lacks %q", s)
		}
	}
	for _, s := range c.absent {
		if strings.Contains(all.String(), s) {
			t.Errorf("output holds %q", s)
		}
	}
	for _, s := range c.stderrHas {
		if !strings.Contains(stderr, s) {
			t.Errorf("stderr lacks %q:\n%s", s, stderr)
		}
	}
	switch {
	case code != exitOK && len(files) > 0:
		t.Errorf("exit %d but files were written", code)
	case code != exitOK && stderr == "":
		t.Errorf("exit %d without a word on stderr", code)
	case code == exitOK && len(files) == 0:
		t.Errorf("exit 0 but nothing written")
	}
	// The temporary directory holds the output directory (when the run
	// succeeded) and nothing else: no file escaped, no swap directory left.
	entries, _ := os.ReadDir(tmp)
	for _, e := range entries {
		if e.Name() != "out" || code != exitOK {
			t.Errorf("%s left beside the output directory", e.Name())
		}
	}
	if code == exitOK {
		out, _ := os.ReadDir(filepath.Join(tmp, "out"))
		for _, e := range out {
			if e.Name() == stampName && e.Type().IsRegular() {
				continue // the rerun stamp, not part of the package
			}
			if e.IsDir() || e.Name() != filepath.Base(e.Name()) || strings.HasPrefix(e.Name(), ".") || !strings.HasSuffix(e.Name(), ".go") {
				t.Errorf("output directory holds %q", e.Name())
			}
			if !buildsEverywhere(filepath.Join(tmp, "out"), e.Name()) {
				t.Errorf("%s is a test file or is built only on some systems", e.Name())
			}
		}
	}
	for _, n := range sortedNames(files) {
		for _, p := range generatedProblems(n, files[n]) {
			t.Error(p)
		}
	}
}

// generatedProblems parses one generated file and reports anything through
// which input text could run or steer code: init functions, package-level
// variables initialised by calls into the package itself, panics, imports
// other than the standard library and apiruntime, block comments (a "*/" in
// a description is how one would be closed early), and compiler directives
// in comments. It also reports a file that is not gofmt-clean.
func generatedProblems(name string, src []byte) []string {
	var problems []string
	report := func(pos token.Position, format string, args ...any) {
		problems = append(problems, pos.String()+": "+fmt.Sprintf(format, args...))
	}
	if formatted, err := format.Source(src); err != nil || !bytes.Equal(formatted, src) {
		problems = append(problems, fmt.Sprintf("%s is not gofmt-clean (%v)", name, err))
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
	if err != nil {
		return append(problems, fmt.Sprintf("%s does not parse: %v", name, err))
	}
	imports := map[string]bool{}
	for _, imp := range f.Imports {
		path, _ := strconv.Unquote(imp.Path.Value)
		if strings.Contains(strings.Split(path, "/")[0], ".") && !strings.HasPrefix(path, "github.com/apigen-dev/apigen/apiruntime") {
			report(fset.Position(imp.Pos()), "imports %q", path)
		}
		local := filepath.Base(path)
		if imp.Name != nil {
			local = imp.Name.Name
		}
		imports[local] = true
	}
	for _, cg := range f.Comments {
		for _, cm := range cg.List {
			switch {
			case strings.HasPrefix(cm.Text, "/*"):
				report(fset.Position(cm.Pos()), "block comment %.40q", cm.Text)
			case strings.HasPrefix(cm.Text, "//go:"), strings.HasPrefix(cm.Text, "//line "), strings.HasPrefix(cm.Text, "//export "), strings.HasPrefix(cm.Text, "//+build"):
				report(fset.Position(cm.Pos()), "directive comment %.60q", cm.Text)
			}
		}
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil && d.Name.Name == "init" {
				report(fset.Position(d.Pos()), "func init")
			}
		case *ast.GenDecl:
			if d.Tok != token.VAR {
				continue
			}
			ast.Inspect(d, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
					if x, ok := sel.X.(*ast.Ident); ok && imports[x.Name] {
						return true
					}
				}
				report(fset.Position(call.Pos()), "package-level variable initialised by a call")
				return true
			})
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "panic" {
				report(fset.Position(call.Pos()), "panic call")
			}
		}
		return true
	})
	return problems
}

// buildsEverywhere reports whether the go command builds file into the
// package on two unlike systems: a name ending in _test, _windows, _arm64
// and the like, or a //go:build line, would drop it on some.
func buildsEverywhere(dir, file string) bool {
	if strings.HasSuffix(file, "_test.go") {
		return false
	}
	for _, sys := range [][2]string{{"linux", "amd64"}, {"windows", "arm64"}} {
		ctx := build.Default
		ctx.GOOS, ctx.GOARCH = sys[0], sys[1]
		if ok, err := ctx.MatchFile(dir, file); err != nil || !ok {
			return false
		}
	}
	return true
}

// importTest is a test beside a case's package that imports it: building
// and running it proves the package compiles and that importing it runs no
// code (a panicking initialiser would fail the test).
func importTest(c goldenCase) []byte {
	return fmt.Appendf(nil, "package %s_test\n\nimport (\n\t\"testing\"\n\n\t_ %q\n)\n\nfunc TestImport(t *testing.T) {}\n", c.pkgName(), "example.com/gen/"+c.name)
}

// The output checks catch what they are for: each snippet is one way
// input text could become code.
func TestGeneratedProblems(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"package p\n\nfunc init() {}\n", "func init"},
		{"package p\n\nvar x = f()\n\nfunc f() int { return 1 }\n", "initialised by a call"},
		{"package p\n\nvar x = func() int { return 1 }()\n", "initialised by a call"},
		{"package p\n\nfunc F() { panic(1) }\n", "panic call"},
		{"package p\n\n/* a */\nfunc F() {}\n", "block comment"},
		{"package p\n\n//go:linkname x y\nfunc F() {}\n", "directive comment"},
		{"package p\n\nimport _ \"example.com/evil\"\n", `imports "example.com/evil"`},
		{"package p\nfunc F()  {}\n", "not gofmt-clean"},
		{"package p\n\nfunc F() {\n", "does not parse"},
	} {
		got := strings.Join(generatedProblems("x.go", []byte(c.src)), "\n")
		if !strings.Contains(got, c.want) {
			t.Errorf("%q: got %q, want %q", c.src, got, c.want)
		}
	}
	dir := t.TempDir()
	for name, want := range map[string]bool{"a.go": true, "ops_windows.go": false, "ops_linux_amd64.go": false, "ops_test.go": false, "tagged.go": false} {
		src := "package p\n"
		if name == "tagged.go" {
			src = "//go:build ignore\n\npackage p\n"
		}
		os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644)
		if got := buildsEverywhere(dir, name); got != want {
			t.Errorf("buildsEverywhere(%s) = %v", name, got)
		}
	}
	ok := "package p\n\nimport \"net/http\"\n\nvar m = http.MethodGet\n\nvar c = http.NewServeMux()\n"
	if got := generatedProblems("x.go", []byte(ok)); len(got) > 0 {
		t.Errorf("clean file reported: %v", got)
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
