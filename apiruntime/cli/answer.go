package cli

import (
	"errors"
	"iter"

	"github.com/spf13/cobra"

	"github.com/apigen-dev/apigen/apiruntime"
	"github.com/apigen-dev/apigen/apiruntime/cliprint"
)

// apiFailure marks an error the API (or the way to it) answered, exit 1;
// every other error is a usage error, exit 2.
type apiFailure struct{ err error }

func (e apiFailure) Error() string { return e.err.Error() }
func (e apiFailure) Unwrap() error { return e.err }

// Failed classifies a client method's error: a parameter the client
// rejected before sending is the user's, the end of a --dry-run is no
// error, the rest are the API's.
func Failed(err error) error {
	if errors.Is(err, errDryRun) {
		return nil
	}
	var ve *apiruntime.ValidationError
	if errors.As(err, &ve) {
		return err
	}
	return apiFailure{err}
}

// Print writes an answer in the -o format.
func Print(cmd *cobra.Command, v any) error {
	format, _ := cmd.Flags().GetString("output")
	if err := cliprint.Print(cmd.OutOrStdout(), format, v); err != nil {
		return apiFailure{err}
	}
	return nil
}

// PrintAll collects every item of a paging iterator and prints them as
// one list; the first error stops it.
func PrintAll[T any](cmd *cobra.Command, items iter.Seq2[T, error]) error {
	all := []T{}
	for item, err := range items {
		if err != nil {
			return Failed(err)
		}
		all = append(all, item)
	}
	return Print(cmd, all)
}
