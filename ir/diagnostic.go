package ir

import (
	"cmp"
	"fmt"
	"slices"
)

// Severity of a diagnostic: an error stops generation, a warning does not.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Diagnostic is one problem found in the input, with its position. Kind is a
// short stable class ("unreadable-table", "untyped-schema", "type-change")
// so summaries can count warnings by kind.
type Diagnostic struct {
	Pos      Pos      `json:"pos"`
	Severity Severity `json:"severity"`
	Kind     string   `json:"kind"`
	Message  string   `json:"message"`
}

func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s: %s [%s]", d.Pos, d.Severity, d.Message, d.Kind)
}

// Warnf returns a warning diagnostic.
func Warnf(pos Pos, kind, format string, args ...any) Diagnostic {
	return Diagnostic{Pos: pos, Severity: Warning, Kind: kind, Message: fmt.Sprintf(format, args...)}
}

// Errorf returns an error diagnostic.
func Errorf(pos Pos, kind, format string, args ...any) Diagnostic {
	return Diagnostic{Pos: pos, Severity: Error, Kind: kind, Message: fmt.Sprintf(format, args...)}
}

// SortDiagnostics orders diagnostics by file, line, column and message, so
// output is stable whatever order files were read in.
func SortDiagnostics(ds []Diagnostic) {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// HasErrors reports whether any diagnostic is an error.
func HasErrors(ds []Diagnostic) bool {
	return slices.ContainsFunc(ds, func(d Diagnostic) bool { return d.Severity == Error })
}
