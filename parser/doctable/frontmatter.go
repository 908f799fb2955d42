package doctable

import (
	"bytes"
	"strings"
)

// frontMatter reads a Hugo/Jekyll "---" block at the top of a page and
// returns the index of the first line after it. Only top-level "key: value"
// lines are kept; nested YAML is of no use to table readers. A "---" with no
// closing line is not front matter but a thematic break, so it is left alone.
func frontMatter(s *source, doc *Document) int {
	if s.numLines() == 0 || !isFrontMatterFence(s.line(0)) {
		return 0
	}
	for i := 1; i < s.numLines(); i++ {
		line := s.line(i)
		if isFrontMatterFence(line) || bytes.Equal(bytes.TrimRight(line, " \t"), []byte("...")) {
			return i + 1
		}
		if len(line) == 0 || line[0] == ' ' || line[0] == '\t' || line[0] == '#' {
			continue
		}
		k := bytes.IndexByte(line, ':')
		if k <= 0 {
			continue
		}
		key := strings.TrimSpace(s.str(line[:k]))
		val := strings.TrimSpace(s.str(line[k+1:]))
		if len(val) >= 2 && (val[0] == '"' && val[len(val)-1] == '"' || val[0] == '\'' && val[len(val)-1] == '\'') {
			val = val[1 : len(val)-1]
		}
		doc.FrontMatter = append(doc.FrontMatter, Field{Pos: s.pos(i, 0), Key: key, Value: val})
	}
	doc.FrontMatter = nil
	return 0
}

func isFrontMatterFence(line []byte) bool {
	return bytes.Equal(bytes.TrimRight(line, " \t"), []byte("---"))
}
