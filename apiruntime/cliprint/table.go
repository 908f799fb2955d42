package cliprint

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
)

// maxColumns bounds a table to what fits a terminal line.
const maxColumns = 6

// printTable writes the answer's rows — the answer itself when it is a
// list, else its one list field (items, data, volume_set…), else the
// answer as one row — with the columns that identify a row (see columns).
func printTable(w io.Writer, raw []byte) error {
	var v any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return err
	}
	rows := tableRows(v)
	var keys []string // the rows' keys, in the order the API sent them
	for _, k := range keyOrder(raw) {
		if slices.ContainsFunc(rows, func(r map[string]any) bool { _, ok := r[k]; return ok }) {
			keys = append(keys, k)
		}
	}
	cols := columns(keys, rows)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	header := make([]string, len(cols))
	for i, c := range cols {
		header[i] = strings.ToUpper(c)
	}
	fmt.Fprintln(tw, strings.Join(header, "\t"))
	for _, r := range rows {
		cells := make([]string, len(cols))
		for i, c := range cols {
			cells[i] = cell(r[c])
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	return tw.Flush()
}

// tableRows finds the objects a table lists.
func tableRows(v any) []map[string]any {
	list := []any{v}
	switch t := v.(type) {
	case []any:
		list = t
	case map[string]any:
		var lists [][]any
		for _, f := range t {
			if l, ok := f.([]any); ok {
				lists = append(lists, l)
			}
		}
		if len(lists) == 1 {
			list = lists[0]
		}
	}
	rows := make([]map[string]any, 0, len(list))
	for _, item := range list {
		m, ok := item.(map[string]any)
		if !ok {
			m = map[string]any{"value": item}
		}
		rows = append(rows, m)
	}
	return rows
}

// keyOrder is every object key of the JSON text, first sighting first: the
// order decoding into maps forgets.
func keyOrder(raw []byte) []string {
	type frame struct{ object, wantKey bool }
	var stack []frame
	keys := []string{"value"} // tableRows' name for a row that is not an object
	dec := json.NewDecoder(bytes.NewReader(raw))
	for {
		tok, err := dec.Token()
		if err != nil {
			return keys
		}
		if n := len(stack); n > 0 && stack[n-1].wantKey {
			if k, ok := tok.(string); ok {
				if !slices.Contains(keys, k) {
					keys = append(keys, k)
				}
				stack[n-1].wantKey = false
				continue
			}
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, frame{object: true, wantKey: true})
			continue
		case json.Delim('['):
			stack = append(stack, frame{})
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
		}
		// A value ended: the object holding it expects a key next.
		if n := len(stack); n > 0 && stack[n-1].object {
			stack[n-1].wantKey = true
		}
	}
}

// columns picks, from keys whose values are scalars, those that identify a
// row: IDs, then names, then states, then times of creation; when none
// does, the first scalar keys. At most maxColumns, in that order.
func columns(keys []string, rows []map[string]any) []string {
	var scalar []string
	for _, k := range keys {
		if !slices.ContainsFunc(rows, func(r map[string]any) bool {
			switch r[k].(type) {
			case map[string]any, []any:
				return true
			}
			return false
		}) {
			scalar = append(scalar, k)
		}
	}
	var cols []string
	for _, kind := range []func(string) bool{isID, isName, isStatus, isCreated} {
		for _, k := range scalar {
			if kind(k) && !slices.Contains(cols, k) {
				cols = append(cols, k)
			}
		}
	}
	if len(cols) == 0 {
		cols = scalar
	}
	return cols[:min(len(cols), maxColumns)]
}

func hasAnySuffix(k string, suffixes ...string) bool {
	return slices.ContainsFunc(suffixes, func(s string) bool { return strings.HasSuffix(k, s) })
}

// The key tests go by the spellings APIs use (volume_id, volumeId,
// VolumeID), so that "paid" or "valid" is not an ID.
func isID(k string) bool {
	return k == "id" || k == "uuid" || hasAnySuffix(k, "_id", "Id", "ID", "_uuid", "Uuid", "UUID")
}

func isName(k string) bool {
	return k == "name" || k == "email" || hasAnySuffix(k, "_name", "Name")
}

func isStatus(k string) bool {
	return slices.Contains([]string{"status", "state", "phase"}, k) || hasAnySuffix(k, "_status", "Status", "_state", "State")
}

func isCreated(k string) bool {
	return slices.Contains([]string{"created", "created_at", "createdAt", "create_time", "createDate"}, k)
}

// cell is a scalar as a table shows it: strings bare, null empty.
func cell(v any) string {
	switch t := v.(type) {
	case nil:
		return ""
	case string:
		return strings.NewReplacer("\t", " ", "\n", " ").Replace(t)
	}
	return fmt.Sprint(v)
}
