package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
)

// maxJSONFile bounds an @file.json read: a request body, not a disk image.
const maxJSONFile = 64 << 20

// BindParams fills p from the flags given: the values go through JSON,
// keyed by the fields' JSON names, so the param struct's own types
// (pointers, enums, times) decode them as they decode an answer.
func BindParams(cmd *cobra.Command, flags []Flag, p any) error {
	fl := cmd.Flags()
	m := map[string]any{}
	for _, f := range flags {
		if f.Field == "" || !fl.Changed(f.Name) {
			continue
		}
		var v any
		var err error
		switch f.Kind {
		case "int":
			v, err = fl.GetInt64(f.Name)
		case "float":
			v, err = fl.GetFloat64(f.Name)
		case "bool":
			v, err = fl.GetBool(f.Name)
		case "strings":
			v, err = fl.GetStringArray(f.Name)
		case "ints":
			v, err = fl.GetInt64Slice(f.Name)
		case "floats":
			v, err = fl.GetFloat64Slice(f.Name)
		case "json":
			var raw []byte
			raw, err = jsonFlag(cmd, f.Name)
			v = json.RawMessage(raw)
		default:
			v, err = fl.GetString(f.Name)
		}
		if err != nil {
			return err
		}
		m[f.Field] = v
	}
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, p); err != nil {
		return fmt.Errorf("flags: %w", err)
	}
	return nil
}

// BindJSON decodes the flag's JSON (or @file's) into v when it is given.
func BindJSON(cmd *cobra.Command, name string, v any) error {
	if !cmd.Flags().Changed(name) {
		return nil
	}
	raw, err := jsonFlag(cmd, name)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return fmt.Errorf("--%s: %w", name, err)
	}
	return nil
}

// jsonFlag is a flag's JSON text, read from the file it names after "@".
func jsonFlag(cmd *cobra.Command, name string) ([]byte, error) {
	s, _ := cmd.Flags().GetString(name)
	raw := []byte(s)
	if file, ok := strings.CutPrefix(s, "@"); ok {
		b, err := readLimited(file, maxJSONFile)
		if err != nil {
			return nil, fmt.Errorf("--%s: %w", name, err)
		}
		raw = b
	}
	if !json.Valid(raw) {
		return nil, fmt.Errorf("--%s: not valid JSON", name)
	}
	return raw, nil
}

// readLimited reads a file the user named, refusing one over limit bytes.
func readLimited(name string, limit int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%s: over %d bytes", name, limit)
	}
	return b, nil
}
