package doctable

import (
	"strings"
	"testing"
	"time"
)

// TestPathologicalInput feeds inputs built to make a naive reader quadratic
// or recursive: every reader must get through each in well under a second
// (the budget below is loose because CI machines are shared).
func TestPathologicalInput(t *testing.T) {
	if testing.Short() {
		t.Skip("megabyte inputs")
	}
	var fences, dashes strings.Builder
	for k := 3000; k >= 3; k-- {
		fences.WriteString(strings.Repeat("`", k) + "\n")
		dashes.WriteString(strings.Repeat("-", k+1) + "\n")
	}
	inputs := map[string]string{
		"brackets":     strings.Repeat("[", 1<<20),
		"links":        strings.Repeat("[a](", 1<<18),
		"nested links": strings.Repeat("[", 1<<16) + strings.Repeat("](u)", 1<<16),
		"backtick runs": func() string {
			var b strings.Builder
			for k := 1; b.Len() < 1<<20; k++ {
				b.WriteString(strings.Repeat("`", k%700+1) + " ")
			}
			return b.String()
		}(),
		"emphasis":            strings.Repeat("*a _b ", 1<<17),
		"entities":            strings.Repeat("&amp", 1<<18),
		"angles":              strings.Repeat("<", 1<<20),
		"macros":              strings.Repeat("link:", 1<<18),
		"xrefs":               strings.Repeat("<<a", 1<<18),
		"pipes":               "| a |\n| - |\n" + strings.Repeat("|", 1<<20),
		"decreasing fences":   fences.String(),
		"decreasing listings": dashes.String(),
		"comments":            strings.Repeat("<!--\n", 1<<16),
		"tables":              strings.Repeat("|===\n", 1<<16),
		"cells":               "|===\n" + strings.Repeat("a|", 1<<19),
		"spans":               "[cols=3]\n|===\n" + strings.Repeat(".999+|x ", 1<<15),
		"html":                strings.Repeat("<table><tr><td>", 170) + strings.Repeat("<p>x</p><b><i>", 1<<14),
	}
	parsers := map[string]func(string, []byte) (*Document, error){"markdown": ParseMarkdown, "asciidoc": ParseAsciiDoc, "html": ParseHTML}
	for name, src := range inputs {
		for pname, parse := range parsers {
			start := time.Now()
			_, err := parse("x", []byte(src))
			if d := time.Since(start); d > 100*time.Millisecond {
				t.Logf("%s on %s: %v", pname, name, d)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("%s on %s (%d bytes): %v", pname, name, len(src), d)
			}
			if err != nil && pname != "html" {
				t.Errorf("%s on %s: %v", pname, name, err)
			}
		}
	}
}

// TestDeepHTML checks that nesting beyond x/net/html's limit is an error
// naming the file, not a crash.
func TestDeepHTML(t *testing.T) {
	_, err := ParseHTML("deep.html", []byte(strings.Repeat("<div>", 600)))
	if err == nil || !strings.HasPrefix(err.Error(), "deep.html: ") {
		t.Errorf("err = %v", err)
	}
}

// A table longer than MaxTableRows keeps its first rows and says, at the
// first row dropped, how many it had.
func TestTableRowLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString("| a | b |\n| - | - |\n")
	for i := range MaxTableRows + 5 {
		b.WriteString("| x | " + strings.Repeat("y", i%7) + " |\n")
	}
	for _, name := range []string{"t.md", "t.txt"} {
		doc, err := Parse(name, []byte(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		ts := doc.Tables()
		if len(ts) != 1 || len(ts[0].Rows) != MaxTableRows {
			t.Fatalf("%s: want one table of %d rows, got %d tables", name, MaxTableRows, len(ts))
		}
		if len(doc.Warnings) != 1 || doc.Warnings[0].Pos.Line != MaxTableRows+3 ||
			!strings.Contains(doc.Warnings[0].Msg, "2005 rows") {
			t.Errorf("%s: warnings %v", name, doc.Warnings)
		}
	}
}
