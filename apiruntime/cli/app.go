package cli

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/apigen-dev/apigen/apiruntime/cliprint"
)

// Config is what a generated main.go says about its API.
type Config struct {
	// Name is the command's name; Short its one-line help (the API's).
	Name, Short string
	// EnvPrefix prefixes the environment variables that stand in for the
	// endpoint and auth flags ("PETSTORE_").
	EnvPrefix string
	// Endpoint is the base URL when neither flag nor environment gives one.
	Endpoint string
}

// App is one run of a generated CLI: its root command and the secrets it
// read. Everything lives here rather than in package variables, so a
// process (a test) can build and run any number of them.
type App struct {
	Root   *cobra.Command
	cfg    Config
	masked []string
	preRun []func(cmd *cobra.Command) error
	// atEnd runs after the command, whatever its outcome (a logout).
	atEnd []func()
}

// New builds the root command with the flags every generated CLI has:
// --endpoint, --dry-run and -o.
func New(cfg Config) *App {
	root := &cobra.Command{
		Use:           cfg.Name,
		Short:         cfg.Short,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	a := &App{Root: root, cfg: cfg}
	fl := root.PersistentFlags()
	endpointDefault := "; no default: required"
	if cfg.Endpoint != "" {
		endpointDefault = "; default " + cfg.Endpoint
	}
	fl.String("endpoint", "", "the API's base URL (env "+a.env("endpoint")+endpointDefault+")")
	fl.Bool("dry-run", false, "print the request that would be sent (secrets masked) instead of sending it")
	fl.StringP("output", "o", cliprint.Formats[0], "answer format: "+strings.Join(cliprint.Formats, ", ")+" (a table shows a list's id, name and status-like fields)")
	_ = root.RegisterFlagCompletionFunc("output", cobra.FixedCompletions(cliprint.Formats, cobra.ShellCompDirectiveNoFileComp))
	root.AddCommand(manCommand(root))
	a.PreRun(func(cmd *cobra.Command) error {
		format, _ := cmd.Flags().GetString("output")
		return cliprint.Check(format)
	})
	a.PreRun(func(cmd *cobra.Command) error {
		// A call without an endpoint is a usage error, said before the
		// transport refuses an empty base URL; cobra's own commands and
		// man pages need none.
		if callsAPI(cmd) && a.Endpoint(cmd) == "" {
			return fmt.Errorf("no endpoint: give --endpoint or set %s", a.env("endpoint"))
		}
		return nil
	})
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error {
		for _, check := range a.preRun {
			if err := check(cmd); err != nil {
				return err
			}
		}
		return nil
	}
	return a
}

// PreRun adds a check of flags every command shares, run before any
// request is sent; its error is a usage error.
func (a *App) PreRun(check func(cmd *cobra.Command) error) { a.preRun = append(a.preRun, check) }

// AtEnd runs f once the command has run, whatever its outcome.
func (a *App) AtEnd(f func()) { a.atEnd = append(a.atEnd, f) }

// Run executes args and returns the exit status: 0 ok, 1 API error (the
// error printed on stderr), 2 usage error.
func (a *App) Run(args []string, stdout, stderr io.Writer) int {
	a.Root.SetArgs(args)
	a.Root.SetOut(stdout)
	a.Root.SetErr(stderr)
	err := a.Root.Execute()
	for _, f := range a.atEnd {
		f()
	}
	if err == nil {
		return 0
	}
	fmt.Fprintln(stderr, "Error:", err)
	var af apiFailure
	if errors.As(err, &af) {
		return 1
	}
	return 2
}

// env is the environment variable standing in for flag name.
func (a *App) env(name string) string {
	return a.cfg.EnvPrefix + strings.ToUpper(strings.ReplaceAll(name, "-", "_"))
}

// Setting is a persistent flag's value, else its environment variable's.
func (a *App) Setting(cmd *cobra.Command, name string) string {
	v, _ := cmd.Flags().GetString(name)
	return cmp.Or(v, os.Getenv(a.env(name)))
}

// SettingFlag declares a persistent string flag that Setting reads.
func (a *App) SettingFlag(name, usage string) {
	a.Root.PersistentFlags().String(name, "", usage+" (env "+a.env(name)+")")
}

// Endpoint is the base URL from the flag, else the environment, else the
// docs' first server.
func (a *App) Endpoint(cmd *cobra.Command) string {
	return cmp.Or(a.Setting(cmd, "endpoint"), a.cfg.Endpoint)
}
