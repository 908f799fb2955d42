package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/apigen-dev/apigen/output"
)

func newGenerate(stdout, stderr io.Writer) *cobra.Command {
	var f pkgFlags
	var all, force bool
	cmd := &cobra.Command{
		Use:   "generate [flags] INPUT...",
		Short: "Generate a Go package from API docs or specs",
		Long: `generate reads every INPUT (files, or directories walked recursively; the
format of each file is detected) and writes one Go package. The package is
written whole or not at all, and only files carrying apigen's generated header
are replaced or deleted.`,
		Example: `  apigen generate -o internal/petstore specs/petstore.yaml
  apigen generate -o zstack -p zstack docs/zstack-dev-manual/
  apigen generate --versions cloudtower-releases/ -o tower --target-version 3.0.0
  apigen generate -c apigen.yaml          # in a //go:generate line`,
		RunE: func(cmd *cobra.Command, args []string) error {
			pkgs, err := f.packages(args)
			if err != nil {
				return err
			}
			// Every package is rendered before any is written: a config with
			// several packages is written all or not at all.
			var dirs []output.Dir
			var stamps []string
			for _, p := range pkgs {
				fp, err := fingerprint(p)
				if err != nil {
					return err
				}
				// The package and its CLI share one stamp fingerprint: a
				// stale or hand-edited CLI regenerates both.
				if !force && upToDate(p.Output, fp) && (p.CLI == "" || upToDate(p.CLI, fp)) {
					fmt.Fprintf(stderr, "apigen: %s is up to date (inputs, options and apigen unchanged; --force regenerates)\n", p.Output)
					continue
				}
				api, files, diags, err := render(p)
				report(stderr, p, api, diags, all)
				if err != nil {
					if len(pkgs) > 1 {
						return fmt.Errorf("package %s: %w", p.Output, err)
					}
					return err
				}
				dirs = append(dirs, output.Dir{Path: p.Output, Files: files})
				stamps = append(stamps, fp)
				if p.CLI != "" {
					cli, err := renderCLIReport(p, api, stderr)
					if err != nil {
						return err
					}
					dirs = append(dirs, output.Dir{Path: p.CLI, Files: cli})
					stamps = append(stamps, fp)
				}
			}
			if err := output.WriteAll(dirs); err != nil {
				return err
			}
			for i, d := range dirs {
				fmt.Fprintf(stdout, "apigen: wrote %d files to %s\n", len(d.Files), d.Path)
				if err := writeStamp(d.Path, stamps[i], d.Files); err != nil {
					// The package is written; without a stamp the next run
					// just regenerates.
					fmt.Fprintf(stderr, "apigen: %s: %v\n", d.Path, err)
				}
			}
			return nil
		},
	}
	f.register(cmd, true)
	cmd.Flags().BoolVar(&all, "warnings", false, "print every warning, not only the first 20")
	cmd.Flags().BoolVar(&force, "force", false, "regenerate even when inputs, options and apigen are unchanged since the last run")
	return cmd
}

func newCheck(stdout, stderr io.Writer) *cobra.Command {
	var f pkgFlags
	cmd := &cobra.Command{
		Use:   "check [flags] INPUT...",
		Short: "Exit 1 with a diff when generated code on disk is stale",
		Long: `check regenerates in memory and compares with the output directory. It exits 0
when they match, 1 (printing a unified diff) when they differ, 2 on bad input.
It never writes. Use it in CI after the same flags or config as generate.`,
		Example: `  apigen check -c apigen.yaml
  apigen check -o internal/petstore specs/petstore.yaml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			pkgs, err := f.packages(args)
			if err != nil {
				return err
			}
			stale := false
			for _, p := range pkgs {
				api, files, diags, err := render(p)
				if err != nil {
					report(stderr, p, nil, diags, false)
					return err
				}
				dirs := []output.Dir{{Path: p.Output, Files: files}}
				if p.CLI != "" {
					cli, err := renderCLIReport(p, api, stderr)
					if err != nil {
						return err
					}
					dirs = append(dirs, output.Dir{Path: p.CLI, Files: cli})
				}
				for _, d := range dirs {
					diff, err := output.Check(d.Path, d.Files)
					if err != nil {
						return err
					}
					if diff != "" {
						stale = true
						fmt.Fprint(stdout, diff)
						fmt.Fprintf(stderr, "apigen: %s is out of date; run apigen generate\n", d.Path)
					}
				}
			}
			if stale {
				return errStale
			}
			return nil
		},
	}
	f.register(cmd, true)
	return cmd
}
