package openapi

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// scanYAML parses a YAML document once with yaml.v3 and turns its node tree
// into both the source tree (positions, key order) and JSON bytes for
// kin-openapi. kin-openapi's own YAML path parses the text into nodes, converts
// them to JSON and decodes that; doing the first two steps here costs the same
// and leaves kin-openapi its fast JSON path, so positions come for free.
func scanYAML(file string, src []byte) (*node, []keySite, []byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, nil, nil, yamlError(err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, nil, nil, &posError{line: 1, col: 1, msg: "empty document"}
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		return nil, nil, nil, &posError{line: top.Line, col: top.Column, msg: "expected a mapping at the top of the document"}
	}
	w := &yamlWriter{out: make([]byte, 0, len(src)), limit: 16*len(src) + 1<<20, file: &file}
	root, err := w.value(top)
	if err != nil {
		return nil, nil, nil, err
	}
	return root, w.sites, w.out, nil
}

// yamlError gives yaml.v3's "yaml: line N: msg" a position. yaml.v3 has no
// column, and for parser (not scanner) errors it prints the 0-based line
// where the enclosing construct starts, so those are shifted by one.
func yamlError(err error) error {
	msg := err.Error()
	rest, ok := strings.CutPrefix(msg, "yaml: line ")
	if !ok {
		return errors.New(strings.TrimPrefix(msg, "yaml: "))
	}
	num, text, ok := strings.Cut(rest, ": ")
	line, aerr := strconv.Atoi(num)
	if !ok || aerr != nil {
		return errors.New(strings.TrimPrefix(msg, "yaml: "))
	}
	if yamlParserError(text) {
		line++
	}
	return &posError{line: line, msg: text}
}

// yamlParserError reports whether msg comes from yaml.v3's parser
// (parserc.go), as opposed to its scanner, whose lines are right.
func yamlParserError(msg string) bool {
	switch msg {
	case "did not find expected <stream-start>",
		"did not find expected <document start>",
		"did not find expected node content",
		"did not find expected key",
		"did not find expected '-' indicator",
		"did not find expected ',' or ']'",
		"did not find expected ',' or '}'",
		"found undefined tag handle",
		"found duplicate %YAML directive",
		"found incompatible YAML document",
		"found duplicate %TAG directive":
		return true
	}
	return false
}

type yamlWriter struct {
	out   []byte
	sites []keySite
	file  *string // shared by every node, see node.file
	depth int
	// limit stops alias expansion bombs ("billion laughs"): JSON has no
	// aliases, so each one is written out in full.
	limit int
}

// value writes one YAML node as JSON and returns its source node (nil for
// scalars).
func (w *yamlWriter) value(n *yaml.Node) (*node, error) {
	if len(w.out) > w.limit {
		return nil, &posError{line: n.Line, col: n.Column, msg: "document too large once YAML aliases are expanded"}
	}
	w.depth++
	defer func() { w.depth-- }()
	if w.depth > maxDepth {
		return nil, &posError{line: n.Line, col: n.Column, msg: fmt.Sprintf("nesting deeper than %d", maxDepth)}
	}
	switch n.Kind {
	case yaml.AliasNode:
		return w.value(n.Alias)
	case yaml.MappingNode:
		return w.mapping(n)
	case yaml.SequenceNode:
		out := &node{array: true, ents: make([]entry, 0, len(n.Content)), file: w.file}
		w.out = append(w.out, '[')
		for i, item := range n.Content {
			if i > 0 {
				w.out = append(w.out, ',')
			}
			kid, err := w.value(item)
			if err != nil {
				return nil, err
			}
			out.ents = append(out.ents, entry{line: int32(item.Line), col: int32(item.Column), kid: kid, str: kept(scalarString(item))})
		}
		w.out = append(w.out, ']')
		return out, nil
	case yaml.ScalarNode:
		w.scalar(n)
		return nil, nil
	}
	return nil, &posError{line: n.Line, col: n.Column, msg: "unexpected YAML node"}
}

// mapping writes a mapping as a JSON object, expanding merge keys (<<).
func (w *yamlWriter) mapping(n *yaml.Node) (*node, error) {
	out := &node{ents: make([]entry, 0, len(n.Content)/2), file: w.file}
	w.out = append(w.out, '{')
	first := true
	// Keys written in the mapping itself win over merged ones, wherever
	// the merge key sits; JSON gets each key once.
	var direct map[string]bool
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; k.Tag == "!!merge" {
			direct = map[string]bool{}
			for j := 0; j+1 < len(n.Content); j += 2 {
				direct[n.Content[j].Value] = true
			}
			break
		}
	}
	var walk func(m *yaml.Node, merged bool) error
	walk = func(m *yaml.Node, merged bool) error {
		for m.Kind == yaml.AliasNode {
			m = m.Alias
		}
		if m.Kind != yaml.MappingNode {
			return &posError{line: m.Line, col: m.Column, msg: "merge key (<<) needs a mapping"}
		}
		for i := 0; i+1 < len(m.Content); i += 2 {
			k, v := m.Content[i], m.Content[i+1]
			if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
				srcs := []*yaml.Node{v}
				if v.Kind == yaml.SequenceNode {
					srcs = v.Content
				}
				for _, s := range srcs {
					if err := walk(s, true); err != nil {
						return err
					}
				}
				continue
			}
			if k.Kind != yaml.ScalarNode {
				return &posError{line: k.Line, col: k.Column, msg: "mapping keys must be scalars"}
			}
			if merged && (direct[k.Value] || out.has(k.Value)) {
				continue
			}
			if !first {
				w.out = append(w.out, ',')
			}
			first = false
			keyOff := len(w.out)
			w.out = appendJSONString(w.out, k.Value)
			keyEnd := len(w.out)
			w.out = append(w.out, ':')
			kid, err := w.value(v)
			if err != nil {
				return err
			}
			str := scalarString(v)
			if renamable(k.Value, kid, str) {
				w.sites = append(w.sites, keySite{obj: out, keyOff: keyOff, keyEnd: keyEnd, items: k.Value == "items"})
			}
			out.ents = append(out.ents, entry{key: k.Value, line: int32(k.Line), col: int32(k.Column), kid: kid, str: kept(str)})
		}
		return nil
	}
	if err := walk(n, false); err != nil {
		return nil, err
	}
	w.out = append(w.out, '}')
	out.finish()
	return out, nil
}

func (n *node) has(k string) bool { _, ok := n.lookup(k); return ok }

// scalarString is the text of a string scalar ("" for other nodes).
func scalarString(n *yaml.Node) string {
	for n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!str" {
		return n.Value
	}
	return ""
}

// scalar writes a YAML scalar as the JSON value yaml.v3 resolves it to.
// Timestamps stay strings, as kin-openapi's own YAML path keeps them.
func (w *yamlWriter) scalar(n *yaml.Node) {
	switch n.ShortTag() {
	case "!!null":
		w.out = append(w.out, "null"...)
		return
	case "!!bool":
		if b, err := strconv.ParseBool(strings.ToLower(n.Value)); err == nil {
			w.out = strconv.AppendBool(w.out, b)
			return
		}
	case "!!int":
		if isJSONNumber(n.Value) {
			w.out = append(w.out, n.Value...)
			return
		}
		v := strings.ReplaceAll(n.Value, "_", "")
		if i, err := strconv.ParseInt(v, 0, 64); err == nil {
			w.out = strconv.AppendInt(w.out, i, 10)
			return
		}
		if u, err := strconv.ParseUint(v, 0, 64); err == nil {
			w.out = strconv.AppendUint(w.out, u, 10)
			return
		}
	case "!!float":
		if isJSONNumber(n.Value) {
			w.out = append(w.out, n.Value...)
			return
		}
		if f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
			w.out = strconv.AppendFloat(w.out, f, 'g', -1, 64)
			return
		}
	}
	w.out = appendJSONString(w.out, n.Value)
}

// isJSONNumber reports whether s is already a JSON number as written.
func isJSONNumber(s string) bool {
	s2 := &jsonScanner{b: []byte(s)}
	if s == "" || !(s[0] == '-' || s[0] >= '0' && s[0] <= '9') {
		return false
	}
	return s2.number() == nil && s2.i == len(s)
}

// appendJSONString appends s as a JSON string; invalid UTF-8 becomes U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
