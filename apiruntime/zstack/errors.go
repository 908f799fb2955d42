package zstack

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Error is ZStack's ErrorCode: the answer of a failed call or job, with the
// error that caused it, if any, in Cause. Unwrap returns Cause, so
// errors.As and errors.Is walk the whole chain.
type Error struct {
	// Operation, StatusCode and JobUUID are set on the outermost error only.
	Operation  string
	StatusCode int
	JobUUID    string

	// Code is the global error code, e.g. "SYS.1006", "HOST.1001".
	Code        string
	Description string
	Details     string
	// Elaboration is the server's explanation, often localised.
	Elaboration string
	Opaque      json.RawMessage
	Cause       *Error
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.Operation != "" {
		b.WriteString(e.Operation)
		b.WriteString(": ")
	}
	if e.JobUUID != "" {
		fmt.Fprintf(&b, "job %s: ", e.JobUUID)
	}
	if e.StatusCode != 0 {
		fmt.Fprintf(&b, "HTTP %d: ", e.StatusCode)
	}
	for c, depth := e, 0; c != nil && depth < 16; c, depth = c.Cause, depth+1 {
		if depth > 0 {
			b.WriteString("; caused by ")
		}
		b.WriteString(c.Code)
		if c.Description != "" {
			b.WriteString(" ")
			b.WriteString(c.Description)
		}
		if c.Details != "" && c.Details != c.Description {
			b.WriteString(": ")
			b.WriteString(c.Details)
		}
	}
	return b.String()
}

// Unwrap returns the cause, or nil.
func (e *Error) Unwrap() error {
	if e.Cause == nil {
		return nil
	}
	return e.Cause
}

// Is reports whether target is an *Error with the same Code, so
// errors.Is(err, &zstack.Error{Code: "SYS.1006"}) finds a code anywhere in
// the chain.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Code != "" && t.Code == e.Code
}

// redact scrubs secrets from the text fields the server wrote; a session
// uuid in "session[uuid:…] expired" is one.
func (e *Error) redact(secrets []string) {
	for c := e; c != nil; c = c.Cause {
		for _, s := range secrets {
			if len(s) < 4 {
				continue
			}
			c.Description = strings.ReplaceAll(c.Description, s, "[redacted]")
			c.Details = strings.ReplaceAll(c.Details, s, "[redacted]")
			c.Elaboration = strings.ReplaceAll(c.Elaboration, s, "[redacted]")
			if strings.Contains(string(c.Opaque), s) {
				c.Opaque = json.RawMessage(`"[redacted]"`)
			}
		}
	}
}

type wireError struct {
	Code        string          `json:"code"`
	Description string          `json:"description"`
	Details     string          `json:"details"`
	Elaboration string          `json:"elaboration"`
	Opaque      json.RawMessage `json:"opaque"`
	Cause       *wireError      `json:"cause"`
}

func (w *wireError) toError() *Error {
	if w == nil {
		return nil
	}
	e := &Error{Code: w.Code, Description: w.Description, Details: w.Details, Elaboration: w.Elaboration, Cause: w.Cause.toError()}
	if string(w.Opaque) != "null" {
		e.Opaque = w.Opaque
	}
	return e
}

// parseError reads {"error": {...}} from body; unless enveloped is true, a
// body that is the error object itself is accepted too. nil when body holds
// no ZStack error.
func parseError(body []byte, enveloped bool) *Error {
	var env struct {
		Error *wireError `json:"error"`
	}
	if json.Unmarshal(body, &env) == nil && env.Error != nil && (env.Error.Code != "" || env.Error.Description != "") {
		return env.Error.toError()
	}
	if enveloped {
		return nil
	}
	var w wireError
	if json.Unmarshal(body, &w) == nil && w.Code != "" {
		return w.toError()
	}
	return nil
}
