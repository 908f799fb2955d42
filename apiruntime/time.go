package apiruntime

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Time is a timestamp that decodes what real servers send, not only
// RFC 3339: ZStack's Java-style "Jun 7, 2017 9:20:28 PM", SQL-style
// "2006-01-02 15:04:05", bare dates, RFC 1123/822 and Unix seconds or
// milliseconds as numbers or digit strings. It encodes as RFC 3339.
// Timestamps without a zone are read as UTC: such APIs mean the server's
// local time but do not say which zone that is.
type Time struct{ time.Time }

// ParseTime parses s with every layout Time accepts.
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	// JDK 20+ puts a narrow no-break space before AM/PM.
	s = strings.NewReplacer("\u202f", " ", "\u00a0", " ").Replace(s)
	if s == "" {
		return time.Time{}, nil
	}
	if isNumber(s) {
		f, err := strconv.ParseFloat(s, 64)
		if err == nil {
			return unixTime(f), nil
		}
	}
	// Tried in order; the first that parses wins.
	layouts := [...]string{
		time.RFC3339Nano,
		"2006-01-02T15:04:05Z0700",
		"2006-01-02T15:04:05",
		"2006-01-02 15:04:05Z07:00",
		"2006-01-02 15:04:05",
		"2006-01-02",
		"Jan 2, 2006 3:04:05 PM",  // ZStack (Java DateFormat.DEFAULT, en_US)
		"Jan 2, 2006, 3:04:05 PM", // the same from JDK 9+ (CLDR locale data)
		"Jan 2, 2006 15:04:05",
		time.RFC1123,
		time.RFC1123Z,
		time.RFC850,
		time.RFC822,
		time.RFC822Z,
		time.ANSIC,
		time.UnixDate, // also Java's Date.toString
	}
	for _, layout := range layouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("unrecognised timestamp %q", s)
}

// unixTime reads n as seconds, or as milliseconds when it is too large to
// be seconds before the year 5000 (1e11 ms is March 1973).
func unixTime(n float64) time.Time {
	if math.Abs(n) >= 1e11 {
		ms := math.Floor(n)
		return time.UnixMilli(int64(ms)).Add(time.Duration((n - ms) * float64(time.Millisecond))).UTC()
	}
	sec := math.Floor(n)
	return time.Unix(int64(sec), int64((n-sec)*1e9)).UTC()
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	digits := 0
	for i, c := range s {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
		case (c == '-' || c == '+') && i == 0:
		default:
			return false
		}
	}
	return digits > 0
}

// UnmarshalJSON accepts a string in any layout of ParseTime, a number of
// Unix seconds or milliseconds, or null (the zero Time).
func (t *Time) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if bytes.Equal(b, []byte("null")) {
		t.Time = time.Time{}
		return nil
	}
	var s string
	if len(b) > 0 && b[0] == '"' {
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
	} else {
		s = string(b)
		if !isNumber(s) {
			return fmt.Errorf("timestamp: unexpected JSON %.40s", s)
		}
	}
	parsed, err := ParseTime(s)
	if err != nil {
		return err
	}
	t.Time = parsed
	return nil
}

// MarshalJSON writes RFC 3339, or null for the zero Time.
func (t Time) MarshalJSON() ([]byte, error) {
	if t.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(t.Format(time.RFC3339Nano))
}

// UnmarshalText lets Time be a map key or a text parameter.
func (t *Time) UnmarshalText(b []byte) error {
	parsed, err := ParseTime(string(b))
	if err != nil {
		return err
	}
	t.Time = parsed
	return nil
}

// MarshalText writes RFC 3339.
func (t Time) MarshalText() ([]byte, error) {
	return []byte(t.Format(time.RFC3339Nano)), nil
}
