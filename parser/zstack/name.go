package zstack

import (
	"path/filepath"
	"regexp"
	"strings"

	"github.com/apigen-dev/apigen/parser/doctable"
)

// A page copied from the web site from "API请求" down has no title line
// "标题(ApiName)": the API's name must come from what the page does show.
// nameSources are those places, most trusted first; apiName reports which
// one it used, so the user can check.
var nameSources = []struct {
	what string
	re   *regexp.Regexp
}{
	{"the zstack-cli hint", regexp.MustCompile("输入\\s*[`*]*\\s*([A-Z][A-Za-z0-9_]*)\\s*[`*]*\\s*并按\\s*Tab|(?i:type)\\s+[`*]*([A-Z][A-Za-z0-9_]*)[`*]*\\s+and\\s+press\\s+Tab")},
	{"the SDK example", regexp.MustCompile(`\bnew\s+([A-Z][A-Za-z0-9_]*)Action\s*\(|=\s*([A-Z][A-Za-z0-9_]*)Action\s*\(\s*\)`)},
	{"the response class", regexp.MustCompile(`\b([A-Z][A-Za-z0-9_]*)Action\.Result\b|\bAPI([A-Z][A-Za-z0-9_]*)(?:Reply|Event)\b`)},
}

// apiName finds the name of an API whose section has no title, and says
// where it came from: the sources above, in order, then the file name
// ("zh_QueryCluster.txt" names QueryCluster). ok is false when none names
// one.
func apiName(sec section) (name, from string, ok bool) {
	for _, src := range nameSources {
		for _, b := range sec.blocks {
			if b.Kind != doctable.TextBlock && b.Kind != doctable.CodeBlock {
				continue
			}
			for _, m := range src.re.FindAllStringSubmatch(b.Text, -1) {
				for _, g := range m[1:] {
					if g != "" && looksLikeAPIName(g) {
						return g, src.what, true
					}
				}
			}
		}
	}
	if n := fileAPIName(sec.pos.File); n != "" {
		return n, "the file name", true
	}
	return "", "", false
}

// fileAPIName reads an API name from a file name, without the extension
// and a language prefix such as "zh_" or "en-".
func fileAPIName(file string) string {
	base := filepath.Base(file)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	for _, p := range []string{"zh_", "en_", "zh-", "en-", "zh_CN_", "en_US_"} {
		base = strings.TrimPrefix(base, p)
	}
	if base == "" || !isIdent(base) || strings.ContainsAny(base, ".-$") || !looksLikeAPIName(base) {
		return ""
	}
	return base
}
