package cli

import (
	"context"
	"errors"

	"github.com/spf13/cobra"

	"github.com/apigen-dev/apigen/apiruntime/zstack"
)

// dryRunSession stands in for a session --dry-run does not log in for.
const dryRunSession = "dry-run-session"

// ZStack declares the management node's auth flags and a login command,
// and returns what gives a command its transport. A command runs with,
// in this order: --session (from an earlier login), a login with
// --account and --password (logged out again once it has run), or an
// AccessKey pair; each from its flag, else the environment.
func ZStack(a *App) func(cmd *cobra.Command) *zstack.Transport {
	a.SettingFlag("account", "account name to log in with, with --password")
	a.SecretFlag("password", "the account's password (sent as its SHA-512, as ZStack wants)")
	a.SecretFlag("session", "session uuid of an earlier login (see the login command)")
	a.SettingFlag("access-key-id", "AccessKey ID, to sign calls instead of logging in")
	a.SecretFlag("access-key-secret", "AccessKey secret")
	build := func(cmd *cobra.Command) *zstack.Transport {
		var opts []zstack.Option
		if c := a.DryRun(cmd); c != nil {
			opts = append(opts, zstack.WithHTTPClient(c))
		}
		if id := a.Setting(cmd, "access-key-id"); id != "" {
			opts = append(opts, zstack.WithAccessKey(id, a.Secret(cmd, "access-key-secret")))
		}
		return zstack.New(a.Endpoint(cmd), opts...)
	}
	logIn := func(cmd *cobra.Command, tr *zstack.Transport) error {
		account, password := a.Setting(cmd, "account"), a.Secret(cmd, "password")
		if account == "" || password == "" {
			return errors.New("login: give --account and --password (or their environment variables)")
		}
		// What goes on the wire is the hash, which logs in as well as the password.
		a.Mask(zstack.HashPassword(password))
		return tr.LogInByAccount(cmd.Context(), account, password)
	}
	a.Root.AddCommand(loginCommand("log in with --account and --password and print the session uuid, for --session", func(cmd *cobra.Command) (string, error) {
		tr := build(cmd)
		if err := logIn(cmd, tr); err != nil {
			return "", err
		}
		return tr.Session(), nil
	}))

	var tr *zstack.Transport
	a.PreRun(func(cmd *cobra.Command) error {
		if !needsLogin(cmd) {
			return nil
		}
		tr = build(cmd)
		if s := a.Secret(cmd, "session"); s != "" {
			tr.SetSession(s)
			return nil
		}
		if a.Setting(cmd, "account") == "" {
			// An AccessKey pair, or nothing: the call says so.
			return nil
		}
		if a.DryRun(cmd) != nil {
			tr.SetSession(dryRunSession)
			return nil
		}
		if err := logIn(cmd, tr); err != nil {
			return Failed(err)
		}
		a.AtEnd(func() { _ = tr.LogOut(context.WithoutCancel(cmd.Context())) })
		return nil
	})
	return func(*cobra.Command) *zstack.Transport { return tr }
}
