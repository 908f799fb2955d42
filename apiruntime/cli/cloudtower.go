package cli

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/apigen-dev/apigen/apiruntime/cloudtower"
)

// CloudTower declares the tower's auth flags and a login command, and
// returns what gives a command its transport: with --token (from an
// earlier login), else a login with --username and --password; each from
// its flag, else the environment.
func CloudTower(a *App) func(cmd *cobra.Command) *cloudtower.Transport {
	a.SettingFlag("username", "user to log in with, with --password")
	a.SecretFlag("password", "the user's password")
	a.SettingFlag("user-source", "user directory: LOCAL (default), LDAP, AUTHN, SSO")
	a.SecretFlag("token", "token of an earlier login (see the login command)")
	a.SettingFlag("language", "content-language of messages: en-US or zh-CN")
	build := func(cmd *cobra.Command) *cloudtower.Transport {
		var opts []cloudtower.Option
		if c := a.DryRun(cmd); c != nil {
			opts = append(opts, cloudtower.WithHTTPClient(c))
		}
		if l := a.Setting(cmd, "language"); l != "" {
			opts = append(opts, cloudtower.WithLanguage(l))
		}
		return cloudtower.New(a.Endpoint(cmd), opts...)
	}
	logIn := func(cmd *cobra.Command, tr *cloudtower.Transport) error {
		user, password := a.Setting(cmd, "username"), a.Secret(cmd, "password")
		if user == "" || password == "" {
			return errors.New("login: give --username and --password (or their environment variables)")
		}
		var opts []cloudtower.LoginOption
		if s := a.Setting(cmd, "user-source"); s != "" {
			opts = append(opts, cloudtower.WithUserSource(s))
		}
		return tr.Login(cmd.Context(), user, password, opts...)
	}
	a.Root.AddCommand(loginCommand("log in with --username and --password and print the token, for --token", func(cmd *cobra.Command) (string, error) {
		tr := build(cmd)
		if err := logIn(cmd, tr); err != nil {
			return "", err
		}
		return tr.Token(), nil
	}))

	var tr *cloudtower.Transport
	a.PreRun(func(cmd *cobra.Command) error {
		if !needsLogin(cmd) {
			return nil
		}
		tr = build(cmd)
		if s := a.Secret(cmd, "token"); s != "" {
			tr.SetToken(s)
			return nil
		}
		if a.Setting(cmd, "username") == "" {
			return nil
		}
		if a.DryRun(cmd) != nil {
			tr.SetToken(dryRunSession)
			return nil
		}
		if err := logIn(cmd, tr); err != nil {
			return Failed(err)
		}
		// Towers have no logout; the token expires on its own.
		a.Mask(tr.Token())
		return nil
	})
	return func(*cobra.Command) *cloudtower.Transport { return tr }
}
