package cli

import (
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// manCommand writes a man page per command into a directory: hidden, as
// packagers run it once, users read the pages.
func manCommand(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:         "man DIR",
		Short:       "write a man page per command into DIR",
		Args:        cobra.ExactArgs(1),
		Hidden:      true,
		Annotations: map[string]string{noEndpoint: "yes"},
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := os.MkdirAll(args[0], 0o755); err != nil {
				return err
			}
			root.DisableAutoGenTag = true
			return doc.GenManTree(root, &doc.GenManHeader{Title: root.Name(), Section: "1", Source: "apigen"}, args[0])
		},
	}
}
