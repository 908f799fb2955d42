package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"
)

// Exit codes, documented in the README.
const (
	exitOK    = 0
	exitStale = 1 // apigen check: the output on disk differs; apigen diff: --fail-on found changes
	exitError = 2 // bad usage or bad input: nothing was written
)

// version is set at release time with -ldflags "-X main.version=…".
var version = "devel"

// errStale tells Run that check found differences, already printed.
var errStale = errors.New("generated code is out of date")

// Run is the whole CLI, callable from tests without a process.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRoot(stdout, stderr)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errStale), errors.Is(err, errChanges):
		return exitStale
	}
	fmt.Fprintln(stderr, "apigen:", err)
	return exitError
}

func newRoot(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "apigen",
		Short: "Generate typed Go clients from API reference docs and OpenAPI specs",
		Long: `apigen reads API documentation as vendors publish it — OpenAPI 3, Swagger 2,
ZStack reference pages (Markdown, HTML, scraped text), QingCloud/Shanhe action
pages (Markdown, AsciiDoc) — into one intermediate representation, and emits a
Go package: param models with Validate, since-annotated response structs, and a
client over apigen's runtime.`,
		Example: `  apigen generate -o internal/petstore specs/openapi/petstore.yaml
  apigen generate -c apigen.yaml
  apigen ir docs/run_instances.md
  apigen check -c apigen.yaml`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(newGenerate(stdout, stderr), newCheck(stdout, stderr), newIR(stdout, stderr), newDiff(stdout, stderr), newOpenAPI(stdout, stderr), newVersion(stdout))
	return root
}

func newVersion(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print apigen's version",
		Example: "  apigen version",
		Args:    cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			_, err := fmt.Fprintln(stdout, "apigen", version)
			return err
		},
	}
}
