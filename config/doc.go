// Package config reads apigen.yaml, the file a downstream repository points
// `//go:generate apigen generate -c apigen.yaml` at. It is the CLI's input,
// resolved to plain values before any parsing starts.
package config
