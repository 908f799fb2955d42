package apiruntime

import "strings"

// link is one link-value of an RFC 8288 Link header: its target as written
// between < and >, and its rel parameter (the first one; later ones are
// ignored, as §3.3 says).
type link struct {
	target, rel string
}

// linkNext finds the target of the first link whose relation types include
// "next" in the Link header values.
func linkNext(values []string) (string, bool) {
	for _, v := range values {
		for _, l := range parseLinks(v) {
			for _, r := range strings.Fields(l.rel) {
				if strings.EqualFold(r, "next") {
					return l.target, true
				}
			}
		}
	}
	return "", false
}

// parseLinks reads one Link header value by RFC 8288's grammar:
//
//	link-value = "<" URI-Reference ">" *( OWS ";" OWS link-param )
//	link-param = token BWS [ "=" BWS ( token / quoted-string ) ]
//
// Commas separate link-values only outside <…> and quoted strings (a
// GitHub search link's ?q=a,b and a title="x, y" stay whole). A malformed
// link-value is skipped up to the next comma that separates values.
func parseLinks(s string) []link {
	var out []link
	p := linkScanner{s: s}
	for {
		p.skip(" \t,")
		if p.done() {
			return out
		}
		l, ok := p.linkValue()
		if ok {
			out = append(out, l)
		} else {
			p.skipValue()
		}
	}
}

// linkScanner walks a Link header value.
type linkScanner struct {
	s string
	i int
}

func (p *linkScanner) done() bool { return p.i >= len(p.s) }

func (p *linkScanner) peek() byte {
	if p.done() {
		return 0
	}
	return p.s[p.i]
}

// skip moves past any of the bytes in set.
func (p *linkScanner) skip(set string) {
	for !p.done() && strings.IndexByte(set, p.s[p.i]) >= 0 {
		p.i++
	}
}

// linkValue reads "<target>" and its parameters, up to the comma that ends
// it (not consumed) or the end.
func (p *linkScanner) linkValue() (l link, ok bool) {
	if p.peek() != '<' {
		return l, false
	}
	end := strings.IndexByte(p.s[p.i+1:], '>')
	if end < 0 {
		return l, false
	}
	l.target = p.s[p.i+1 : p.i+1+end]
	p.i += end + 2
	sawRel := false
	for {
		p.skip(" \t")
		switch p.peek() {
		case 0, ',':
			return l, true
		case ';':
			p.i++
		default:
			return l, false
		}
		p.skip(" \t")
		name := p.token()
		if name == "" {
			if c := p.peek(); c == 0 || c == ',' || c == ';' {
				continue // an empty parameter ("<a>;; rel=next") says nothing
			}
			return l, false
		}
		p.skip(" \t")
		value := ""
		if p.peek() == '=' {
			p.i++
			p.skip(" \t")
			var ok bool
			if value, ok = p.paramValue(); !ok {
				return l, false
			}
		}
		if strings.EqualFold(name, "rel") && !sawRel {
			l.rel, sawRel = value, true
		}
	}
}

// token reads an RFC 9110 token (tchar*).
func (p *linkScanner) token() string {
	start := p.i
	for !p.done() && isTchar(p.s[p.i]) {
		p.i++
	}
	return p.s[start:p.i]
}

// paramValue reads a token or a quoted string, unescaping \x pairs.
func (p *linkScanner) paramValue() (string, bool) {
	if p.peek() != '"' {
		return p.token(), true
	}
	p.i++
	var b strings.Builder
	for !p.done() {
		c := p.s[p.i]
		p.i++
		switch {
		case c == '"':
			return b.String(), true
		case c == '\\' && !p.done():
			b.WriteByte(p.s[p.i])
			p.i++
		default:
			b.WriteByte(c)
		}
	}
	return "", false // unterminated
}

// skipValue moves to the comma that ends a malformed link-value, stepping
// over <…> and quoted strings, whose commas belong to them.
func (p *linkScanner) skipValue() {
	for !p.done() {
		switch p.s[p.i] {
		case ',':
			return
		case '<':
			if end := strings.IndexByte(p.s[p.i:], '>'); end >= 0 {
				p.i += end + 1
				continue
			}
		case '"':
			p.i++
			for !p.done() && p.s[p.i] != '"' {
				if p.s[p.i] == '\\' {
					p.i++
				}
				p.i++
			}
		}
		p.i++
	}
}

// isTchar reports whether c may appear in an RFC 9110 token.
func isTchar(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0
}
