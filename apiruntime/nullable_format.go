package apiruntime

import "fmt"

// Format prints the value a Nullable holds, so %v of a struct with
// nullable fields shows values rather than the type's internals: "null"
// for an explicit null, "<unset>" when absent, else the value with the
// same verb and flags.
func (n Nullable[T]) Format(f fmt.State, verb rune) {
	switch n.state {
	case stateNull:
		fmt.Fprint(f, "null")
	case stateAbsent:
		fmt.Fprint(f, "<unset>")
	default:
		fmt.Fprintf(f, fmt.FormatString(f, verb), n.value)
	}
}
