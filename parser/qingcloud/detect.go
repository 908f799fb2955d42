package qingcloud

import (
	"bytes"
	"encoding/json"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// Detection reads structure only: a page or a spec may name any vendor in
// its prose, and that must never change how it is read. What makes an
// input QingCloud's is how it is laid out.

// IsQingCloud reports an input of this family from its structure alone:
//   - an action page (Markdown, AsciiDoc or HTML): a table whose header has
//     a parameter-name, a type and a Required column (the request table),
//     or a name and a type column beside an example request calling
//     ?action=Name (a page whose action takes no parameters);
//   - QingCloud's own Swagger root spec (see IsQingCloudSpec);
//   - a file of actions: a JSON object, without a "swagger" key, whose
//     members are action names mapped to path items with responses.
//
// Overview, signature and error-code pages have no such table: they are not
// inputs. Files of definitions or parameters carry no mark of their own;
// the loader takes them when a QingCloud spec among the inputs refers to
// them (see References).
func IsQingCloud(file string, src []byte) bool {
	if isJSON(file, src) {
		return isActionsFile(src)
	}
	return isActionPage(src)
}

// exampleCall is an example request naming an action.
var exampleCall = regexp.MustCompile(`[?&]action=[A-Z][A-Za-z0-9]*\b`)

// isActionPage looks for the header row of a parameter table: a Markdown row
// followed by its delimiter row, an AsciiDoc row right after "|===", or an
// HTML row of <th> cells.
func isActionPage(src []byte) bool {
	example := exampleCall.Match(src)
	fits := func(cells []string) bool {
		c := findColumns(cells)
		return c.name >= 0 && c.typ >= 0 && (c.req >= 0 || example)
	}
	var prev, pending string // previous non-blank line; a Markdown row awaiting its delimiter
	for rest := src; len(rest) > 0; {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		s := strings.TrimSpace(string(line))
		if s == "" {
			continue
		}
		if pending != "" && delimiterRow.MatchString(s) && fits(pipeCells(pending)) {
			return true
		}
		pending = ""
		if strings.HasPrefix(s, "|") && !strings.HasPrefix(s, "|===") {
			if prev == "|===" && fits(pipeCells(s)) {
				return true
			}
			pending = s
		}
		prev = s
	}
	return bytes.Contains(src, []byte("<th")) && slices.ContainsFunc(htmlHeaderRows(src), fits)
}

var delimiterRow = regexp.MustCompile(`^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$`)

// pipeCells splits "| a | b |" (or AsciiDoc's "| a | b") into its cells.
func pipeCells(row string) []string {
	row = strings.TrimSuffix(strings.TrimPrefix(row, "|"), "|")
	return strings.Split(row, "|")
}

var (
	htmlRow  = regexp.MustCompile(`(?is)<tr[^>]*>(.*?)(?:</tr>|<tr|</table>|$)`)
	htmlTh   = regexp.MustCompile(`(?is)<th[^>]*>(.*?)(?:</th>|<th|<td|$)`)
	htmlTags = regexp.MustCompile(`<[^>]*>`)
)

// htmlHeaderRows lists the text of the <th> cells of each table row.
func htmlHeaderRows(src []byte) [][]string {
	var rows [][]string
	for _, r := range htmlRow.FindAllSubmatch(src, 1000) {
		var cells []string
		for _, c := range htmlTh.FindAllSubmatch(r[1], 64) {
			cells = append(cells, htmlTags.ReplaceAllString(string(c[1]), ""))
		}
		if len(cells) > 0 {
			rows = append(rows, cells)
		}
	}
	return rows
}

// isActionsFile reports a JSON object whose every member is an action name
// mapped to a path item with at least one method that has responses, as in
// QingCloud's instance.json.
func isActionsFile(src []byte) bool {
	if !bytes.Contains(src, []byte(`"responses"`)) {
		return false // no path item has responses: skip decoding a large file
	}
	var doc map[string]map[string]json.RawMessage
	if json.Unmarshal(src, &doc) != nil || len(doc) == 0 || doc["swagger"] != nil {
		return false
	}
	for name, item := range doc {
		if !isAction(name) || !slices.ContainsFunc(httpMethods, func(m string) bool {
			var op map[string]json.RawMessage
			return item[m] != nil && json.Unmarshal(item[m], &op) == nil && op["responses"] != nil
		}) {
			return false
		}
	}
	return true
}

// Domains QingCloud serves its API from and publishes its specs under.
var (
	apiDomains       = []string{"qingcloud.com", "shanhe.com"}
	publisherDomains = []string{"qingcloud.com", "yunify.com", "shanhe.com"}
)

// IsQingCloudSpec reports whether a Swagger 2.0 JSON spec is one of
// QingCloud's, whose quirks (actions as GET with their body as the query,
// dotted lists, its custom formats) its parser handles. It reads only the
// fields where a spec says who serves and publishes it, and its formats:
//   - host is on QingCloud's or Shanhe's domain;
//   - info.contact's email or URL, or info.termsOfService, is on their
//     domains (QingStor's spec gives no host);
//   - a schema or parameter uses QingCloud's own format date-time-rfc822.
//
// Titles, descriptions and summaries are prose and never count.
func IsQingCloudSpec(src []byte) bool {
	lower := bytes.ToLower(src)
	if !slices.ContainsFunc(slices.Concat(publisherDomains, []string{"date-time-rfc822"}), func(s string) bool { return bytes.Contains(lower, []byte(s)) }) {
		return false // none of the marks, anywhere: skip parsing a large spec
	}
	doc, err := parseJSON(src)
	if err != nil || doc.kind != 'o' || doc.get("swagger") == nil {
		return false
	}
	if onDomain(hostOf("//"+doc.get("host").text()), apiDomains) {
		return true
	}
	info := doc.get("info")
	contact := info.get("contact")
	_, mailDomain, _ := strings.Cut(contact.get("email").text(), "@")
	for _, h := range []string{mailDomain, hostOf(contact.get("url").text()), hostOf(info.get("termsOfService").text())} {
		if onDomain(h, publisherDomains) {
			return true
		}
	}
	return usesFormat(doc, "date-time-rfc822")
}

// hostOf is the host name of a URL ("" when it has none).
func hostOf(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil {
		return ""
	}
	return u.Hostname()
}

// onDomain reports whether host is one of domains or below one.
func onDomain(host string, domains []string) bool {
	host = strings.TrimSuffix(strings.ToLower(strings.TrimSpace(host)), ".")
	return slices.ContainsFunc(domains, func(d string) bool { return host == d || strings.HasSuffix(host, "."+d) })
}

// usesFormat reports a "format" member with value f anywhere in n.
func usesFormat(n *jnode, f string) bool {
	if n == nil {
		return false
	}
	if n.get("format").text() == f {
		return true
	}
	return slices.ContainsFunc(n.vals, func(v *jnode) bool { return usesFormat(v, f) }) ||
		slices.ContainsFunc(n.elems, func(v *jnode) bool { return usesFormat(v, f) })
}

// References lists the files a QingCloud spec's $refs name ("./definitions.json#/x"),
// as cleaned paths beside file. The loader uses it to take the fragments a
// spec needs from among the inputs, never from the disk.
func References(file string, src []byte) []string {
	doc, err := parseJSON(src)
	if err != nil {
		return nil
	}
	var out []string
	var walk func(n *jnode)
	walk = func(n *jnode) {
		if n == nil {
			return
		}
		if ref, _, _ := strings.Cut(n.get("$ref").text(), "#"); ref != "" && !strings.Contains(ref, "://") {
			out = append(out, filepath.Join(filepath.Dir(file), filepath.FromSlash(ref)))
		}
		for _, v := range n.vals {
			walk(v)
		}
		for _, v := range n.elems {
			walk(v)
		}
	}
	walk(doc)
	slices.Sort(out)
	return slices.Compact(out)
}

// Missing says which landmarks of an action page or spec src lacks, for the
// error apigen gives when QingCloud inputs yield no action.
func Missing(file string, src []byte) string {
	switch {
	case isJSON(file, src):
		return "no action: its paths name none, and no file of actions it $refs is among the inputs (a file of definitions or parameters only adds types)"
	case !isActionPage(src):
		return "no request parameter table (a header like Parameter name | Type | Description | Required)"
	}
	return "its tables name no action (a front matter title, a heading like RunInstances, or an example request ?action=RunInstances)"
}
