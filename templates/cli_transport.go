package templates

import (
	"fmt"
	"strings"

	"github.com/apigen-dev/apigen/ir"
)

// cliGenericClient offers a flag for each security scheme the docs
// declare: bearer token, API key, basic user and password.
func (g *gen) cliGenericClient() string {
	var apiKey *ir.Security
	kinds := map[ir.SecurityKind]bool{}
	for i, s := range g.api.Security {
		kinds[s.Kind] = true
		if s.Kind == ir.SecurityAPIKey && apiKey == nil {
			apiKey = &g.api.Security[i]
		}
	}
	var b strings.Builder
	b.WriteString("\tvar opts []apiruntime.Option\n\tvar user, pass string\n")
	if kinds[ir.SecurityBearer] || kinds[ir.SecurityOAuth2] {
		b.WriteString("\tsecret(root, \"token\", \"bearer token\", func(v string) { opts = append(opts, apiruntime.WithBearerToken(v)) })\n")
	}
	if apiKey != nil {
		fmt.Fprintf(&b, "\tsecret(root, \"api-key\", %q, func(v string) { opts = append(opts, apiruntime.WithAPIKey(%q, %q, v)) })\n",
			"API key, sent as "+apiKey.In+" "+apiKey.Param, apiKey.In, apiKey.Param)
	}
	if kinds[ir.SecurityBasic] {
		b.WriteString("\tsecret(root, \"username\", \"basic auth user\", func(v string) { user = v })\n")
		b.WriteString("\tsecret(root, \"password\", \"basic auth password\", func(v string) { pass = v })\n")
	}
	b.WriteString(`	client = func(cmd *cobra.Command) *api.Client {
		for _, s := range secrets {
			s(cmd)
		}
		if user != "" || pass != "" {
			opts = append(opts, apiruntime.WithBasicAuth(user, pass))
		}
		if dry, _ := cmd.Flags().GetBool("dry-run"); dry {
			opts = append(opts, apiruntime.WithHTTPClient(dryRun(cmd)))
		}
		return api.New(apiruntime.NewHTTP(endpointOf(cmd), opts...))
	}
`)
	return b.String()
}

// cliQingCloudClient signs with an access key from the flags, else the
// environment, else QingCloud's own config file (qy_access_key_id,
// qy_secret_access_key, zone).
const cliQingCloudClient = `	var keyID, secretKey string
	root.PersistentFlags().String("access-key-id", "", "access key ID (env "+envPrefix+"ACCESS_KEY_ID)")
	secret(root, "secret-access-key", "secret access key", func(v string) { secretKey = v })
	root.PersistentFlags().String("zone", "", "zone, e.g. pek3a (env "+envPrefix+"ZONE)")
	root.PersistentFlags().String("config", "", "QingCloud config file: qy_access_key_id, qy_secret_access_key, zone (default ~/.qingcloud/config.yaml)")
	// A fixed time_stamp makes a signature reproducible, e.g. the docs'
	// examples with --dry-run; the clock still runs from it, for the rate limit.
	var stamp time.Time
	root.PersistentFlags().String("time-stamp", "", "sign as if it were this UTC time, e.g. 2013-08-27T14:30:10Z (for testing and reproducing signatures; the API refuses a time_stamp over 60 s old)")
	preRun = append(preRun, func(cmd *cobra.Command) error {
		s, _ := cmd.Flags().GetString("time-stamp")
		if s == "" {
			return nil
		}
		t, err := time.Parse(qingcloud.TimeFormat, s)
		if err != nil {
			return fmt.Errorf("--time-stamp: want the form %s: %w", qingcloud.TimeFormat, err)
		}
		stamp = t
		return nil
	})
	client = func(cmd *cobra.Command) *api.Client {
		for _, s := range secrets {
			s(cmd)
		}
		keyID, _ = cmd.Flags().GetString("access-key-id")
		keyID = cmp.Or(keyID, os.Getenv(envPrefix+"ACCESS_KEY_ID"))
		zone, _ := cmd.Flags().GetString("zone")
		zone = cmp.Or(zone, os.Getenv(envPrefix+"ZONE"))
		conf := qingcloudConfig(cmd)
		keyID, zone = cmp.Or(keyID, conf["qy_access_key_id"]), cmp.Or(zone, conf["zone"])
		if secretKey == "" && conf["qy_secret_access_key"] != "" {
			secretKey = conf["qy_secret_access_key"]
			secretValues = append(secretValues, secretKey)
		}
		var opts []qingcloud.Option
		if dry, _ := cmd.Flags().GetBool("dry-run"); dry {
			// One attempt: a retry would print the request again.
			opts = append(opts, qingcloud.WithHTTPClient(dryRun(cmd)), qingcloud.WithRetry(qingcloud.RetryPolicy{MaxAttempts: 1}))
		}
		if !stamp.IsZero() {
			start := time.Now()
			opts = append(opts, qingcloud.WithClock(func() time.Time { return stamp.Add(time.Since(start)) }, nil))
		}
		return api.New(qingcloud.New(endpointOf(cmd), keyID, secretKey, zone, opts...))
	}
`

// cliQingCloudHelpers reads QingCloud's flat "key: value" config file
// without a YAML dependency in the user's module.
const cliQingCloudHelpers = `
// qingcloudConfig reads the --config file (by default
// ~/.qingcloud/config.yaml, which may be absent) as flat "key: value" lines.
func qingcloudConfig(cmd *cobra.Command) map[string]string {
	path, _ := cmd.Flags().GetString("config")
	if path == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return nil
		}
		path = filepath.Join(home, ".qingcloud", "config.yaml")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	conf := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok || strings.HasPrefix(strings.TrimSpace(k), "#") {
			continue
		}
		conf[strings.TrimSpace(k)] = strings.Trim(strings.TrimSpace(v), "'\"")
	}
	return conf
}
`
