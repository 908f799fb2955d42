package main

import (
	"encoding/json"
	"io"

	"github.com/spf13/cobra"
)

func newIR(stdout, stderr io.Writer) *cobra.Command {
	var f pkgFlags
	cmd := &cobra.Command{
		Use:   "ir [flags] INPUT...",
		Short: "Print the intermediate representation as JSON",
		Long: `ir parses the inputs and prints apigen's intermediate representation — the
contract between its parsers and emitters — as stable, indented JSON. The
schema is documented in the README.`,
		Example: `  apigen ir specs/petstore.yaml | jq '.operations[].name'
  apigen ir ../docs/run_instances.md | jq '.operations[0].params[] | select(.required)'`,
		RunE: func(cmd *cobra.Command, args []string) error {
			api, err := f.loadOne(args, "ir prints", stderr)
			if err != nil {
				return err
			}
			enc := json.NewEncoder(stdout)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			return enc.Encode(api)
		},
	}
	f.register(cmd, false)
	return cmd
}
