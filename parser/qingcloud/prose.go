package qingcloud

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/apigen-dev/apigen/ir"
)

// Pages state defaults and allowed values in prose ("默认是1", "有效值为: 1,
// 2, 4"). Only clear statements count: the value must follow the keyword
// directly, every value must fit the parameter's type, and two statements
// that disagree ("Linux …默认值为：20 … Windows …默认值为：50") cancel
// each other, since the default then depends on something else. A range
// ("20-100") or an open list ("fedora等") is no enum.

var (
	// defaultZH matches 默认值为：20, 默认是1, 默认为 0, 默认 aes256; the value
	// must start right there, so 默认加载缺省防火墙 or (默认) say nothing.
	defaultZH = regexp.MustCompile(`默认(?:值)?(?:为|是)?[ \t]*[：:]?[ \t]*([A-Za-z0-9_./'"‘’“”` + "`" + `-]+)`)
	// defaultEN matches "default is 20", "defaults to kvm", "Default: 0".
	defaultEN = regexp.MustCompile(`(?i)\bdefaults?(?:[ \t]+value)?[ \t]*(?:is|to|:|=)[ \t]*([A-Za-z0-9_./'"` + "`" + `-]+)`)
	// enumZH and enumEN find where a list of allowed values starts.
	enumZH = regexp.MustCompile(`(?:有效值|可选值|取值只能)(?:为|是|有|包括)?[ \t]*[：:]?[ \t]*`)
	enumEN = regexp.MustCompile(`(?i)\b(?:valid|allowed|possible) values?(?:[ \t]+(?:are|is|include))?[ \t]*:?[ \t]*`)
)

const quoteChars = `'"‘’“”` + "`"

// inferDefault returns the JSON literal of the default a description states
// for a value of type t.
func inferDefault(desc string, t ir.TypeRef) (string, bool) {
	var found string
	for _, re := range []*regexp.Regexp{defaultZH, defaultEN} {
		for _, m := range re.FindAllStringSubmatch(desc, -1) {
			v := cleanToken(m[1])
			lit, ok := literal(v, t)
			if !ok {
				continue
			}
			if found != "" && found != lit {
				return "", false
			}
			found = lit
		}
	}
	return found, found != ""
}

// inferEnum returns the JSON literals of the allowed values a description
// lists for a value of type t.
func inferEnum(desc string, t ir.TypeRef) ([]string, bool) {
	var found []string
	for _, re := range []*regexp.Regexp{enumZH, enumEN} {
		for _, loc := range re.FindAllStringIndex(desc, -1) {
			items, ok := scanList(desc[loc[1]:])
			if !ok {
				continue
			}
			var lits []string
			for _, it := range items {
				lit, ok := literal(it, t)
				if !ok {
					lits = nil
					break
				}
				if !contains(lits, lit) {
					lits = append(lits, lit)
				}
			}
			if len(lits) < 2 {
				continue
			}
			if found != nil && strings.Join(found, ",") != strings.Join(lits, ",") {
				return nil, false
			}
			found = lits
		}
	}
	return found, found != nil
}

var (
	// labelValue matches "性能型:0" and valueLabel "1: 生成新的SID": one
	// item of a list of integer codes, each with what it means.
	labelValue = regexp.MustCompile(`([^\s:：,，;；、]+)[ \t]*[:：][ \t]*(-?\d+)(?:[\s,，;；、.。]|$)`)
	valueLabel = regexp.MustCompile(`(-?\d+)[ \t]*[:：][ \t]*([^:：,，;；、\n]+)`)
	listGap    = regexp.MustCompile(`^[\s,，;；、]*$`)
)

// inferLabelled reads a list of integer codes, each labelled with what it
// means, from an integer parameter's description: "性能型:0, 超高性能型:1,
// 基础型:101, 企业型:201" or "1: 生成新的SID，0: 不生成新的SID". Two
// labelled codes or more, next to each other, make the list; a label
// saying 默认 or default ("关闭(默认)：0") marks the default, "" if none.
func inferLabelled(desc string, t ir.TypeRef) (enum []string, def string, ok bool) {
	if t.Kind != ir.KindInteger {
		return nil, "", false
	}
	for _, c := range []struct {
		re           *regexp.Regexp
		label, value int
	}{{labelValue, 1, 2}, {valueLabel, 2, 1}} {
		ms := c.re.FindAllStringSubmatchIndex(desc, -1)
		// Runs of matches separated only by list separators.
		for i := 0; i < len(ms); {
			j := i + 1
			for j < len(ms) && listGap.MatchString(desc[ms[j-1][1]:ms[j][0]]) {
				j++
			}
			if j-i >= 2 {
				var lits []string
				def := ""
				for _, m := range ms[i:j] {
					v := desc[m[2*c.value]:m[2*c.value+1]]
					if !contains(lits, v) {
						lits = append(lits, v)
					}
					label := strings.ToLower(desc[m[2*c.label]:m[2*c.label+1]])
					if strings.Contains(label, "默认") || strings.Contains(label, "default") {
						def = v
					}
				}
				if len(lits) >= 2 {
					return lits, def, true
				}
			}
			i = j
		}
	}
	return nil, "", false
}

// scanList reads "1, 2, 4", "keypair 和 passwd", "‘plain’, ‘exec’ 或 ‘tar’"
// from the start of s, stopping at the first thing that is neither a value
// nor a separator. Ranges and lists ending in 等 ("and so on") fail.
func scanList(s string) ([]string, bool) {
	var items []string
	rest := s
	for {
		tok, after := leadingToken(rest)
		if tok == "" {
			break
		}
		if isRange(tok) {
			return nil, false
		}
		items = append(items, tok)
		rest = after
		after, ok := leadingSeparator(rest)
		if !ok {
			break
		}
		rest = after
	}
	if strings.HasPrefix(strings.TrimLeft(rest, " \t"), "等") {
		return nil, false
	}
	return items, len(items) >= 2
}

// leadingToken takes one value, optionally quoted, off the front of s.
func leadingToken(s string) (tok, rest string) {
	s = strings.TrimLeft(s, " \t")
	s = strings.TrimLeft(s, quoteChars)
	end := 0
	for end < len(s) {
		c := s[end]
		if c < 0x80 && (c == '_' || c == '.' || c == '-' || c == '/' || unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c))) {
			end++
			continue
		}
		break
	}
	tok = strings.TrimRight(s[:end], ".")
	if tok == "" {
		return "", s
	}
	rest = strings.TrimLeft(s[len(tok):], quoteChars)
	return tok, rest
}

// leadingSeparator takes a list separator (",", "，", "、", "和", "或",
// "and", "or") off the front of s.
func leadingSeparator(s string) (rest string, ok bool) {
	t := strings.TrimLeft(s, " \t")
	for _, p := range []string{",", "，", "、", "和", "或", "and ", "or ", "及"} {
		if strings.HasPrefix(t, p) {
			after := strings.TrimLeft(t[len(p):], " \t")
			// ", or" and ", and" are one separator.
			for _, q := range []string{"and ", "or ", "或", "和"} {
				if p == "," || p == "，" {
					after = strings.TrimLeft(strings.TrimPrefix(after, q), " \t")
				}
			}
			return after, true
		}
	}
	return s, false
}

var rangeRE = regexp.MustCompile(`^\d+(\.\d+)?-\d+(\.\d+)?$`)

func isRange(tok string) bool { return rangeRE.MatchString(tok) }

// cleanToken strips quotes and a sentence-ending period from a value.
func cleanToken(s string) string {
	s = strings.Trim(s, quoteChars)
	if !strings.Contains(s, "/") {
		s = strings.TrimRight(s, ".")
	}
	return strings.Trim(s, quoteChars)
}

// literal renders v as a JSON literal of type t, or reports that it does not
// fit: "1" for an integer, "\"passwd\"" for a string.
func literal(v string, t ir.TypeRef) (string, bool) {
	if v == "" {
		return "", false
	}
	switch t.Kind {
	case ir.KindInteger:
		if _, err := strconv.ParseInt(v, 10, 64); err == nil {
			return v, true
		}
	case ir.KindNumber:
		if f, err := strconv.ParseFloat(v, 64); err == nil {
			return strconv.FormatFloat(f, 'f', -1, 64), true
		}
	case ir.KindBoolean:
		switch strings.ToLower(v) {
		case "true", "false":
			return strings.ToLower(v), true
		}
	case ir.KindString:
		b, _ := json.Marshal(v)
		return string(b), true
	}
	return "", false
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
