package apiruntime

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
)

// Int64, Float64 and Bool decode what servers send where their docs say
// Integer, Number or Boolean: the JSON type, or the same value as a string
// ("12", "1.5", "true"). null and "" decode as zero. They encode as the
// plain JSON type.
type (
	Int64   int64
	Float64 float64
	Bool    bool
)

// scalarText returns the text of a JSON number, bool or string, unquoted;
// ok is false for null.
func scalarText(b []byte) (s string, ok bool, err error) {
	b = bytes.TrimSpace(b)
	if bytes.Equal(b, []byte("null")) {
		return "", false, nil
	}
	if len(b) > 0 && b[0] == '"' {
		if err := json.Unmarshal(b, &s); err != nil {
			return "", false, err
		}
		s = string(bytes.TrimSpace([]byte(s)))
		return s, s != "", nil
	}
	return string(b), true, nil
}

func (n *Int64) UnmarshalJSON(b []byte) error {
	s, ok, err := scalarText(b)
	if err != nil || !ok {
		*n = 0
		return err
	}
	if i, err := strconv.ParseInt(s, 10, 64); err == nil {
		*n = Int64(i)
		return nil
	}
	// 12.0 or 1e3: accept when it is a whole number in range.
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != math.Trunc(f) || math.Abs(f) > math.MaxInt64 {
		return fmt.Errorf("cannot decode %.40s as an integer", s)
	}
	*n = Int64(f)
	return nil
}

func (n Int64) MarshalJSON() ([]byte, error) { return strconv.AppendInt(nil, int64(n), 10), nil }

func (n *Float64) UnmarshalJSON(b []byte) error {
	s, ok, err := scalarText(b)
	if err != nil || !ok {
		*n = 0
		return err
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return fmt.Errorf("cannot decode %.40s as a number", s)
	}
	*n = Float64(f)
	return nil
}

func (n Float64) MarshalJSON() ([]byte, error) { return json.Marshal(float64(n)) }

func (v *Bool) UnmarshalJSON(b []byte) error {
	s, ok, err := scalarText(b)
	if err != nil || !ok {
		*v = false
		return err
	}
	x, err := strconv.ParseBool(s)
	if err != nil {
		return fmt.Errorf("cannot decode %.40s as a boolean", s)
	}
	*v = Bool(x)
	return nil
}

func (v Bool) MarshalJSON() ([]byte, error) { return strconv.AppendBool(nil, bool(v)), nil }
