package zstack

import (
	"regexp"
	"slices"
	"strings"

	"github.com/apigen-dev/apigen/ir"
	"github.com/apigen-dev/apigen/parser/doctable"
)

// section is the run of blocks that documents one API.
type section struct {
	name   string // ApiName
	title  string // the Chinese (or English) title before it
	pos    ir.Pos
	blocks []doctable.Block
	// codeOffset is how many lines a code block's text starts below the
	// block's position: 1 under a Markdown fence, 0 in an HTML <pre>.
	codeOffset int
}

// apiHeadingRe matches "中文标题(ApiName)" with ASCII or full-width parens.
var apiHeadingRe = regexp.MustCompile(`^\s*(.*?)\s*[(（]\s*([A-Za-z][A-Za-z0-9_]*)\s*[)）]\s*$`)

// apiHeading reads an API name from a heading. A name must look like one —
// upper and lower case letters — so that chapter titles such as
// "裸金属管理(Plus)" or "(SNMP)" are not taken for APIs.
func apiHeading(text string) (title, name string, ok bool) {
	m := apiHeadingRe.FindStringSubmatch(text)
	if m == nil || !looksLikeAPIName(m[2]) {
		return "", "", false
	}
	return m[1], m[2], true
}

func looksLikeAPIName(s string) bool {
	upper, lower := 0, 0
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			upper++
		case r >= 'a' && r <= 'z':
			lower++
		}
	}
	return s[0] >= 'A' && s[0] <= 'Z' && upper >= 2 && lower >= 1
}

// split cuts a document into API sections. A section runs from its heading to
// the next API heading, or to the next heading of the same or a higher level
// (a chapter title). Text copied from the web site has lost its heading
// marks, so when a document has no API heading at all, a text line standing
// alone as "标题(ApiName)" starts a section instead.
//
// It also returns the blocks outside every section, so their tables can be
// accounted for.
func split(doc *doctable.Document, codeOffset int) (secs []section, outside []doctable.Block) {
	type start struct {
		i, level    int
		title, name string
		pos         ir.Pos
	}
	var starts []start
	for i, b := range doc.Blocks {
		if b.Kind != doctable.HeadingBlock {
			continue
		}
		if title, name, ok := apiHeading(b.Text); ok {
			starts = append(starts, start{i: i, level: b.Level, title: title, name: name, pos: ir.Pos(b.Pos)})
		}
	}
	blocks := doc.Blocks
	if len(starts) == 0 {
		// Text copied from the web site: a section starts at a title line
		// standing alone, or, where the copy began below the title, at the
		// request label ("API请求", else "URLs") of an API whose name the
		// caller finds in the section (see apiName).
		blocks = lines(blocks)
		urls := true // the current section has its URLs label already
		for i, b := range blocks {
			if b.Kind != doctable.TextBlock {
				continue
			}
			if title, name, ok := apiHeading(b.Text); ok && title != "" && !strings.ContainsAny(title, "：:，,。") && labelFollows(blocks[i+1:]) {
				starts = append(starts, start{i: i, level: 7, title: title, name: name, pos: ir.Pos(b.Pos)})
				urls = false
				continue
			}
			for _, l := range labelsOf(b.Text) {
				switch {
				case l == labelRequest && urls, l == labelURLs && urls:
					starts = append(starts, start{i: i, level: 7, pos: ir.Pos(b.Pos)})
					urls = l == labelURLs
				case l == labelURLs:
					urls = true
				}
			}
		}
	}
	next := 0
	for k, s := range starts {
		outside = append(outside, blocks[next:s.i]...)
		end := len(blocks)
		if k+1 < len(starts) {
			end = starts[k+1].i
		}
		for j := s.i + 1; j < end; j++ {
			if b := blocks[j]; b.Kind == doctable.HeadingBlock && b.Level <= s.level && !isLabel(b.Text) && !isCaptionHeading(b.Text) {
				end = j
				break
			}
		}
		first := s.i + 1
		if s.name == "" {
			first = s.i // the label opens the section's blocks
		}
		secs = append(secs, section{name: s.name, title: s.title, pos: s.pos, blocks: blocks[first:end], codeOffset: codeOffset})
		next = end
	}
	outside = append(outside, blocks[next:]...)
	return secs, outside
}

// lines splits text blocks into one block per line: in text copied from
// the web site, a title, its labels and URL lines run together in one
// paragraph.
func lines(blocks []doctable.Block) []doctable.Block {
	var out []doctable.Block
	for _, b := range blocks {
		if b.Kind != doctable.TextBlock || !strings.Contains(b.Text, "\n") {
			out = append(out, b)
			continue
		}
		for i, line := range strings.Split(b.Text, "\n") {
			lb := b
			lb.Text = line
			lb.Pos.Line += i
			lb.Pos.Col = 1
			out = append(out, lb)
		}
	}
	return out
}

// labelFollows reports whether an API's request label ("API请求", "URLs")
// comes before the next heading-like line: what tells a title copied from
// the web site from a sentence that ends in "(Name)".
func labelFollows(blocks []doctable.Block) bool {
	for k, b := range blocks {
		if k > 8 || b.Kind == doctable.HeadingBlock || b.Kind == doctable.TableBlock {
			return false
		}
		if b.Kind != doctable.TextBlock {
			continue
		}
		for _, line := range strings.Split(b.Text, "\n") {
			for _, l := range labelsOf(line) {
				if l == labelRequest || l == labelURLs {
					return true
				}
			}
		}
	}
	return false
}

// captionHeadingRe matches " # inventory": a sub-table caption written
// with a space, which Markdown reads as a heading.
var captionHeadingRe = regexp.MustCompile(`^#?\s*([a-z][A-Za-z0-9_.]*)$`)

func isCaptionHeading(text string) bool { return captionHeadingRe.MatchString(strings.TrimSpace(text)) }

// captionHeading returns a caption heading as a table caption: "#inventory".
func captionHeading(text string) string {
	return "#" + captionHeadingRe.FindStringSubmatch(strings.TrimSpace(text))[1]
}

// label is a sub-heading inside an API section; they arrive as headings
// ("##### API请求") or as text lines (" URLs") depending on the page.
type label int

const (
	noLabel label = iota
	labelRequest
	labelURLs
	labelHeaders
	labelBody
	labelCurl
	labelParams
	labelResponse
	labelRespExample
	labelSDK
	labelQueryable
)

var labels = map[string]label{
	"api请求": labelRequest, "apirequest": labelRequest, "request": labelRequest, "请求": labelRequest,
	"urls": labelURLs, "url": labelURLs, "请求url": labelURLs,
	"headers": labelHeaders, "header": labelHeaders, "hearders": labelHeaders, "请求头": labelHeaders, "requestheaders": labelHeaders,
	"body": labelBody, "请求体": labelBody, "requestbody": labelBody,
	"curl示例": labelCurl, "curlexample": labelCurl, "curlsample": labelCurl, "curl": labelCurl,
	"参数列表": labelParams, "parameters": labelParams, "requestparameters": labelParams, "parameterlist": labelParams, "参数": labelParams,
	"api返回": labelResponse, "apiresponse": labelResponse, "response": labelResponse, "返回": labelResponse, "apireturn": labelResponse,
	"返回示例": labelRespExample, "responseexample": labelRespExample, "responsesample": labelRespExample, "exampleresponse": labelRespExample, "returnexample": labelRespExample,
	"sdk示例": labelSDK, "sdkexample": labelSDK, "sdkexamples": labelSDK, "javasdk": labelSDK, "pythonsdk": labelSDK,
	"可查询字段": labelQueryable, "queryablefields": labelQueryable,
}

// labelOf reads a line as a label: case, spaces and a trailing colon do not
// matter.
func labelOf(line string) label {
	s := strings.ToLower(strings.Join(strings.Fields(line), ""))
	s = strings.TrimRight(s, ":：")
	if len(s) > 40 {
		return noLabel
	}
	return labels[s]
}

// labelsOf reads a line as one label or several run together, as the
// scrape writes "API返回返回示例" once in a while.
func labelsOf(line string) []label {
	if l := labelOf(line); l != noLabel {
		return []label{l}
	}
	s := strings.ToLower(strings.Join(strings.Fields(line), ""))
	if len(s) > 40 || s == "" {
		return nil
	}
	var out []label
	for s != "" {
		best := ""
		for _, k := range labelKeys {
			if strings.HasPrefix(s, k) {
				best = k
				break
			}
		}
		if best == "" {
			return nil
		}
		out = append(out, labels[best])
		s = s[len(best):]
	}
	return out
}

// labelKeys are the label spellings, longest first, so a run of labels is
// split at the longest one that fits. Read-only after init.
var labelKeys = func() []string {
	keys := sortedKeys(labels)
	slices.SortStableFunc(keys, func(a, b string) int { return len(b) - len(a) })
	return keys
}()

func isLabel(text string) bool { return labelOf(text) != noLabel }
