package ir

import (
	"fmt"
	"strings"
)

// CheckPath reports why p, a request path taken from a doc, is not a plain
// absolute path, or nil when it is. Runtimes join such a path to the base
// URL the user configured; a path that could name a scheme, a host or user
// info ("@attacker.example/", "//evil/", "http:…"), that a client could read
// as a separator ("\"), that breaks a request line (CR, LF, NUL, tab) or that
// climbs out of the documented resource ("/a/../b") could send the user's
// credentials elsewhere, so it is refused before any code is generated.
//
// The rule is stricter than RFC 3986 where that costs nothing: "@" is legal
// in a path segment, but no API in the corpus uses one, and refusing it
// anywhere keeps the rule true however a transport joins strings.
func CheckPath(p string) error {
	for i, r := range p {
		switch {
		case r < 0x20 || r == 0x7f:
			return fmt.Errorf("holds the control character %U at byte %d; a path is one line of printable text", r, i)
		case r == '\\':
			return fmt.Errorf("holds a backslash at byte %d, which some clients read as /", i)
		case r == '@':
			return fmt.Errorf("holds an @ at byte %d; before the first / a URL reads it as the end of user info, making what follows the host, so apigen refuses it anywhere", i)
		}
	}
	switch {
	case p == "":
		return fmt.Errorf("is empty; a request path starts with /")
	case strings.HasPrefix(p, "//"):
		return fmt.Errorf("starts with //, which makes what follows a host")
	case !strings.HasPrefix(p, "/"):
		if scheme, _, ok := strings.Cut(p, ":"); ok && isScheme(scheme) {
			return fmt.Errorf("starts with the scheme %q; a doc gives a path, the scheme and host come from the base URL the user configures", scheme+":")
		}
		return fmt.Errorf("does not start with /; a relative path resolves against whatever the base URL ends in")
	}
	for _, seg := range strings.Split(p[1:], "/") {
		if isDotSegment(seg) {
			return fmt.Errorf("has a %q segment, which climbs to another resource once normalised", seg)
		}
	}
	return nil
}

// isScheme reports whether s is an RFC 3986 scheme: a letter, then letters,
// digits, "+", "-" or ".".
func isScheme(s string) bool {
	for i, r := range s {
		letter := 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
		if !letter && (i == 0 || !('0' <= r && r <= '9' || r == '+' || r == '-' || r == '.')) {
			return false
		}
	}
	return s != ""
}

// isDotSegment reports ".", ".." and their percent-encoded spellings
// ("%2e", "%2E%2e"), which servers decode before they normalise.
func isDotSegment(seg string) bool {
	s := strings.ReplaceAll(strings.ToLower(seg), "%2e", ".")
	return s == "." || s == ".."
}

// CheckPaths applies CheckPath to every operation's path and documented
// URLs. Operations with a bad path are removed from api, and each gets an
// error diagnostic at the operation's position, so no emitter can ever see
// one. Parsers check where the path is written, with a finer position;
// this is the final check at the parser → IR boundary, for whatever a
// parser (today's or a future one) let through.
func CheckPaths(api *API) []Diagnostic {
	var diags []Diagnostic
	kept := api.Operations[:0]
	for _, op := range api.Operations {
		if d, bad := OperationPathError(op, op.Pos); bad {
			diags = append(diags, d)
			continue
		}
		kept = append(kept, op)
	}
	clear(api.Operations[len(kept):])
	api.Operations = kept
	return diags
}

// OperationPathError checks op's path and URLs and returns the error
// diagnostic, placed at pos, for the first bad one.
func OperationPathError(op *Operation, pos Pos) (Diagnostic, bool) {
	paths := []string{op.Path}
	if op.Path == "" && op.Method == "" {
		paths = nil // an action-only operation has no path of its own
	}
	for _, u := range op.URLs {
		paths = append(paths, u.Path)
	}
	for _, p := range paths {
		if err := CheckPath(p); err != nil {
			return PathError(pos, fmt.Sprintf("operation %q: path", op.Name), p, err), true
		}
	}
	return Diagnostic{}, false
}

// PathError is the diagnostic for a refused path: what is wrong and what to
// do. what names the path in the doc ("path", "basePath", "operation
// \"X\": path").
func PathError(pos Pos, what, path string, err error) Diagnostic {
	return Errorf(pos, "bad-path", "%s %q %v; correct it in the doc: apigen generates nothing while a doc has such a path", what, path, err)
}
