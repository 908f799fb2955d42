package cli

import "github.com/spf13/cobra"

// SecretFlag declares an auth flag whose value comes from the flag, else
// the environment. It has no default, so --help never shows one.
func (a *App) SecretFlag(name, usage string) {
	a.SettingFlag(name, usage)
}

// Secret reads a secret flag (see SecretFlag) and records its value, which
// --dry-run masks from then on.
func (a *App) Secret(cmd *cobra.Command, name string) string {
	v := a.Setting(cmd, name)
	a.Mask(v)
	return v
}

// Mask records a secret read elsewhere (a config file) for --dry-run to
// mask.
func (a *App) Mask(v string) {
	// Shorter values would mask common substrings of the request.
	if len(v) >= 4 {
		a.masked = append(a.masked, v)
	}
}
