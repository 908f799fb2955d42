package cli

import (
	"github.com/spf13/cobra"
)

// noLogin marks a command that runs without the login the family's
// PreRun does first (the login command itself).
const noLogin = "apigen.dev/no-login"

// noEndpoint marks a command that calls no API (man): it needs no
// endpoint, nor a login.
const noEndpoint = "apigen.dev/no-endpoint"

// needsLogin tells whether cmd calls the API with the session a PreRun
// logs in for: not the login command, not help or completion.
func needsLogin(cmd *cobra.Command) bool {
	return callsAPI(cmd) && cmd.Annotations[noLogin] == ""
}

// callsAPI reports whether cmd may call the API: not the root, help or
// shell completion, and not marked noEndpoint (man pages).
func callsAPI(cmd *cobra.Command) bool {
	return cmd.Runnable() && cmd.Annotations[noEndpoint] == "" && cmd.Name() != "help" && cmd.Root() != cmd && !isCompletion(cmd)
}

func isCompletion(cmd *cobra.Command) bool {
	for c := cmd; c != nil; c = c.Parent() {
		if c.Name() == "completion" || c.Name() == cobra.ShellCompRequestCmd || c.Name() == cobra.ShellCompNoDescRequestCmd {
			return true
		}
	}
	return false
}

// loginCommand prints the session (token) a login gives, for later
// commands' --session (--token) or environment variable, so a shell
// session logs in once.
func loginCommand(short string, login func(cmd *cobra.Command) (string, error)) *cobra.Command {
	return &cobra.Command{
		Use:         "login",
		Short:       short,
		Args:        cobra.NoArgs,
		Annotations: map[string]string{noLogin: "yes"},
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := login(cmd)
			if err != nil {
				return Failed(err)
			}
			return Print(cmd, map[string]string{"session": s})
		},
	}
}
