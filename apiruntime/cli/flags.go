package cli

import (
	"strings"

	"github.com/spf13/cobra"
)

// Flag is one parameter's flag in a generated command.
type Flag struct {
	// Name is the flag's; Field the JSON name of its field in the param
	// struct ("" for the request body, bound by BindJSON).
	Name, Field string
	// Kind is how it is read: string, int, float, bool, strings, ints,
	// floats, or json (JSON text, or @file.json).
	Kind     string
	Usage    string
	Required bool
	// Enum are the values shell completion offers.
	Enum []string
}

// AddFlags declares flags on cmd, marks the required ones and registers
// the completion of their documented values.
func AddFlags(cmd *cobra.Command, flags []Flag) {
	fl := cmd.Flags()
	for _, f := range flags {
		switch f.Kind {
		case "int":
			fl.Int64(f.Name, 0, f.Usage)
		case "float":
			fl.Float64(f.Name, 0, f.Usage)
		case "bool":
			fl.Bool(f.Name, false, f.Usage)
		case "strings":
			fl.StringArray(f.Name, nil, strings.TrimSpace(f.Usage+" (repeat for each value)"))
		case "ints":
			fl.Int64Slice(f.Name, nil, strings.TrimSpace(f.Usage+" (repeat for each value)"))
		case "floats":
			fl.Float64Slice(f.Name, nil, strings.TrimSpace(f.Usage+" (repeat for each value)"))
		default:
			fl.String(f.Name, "", f.Usage)
		}
		if f.Required {
			_ = cmd.MarkFlagRequired(f.Name)
		}
		if len(f.Enum) > 0 {
			_ = cmd.RegisterFlagCompletionFunc(f.Name, cobra.FixedCompletions(f.Enum, cobra.ShellCompDirectiveNoFileComp))
		}
	}
}

// Group is a command grouping an API resource's (tag's, service's)
// operations.
func Group(name string, cmds ...*cobra.Command) *cobra.Command {
	g := &cobra.Command{Use: name, Short: "Operations on " + name, Args: cobra.NoArgs}
	g.AddCommand(cmds...)
	return g
}
