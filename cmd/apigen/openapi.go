package main

import (
	"bytes"
	"io"

	"github.com/spf13/cobra"

	"github.com/apigen-dev/apigen/oas"
	"github.com/apigen-dev/apigen/output"
)

func newOpenAPI(stdout, stderr io.Writer) *cobra.Command {
	var f pkgFlags
	var out string
	cmd := &cobra.Command{
		Use:   "openapi [flags] INPUT...",
		Short: "Write the API as an OpenAPI 3.1 document",
		Long: `openapi parses the inputs (any format apigen reads) and writes the IR as an
OpenAPI 3.1 document, JSON or YAML by the output file's extension (JSON on
stdout without -o), so ZStack and QingCloud docs can feed Swagger UI, Postman,
oasdiff or another generator. What OpenAPI has no word for (since-versions,
async calls, body keys, paging, actions) travels in x-apigen-* extensions,
which apigen reads back: apigen ir of the export gives the same IR.`,
		Example: `  apigen openapi -o zstack.yaml docs/zstack-dev-manual/
  apigen openapi docs/qingcloud/ > qingcloud.json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			api, err := f.loadOne(args, "openapi writes", stderr)
			if err != nil {
				return err
			}
			var b bytes.Buffer
			if err := oas.Write(&b, api, oas.FormatOf(out)); err != nil {
				return err
			}
			if out == "" {
				_, err := stdout.Write(b.Bytes())
				return err
			}
			return output.WriteFile(out, b.Bytes())
		},
	}
	f.register(cmd, false)
	cmd.Flags().StringVarP(&out, "output", "o", "", "file to write (.json, .yaml or .yml); stdout when empty")
	return cmd
}
