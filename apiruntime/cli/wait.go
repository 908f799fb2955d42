package cli

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/apigen-dev/apigen/apiruntime"
)

// WaitFlags declares --wait and its --wait-timeout and --poll-interval on
// the command of an operation the docs mark asynchronous.
func WaitFlags(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.Bool("wait", false, "wait until the job or task the call starts has ended, with a progress line on stderr")
	fl.Duration("wait-timeout", 0, "with --wait, give up after this long, e.g. 10m (default: the transport's)")
	fl.Duration("poll-interval", 0, "with --wait, the pause between polls, e.g. 2s (default: the transport's)")
}

// Waiting tells whether --wait was given.
func Waiting(cmd *cobra.Command) bool {
	w, _ := cmd.Flags().GetBool("wait")
	return w
}

// WaitOptions are the call options of --wait: its timeout, interval and
// a progress line on stderr for each poll; none without --wait.
func WaitOptions(cmd *cobra.Command) []apiruntime.CallOption {
	if !Waiting(cmd) {
		return nil
	}
	opts := []apiruntime.CallOption{apiruntime.OnProgress(func(p apiruntime.Progress) {
		fmt.Fprintf(cmd.ErrOrStderr(), "waiting for %s: %s (%s, poll %d)\n", p.ID, p.Status, p.Elapsed.Round(100*time.Millisecond), p.Polls)
	})}
	if d, _ := cmd.Flags().GetDuration("wait-timeout"); d > 0 {
		opts = append(opts, apiruntime.WaitTimeout(d))
	}
	if d, _ := cmd.Flags().GetDuration("poll-interval"); d > 0 {
		opts = append(opts, apiruntime.PollInterval(d))
	}
	return opts
}
