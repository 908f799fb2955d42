// Package cliprint writes the answers of apigen's generated command-line
// clients as JSON, YAML or a table: hand-written once here so the
// generated main.go stays short. It sits beside apiruntime, which the
// generated clients import; only the CLIs import this.
package cliprint
