package cli

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"

	"github.com/spf13/cobra"
)

// errDryRun stops a call once --dry-run has printed its request.
var errDryRun = errors.New("dry run: not sent")

// DryRun is the HTTP client of --dry-run, which prints each request
// instead of sending it; nil without --dry-run.
func (a *App) DryRun(cmd *cobra.Command) *http.Client {
	if dry, _ := cmd.Flags().GetBool("dry-run"); !dry {
		return nil
	}
	return &http.Client{Transport: printer{a, cmd.OutOrStdout()}}
}

type printer struct {
	a *App
	w io.Writer
}

func (p printer) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		defer r.Body.Close()
	}
	return nil, p.a.printRequest(p.w, r)
}

// printRequest writes r as it would go on the wire (method, URL, sorted
// headers, body), every secret in use replaced by "***", and stops it.
func (a *App) printRequest(w io.Writer, r *http.Request) error {
	mask := func(s string) string {
		for _, v := range a.masked {
			s = strings.ReplaceAll(s, v, "***")
		}
		return s
	}
	fmt.Fprintf(w, "%s %s\n", r.Method, mask(r.URL.String()))
	keys := make([]string, 0, len(r.Header))
	for k := range r.Header {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		for _, v := range r.Header[k] {
			if k == "Authorization" {
				// The scheme stays visible; basic credentials are base64 of the secrets.
				scheme, _, _ := strings.Cut(v, " ")
				v = scheme + " ***"
			}
			fmt.Fprintf(w, "%s: %s\n", k, mask(v))
		}
	}
	if r.Body != nil {
		b, err := io.ReadAll(r.Body)
		if err != nil {
			return err
		}
		if len(b) > 0 {
			fmt.Fprintf(w, "\n%s\n", mask(string(b)))
		}
	}
	return errDryRun
}
