package oas

import (
	"bytes"
	"encoding/json"

	"gopkg.in/yaml.v3"
)

// object is a JSON object that keeps its keys in the order they were set,
// so the document reads like a hand-written spec and diffs stay small.
type object struct {
	keys []string
	vals map[string]any
}

func obj() *object { return &object{vals: map[string]any{}} }

// set adds or replaces k; nil, "", false, empty slices and empty objects are
// left out, as a spec writer would.
func (o *object) set(k string, v any) *object {
	if empty(v) {
		return o
	}
	if _, ok := o.vals[k]; !ok {
		o.keys = append(o.keys, k)
	}
	o.vals[k] = v
	return o
}

// put sets k even when v is empty (security: [] means "no auth").
func (o *object) put(k string, v any) *object {
	if _, ok := o.vals[k]; !ok {
		o.keys = append(o.keys, k)
	}
	o.vals[k] = v
	return o
}

func (o *object) get(k string) any { return o.vals[k] }

func empty(v any) bool {
	switch v := v.(type) {
	case nil:
		return true
	case string:
		return v == ""
	case bool:
		return !v
	case []any:
		return len(v) == 0
	case []string:
		return len(v) == 0
	case *object:
		return v == nil || len(v.keys) == 0
	}
	return false
}

func (o *object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range o.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, err := marshal(k)
		if err != nil {
			return nil, err
		}
		b.Write(kb)
		b.WriteByte(':')
		vb, err := marshal(o.vals[k])
		if err != nil {
			return nil, err
		}
		b.Write(vb)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// marshal is json.Marshal without HTML escaping: descriptions keep their
// "<" and "&" readable.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

func (o *object) MarshalYAML() (any, error) {
	n := &yaml.Node{Kind: yaml.MappingNode}
	for _, k := range o.keys {
		var kn, vn yaml.Node
		kn.SetString(k)
		if err := vn.Encode(o.vals[k]); err != nil {
			return nil, err
		}
		n.Content = append(n.Content, &kn, &vn)
	}
	return n, nil
}
