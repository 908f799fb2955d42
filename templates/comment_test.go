package templates

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"
)

func TestTextLines(t *testing.T) {
	got := textLines("a\r\nb\rc\nd\u2028e\u2029f\fg\vh\u0085i")
	want := []string{"a", "b", "c", "d", "e", "f", "g", "h", "i"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("line breaks: got %q", got)
	}
	got = textLines("\n\n x\x00y\x1b\ufeff\u202ez\xff \n\n\n\nnext\n\n")
	if strings.Join(got, "|") != " xyz||next" {
		t.Errorf("cleanup: got %q", got)
	}
	got = textLines("+build ignore\ngo:build linux")
	for _, l := range got {
		if strings.HasPrefix(l, "+build") || strings.HasPrefix(l, "go:build") {
			t.Errorf("build constraint survived: %q", l)
		}
	}
}

func TestWrap(t *testing.T) {
	long := strings.Repeat("word ", 50)
	for _, l := range textLines(long) {
		if n := utf8.RuneCountInString(l); n > commentWidth {
			t.Errorf("line of %d runes: %q", n, l)
		}
	}
	url := "https://example.com/" + strings.Repeat("x", 150)
	if got := textLines("see " + url); len(got) != 2 || got[1] != url {
		t.Errorf("URL was broken: %q", got)
	}
	zh := strings.Repeat("中文说明", 60)
	got := textLines(zh)
	if strings.Join(got, "") != zh {
		t.Errorf("Chinese text changed when wrapped")
	}
	for _, l := range got {
		if n := utf8.RuneCountInString(l); n > commentWidth {
			t.Errorf("Chinese line of %d runes", n)
		}
	}
}

// TestCommentInjection generates code from descriptions that try to close
// a comment or start a line of code, parses every file, and checks that no
// init function exists and every comment is a // line comment.
func TestCommentInjection(t *testing.T) {
	files, _ := generate(t, edgeAPI(), Options{})
	fset := token.NewFileSet()
	sawChinese := false
	for name, src := range files {
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
		if err != nil {
			t.Fatalf("%s does not parse: %v", name, err)
		}
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Name.Name == "init" {
				t.Errorf("%s: description became func init", name)
			}
		}
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if !strings.HasPrefix(c.Text, "//") {
					t.Errorf("%s: block comment %q", name, c.Text)
				}
			}
		}
		sawChinese = sawChinese || strings.Contains(string(src), "中文说明：名字")
	}
	if !sawChinese {
		t.Error("Chinese description did not survive")
	}
}

// TestWrapKeepsDirectivesInside: wrapping may start a line anywhere in the
// text, so what could read as a build constraint is neutralised on every
// piece, and each piece is written after "// ", where no directive
// (//go:generate, //go:build, //line) can start.
func TestWrapKeepsDirectivesInside(t *testing.T) {
	pad := strings.Repeat("x ", 46) // the next word starts line two
	for _, text := range []string{
		pad + "+build ignore and more words",
		pad + "//go:generate rm -rf /",
		strings.Repeat("中", 95) + "//go:generate rm -rf /",
		strings.Repeat("中", 96) + "+build ignore",
		pad + "//line evil.go:1",
	} {
		var d doc
		d.add(text)
		f := jen.NewFile("p")
		f.Add(d.code()...)
		f.Type().Id("T").Int()
		src := f.GoString()
		for _, l := range strings.Split(src, "\n") {
			if strings.HasPrefix(l, "//go:") || strings.HasPrefix(l, "//line") || strings.HasPrefix(strings.TrimPrefix(l, "// "), "+build") {
				t.Errorf("directive at a line start: %q", l)
			}
		}
		if len(d.lines) < 2 {
			t.Errorf("%q was not wrapped: %q", text, d.lines)
		}
	}
}

// TestWrapWideIndent: an indent wider than the line once left a split
// word no room, and wrapping never ended.
func TestWrapWideIndent(t *testing.T) {
	got := textLines(strings.Repeat(" ", 200) + strings.Repeat("中", 300))
	if strings.ReplaceAll(strings.Join(got, ""), " ", "") != strings.Repeat("中", 300) {
		t.Errorf("text changed: %q", got)
	}
	for _, l := range got {
		if n := utf8.RuneCountInString(l); n > commentWidth {
			t.Errorf("line of %d runes", n)
		}
	}
}
