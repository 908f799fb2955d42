package doctable

import "strings"

// link fills each table's Heading and Caption from the blocks before it. It
// runs once after a reader has built the block list, so all three formats
// name their tables by the same rule.
func (d *Document) link() {
	heading := ""
	for i := range d.Blocks {
		b := &d.Blocks[i]
		switch b.Kind {
		case HeadingBlock:
			heading = b.Text
		case TableBlock:
			b.Table.Heading = heading
			if b.Table.Caption == "" {
				b.Table.Caption = captionBefore(d.Blocks[:i])
			}
		}
	}
}

// captionBefore finds the last non-empty text line among the text blocks
// directly above a table; any other block ends the search.
func captionBefore(blocks []Block) string {
	for i := len(blocks) - 1; i >= 0 && blocks[i].Kind == TextBlock; i-- {
		lines := strings.Split(blocks[i].Text, "\n")
		for j := len(lines) - 1; j >= 0; j-- {
			if c := captionText(lines[j]); c != "" {
				return c
			}
		}
	}
	return ""
}

// captionText strips what marks a line as a quote or list item: the scraped
// ZStack pages put an empty "-" item between "参数列表" and its table.
func captionText(line string) string {
	s := strings.TrimSpace(line)
	for {
		switch {
		case strings.HasPrefix(s, ">"):
			s = strings.TrimSpace(s[1:])
			continue
		case s == "-" || s == "*" || s == "+":
			return ""
		case len(s) > 1 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && (s[1] == ' ' || s[1] == '\t'):
			s = strings.TrimSpace(s[2:])
			continue
		}
		return s
	}
}
