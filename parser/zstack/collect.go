package zstack

import (
	"strings"

	"github.com/apigen-dev/apigen/ir"
	"github.com/apigen-dev/apigen/parser/doctable"
)

// facts is what one API section says, gathered in one walk before anything
// is interpreted: the URL lines, the header, body and response examples,
// and the tables sorted by kind.
type facts struct {
	urls        []endpoint
	headers     bool // a Headers block (or line) was present
	auth        bool // it, or the curl example, carries an Authorization header
	curlAuth    bool
	body        strings.Builder
	bodyPos     ir.Pos
	respExample strings.Builder
	params      []tableAt
	fields      []tableAt
	codeOffset  int
	// structured is set once the section shows an API's shape: a label,
	// a code block or a ZStack table. Without it a "标题(Name)" heading is
	// a glossary entry or a chapter title, not an API without URLs.
	structured bool
}

// tableAt is a table with its layout and, for field tables, the sub-table
// name from its " #name" caption ("" for the top-level response table).
type tableAt struct {
	t      *doctable.Table
	l      layout
	sub    string
	hasSub bool
}

// collect walks a section's blocks. Labels ("URLs", "Body", "API返回")
// arrive as headings or text lines; each one says how to read the code or
// text blocks after it, until the next label.
func collect(sec section, diags *[]ir.Diagnostic) *facts {
	f := &facts{codeOffset: sec.codeOffset}
	cur := noLabel
	response := false
	setLabel := func(l label) {
		f.structured = true
		cur = l
		if l == labelResponse || l == labelRespExample {
			response = true
		}
	}
	// capHeading is a " # inventory" caption that Markdown made a heading.
	capHeading := ""
	for _, b := range sec.blocks {
		switch b.Kind {
		case doctable.HeadingBlock:
			capHeading = ""
			if ls := labelsOf(b.Text); ls != nil {
				for _, l := range ls {
					setLabel(l)
				}
			} else if isCaptionHeading(b.Text) {
				capHeading = captionHeading(b.Text)
			} else {
				cur = noLabel
			}
		case doctable.TextBlock:
			for i, line := range strings.Split(b.Text, "\n") {
				if ls := labelsOf(line); ls != nil {
					for _, l := range ls {
						setLabel(l)
					}
					continue
				}
				if strings.TrimSpace(line) != "" && strings.Trim(line, " -*") != "" {
					capHeading = ""
				}
				pos := ir.Pos(b.Pos)
				pos.Line += i
				pos.Col = 0
				f.text(cur, line, pos, diags)
			}
		case doctable.CodeBlock:
			capHeading = ""
			f.code(cur, b, diags)
		case doctable.TableBlock:
			caption := b.Table.Caption
			if capHeading != "" {
				caption = capHeading
			}
			capHeading = ""
			f.table(b.Table, caption, response, diags)
		}
	}
	return f
}

// text reads a text line under a label: pages copied from the web site have
// their URL lines, headers and examples as plain text.
func (f *facts) text(cur label, line string, pos ir.Pos, diags *[]ir.Diagnostic) {
	switch cur {
	case labelURLs:
		f.urls = append(f.urls, parseURLLine(line, pos, diags)...)
	case labelHeaders:
		f.headers = true
		if hasAuthHeader(line) {
			f.auth = true
		}
	case labelBody:
		if f.body.Len() == 0 {
			f.bodyPos = pos
		}
		f.body.WriteString(line)
		f.body.WriteByte('\n')
	case labelRespExample:
		f.respExample.WriteString(line)
		f.respExample.WriteByte('\n')
	case labelCurl:
		// A copied page has its curl example as text lines.
		f.curlAuth = f.curlAuth || hasAuthHeader(line)
	}
}

func (f *facts) code(cur label, b doctable.Block, diags *[]ir.Diagnostic) {
	pos := ir.Pos(b.Pos)
	switch cur {
	case labelURLs:
		f.urlLines(b, diags)
	case labelHeaders:
		f.headers = true
		f.auth = f.auth || hasAuthHeader(b.Text)
	case labelBody:
		if f.body.Len() == 0 {
			f.bodyPos = pos
			f.body.WriteString(b.Text)
		}
	case labelRespExample:
		if f.respExample.Len() == 0 {
			f.respExample.WriteString(b.Text)
		}
	case labelCurl:
		f.curlAuth = f.curlAuth || hasAuthHeader(b.Text)
	default:
		// An unlabelled block of nothing but URL lines is the URLs block
		// of a page that lost its label.
		if len(f.urls) == 0 && allURLLines(b.Text) {
			f.urlLines(b, diags)
		}
	}
}

func (f *facts) urlLines(b doctable.Block, diags *[]ir.Diagnostic) {
	for i, line := range strings.Split(b.Text, "\n") {
		pos := ir.Pos(b.Pos)
		pos.Line += i + f.codeOffset
		pos.Col = 0
		f.urls = append(f.urls, parseURLLine(line, pos, diags)...)
	}
}

func allURLLines(text string) bool {
	n := 0
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if !urlTokenRe.MatchString(line) || strings.Contains(line, "curl") || strings.Contains(line, "http") {
			return false
		}
		n++
	}
	return n > 0
}

// hasAuthHeader spots the session header, also as some pages misprint it
// ("OAuth: the-session-uuid").
func hasAuthHeader(s string) bool {
	return strings.Contains(s, "Authorization:") || strings.Contains(s, "Authorization：") || strings.Contains(s, "OAuth")
}

// table sorts a table by its header. Field tables before the response
// label belong to the API's prose (a capability list, say), not its reply.
func (f *facts) table(t *doctable.Table, caption string, response bool, diags *[]ir.Diagnostic) {
	l := tableLayout(t)
	pos := ir.Pos(t.Pos)
	if l.assumed {
		*diags = append(*diags, ir.Warnf(pos, "assumed-header", "table has an empty header; read as %s", describeLayout(l)))
	}
	sub, hasSub := subName(caption)
	if l.kind != unknownTable {
		f.structured = true
	}
	switch {
	case l.kind == paramTable:
		f.params = append(f.params, tableAt{t: t, l: l})
	case l.kind == fieldTable && (response || hasSub):
		f.fields = append(f.fields, tableAt{t: t, l: l, sub: sub, hasSub: hasSub})
	case l.kind == fieldTable:
		*diags = append(*diags, ir.Warnf(pos, "unused-table", "table %s is not part of the request or the response; skipped", headerText(t)))
	default:
		*diags = append(*diags, ir.Warnf(pos, "unknown-table", "table with header %s is not a ZStack parameter or response table; skipped", headerText(t)))
	}
}

// subName reads a sub-table caption: " #inventory" → "inventory".
func subName(caption string) (string, bool) {
	c := strings.TrimSpace(caption)
	// English pages: "Sub-table: inventory", "Sub-table #inventory".
	for _, p := range []string{"Sub-table", "Sub-Table", "sub-table", "Subtable"} {
		if rest, ok := strings.CutPrefix(c, p); ok {
			c = "#" + strings.TrimLeft(rest, " :：#")
			break
		}
	}
	if !strings.HasPrefix(c, "#") {
		return "", false
	}
	c = strings.TrimSpace(strings.TrimLeft(c, "#"))
	if c == "" || strings.ContainsAny(c, " \t") {
		return "", false
	}
	return c, true
}

func headerText(t *doctable.Table) string {
	return "|" + strings.Join(t.Header, "|") + "|"
}

func describeLayout(l layout) string {
	names := map[column]string{colName: "名字", colType: "类型", colLoc: "位置", colDesc: "描述", colEnum: "可选值", colSince: "起始版本", colUnknown: "?"}
	var parts []string
	for _, c := range l.cols {
		parts = append(parts, names[c])
	}
	return strings.Join(parts, "|")
}
