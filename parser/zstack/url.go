package zstack

import (
	"regexp"
	"strings"

	"github.com/apigen-dev/apigen/ir"
)

// endpoint is one documented URL line, normalised.
type endpoint struct {
	ir.Endpoint
	// query holds the names in a "?deleteMode={deleteMode}" suffix.
	query []string
	pos   ir.Pos
}

// methodTypos are misspellings found in the manual's URL blocks.
var methodTypos = map[string]string{"DELECT": "DELETE", "DELET": "DELETE", "GTE": "GET", "PSOT": "POST"}

// urlTokenRe finds "METHOD path" pairs anywhere on a line: one line can hold
// two URLs ("GET zstack/v1/accounts GET zstack/v1/accounts/{uuid}") and the
// scrape sometimes glues the method to the path ("DELETE/v1/eips/{uuid}").
var urlTokenRe = regexp.MustCompile(`(?i)\b(GET|PUT|POST|DELETE|PATCH|DELECT)\s*((?:/?zstack)?/+v1/\S*|zstack/\S+)`)

// parseURLLine reads the URLs on one line of a URLs block. Typos are
// repaired with a warning; a line with no URL returns nothing.
func parseURLLine(line string, pos ir.Pos, diags *[]ir.Diagnostic) []endpoint {
	if !urlHint(line) {
		return nil
	}
	var out []endpoint
	for _, ix := range urlTokenRe.FindAllStringSubmatchIndex(line, -1) {
		m := []string{line[ix[0]:ix[1]], line[ix[2]:ix[3]], line[ix[4]:ix[5]]}
		method := strings.ToUpper(m[1])
		if fixed, ok := methodTypos[method]; ok {
			*diags = append(*diags, ir.Warnf(pos, "url-repaired", "method %q read as %s", m[1], fixed))
			method = fixed
		}
		path, query, repaired := normalisePath(m[2])
		if err := ir.CheckPath(path); err != nil {
			at := pos
			at.Col = max(at.Col, 1) + ix[4]
			*diags = append(*diags, ir.PathError(at, "URL path", path, err))
			continue
		}
		if repaired {
			*diags = append(*diags, ir.Warnf(pos, "url-repaired", "path %q read as %s", m[2], path))
		}
		out = append(out, endpoint{Endpoint: ir.Endpoint{Method: method, Path: path}, query: query, pos: pos})
	}
	return out
}

var queryNameRe = regexp.MustCompile(`([A-Za-z_][A-Za-z0-9_]*)=`)

// normalisePath gives every path the form "/zstack/v1/…", and splits off a
// query template. The manual writes "zstack/v1/x", and in places "/v1/x",
// "zstack//v1/x" or "zstack/x"; only the last is a repair worth a warning,
// the others are the same URL written relative to a different base.
func normalisePath(p string) (path string, query []string, repaired bool) {
	p = strings.TrimRight(p, ".,;，。")
	if i := strings.IndexByte(p, '?'); i >= 0 {
		for _, m := range queryNameRe.FindAllStringSubmatch(p[i+1:], -1) {
			query = append(query, m[1])
		}
		p = p[:i]
	}
	for strings.Contains(p, "//") {
		p = strings.ReplaceAll(p, "//", "/")
	}
	p = strings.TrimPrefix(p, "/")
	switch {
	case strings.HasPrefix(p, "zstack/v1/") || p == "zstack/v1":
	case strings.HasPrefix(p, "v1/"):
		p = "zstack/" + p
	case strings.HasPrefix(p, "zstack/"):
		p = "zstack/v1/" + strings.TrimPrefix(p, "zstack/")
		repaired = true
	}
	p = strings.TrimRight(p, "/")
	return "/" + p, query, repaired
}

var pathParamRe = regexp.MustCompile(`\{([^{}/]+)\}`)

// pathParams lists the {name} placeholders of a path, in order.
func pathParams(path string) []string {
	var out []string
	for _, m := range pathParamRe.FindAllStringSubmatch(path, -1) {
		out = append(out, m[1])
	}
	return out
}

// urlHint reports whether line holds "v1/" or "zstack/" in any case, which
// every match of urlTokenRe does. Checking first keeps prose lines, even a
// megabytes-long one, away from the slower regexp.
func urlHint(line string) bool {
	for i := strings.IndexByte(line, '/'); i >= 0; {
		if i >= 2 && strings.EqualFold(line[i-2:i], "v1") || i >= 6 && strings.EqualFold(line[i-6:i], "zstack") {
			return true
		}
		j := strings.IndexByte(line[i+1:], '/')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}
