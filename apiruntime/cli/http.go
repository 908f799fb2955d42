package cli

import (
	"github.com/spf13/cobra"

	"github.com/apigen-dev/apigen/apiruntime"
)

// HTTPAuth is which of the OpenAPI security schemes the docs declare, each
// becoming secret flags.
type HTTPAuth struct {
	// Bearer offers --token (bearer and OAuth 2 schemes).
	Bearer bool
	// APIKeyIn ("header", "query", "cookie") and APIKeyName, when set,
	// offer --api-key.
	APIKeyIn, APIKeyName string
	// Basic offers --username and --password.
	Basic bool
}

// HTTP declares auth's flags and returns what builds the generic HTTP
// transport from them for a command.
func HTTP(a *App, auth HTTPAuth) func(cmd *cobra.Command) *apiruntime.HTTPTransport {
	if auth.Bearer {
		a.SecretFlag("token", "bearer token")
	}
	if auth.APIKeyName != "" {
		a.SecretFlag("api-key", "API key, sent as "+auth.APIKeyIn+" "+auth.APIKeyName)
	}
	if auth.Basic {
		a.SecretFlag("username", "basic auth user")
		a.SecretFlag("password", "basic auth password")
	}
	return func(cmd *cobra.Command) *apiruntime.HTTPTransport {
		var opts []apiruntime.Option
		if auth.Bearer {
			if v := a.Secret(cmd, "token"); v != "" {
				opts = append(opts, apiruntime.WithBearerToken(v))
			}
		}
		if auth.APIKeyName != "" {
			if v := a.Secret(cmd, "api-key"); v != "" {
				opts = append(opts, apiruntime.WithAPIKey(auth.APIKeyIn, auth.APIKeyName, v))
			}
		}
		if auth.Basic {
			if user, pass := a.Secret(cmd, "username"), a.Secret(cmd, "password"); user != "" || pass != "" {
				opts = append(opts, apiruntime.WithBasicAuth(user, pass))
			}
		}
		if c := a.DryRun(cmd); c != nil {
			opts = append(opts, apiruntime.WithHTTPClient(c))
		}
		return apiruntime.NewHTTP(a.Endpoint(cmd), opts...)
	}
}
