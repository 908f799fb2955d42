package apiruntime

import (
	"strings"
	"testing"
)

func TestLinkNext(t *testing.T) {
	for _, c := range []struct {
		header []string
		want   string // "" for none
	}{
		{[]string{`<https://api.github.com/search/code?q=a,b&page=2>; rel="next", <https://api.github.com/search/code?q=a,b&page=9>; rel="last"`},
			"https://api.github.com/search/code?q=a,b&page=2"},
		{[]string{`<https://x/p?page=1>; title="first, then; rel=\"next\""; rel="prev", <https://x/p?page=3>; rel=next`}, "https://x/p?page=3"},
		{[]string{`<https://x/a>; rel="prev first"`, `<https://x/b>;rel="last NEXT"`}, "https://x/b"},
		{[]string{`<https://x/a>; rel=prev; rel=next`}, ""}, // only the first rel counts
		{[]string{`<https://x/a>; rel="next`}, ""},          // unterminated quote
		{[]string{`https://x/a; rel="next"`}, ""},           // no angle brackets
		{[]string{`<https://x/a; rel="next"`}, ""},          // no closing bracket
		{[]string{`<https://x/bad>; =oops; rel="next", <https://x/good>; rel="next"`}, "https://x/good"},
		{[]string{`<https://x/bad> junk "a, b" <c,d>; rel=next, <https://x/ok>; rel=next`}, "https://x/ok"},
		{[]string{`<https://x/a>;; rel=next ;`}, "https://x/a"},
		{[]string{`, ,<https://x/a>	;	rel	=	"next"`}, "https://x/a"},
		{[]string{`</rel=next>; rel="nextish"`}, ""},
		{nil, ""},
	} {
		got, ok := linkNext(c.header)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("%q: next = %q %v, want %q", c.header, got, ok, c.want)
		}
	}
}

// FuzzLinkHeader checks the Link parser two ways: on any header, a next
// link it finds was written between < and > in it; and a next link built
// around the fuzzed target, title and neighbour is always found whole,
// commas, semicolons and quotes included.
func FuzzLinkHeader(f *testing.F) {
	f.Add(`<https://api.github.com/search/code?q=a,b&page=2>; rel="next"`, "https://x/?q=a,b", `a, "b"; c`, "/prev;x,y")
	f.Add(`<a>; rel=next, <b>; rel="prev"`, "/p?page=2", "", "")
	f.Add(`<a>; title="x\"; rel=next"; rel=prev`, "", `\`, `>`)
	f.Fuzz(func(t *testing.T, header, target, title, other string) {
		if next, ok := linkNext([]string{header}); ok && !strings.Contains(header, "<"+next+">") {
			t.Fatalf("%q: next %q was not written as <%s>", header, next, next)
		}
		if strings.Contains(target, ">") || strings.Contains(other, ">") {
			return // a URI-reference has no '>'
		}
		esc := strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(title)
		built := `<` + other + `>; title="` + esc + `"; rel="prev", <` + target + `>; title="` + esc + `"; rel="next last"`
		if next, ok := linkNext([]string{built}); !ok || next != target {
			t.Fatalf("%q: next = %q %v, want %q", built, next, ok, target)
		}
	})
}
