// Package cli is the fixed part of apigen's generated command-line
// clients: the root command and its exit codes, auth and endpoint from
// flags, environment and config files, flag binding, --dry-run and the
// answer printer. Written once here, so a generated main.go holds only
// what differs per API. Only the generated CLIs import it; the generated
// client packages import apiruntime and the family packages alone.
package cli
