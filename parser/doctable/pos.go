package doctable

import "fmt"

// Pos is a 1-based position in a source file. Col counts bytes, as go/token
// and goldmark do. Its fields match ir.Pos, so callers convert with ir.Pos(p).
type Pos struct {
	File      string
	Line, Col int
}

// String renders "file:line:col", dropping what is unknown, so that a Pos
// prefixes a diagnostic the way compilers print them.
func (p Pos) String() string {
	switch {
	case p.File == "" && p.Line == 0:
		return "-"
	case p.Line == 0:
		return p.File
	case p.File == "" && p.Col == 0:
		return fmt.Sprintf("%d", p.Line)
	case p.File == "":
		return fmt.Sprintf("%d:%d", p.Line, p.Col)
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Warning is something a reader would see differently from what was parsed,
// such as a code fence that is never closed.
type Warning struct {
	Pos Pos
	Msg string
}

func (w Warning) String() string { return w.Pos.String() + ": " + w.Msg }

func warnf(pos Pos, format string, args ...any) Warning {
	return Warning{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}
