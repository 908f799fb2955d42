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
	// List items keep their lines, so every kind of break shows.
	got := textLines("- a\r\n- b\r- c\n- d\u2028- e\u2029- f\f- g\v- h\u0085- i")
	want := []string{"- a", "- b", "- c", "- d", "- e", "- f", "- g", "- h", "- i"}
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

// TestReflow: lines of one paragraph are joined before wrapping, so a
// source's own line breaks leave no stubs ("describes\n// the call as
// an\n// apiruntime.Request"); lists, indented code, tables, headings and
// a line ending a sentence or a clause keep their breaks, as does CJK text.
func TestReflow(t *testing.T) {
	long := "Client calls CloudTower APIs (apigen example). Each method validates its parameters, describes the call as an"
	got := textLines(long + "\napiruntime.Request and hands it to the transport, which adds the family's auth, signing,\njob polling and error decoding.")
	want := []string{
		"Client calls CloudTower APIs (apigen example). Each method validates its parameters, describes",
		"the call as an apiruntime.Request and hands it to the transport, which adds the family's auth,",
		"signing, job polling and error decoding.",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("reflow:\n%s", strings.Join(got, "\n"))
	}
	for in, want := range map[string]string{
		"one\ntwo\n\nthree":                  "one two||three",
		"Values:\n- a\n- b\nafter":           "Values:|- a|- b|after",
		"Example:\n  x := 1\n  y := 2":       "Example:|  x := 1|  y := 2",
		"1. first\n2) second\n10. tenth":     "1. first|2) second|10. tenth",
		"| a | b |\n| - | - |\n# Title\n> q": "| a | b ||| - | - ||# Title|> q",
		"中文说明\n继续":                           "中文说明|继续",
		"word\n中文":                           "word|中文",
		"One.\nTwo;\nThree":                  "One.|Two;|Three",
		"-5 degrees\nor less":                "-5 degrees or less",
	} {
		if got := strings.Join(textLines(in), "|"); got != want {
			t.Errorf("textLines(%q) = %q, want %q", in, got, want)
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
