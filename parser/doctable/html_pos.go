package doctable

import (
	"bytes"
	"sort"

	"github.com/PuerkitoBio/goquery"
)

// goquery's tree has no positions (golang/go#34302), so the HTML reader finds
// its own: it lists the start tags in the source, then walks the parsed
// elements in document order and matches each to the next start tag of the
// same name. Elements the parser invents (html, head, body, tbody, a tr
// around a stray td) get the position of what they contain, and formatting
// elements, which the parser may clone, never move the cursor, so one
// mismatch cannot shift every position after it.

// startTag is one "<name" in the source.
type startTag struct {
	off  int
	name string
}

// scanStartTags lists start tags in source order, skipping comments,
// declarations, end tags and the raw text of script, style and the like.
func scanStartTags(src []byte) []startTag {
	var tags []startTag
	var lower []byte // lower-cased src, made on first need for raw text ends
	for i := 0; i < len(src); {
		k := bytes.IndexByte(src[i:], '<')
		if k < 0 || i+k+1 >= len(src) {
			break
		}
		i += k
		switch c := src[i+1]; {
		case bytes.HasPrefix(src[i:], []byte("<!--")):
			end := bytes.Index(src[i+4:], []byte("-->"))
			if end < 0 {
				return tags
			}
			i += 4 + end + 3
		case c == '!' || c == '?' || c == '/':
			end := bytes.IndexByte(src[i+1:], '>')
			if end < 0 {
				return tags
			}
			i += 1 + end + 1
		case isASCIILetter(c):
			j := i + 1
			for j < len(src) && (isASCIILetter(src[j]) || src[j] >= '0' && src[j] <= '9' || src[j] == '-' || src[j] == ':') {
				j++
			}
			name := string(bytes.ToLower(src[i+1 : j]))
			tags = append(tags, startTag{off: i, name: name})
			i = tagEnd(src, j)
			switch name {
			case "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript":
				if lower == nil {
					lower = asciiLower(src)
				}
				end := bytes.Index(lower[i:], []byte("</"+name))
				if end < 0 {
					return tags
				}
				i += end
			case "plaintext":
				return tags
			}
		default:
			i++
		}
	}
	return tags
}

// tagEnd returns the offset after the ">" closing a start tag whose name ends
// at j, stepping over quoted attribute values.
func tagEnd(src []byte, j int) int {
	var quote byte
	afterEq := false
	for ; j < len(src); j++ {
		c := src[j]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '>':
			return j + 1
		case (c == '"' || c == '\'') && afterEq:
			quote = c
		case c == '=':
			afterEq = true
			continue
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			continue
		}
		afterEq = false
	}
	return j
}

// asciiLower lower-cases ASCII letters only, so offsets into the result are
// offsets into src: bytes.ToLower changes the length of some text ("İ"
// becomes three bytes).
func asciiLower(src []byte) []byte {
	out := make([]byte, len(src))
	for i, c := range src {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// htmlLocator assigns a source offset to every element of a parsed page.
type htmlLocator struct {
	tags   []startTag
	byName map[string][]int // name -> indexes into tags, ascending
	next   int              // first tag not yet matched to a structural element
	last   int              // offset of the last element located
	off    map[any]int      // element node -> offset
	cursor map[string]int   // formatting element name -> next tag index
}

func locateElements(root *goquery.Selection, src []byte) *htmlLocator {
	l := &htmlLocator{tags: scanStartTags(src), byName: map[string][]int{}, off: map[any]int{}, cursor: map[string]int{}}
	for k, t := range l.tags {
		l.byName[t.name] = append(l.byName[t.name], k)
	}
	root.Find("*").Each(func(_ int, e *goquery.Selection) {
		l.off[e.Get(0)] = l.locate(e)
	})
	return l
}

func (l *htmlLocator) locate(e *goquery.Selection) int {
	name := goquery.NodeName(e)
	switch {
	case isImpliedElement(name):
		return l.last
	case isFormattingElement(name):
		k := l.find(name, max(l.next, l.cursor[name]))
		if k < 0 {
			return l.last
		}
		l.cursor[name] = k + 1
		return l.tags[k].off
	}
	k := l.find(name, l.next)
	if k < 0 {
		return l.last
	}
	// An element cannot start after its first child: if the child's tag
	// comes first, this element was implied by the parser.
	if c := e.Children().First(); c.Length() > 0 {
		if cn := goquery.NodeName(c); !isImpliedElement(cn) && !isFormattingElement(cn) {
			if ck := l.find(cn, l.next); ck >= 0 && ck < k {
				return l.tags[ck].off
			}
		}
	}
	if len(e.Nodes[0].Attr) == 0 && e.Contents().Length() == 0 && name == "p" {
		return l.last // "</p>" alone makes an empty p with no start tag
	}
	l.next = k + 1
	l.last = l.tags[k].off
	return l.last
}

// find returns the index of the first tag named name at or after index from.
func (l *htmlLocator) find(name string, from int) int {
	idx := l.byName[name]
	k := sort.SearchInts(idx, from)
	if k == len(idx) {
		return -1
	}
	return idx[k]
}

func (l *htmlLocator) offset(e *goquery.Selection) int {
	if e.Length() == 0 {
		return l.last
	}
	return l.off[e.Get(0)]
}

func isImpliedElement(name string) bool {
	switch name {
	case "html", "head", "body", "tbody", "colgroup":
		return true
	}
	return false
}

// isFormattingElement lists the elements HTML's adoption agency may clone.
func isFormattingElement(name string) bool {
	switch name {
	case "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u":
		return true
	}
	return false
}
