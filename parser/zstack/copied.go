package zstack

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/apigen-dev/apigen/parser/doctable"
)

// A page copied from the web site as plain text has lost its structure in
// ways a Markdown reader cannot undo: block boundaries lose their line
// break ("…/{uuid}Headers", "}| 名字 | 类型 |…", "… 0.6 |#error"), tables
// come as "| a | b |" rows without a delimiter row or as tab-separated
// cells, and code blocks are plain lines. unglue rewrites such text into
// lines the Markdown reader reads as the manual's own layout, and keeps,
// for every line it writes, the line and column it came from, so
// diagnostics still point into the file the user gave.

// origin is where a line of the rewritten text starts in the input.
type origin struct {
	line, col0 int // 0-based
}

// copiedText reports a Markdown (or plain text) document without a single
// "#… 标题(ApiName)" heading: the text a browser copy gives, or a page of
// the manual's prose. Only these are rewritten, so the manual's own
// chapters are read exactly as written.
func copiedText(doc *doctable.Document) bool {
	if doc.Format != doctable.Markdown {
		return false
	}
	for _, b := range doc.Blocks {
		if b.Kind == doctable.HeadingBlock {
			if _, _, ok := apiHeading(b.Text); ok {
				return false
			}
		}
	}
	return true
}

// reparseCopied reads a copied page again after unglue, with every
// position moved back to the input.
func reparseCopied(file string, src []byte, first *doctable.Document) (*doctable.Document, error) {
	// The fenced code blocks the first reading found (a pasted page may
	// keep some) are left as they are, fences included.
	fenced := map[int]bool{}
	for _, b := range first.Blocks {
		if b.Kind == doctable.CodeBlock {
			n := strings.Count(b.Text, "\n") + 1
			for l := b.Pos.Line - 1; l <= b.Pos.Line+n; l++ {
				fenced[l] = true
			}
		}
	}
	text, lines := unglue(src, fenced)
	doc, err := doctable.ParseMarkdown(file, text)
	if err != nil {
		return nil, err
	}
	back := func(p *doctable.Pos) {
		if p.Line < 1 || p.Line > len(lines) {
			return
		}
		o := lines[p.Line-1]
		p.Line = o.line + 1
		if p.Col > 0 {
			p.Col += o.col0
		}
	}
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		back(&b.Pos)
		if b.Table != nil {
			back(&b.Table.Pos)
			for j := range b.Table.Rows {
				back(&b.Table.Rows[j].Pos)
			}
		}
	}
	for i := range doc.Warnings {
		back(&doc.Warnings[i].Pos)
	}
	return doc, nil
}

// unglue splits every line of src outside fenced code (0-based line
// numbers) at the landmarks a
// copy glues together, turns tab-separated rows into pipe rows, and gives
// a ZStack table header the delimiter row the copy lost. It returns the
// new text and the origin of each of its lines.
func unglue(src []byte, fenced map[int]bool) ([]byte, []origin) {
	var out bytes.Buffer
	var lines []origin
	emit := func(s string, o origin) {
		out.WriteString(s)
		out.WriteByte('\n')
		lines = append(lines, o)
	}
	in := strings.Split(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n")
	for i, line := range in {
		if fenced[i] {
			emit(line, origin{i, 0})
			continue
		}
		for _, p := range cutLine(line) {
			text := p.text
			if _, _, ok := atxHeadingLine(text); ok {
				// A browser writes no heading marks: "# 注释" is a line
				// of a flattened code example.
				text = `\` + strings.TrimLeft(text, " \t")
			}
			if strings.Contains(text, "\t") {
				text = tabRow(text)
			}
			emit(text, origin{i, p.col0})
			if isHeaderRow(text) && !(i+1 < len(in) && isDelimiter(in[i+1])) {
				emit("|"+strings.Repeat(" --- |", len(rowCells(text))), origin{i, p.col0})
			}
		}
	}
	return out.Bytes(), lines
}

// isDelimiter reports a table delimiter row, which a pasted Markdown table
// still has.
func isDelimiter(line string) bool {
	t := strings.TrimSpace(line)
	return strings.HasPrefix(t, "|") && strings.Contains(t, "-") && strings.Trim(t, "|-: \t") == ""
}

type piece struct {
	text string
	col0 int
}

// landmarkRe finds where a copy glued two blocks: a second URL line, a
// curl command, a ZStack table header (piped or tab-separated), a "#name"
// caption and the section labels. Each match is a place to cut, if cutOK
// agrees.
var landmarkRe = regexp.MustCompile(
	`(?:GET|PUT|POST|DELETE|PATCH)\s*(?:/?zstack)?/+v1/|(?:GET|PUT|POST|DELETE|PATCH)\s+zstack/` +
		`|curl\s+-[HXd]` +
		`|\|\s*(?:名字|Name)\s*\||(?:名字|\bName)\t` +
		`|Headers?|Hearders|Body|Curl示例|可查询字段|Queryable Fields|API请求|API返回|返回示例|参数列表|SDK示例|Java SDK|Python SDK` +
		`|Curl Example|Response Example|Request Parameters|API Request|API Response|SDK Example` +
		`|Sub-table\b` +
		`|` + titlePattern +
		`|#[a-z][A-Za-z0-9_.]*\s*$`)

// cutLine splits a line at its glued landmarks. A label is cut off only
// where what follows it is what a label introduces (see introduced), so
// the word "Headers" inside a sentence stays put. Nothing inside a table
// row is cut; a row is cut after its last pipe ("| 0.6 |#error",
// "| 0.6 |API返回", "| 0.6 |- 注意…").
func cutLine(line string) []piece {
	var out []piece
	start := len(line) - len(strings.TrimLeft(line, " \t"))
	add := func(end int) {
		if s := line[start:end]; strings.TrimSpace(s) != "" {
			out = append(out, piece{text: s, col0: start})
		}
		start = end
	}
	tabbed := false
	if strings.HasPrefix(line[start:], "|") {
		// A copied row ends in a pipe; text after the last one is the next
		// block, glued — unless it is the version cell of a row written
		// without its closing pipe.
		k := strings.LastIndexByte(line, '|')
		if rest := strings.TrimSpace(line[k+1:]); k == start || rest == "" || looksLikeVersion(rest) {
			return []piece{{text: line}}
		}
		add(k + 1)
	} else if k := tabHeaderRe.FindStringIndex(line); k != nil && k[0] > start {
		// "}名字<tab>类型…": a tab-separated header glued to an example.
		out = append(out, piece{text: line[:k[0]]})
		for _, p := range cutLine(line[k[0]:]) {
			out = append(out, piece{text: p.text, col0: p.col0 + k[0]})
		}
		return out
	} else if strings.Count(line, "\t") >= 2 {
		// A tab-separated row: only its last cell may have a landmark
		// glued to it ("0.6API返回", "0.6#error").
		start = strings.LastIndexByte(line, '\t') + 1
		tabbed = true
		if m := leadVersionRe.FindStringSubmatchIndex(line[start:]); m != nil && m[3] < len(line)-start {
			// "0.6- 注意…": whatever follows the row's version is glued.
			add(start + m[3])
		}
	}
	for _, m := range landmarkRe.FindAllStringIndex(line, -1) {
		if m[0] > start && cutOK(line, m) {
			add(m[0])
		}
	}
	add(len(line))
	if tabbed {
		if len(out) == 0 {
			return []piece{{text: line}}
		}
		// The row's cells before the last one belong to the first piece.
		out[0] = piece{text: line[:out[0].col0+len(out[0].text)]}
	}
	// A label glued to its content ("URLsGET zstack/v1/…") stands alone.
	var split []piece
	for _, p := range out {
		for {
			lead := len(p.text) - len(strings.TrimLeft(p.text, " \t"))
			l, n := leadingLabel(p.text[lead:])
			rest := p.text[lead+n:]
			if l == noLabel || strings.TrimSpace(rest) == "" || !introduced(rest) {
				break
			}
			split = append(split, piece{p.text[:lead+n], p.col0})
			p = piece{rest, p.col0 + lead + n}
		}
		split = append(split, p)
	}
	return split
}

// landmarkAt reports whether s starts with a landmark: what may follow a
// table row on the same line.
func landmarkAt(s string) bool {
	s = strings.TrimLeft(s, " \t")
	if s == "" {
		return false
	}
	if m := landmarkRe.FindStringIndex(s); m != nil && m[0] == 0 {
		return true
	}
	l, _ := leadingLabel(s)
	return l != noLabel || looksLikeTitle(s)
}

// introduced reports whether s, the text after a label, is what a label
// introduces: nothing, another landmark, a header, an example, a table.
func introduced(s string) bool {
	s = strings.TrimLeft(s, " \t:：")
	if s == "" || landmarkAt(s) {
		return true
	}
	for _, p := range []string{"Authorization", "{", "[", "|", "运行", "Run ", "Content-Type"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// cutOK decides whether the landmark at m is glued to what comes before
// it. URL lines, curl commands and table headers always start a line; a
// "#name" caption does after a row or an example; a label does when it
// introduces something.
func cutOK(line string, m []int) bool {
	word := line[m[0]:m[1]]
	switch {
	case strings.HasPrefix(word, "|"), strings.HasPrefix(word, "curl"), strings.HasSuffix(word, "\t"):
		return true
	case strings.HasPrefix(word, "#"):
		before := strings.TrimRight(line[:m[0]], " \t")
		return strings.HasSuffix(before, "|") || strings.HasSuffix(before, "}") || strings.Contains(line, "\t") && versionEndRe.MatchString(before)
	case isMethod(word):
		return true
	case word == "Body" && line[m[0]-1] == ' ':
		// "the request Body" is prose; a glued label has no space.
		return false
	case looksLikeTitle(word):
		// After the code or row it is glued to ("…action.call();创建集群
		// (CreateCluster)"), not inside a title or a sentence.
		return strings.ContainsRune(";}]|\"'", rune(line[m[0]-1])) || strings.HasSuffix(line[:m[0]], "()")
	}
	return introduced(line[m[1]:])
}

var leadVersionRe = regexp.MustCompile(`^\s*(v?\d+(?:\.\d+)+)`)

var tabHeaderRe = regexp.MustCompile(`(?:名字|\bName)\t`)

// titlePattern is an API title, "创建集群(CreateCluster)", ending a line:
// the page's heading, glued to the end of the API before it.
const titlePattern = `[A-Za-z0-9]*\p{Han}[\p{Han}A-Za-z0-9 _\-/、]*[(（][A-Z][A-Za-z0-9_]*[)）]\s*$`

var titleRe = regexp.MustCompile(`^` + titlePattern)

func looksLikeTitle(s string) bool { return titleRe.MatchString(s) }

// versionEndRe matches text ending in a since-version, as a row's last
// cell does.
var versionEndRe = regexp.MustCompile(`\d\.\d+$`)

func isMethod(word string) bool {
	for _, m := range []string{"GET", "PUT", "POST", "DELETE", "PATCH"} {
		if strings.HasPrefix(word, m) {
			return true
		}
	}
	return false
}

// leadingLabel reads the longest label spelling s starts with, and its
// length in bytes, when what follows is not more of a word.
func leadingLabel(s string) (label, int) {
	low := strings.ToLower(s)
	for _, k := range copyLabelKeys {
		if !strings.HasPrefix(low, k) {
			continue
		}
		rest := s[len(k):]
		if rest != "" && isWordByte(rest[0]) && isWordByte(s[len(k)-1]) {
			continue
		}
		return labelOf(s[:len(k)]), len(k)
	}
	return noLabel, 0
}

// copyLabelKeys are the label spellings as a copy writes them, longest
// first; unlike labelKeys they keep their spaces ("api 请求" never occurs,
// "Java SDK" does).
var copyLabelKeys = []string{
	"queryable fields", "response example", "request parameters", "curl example", "api response",
	"api request", "sdk example", "python sdk", "java sdk", "parameters", "response", "request",
	"headers", "hearders", "header", "curl示例", "可查询字段", "api请求", "api返回", "返回示例", "参数列表", "sdk示例", "urls", "body",
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// tabRow turns a tab-separated row, as a browser copies a table, into a
// pipe row. A line with one tab is prose with a tab in it.
func tabRow(line string) string {
	cells := strings.Split(strings.TrimRight(line, " \t"), "\t")
	if len(cells) < 3 {
		return line
	}
	for i, c := range cells {
		cells[i] = strings.TrimSpace(strings.ReplaceAll(c, "|", `\|`))
	}
	return "| " + strings.Join(cells, " | ") + " |"
}

// rowCells splits a pipe row into its trimmed cells.
func rowCells(line string) []string {
	t := strings.TrimSpace(line)
	t = strings.TrimPrefix(t, "|")
	t = strings.TrimSuffix(t, "|")
	cells := strings.Split(t, "|")
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	return cells
}

// isHeaderRow reports a pipe row whose cells are a ZStack table header.
func isHeaderRow(line string) bool {
	if !strings.HasPrefix(strings.TrimSpace(line), "|") {
		return false
	}
	t := &doctable.Table{Header: rowCells(line)}
	return tableLayout(t).kind != unknownTable
}

// atxHeadingLine reports a line Markdown would read as a "# heading".
func atxHeadingLine(line string) (level int, text string, ok bool) {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 {
		return 0, "", false
	}
	for level < len(t) && t[level] == '#' {
		level++
	}
	if level == 0 || level > 6 || level < len(t) && t[level] != ' ' && t[level] != '\t' {
		return 0, "", false
	}
	return level, strings.TrimSpace(t[level:]), true
}
