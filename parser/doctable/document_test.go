package doctable

import (
	"strings"
	"testing"
)

func TestPosString(t *testing.T) {
	tests := []struct {
		p    Pos
		want string
	}{
		{Pos{"a.md", 3, 7}, "a.md:3:7"},
		{Pos{"a.md", 3, 0}, "a.md:3"},
		{Pos{"a.md", 0, 0}, "a.md"},
		{Pos{"", 3, 7}, "3:7"},
		{Pos{}, "-"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.p, got, tt.want)
		}
	}
	w := Warning{Pos{"a.md", 1, 2}, "stray fence"}
	if got := w.String(); got != "a.md:1:2: stray fence" {
		t.Errorf("Warning.String() = %q", got)
	}
}

// TestParseDispatch checks that the extension decides, and content decides
// for .txt and unknown extensions.
func TestParseDispatch(t *testing.T) {
	md := "| a | b |\n| --- | --- |\n| 1 | 2 |\n"
	adoc := "== S\n\n|===\n| a | b\n\n| 1 | 2\n|===\n"
	html := "<html><body><table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table></body></html>"
	fragment := "<h2>T</h2><table><tr><td>a</td></tr></table>" // HTML without <html>
	tests := []struct {
		file, src string
		header    string // joined header of the only table; "" for none
		format    Format // what the document says it was read as
	}{
		{"x.md", md, "a|b", Markdown},
		{"x.MARKDOWN", md, "a|b", Markdown},
		{"x.txt", md, "a|b", Markdown},
		{"x.adoc", adoc, "a|b", AsciiDoc},
		{"x.asciidoc", adoc, "a|b", AsciiDoc},
		{"x.txt", adoc, "a|b", AsciiDoc},
		{"x.html", html, "a|b", HTML},
		{"x.htm", html, "a|b", HTML},
		{"x", html, "a|b", HTML},
		{"x.txt", fragment, "a", HTML},
		{"x.md", adoc, "", Markdown}, // the extension wins: Markdown sees no pipe table here
	}
	for _, tt := range tests {
		doc, err := Parse(tt.file, []byte(tt.src))
		if err != nil {
			t.Fatalf("%s: %v", tt.file, err)
		}
		got := ""
		if ts := doc.Tables(); len(ts) == 1 {
			got = strings.Join(ts[0].Header, "|")
		}
		if got != tt.header || doc.Format != tt.format {
			t.Errorf("Parse(%q, %.12q…) header %q format %d, want %q format %d", tt.file, tt.src, got, doc.Format, tt.header, tt.format)
		}
	}
}

func TestParseRejectsBinary(t *testing.T) {
	for _, parse := range []func(string, []byte) (*Document, error){ParseMarkdown, ParseAsciiDoc, ParseHTML, Parse} {
		_, err := parse("img.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
		if err == nil || !strings.HasPrefix(err.Error(), "img.png: binary content") {
			t.Errorf("err = %v", err)
		}
	}
}

// TestOddInput covers empty input, CRLF, a byte order mark and invalid
// UTF-8, which all must read cleanly.
func TestOddInput(t *testing.T) {
	for _, src := range []string{"", "\n", "|", "| a |\n", "\uFEFF| a |\r\n| - |\r\n| \xff |\r\n"} {
		for _, parse := range []func(string, []byte) (*Document, error){ParseMarkdown, ParseAsciiDoc, ParseHTML} {
			if _, err := parse("x", []byte(src)); err != nil {
				t.Errorf("%q: %v", src, err)
			}
		}
	}
	doc, _ := ParseMarkdown("x.md", []byte("\uFEFF| a |\r\n| - |\r\n| \xff |\r\n"))
	ts := doc.Tables()
	if len(ts) != 1 || ts[0].Pos.Col != 4 || ts[0].Header[0] != "a" || ts[0].Rows[0].Cells[0] != "\uFFFD" || ts[0].Rows[0].Pos.Line != 3 {
		t.Errorf("tables %+v", ts)
	}
}
