package openapi

import (
	"bytes"
	"strings"
)

// IsOpenAPI reports whether src is an OpenAPI or Swagger document: a JSON
// object or YAML mapping with an "openapi" or "swagger" key at its root.
func IsOpenAPI(src []byte) bool { return RootKey(src) != "" }

// RootKey returns "openapi" or "swagger" when src has that key at the root
// of a JSON object or YAML mapping, else "". Only the root counts: the same
// words inside a description, a nested object or a Markdown page quoting a
// spec change nothing. It scans the bytes once without building a tree; the
// key may sit anywhere (CloudTower's JSON puts it after 4 MB of components).
func RootKey(src []byte) string {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	t := bytes.TrimLeft(src, " \t\r\n")
	if len(t) == 0 {
		return ""
	}
	if t[0] == '{' {
		return jsonRootKey(t)
	}
	return yamlRootKey(t)
}

// jsonRootKey finds the key among the members of the object t starts with,
// tracking strings (with their escapes) and nesting.
func jsonRootKey(t []byte) string {
	depth := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '"':
			j := i + 1
			for j < len(t) && t[j] != '"' {
				if t[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(t) {
				return ""
			}
			if depth == 1 {
				rest := bytes.TrimLeft(t[j+1:], " \t\r\n")
				if len(rest) > 0 && rest[0] == ':' {
					if k := specKey(string(t[i+1 : j])); k != "" {
						return k
					}
				}
			}
			i = j
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth <= 0 {
				return ""
			}
		}
	}
	return ""
}

// yamlRootKey reads the lines that start in column 0, which in a YAML
// mapping are its root keys (or "- " items of a root key's list). The first
// column-0 line that is neither ends the search: prose or a table means the
// file is Markdown, perhaps with front matter, not a spec.
func yamlRootKey(t []byte) string {
	seenKey := false
	for len(t) > 0 {
		line := t
		if i := bytes.IndexByte(t, '\n'); i >= 0 {
			line, t = t[:i], t[i+1:]
		} else {
			t = nil
		}
		s := strings.TrimRight(string(line), " \t\r")
		switch {
		case s == "" || s[0] == ' ' || s[0] == '\t' || s[0] == '#' || s[0] == '%':
			continue // blank, nested, comment, directive
		case s == "---" || s == "..." || strings.HasPrefix(s, "--- "):
			if seenKey {
				return "" // a spec is one document; Markdown front matter ends here
			}
			continue
		case s == "-" || strings.HasPrefix(s, "- "):
			if !seenKey {
				return "" // a list before any key: Markdown, or not a mapping
			}
			continue // the items of a root key's list
		}
		k, ok := yamlKey(s)
		if !ok {
			return ""
		}
		if k = specKey(k); k != "" {
			return k
		}
		seenKey = true
	}
	return ""
}

// yamlKey returns the key of a "key: value" line: plain, or in single or
// double quotes.
func yamlKey(s string) (string, bool) {
	var key, rest string
	switch q := s[0]; q {
	case '"', '\'':
		end := strings.IndexByte(s[1:], q)
		if end < 0 {
			return "", false
		}
		key, rest = s[1:1+end], strings.TrimLeft(s[2+end:], " \t")
	default:
		if strings.IndexByte("-?:,[]{}&*!|>@`<", q) >= 0 {
			return "", false
		}
		i := strings.Index(s, ": ")
		if i < 0 {
			if !strings.HasSuffix(s, ":") {
				return "", false
			}
			i = len(s) - 1
		}
		key, rest = strings.TrimRight(s[:i], " \t"), s[i:]
	}
	if !strings.HasPrefix(rest, ":") || len(rest) > 1 && rest[1] != ' ' && rest[1] != '\t' {
		return "", false
	}
	return key, true
}

func specKey(k string) string {
	if k == "openapi" || k == "swagger" {
		return k
	}
	return ""
}
