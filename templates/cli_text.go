package templates

import (
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlInline are the elements whose presence makes a description HTML
// (Stripe writes <p>…</p>, <code>, <a>); text that merely contains "<"
// is left as it is.
var htmlInline = []atom.Atom{atom.P, atom.Code, atom.A, atom.Br, atom.Ul, atom.Ol, atom.Li, atom.Strong, atom.Em, atom.B, atom.I, atom.Span, atom.Div, atom.Pre}

// helpText is a description as --help shows it: HTML turned into plain
// text (paragraphs and list items on lines of their own, entities
// decoded, code in quotes), anything else unchanged.
func helpText(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	isHTML := false
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if !isHTML {
				return s
			}
			// Paragraph breaks collapse to one blank line.
			lines := strings.Split(b.String(), "\n")
			for i, l := range lines {
				lines[i] = strings.Join(strings.Fields(l), " ")
			}
			out := strings.Join(lines, "\n")
			for strings.Contains(out, "\n\n\n") {
				out = strings.ReplaceAll(out, "\n\n\n", "\n\n")
			}
			return strings.TrimSpace(out)
		case html.TextToken:
			b.Write(z.Text())
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if !slices.Contains(htmlInline, a) {
				// Not markup we know: keep it as the docs wrote it.
				b.Write(z.Raw())
				continue
			}
			isHTML = true
			switch a {
			case atom.P, atom.Div, atom.Ul, atom.Ol, atom.Pre:
				b.WriteString("\n\n")
			case atom.Br:
				b.WriteString("\n")
			case atom.Li:
				if tt == html.StartTagToken {
					b.WriteString("\n- ")
				}
			case atom.Code:
				b.WriteString("'")
			}
		default:
			b.Write(z.Raw())
		}
	}
}
